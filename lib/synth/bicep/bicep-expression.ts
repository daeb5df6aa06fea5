/**
 * Renders expression trees and resolved values as Bicep.
 *
 * Works on the same tree as the ARM renderer (never on ARM strings):
 * - parameters and variables are their symbols; resources are symbolic references
 *   (`vnet.id`, `vnet.name`, `server.properties.fullyQualifiedDomainName`);
 * - interpolations are `'${prefix}-nsg'`;
 * - ARM functions that Bicep spells as operators (`if`, `equals`, `and`, `coalesce`, ...) become
 *   operators, parenthesized by precedence; `createArray`/`createObject` become literals;
 * - a resource without a declaration in the file falls back to `resourceId(...)`.
 */
import {
  Expression, Interpolation, Literal, parseTokenString, type AnyExpression, type IParameterTarget, type IResourceTarget, type IVariableTarget, type PathSegment,
} from '../../core/expression.js';
import { Tokens } from '../../core/tokens.js';
import { nameSegments } from '../arm-expression.js';
import { normalizeArgument, type Resolved } from '../resolve.js';
import { BUILT_IN_FUNCTIONS } from './identifiers.js';
import { IDENTIFIER, bicepKey, bicepString, escapeStringContent, functionNamespace } from './bicep-syntax.js';

/** What the renderer needs to know about the file it writes into. */
export interface BicepContext {
  /** The symbol of a resource declared (or declared `existing`) in the file; undefined if none. */
  symbolOf(target: IResourceTarget): string | undefined;
  /** The symbol of a parameter. */
  parameterSymbol(target: IParameterTarget): string;
  /** The symbol of a variable. */
  variableSymbol(target: IVariableTarget): string;
  /** True if a symbol shadows this built-in function (lower-cased name), so calls must be qualified. */
  isShadowed(functionName: string): boolean;
}

/** Operator precedence, loosest first; atoms (literals, symbols, calls, accesses) bind tightest. */
const enum Precedence {
  Ternary = 1,
  Coalesce,
  Or,
  And,
  Equality,
  Relational,
  Additive,
  Multiplicative,
  Unary,
  Atom,
}

/** Rendered text with the precedence of its outermost operator. */
interface Rendered {
  readonly text: string;
  readonly precedence: Precedence;
}

const atom = (text: string): Rendered => ({ text, precedence: Precedence.Atom });

const BINARY: Record<string, { op: string; precedence: Precedence; variadic?: boolean }> = {
  equals: { op: '==', precedence: Precedence.Equality },
  less: { op: '<', precedence: Precedence.Relational },
  lessorequals: { op: '<=', precedence: Precedence.Relational },
  greater: { op: '>', precedence: Precedence.Relational },
  greaterorequals: { op: '>=', precedence: Precedence.Relational },
  add: { op: '+', precedence: Precedence.Additive },
  sub: { op: '-', precedence: Precedence.Additive },
  mul: { op: '*', precedence: Precedence.Multiplicative },
  div: { op: '/', precedence: Precedence.Multiplicative },
  mod: { op: '%', precedence: Precedence.Multiplicative },
  and: { op: '&&', precedence: Precedence.And, variadic: true },
  or: { op: '||', precedence: Precedence.Or, variadic: true },
  coalesce: { op: '??', precedence: Precedence.Coalesce, variadic: true },
};

/** Canonical spelling of built-in functions (ARM names are case-insensitive, Bicep's are not). */
const CANONICAL_FUNCTION = new Map(BUILT_IN_FUNCTIONS.map((f) => [f.toLowerCase(), f]));

/** Renders an expression as a single-line Bicep expression. */
export function renderBicepExpression(expression: Expression, ctx: BicepContext): string {
  return render(expression, ctx).text;
}

/**
 * Renders a resolved value at `indent`: objects and arrays one item per line without commas
 * (as `bicep format` does), expressions and scalars on one line.
 */
export function renderBicepValue(value: Resolved, ctx: BicepContext, indent = ''): string {
  const out: string[] = [];
  appendBicepValue(out, value, ctx, indent);
  return out.join('');
}

/** Appends a value's fragments to `out` (joined once by the caller: nested joins would copy deep values once per level). */
export function appendBicepValue(out: string[], value: Resolved, ctx: BicepContext, indent: string): void {
  if (Expression.isExpression(value)) {
    out.push(renderBicepExpression(value, ctx));
  } else if (Array.isArray(value)) {
    if (value.length === 0) {
      out.push('[]');
      return;
    }
    const inner = indent + '  ';
    out.push('[');
    for (const item of value) {
      out.push('\n', inner);
      appendBicepValue(out, item, ctx, inner);
    }
    out.push('\n', indent, ']');
  } else if (value !== null && typeof value === 'object') {
    // Resolution keeps objects it did not change, undefined-valued keys included: omit them, as JSON does.
    const keys = Object.keys(value).filter((k) => value[k] !== undefined);
    if (keys.length === 0) {
      out.push('{}');
      return;
    }
    const inner = indent + '  ';
    out.push('{');
    for (const key of keys) {
      out.push('\n', inner, objectKey(key, ctx), ': ');
      appendBicepValue(out, value[key], ctx, inner);
    }
    out.push('\n', indent, '}');
  } else {
    out.push(renderScalar(value === undefined ? null : value).text);
  }
}

