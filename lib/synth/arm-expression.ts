/**
 * Renders expression trees and resolved values into ARM template syntax.
 *
 * Rules (https://learn.microsoft.com/azure/azure-resource-manager/templates/template-expressions):
 * - a JSON string that is an expression is `[...]`; nested expressions carry no brackets;
 * - string literals inside expressions are single-quoted with `'` doubled;
 * - a literal JSON string that would read as an expression (starts with `[`, ends with `]`) is
 *   escaped by doubling the first bracket: `[[...]`;
 * - interpolations become `format('{0}-nsg', ...)` with literal braces doubled.
 */
import {
  Expression, parseTokenString, visitExpression, type AnyExpression, type ExpressionVisitor, type IResourceTarget, type PathSegment,
} from '../core/expression.js';
import { Tokens } from '../core/tokens.js';
import { normalizeArgument, type Resolved } from './resolve.js';
import { identityAsWritten, shortNameOf, type IdentityLookup } from './model/identity.js';
import { resourceIdCall, runtimeRead } from './resource-id.js';

/** Longest expression ARM accepts, in characters. */
export const MAX_EXPRESSION_LENGTH = 24_576;

/** Receives every top-level expression string rendered, for the length limit. */
export type ExpressionSink = (expression: string) => void;

/** Renders a resolved value as ARM JSON (expressions become `[...]` strings). */
export function toArmJson(value: Resolved, sink?: ExpressionSink, identityOf: IdentityLookup = identityAsWritten): unknown {
  if (typeof value === 'string') return escapeArmString(value);
  if (value === null || typeof value !== 'object') return value;
  if (Expression.isExpression(value)) {
    const literal = literalOf(value as AnyExpression, identityOf);
    if (literal !== undefined) return typeof literal === 'string' ? escapeArmString(literal) : literal;
    const rendered = `[${renderArmExpression(value, identityOf)}]`;
    sink?.(rendered);
    return rendered;
  }
  // Copy on change, as in resolveValue: literal subtrees pass through untouched.
  if (Array.isArray(value)) {
    let out: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const v = toArmJson(value[i], sink, identityOf);
      if (v !== value[i] && !out) out = value.slice(0, i);
      if (out) out.push(v);
    }
    return out ?? value;
  }
  const keys = Object.keys(value);
  let out: Record<string, unknown> | undefined;
  for (let i = 0; i < keys.length; i++) {
    const key = armKey(keys[i], sink, identityOf);
    const v = toArmJson(value[keys[i]], sink, identityOf);
    if ((v !== value[keys[i]] || key !== keys[i]) && !out) {
      out = {};
      for (let j = 0; j < i; j++) out[keys[j]] = value[keys[j]];
    }
    if (out) out[key] = v;
  }
  return out ?? value;
}

/**
 * The value of an expression known at synth time (a literal node, or the type, api-version or
 * literal name of a resource): written as plain JSON instead of `['x']`.
 */
function literalOf(e: AnyExpression, identityOf: IdentityLookup): string | number | boolean | null | undefined {
  if (e.kind === 'literal') return e.value;
  if (e.kind !== 'resource') return undefined;
  switch (e.attribute.kind) {
    case 'name': {
      const own = shortNameOf(identityOf(e.target));
      return typeof own === 'string' ? own : undefined;
    }
    case 'type':
      return e.target.resourceType;
    case 'apiVersion':
      return e.target.apiVersion;
    default:
      return undefined;
  }
}

/** An object key: ARM evaluates keys like values, so expressions become "[...]" and literals are escaped. */
function armKey(key: string, sink: ExpressionSink | undefined, identityOf: IdentityLookup): string {
  if (!Tokens.containsToken(key)) return escapeArmString(key);
  const rendered = toArmJson(parseTokenString(key), sink, identityOf);
  return typeof rendered === 'string' ? rendered : String(rendered);
}

/** Escapes a literal string so ARM does not evaluate it: `[x]` becomes `[[x]`. */
export function escapeArmString(s: string): string {
  return s.startsWith('[') && s.endsWith(']') ? `[${s}` : s;
}

