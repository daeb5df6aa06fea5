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
  Expression, Interpolation, parseTokenString, visitExpression, type AnyExpression, type ExpressionVisitor, type IResourceTarget, type PathSegment,
} from '../core/expression.js';
import { Tokens } from '../core/tokens.js';
import { normalizeArgument, type Resolved } from './resolve.js';

/** Longest expression ARM accepts, in characters. */
export const MAX_EXPRESSION_LENGTH = 24_576;

/** Receives every top-level expression string rendered, for the length limit. */
export type ExpressionSink = (expression: string) => void;

/** Renders a resolved value as ARM JSON (expressions become `[...]` strings). */
export function toArmJson(value: Resolved, sink?: ExpressionSink): unknown {
  if (typeof value === 'string') return escapeArmString(value);
  if (value === null || typeof value !== 'object') return value;
  if (Expression.isExpression(value)) {
    const literal = literalOf(value as AnyExpression);
    if (literal !== undefined) return typeof literal === 'string' ? escapeArmString(literal) : literal;
    const rendered = `[${renderArmExpression(value)}]`;
    sink?.(rendered);
    return rendered;
  }
  // Copy on change, as in resolveValue: literal subtrees pass through untouched.
  if (Array.isArray(value)) {
    let out: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const v = toArmJson(value[i], sink);
      if (v !== value[i] && !out) out = value.slice(0, i);
      if (out) out.push(v);
    }
    return out ?? value;
  }
  const keys = Object.keys(value);
  let out: Record<string, unknown> | undefined;
  for (let i = 0; i < keys.length; i++) {
    const key = armKey(keys[i], sink);
    const v = toArmJson(value[keys[i]], sink);
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
function literalOf(e: AnyExpression): string | number | boolean | null | undefined {
  if (e.kind === 'literal') return e.value;
  if (e.kind !== 'resource') return undefined;
  switch (e.attribute.kind) {
    case 'name':
      return typeof e.target.shortName === 'string' && !Tokens.containsToken(e.target.shortName) ? e.target.shortName : undefined;
    case 'type':
      return e.target.resourceType;
    case 'apiVersion':
      return e.target.apiVersion;
    default:
      return undefined;
  }
}

/** An object key: ARM evaluates keys like values, so expressions become "[...]" and literals are escaped. */
function armKey(key: string, sink?: ExpressionSink): string {
  if (!Tokens.containsToken(key)) return escapeArmString(key);
  const rendered = toArmJson(parseTokenString(key), sink);
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

/** Renders an expression node (without brackets). */
export function renderArmExpression(expression: Expression): string {
  return visitExpression(expression, ARM);
}

const ARM: ExpressionVisitor<string> = {
  literal: (e) => renderArgument(e.value),
  parameter: (e) => `parameters(${armStringLiteral(e.parameter.parameterName)})`,
  variable: (e) => `variables(${armStringLiteral(e.variable.variableName)})`,
  call: (e) => `${e.name}(${e.args.map(renderArgument).join(', ')})`,
  access: (e) => renderArmExpression(e.base) + renderAccessPath(e.path),
  interpolation: (e) => renderInterpolation(e.parts),
  resource: (e) => {
    switch (e.attribute.kind) {
      case 'id':
        return armResourceId(e.target);
      case 'name':
        return renderArgument(e.target.shortName);
      case 'type':
        return armStringLiteral(e.target.resourceType);
      case 'apiVersion':
        return armStringLiteral(e.target.apiVersion);
      case 'runtime': {
        const [first, ...rest] = e.attribute.path;
        const id = armResourceId(e.target);
        const version = armStringLiteral(e.target.apiVersion);
        // reference(id, version) returns the properties; 'full' returns the whole body.
        return first === 'properties'
          ? `reference(${id}, ${version})${renderAccessPath(rest)}`
          : `reference(${id}, ${version}, 'full')${renderAccessPath(e.attribute.path)}`;
      }
    }
  },
};

/** `resourceId([subscriptionId,] [resourceGroupName,] 'type', name1, name2...)` for a resource. */
export function armResourceId(target: IResourceTarget): string {
  const args: string[] = [];
  if (target.subscriptionId !== undefined) args.push(renderArgument(target.subscriptionId));
  if (target.resourceGroupName !== undefined) args.push(renderArgument(target.resourceGroupName));
  args.push(armStringLiteral(target.resourceType));
  for (const segment of nameSegments(target)) args.push(renderArgument(segment));
  return `resourceId(${args.join(', ')})`;
}

/** The name segments of a resource: its parents' short names, then its own. */
export function nameSegments(target: IResourceTarget): unknown[] {
  const segments: unknown[] = [];
  for (let t: IResourceTarget | undefined = target; t; t = t.parentResource) segments.unshift(t.shortName);
  return segments;
}

/** The full ARM name of a resource: `parent/child` as an interpolation of its name segments (a plain string when all are literal). */
export function fullNameOf(target: IResourceTarget): string | Expression {
  const parts: Array<string | Expression> = [];
  nameSegments(target).forEach((segment, i) => {
    if (i > 0) parts.push('/');
    parts.push(normalizeArgument(segment) as string | Expression);
  });
  const joined = new Interpolation(parts);
  return joined.parts.length === 1 && typeof joined.parts[0] === 'string' ? joined.parts[0] : joined;
}

/** Renders a value used as a function argument (inside an expression). */
export function renderArgument(arg: unknown): string {
  const value = normalizeArgument(arg);
  if (Expression.isExpression(value)) return renderArmExpression(value);
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
  if (Array.isArray(value)) return `createArray(${value.map(renderArgument).join(', ')})`;
  const entries = Object.entries(value as object).filter(([, v]) => v !== undefined);
  // A key may hold tokens (`{ [nsg.name]: ... }`): renderArgument turns it into an expression.
  return `createObject(${entries.map(([k, v]) => `${renderArgument(k)}, ${renderArgument(v)}`).join(', ')})`;
}

function renderAccessPath(path: readonly PathSegment[]): string {
  return path
    .map((segment) =>
      typeof segment === 'number' ? `[${segment}]` : /^[A-Za-z_][A-Za-z0-9_]*$/.test(segment) ? `.${segment}` : `[${armStringLiteral(segment)}]`,
    )
    .join('');
}

function renderInterpolation(parts: ReadonlyArray<string | Expression>): string {
  if (parts.length === 1 && typeof parts[0] !== 'string') return renderArmExpression(parts[0]);
  if (parts.every((p) => typeof p === 'string')) return armStringLiteral(parts.join(''));
  let format = '';
  const args: string[] = [];
  for (const part of parts) {
    if (typeof part === 'string') {
      format += part.replace(/\{/g, '{{').replace(/\}/g, '}}');
    } else {
      format += `{${args.length}}`;
      args.push(renderArmExpression(part));
    }
  }
  return `format(${[armStringLiteral(format), ...args].join(', ')})`;
}