function render(expression: Expression, ctx: BicepContext): Rendered {
  const e = expression as AnyExpression;
  switch (e.kind) {
    case 'literal':
      return renderScalar(e.value);
    case 'parameter':
      return atom(ctx.parameterSymbol(e.parameter));
    case 'variable':
      return atom(ctx.variableSymbol(e.variable));
    case 'call':
      return renderCall(e.name, e.args, ctx);
    case 'access':
      return atom(wrap(render(e.base, ctx), Precedence.Atom) + accessPath(e.path));
    case 'interpolation':
      return renderInterpolation(e.parts, ctx);
    case 'resource':
      return renderResourceReference(e.target, e.attribute, ctx);
  }
}

function renderResourceReference(target: IResourceTarget, attribute: AnyResourceAttribute, ctx: BicepContext): Rendered {
  const symbol = ctx.symbolOf(target);
  switch (attribute.kind) {
    case 'id':
      return atom(symbol ? `${symbol}.id` : resourceIdCall(target, ctx));
    case 'name':
      return symbol ? atom(`${symbol}.name`) : renderArgument(target.shortName, ctx);
    case 'type':
      return atom(symbol ? `${symbol}.type` : bicepString(target.resourceType));
    case 'apiVersion':
      return atom(symbol ? `${symbol}.apiVersion` : bicepString(target.apiVersion));
    case 'runtime': {
      const [first, ...rest] = attribute.path;
      // `sym.properties.x` is reference(id, declaredVersion).x; Bicep would inline other
      // top-level keys (location, sku...) from the declaration, so those read the GET body explicitly.
      if (symbol && first === 'properties') return atom(symbol + accessPath(attribute.path));
      const id = symbol ? `${symbol}.id` : resourceIdCall(target, ctx);
      const version = bicepString(target.apiVersion);
      const reference = qualify('reference', ctx);
      return atom(
        first === 'properties'
          ? `${reference}(${id}, ${version})${accessPath(rest)}`
          : `${reference}(${id}, ${version}, 'full')${accessPath(attribute.path)}`,
      );
    }
  }
}

type AnyResourceAttribute = Extract<AnyExpression, { kind: 'resource' }>['attribute'];

/** `resourceId([subscriptionId,] [resourceGroupName,] 'type', names...)`, for resources without a symbol. */
function resourceIdCall(target: IResourceTarget, ctx: BicepContext): string {
  const args: string[] = [];
  if (target.subscriptionId !== undefined) args.push(renderArgument(target.subscriptionId, ctx).text);
  if (target.resourceGroupName !== undefined) args.push(renderArgument(target.resourceGroupName, ctx).text);
  args.push(bicepString(target.resourceType));
  for (const segment of nameSegments(target)) args.push(renderArgument(segment, ctx).text);
  return `${qualify('resourceId', ctx)}(${args.join(', ')})`;
}

function renderCall(name: string, args: readonly unknown[], ctx: BicepContext): Rendered {
  const lower = name.toLowerCase();
  const binary = BINARY[lower];
  if (binary && (binary.variadic ? args.length >= 2 : args.length === 2)) {
    // Left-associative: the right operand must bind tighter than the operator.
    const parts = args.map((a, i) => wrap(renderArgument(a, ctx), i === 0 ? binary.precedence : binary.precedence + 1));
    return { text: parts.join(` ${binary.op} `), precedence: binary.precedence };
  }
  if (lower === 'if' && args.length === 3) {
    const [c, t, f] = args.map((a) => wrap(renderArgument(a, ctx), Precedence.Ternary + 1));
    return { text: `${c} ? ${t} : ${f}`, precedence: Precedence.Ternary };
  }
  if (lower === 'not' && args.length === 1) {
    return { text: `!${wrap(renderArgument(args[0], ctx), Precedence.Unary)}`, precedence: Precedence.Unary };
  }
  if (args.length === 0 && (lower === 'true' || lower === 'false' || lower === 'null')) return atom(lower);
  if (lower === 'format') {
    const parts = formatAsInterpolation(args);
    if (parts) return renderInterpolation(new Interpolation(parts).parts, ctx);
  }
  if (lower === 'createarray') return atom(`[${args.map((a) => renderArgument(a, ctx).text).join(', ')}]`);
  if (lower === 'createobject' && args.length % 2 === 0 && args.every((a, i) => i % 2 === 1 || typeof a === 'string' || Expression.isExpression(a))) {
    const entries: string[] = [];
    for (let i = 0; i < args.length; i += 2) entries.push(`${objectKey(args[i] as string | Expression, ctx)}: ${renderArgument(args[i + 1], ctx).text}`);
    return atom(entries.length ? `{ ${entries.join(', ')} }` : '{}');
  }
  return atom(`${qualify(CANONICAL_FUNCTION.get(lower) ?? name, ctx)}(${args.map((a) => renderArgument(a, ctx).text).join(', ')})`);
}