/** A string literal inside an expression: `'it''s'`. */
export function armStringLiteral(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

/**
 * Renders an expression node (without brackets). Resources are named from `identityOf` (the stack
 * model's resolved identities; by default their names as written).
 */
export function renderArmExpression(expression: Expression, identityOf: IdentityLookup = identityAsWritten): string {
  return visitExpression(expression, ARM, identityOf);
}

const ARM: ExpressionVisitor<string, [IdentityLookup]> = {
  literal: (e, identityOf) => renderArgument(e.value, identityOf),
  parameter: (e) => `parameters(${armStringLiteral(e.parameter.parameterName)})`,
  variable: (e) => `variables(${armStringLiteral(e.variable.variableName)})`,
  call: (e, identityOf) => `${e.name}(${e.args.map((a) => renderArgument(a, identityOf)).join(', ')})`,
  access: (e, identityOf) => renderArmExpression(e.base, identityOf) + renderAccessPath(e.path),
  interpolation: (e, identityOf) => renderInterpolation(e.parts, identityOf),
  resource: (e, identityOf) => {
    switch (e.attribute.kind) {
      case 'id':
        return renderArmExpression(resourceIdCall(identityOf(e.target)), identityOf);
      case 'name':
        return renderArgument(shortNameOf(identityOf(e.target)), identityOf);
      case 'type':
        return armStringLiteral(e.target.resourceType);
      case 'apiVersion':
        return armStringLiteral(e.target.apiVersion);
      case 'runtime':
        return renderArmExpression(runtimeRead(e.target, e.attribute.path), identityOf);
    }
  },
};

/** `resourceId([subscriptionId,] [resourceGroupName,] 'type', name1, name2...)` for a resource. */
export function armResourceId(target: IResourceTarget, identityOf: IdentityLookup = identityAsWritten): string {
  return renderArmExpression(resourceIdCall(identityOf(target)), identityOf);
}

/** Renders a value used as a function argument (inside an expression). */
export function renderArgument(arg: unknown, identityOf: IdentityLookup = identityAsWritten): string {
  const value = normalizeArgument(arg);
  if (Expression.isExpression(value)) return renderArmExpression(value, identityOf);
  switch (typeof value) {
    case 'string':
      return armStringLiteral(value);
    case 'number':
      // Integer literals only for safe integers: others print as `1e+21` or past int64.
      return Number.isSafeInteger(value) && value >= 0 ? String(value) : `json(${armStringLiteral(String(value))})`;
    case 'boolean':
      return value ? 'true()' : 'false()';
  }
  if (value === null || value === undefined) return 'null()';
  if (Array.isArray(value)) return `createArray(${value.map((v) => renderArgument(v, identityOf)).join(', ')})`;
  const entries = Object.entries(value as object).filter(([, v]) => v !== undefined);
  // A key may hold tokens (`{ [nsg.name]: ... }`): renderArgument turns it into an expression.
  return `createObject(${entries.map(([k, v]) => `${renderArgument(k, identityOf)}, ${renderArgument(v, identityOf)}`).join(', ')})`;
}

function renderAccessPath(path: readonly PathSegment[]): string {
  return path
    .map((segment) =>
      typeof segment === 'number' ? `[${segment}]` : /^[A-Za-z_][A-Za-z0-9_]*$/.test(segment) ? `.${segment}` : `[${armStringLiteral(segment)}]`,
    )
    .join('');
}

function renderInterpolation(parts: ReadonlyArray<string | Expression>, identityOf: IdentityLookup): string {
  if (parts.length === 1 && typeof parts[0] !== 'string') return renderArmExpression(parts[0], identityOf);
  if (parts.every((p) => typeof p === 'string')) return armStringLiteral(parts.join(''));
  let format = '';
  const args: string[] = [];
  for (const part of parts) {
    if (typeof part === 'string') {
      format += part.replace(/\{/g, '{{').replace(/\}/g, '}}');
    } else {
      format += `{${args.length}}`;
      args.push(renderArmExpression(part, identityOf));
    }
  }
  return `format(${[armStringLiteral(format), ...args].join(', ')})`;
}