/**
 * `format('{0}-{1}', 'db', x)` as the parts of `'db-${x}'` (Bicep's prefer-interpolation), when
 * the format is literal and uses plain `{n}` placeholders; string arguments join the text.
 */
function formatAsInterpolation(args: readonly unknown[]): Array<string | Expression> | undefined {
  const format = normalizeArgument(args[0]);
  if (typeof format !== 'string') return undefined;
  const values = args.slice(1).map(normalizeArgument);
  const parts: Array<string | Expression> = [];
  let text = '';
  for (let i = 0; i < format.length; i++) {
    const c = format[i];
    if ((c === '{' || c === '}') && format[i + 1] === c) {
      text += c;
      i++;
      continue;
    }
    if (c === '}') return undefined;
    if (c !== '{') {
      text += c;
      continue;
    }
    const match = /^\{(\d+)\}/.exec(format.slice(i));
    const value = match ? values[Number(match[1])] : undefined;
    if (!match || value === undefined) return undefined;
    if (typeof value === 'string') {
      text += value;
    } else {
      if (!Expression.isExpression(value) && typeof value !== 'number' && typeof value !== 'boolean' && value !== null) return undefined;
      parts.push(text, Expression.isExpression(value) ? value : new Literal(value as number | boolean | null));
      text = '';
    }
    i += match[0].length - 1;
  }
  parts.push(text);
  return parts;
}

/** A function name, namespace-qualified when a symbol of the file shadows it. */
function qualify(name: string, ctx: BicepContext): string {
  return !name.includes('.') && ctx.isShadowed(name.toLowerCase()) ? `${functionNamespace(name)}.${name}` : name;
}

/** Renders a function argument or operand: expressions, strings with tokens, or plain data on one line. */
function renderArgument(arg: unknown, ctx: BicepContext): Rendered {
  const value = normalizeArgument(arg);
  if (Expression.isExpression(value)) return render(value, ctx);
  if (Array.isArray(value)) return atom(`[${value.map((v) => renderArgument(v, ctx).text).join(', ')}]`);
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    return atom(entries.length ? `{ ${entries.map(([k, v]) => `${objectKey(k, ctx)}: ${renderArgument(v, ctx).text}`).join(', ')} }` : '{}');
  }
  return renderScalar(value === undefined ? null : (value as string | number | boolean | null));
}

function renderScalar(value: string | number | boolean | null): Rendered {
  if (typeof value === 'string') return atom(bicepString(value));
  if (typeof value === 'number') {
    // Bicep has integer literals only; other numbers go through json(), as in ARM.
    if (!Number.isInteger(value)) return atom(`json(${bicepString(String(value))})`);
    return value < 0 ? { text: String(value), precedence: Precedence.Unary } : atom(String(value));
  }
  if (typeof value === 'boolean') return atom(String(value));
  return atom('null');
}

/** An object key: an identifier, a quoted literal, or an interpolated string for keys holding expressions. */
function objectKey(key: string | Expression, ctx: BicepContext): string {
  if (typeof key === 'string' && !Tokens.containsToken(key)) return bicepKey(key);
  const parsed = typeof key === 'string' ? parseTokenString(key) : key;
  const parts = typeof parsed === 'string' ? [parsed] : (parsed as AnyExpression).kind === 'interpolation' ? (parsed as Interpolation).parts : [parsed];
  return renderInterpolation(parts, ctx, true).text;
}

function renderInterpolation(parts: ReadonlyArray<string | Expression>, ctx: BicepContext, alwaysQuoted = false): Rendered {
  if (parts.length === 1 && typeof parts[0] !== 'string' && !alwaysQuoted) return render(parts[0], ctx);
  let text = '';
  for (const part of parts) text += typeof part === 'string' ? escapeStringContent(part) : `\${${render(part, ctx).text}}`;
  return atom(`'${text}'`);
}

function wrap(r: Rendered, minimum: Precedence): string {
  return r.precedence < minimum ? `(${r.text})` : r.text;
}

/** `.key`, `['odd-key']` and `[0]` accessors. */
export function accessPath(path: readonly PathSegment[]): string {
  return path.map((s) => (typeof s === 'number' ? `[${s}]` : IDENTIFIER.test(s) ? `.${s}` : `[${bicepString(s)}]`)).join('');
}
