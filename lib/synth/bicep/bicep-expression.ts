/**
 * Renders expression trees and resolved values as Bicep.
 *
 * Works on the same tree as the ARM renderer (never on ARM strings):
 * - parameters and variables are their symbols; resources are symbolic references
 *   (`vnet.id`, `vnet.name`, `server.properties.fullyQualifiedDomainName`);
 * - interpolations are `'${prefix}-nsg'`;
 * - ARM functions that Bicep spells as operators (`if`, `equals`, `and`, `coalesce`, ...) become
 *   operators, parenthesized by precedence; `createArray`/`createObject` become literals;
 *   `parameters('x')`/`variables('x')` become the symbols;
 * - ARM-only calls (wrong arity for an operator, `copyIndex()`, computed `parameters()`...) are
 *   refused through the context, never passed through as calls Bicep does not have;
 * - numbers that are not safe integers are `json('<the JSON text ARM gets>')`;
 * - a resource without a declaration in the file falls back to `resourceId(...)`.
 */
import {
  Expression, Interpolation, Literal, parseTokenString, visitExpression, type AnyExpression, type ExpressionVisitor, type IParameterTarget, type IResourceTarget, type IVariableTarget, type PathSegment,
} from '../../core/expression.js';
import { Tokens } from '../../core/tokens.js';
import { shortNameOf, type IdentityLookup } from '../model/identity.js';
import { resourceIdCall, runtimeRead } from '../resource-id.js';
import { normalizeArgument, type Resolved } from '../resolve.js';
import { BUILT_IN_FUNCTIONS } from './identifiers.js';
import { bicepAccessor, bicepKey, bicepString, escapeStringContent, functionNamespace } from './bicep-syntax.js';
import { arrayDoc, callDoc, concat, flatText, layoutDoc, objectDoc, ternaryDoc, type Doc } from './bicep-document.js';

/** What the renderer needs to know about the file it writes into. */
export interface BicepContext {
  /** The symbol of a resource declared (or declared `existing`) in the file; undefined if none. */
  symbolOf(target: IResourceTarget): string | undefined;
  /** A resource's name segments and scope (the stack model's resolved identities), for resources without a symbol. */
  identityOf: IdentityLookup;
  /** True for a declared resource with a deploy condition (`resource x ... = if (...)`). */
  isConditional(target: IResourceTarget): boolean;
  /** The symbol of a parameter. */
  parameterSymbol(target: IParameterTarget): string;
  /** The symbol of a variable. */
  variableSymbol(target: IVariableTarget): string;
  /** True if a symbol shadows this built-in function (lower-cased name), so calls must be qualified. */
  isShadowed(functionName: string): boolean;
  /** Reports an expression Bicep cannot express (the writer adds where); the caller still returns some text. */
  refuse(message: string): void;
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

/** A rendered expression (text, with the places `bicep format` may break it) and the precedence of its outermost operator. */
interface Rendered {
  readonly doc: Doc;
  readonly precedence: Precedence;
}

const atom = (doc: Doc): Rendered => ({ doc, precedence: Precedence.Atom });

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
  return flatText(render(expression, ctx).doc);
}

/**
 * Renders a resolved value that starts at `column` of a line indented by `indent`: objects and
 * arrays one item per line without commas, expressions and scalars on one line unless they pass
 * the line width, where they break as `bicep format` breaks them (see bicep-document.ts).
 */
export function renderBicepValue(value: Resolved, ctx: BicepContext, indent = '', column = indent.length): string {
  const out: string[] = [];
  appendBicepValue(out, value, ctx, indent, column);
  return out.join('');
}

/** Appends a value's fragments to `out` (joined once by the caller: nested joins would copy deep values once per level). */
export function appendBicepValue(out: string[], value: Resolved, ctx: BicepContext, indent: string, column = indent.length): void {
  if (Expression.isExpression(value)) {
    out.push(layoutDoc(render(value, ctx).doc, column, indent.length / 2));
  } else if (Array.isArray(value)) {
    if (value.length === 0) {
      out.push('[]');
      return;
    }
    const inner = indent + '  ';
    out.push('[');
    for (const item of value) {
      out.push('\n', inner);
      appendBicepValue(out, item, ctx, inner, inner.length);
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
      const rendered = objectKey(key, ctx);
      out.push('\n', inner, rendered, ': ');
      appendBicepValue(out, value[key], ctx, inner, inner.length + rendered.length + 2);
    }
    out.push('\n', indent, '}');
  } else {
    out.push(flatText(renderScalar(value === undefined ? null : value, ctx).doc));
  }
}

function render(expression: Expression, ctx: BicepContext): Rendered {
  return visitExpression(expression, BICEP, ctx);
}

const BICEP: ExpressionVisitor<Rendered, [BicepContext]> = {
  literal: (e, ctx) => renderScalar(e.value, ctx),
  parameter: (e, ctx) => atom(ctx.parameterSymbol(e.parameter)),
  variable: (e, ctx) => atom(ctx.variableSymbol(e.variable)),
  call: (e, ctx) => renderCall(e.name, e.args, ctx),
  access: (e, ctx) => atom(concat(wrap(render(e.base, ctx), Precedence.Atom), accessPath(e.path))),
  interpolation: (e, ctx) => renderInterpolation(e.parts, ctx),
  resource: (e, ctx) => renderResourceReference(e.target, e.attribute, ctx),
};

function renderResourceReference(target: IResourceTarget, attribute: AnyResourceAttribute, ctx: BicepContext): Rendered {
  const symbol = ctx.symbolOf(target);
  switch (attribute.kind) {
    case 'id':
      return symbol ? atom(`${symbol}.id`) : render(resourceIdCall(ctx.identityOf(target)), ctx);
    case 'name':
      return symbol ? atom(`${symbol}.name`) : renderArgument(shortNameOf(ctx.identityOf(target)), ctx);
    case 'type':
      return atom(symbol ? `${symbol}.type` : bicepString(target.resourceType));
    case 'apiVersion':
      return atom(symbol ? `${symbol}.apiVersion` : bicepString(target.apiVersion));
    case 'runtime': {
      // `sym.properties.x` is reference(id, declaredVersion).x and `sym.sku.name` (location, tags...)
      // reference(id, declaredVersion, 'full').sku.name. `sym.id`, `.name`, `.type` and `.apiVersion`
      // are the declaration's own values, not reads of the deployed resource: those read the GET
      // body explicitly. A conditional resource's reads are asserted non-null (`sym!.x`, the same
      // template), as Bicep asks (BCP318): ARM fails the read if the resource was not deployed.
      const first = attribute.path[0];
      if (symbol && !DECLARED_ATTRIBUTES.has(String(first))) return atom(symbol + (ctx.isConditional(target) ? '!' : '') + accessPath(attribute.path));
      return render(runtimeRead(target, attribute.path), ctx);
    }
  }
}

/** Top-level keys a resource symbol answers from its declaration rather than from the deployed resource. */
const DECLARED_ATTRIBUTES = new Set(['id', 'name', 'type', 'apiVersion']);

type AnyResourceAttribute = Extract<AnyExpression, { kind: 'resource' }>['attribute'];

/** ARM functions with no Bicep function of that name, and how many arguments their Bicep syntax needs. */
const ARITY: Record<string, { min: number; max: number; spelled: string }> = {
  ...Object.fromEntries(Object.entries(BINARY).map(([f, b]) => [f, b.variadic ? { min: 2, max: Infinity, spelled: b.op } : { min: 2, max: 2, spelled: b.op }])),
  coalesce: { min: 1, max: Infinity, spelled: '??' },
  if: { min: 3, max: 3, spelled: 'c ? a : b' },
  not: { min: 1, max: 1, spelled: '!' },
  true: { min: 0, max: 0, spelled: 'true' },
  false: { min: 0, max: 0, spelled: 'false' },
  null: { min: 0, max: 0, spelled: 'null' },
  parameters: { min: 1, max: 1, spelled: 'the parameter symbol' },
  variables: { min: 1, max: 1, spelled: 'the variable symbol' },
};

/** ARM functions Bicep has no counterpart for at all (loops and lambdas are Bicep syntax we do not emit). */
const ARM_ONLY = new Set(['copyindex', 'references', 'lambda', 'lambdavariables']);

function renderCall(name: string, args: readonly unknown[], ctx: BicepContext): Rendered {
  const lower = name.toLowerCase();
  const arity = ARITY[lower];
  if (arity && (args.length < arity.min || args.length > arity.max)) {
    const count = arity.min === arity.max ? `exactly ${arity.min}` : `at least ${arity.min}`;
    ctx.refuse(`${name}() takes ${count} argument${arity.min === 1 ? '' : 's'}, got ${args.length} (ARM refuses the call; Bicep writes it as ${arity.spelled}): fix the call's arguments.`);
    return atom('null');
  }
  if (ARM_ONLY.has(lower)) {
    ctx.refuse(`${name}() has no Bicep equivalent: build the value in TypeScript, or leave it to a resource property.`);
    return atom('null');
  }
  const binary = BINARY[lower];
  if (binary) {
    // Left-associative: the right operand must bind tighter than the operator.
    const parts = args.map((a, i) => wrap(renderArgument(a, ctx), i === 0 ? binary.precedence : binary.precedence + 1));
    return { doc: concat(...parts.flatMap((p, i) => (i === 0 ? [p] : [` ${binary.op} `, p]))), precedence: binary.precedence };
  }
  if (lower === 'coalesce') return renderArgument(args[0], ctx); // coalesce(x) is x
  if (lower === 'if') {
    const [c, t, f] = args.map((a) => wrap(renderArgument(a, ctx), Precedence.Ternary + 1));
    return { doc: ternaryDoc(c, t, f), precedence: Precedence.Ternary };
  }
  if (lower === 'not') {
    return { doc: concat('!', wrap(renderArgument(args[0], ctx), Precedence.Unary)), precedence: Precedence.Unary };
  }
  if (lower === 'true' || lower === 'false' || lower === 'null') return atom(lower);
  if (lower === 'parameters' || lower === 'variables') return atom(refuseUndeclared(lower, args[0], ctx));
  if (lower === 'format') {
    const parts = formatAsInterpolation(args);
    if (parts) return renderInterpolation(new Interpolation(parts).parts, ctx);
  }
  // concat() of strings is an interpolation, as Bicep's linter asks (prefer-interpolation);
  // concat() of arrays, or of values of unknown type, stays a call.
  if (lower === 'concat' && args.length > 0 && args.every(isString)) {
    return renderInterpolation(new Interpolation(args.map((a) => normalizeArgument(a) as string | Expression)).parts, ctx);
  }
  if (lower === 'createarray') return atom(arrayDoc(args.map((a) => renderArgument(a, ctx).doc)));
  if (lower === 'createobject') {
    if (args.length % 2 !== 0 || !args.every((a, i) => i % 2 === 1 || typeof normalizeArgument(a) === 'string' || Expression.isExpression(normalizeArgument(a)))) {
      ctx.refuse('createObject() takes key/value pairs with string keys: fix the Fn.call arguments, or pass a plain object.');
      return atom('{}');
    }
    const entries: Doc[] = [];
    for (let i = 0; i < args.length; i += 2) entries.push(concat(objectKey(normalizeArgument(args[i]) as string | Expression, ctx), ': ', renderArgument(args[i + 1], ctx).doc));
    return atom(objectDoc(entries));
  }
  return atom(callDoc(qualify(CANONICAL_FUNCTION.get(lower) ?? name, ctx), args.map((a) => renderArgument(a, ctx).doc)));
}

/**
 * ARM's `parameters('x')` / `variables('x')` that reaches the renderer: resolution has already
 * replaced those naming a declared parameter or variable by its reference, so `x` is undeclared
 * or computed, which Bicep has no form for.
 */
function refuseUndeclared(kind: 'parameters' | 'variables', arg: unknown, ctx: BicepContext): string {
  const name = normalizeArgument(arg);
  const what = kind === 'parameters' ? 'parameter' : 'variable';
  ctx.refuse(
    typeof name === 'string'
      ? `${kind}('${name}') names no ${what} of this stack: declare the ${what}, or use the ${kind === 'parameters' ? 'Parameter\'s .value' : 'Variable\'s .ref'}.`
      : `${kind}() with a computed name has no Bicep equivalent: use the ${kind === 'parameters' ? 'Parameter\'s .value' : 'Variable\'s .ref'}.`,
  );
  return 'null';
}

/**
 * `format('{0}-{1}', 'db', x)` as the parts of `'db-${x}'` (Bicep's prefer-interpolation), when
 * the format is literal and uses plain `{n}` placeholders; string arguments join the text.
 */
/** A string literal, or an expression known to give a string. */
function isString(arg: unknown): boolean {
  const value = normalizeArgument(arg);
  return typeof value === 'string' || (Expression.isExpression(value) && value.valueType === 'string');
}

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
  if (Array.isArray(value)) return atom(arrayDoc(value.map((v) => renderArgument(v, ctx).doc)));
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    return atom(objectDoc(entries.map(([k, v]) => concat(objectKey(k, ctx), ': ', renderArgument(v, ctx).doc))));
  }
  return renderScalar(value === undefined ? null : (value as string | number | boolean | null), ctx);
}

function renderScalar(value: string | number | boolean | null, ctx: BicepContext): Rendered {
  if (typeof value === 'string') return atom(bicepString(value));
  if (typeof value === 'number') {
    // Bicep has 64-bit integer literals only. Fractions, and integers JavaScript does not hold
    // exactly (printed `1e+21`, or rounded past int64), go through json() with the JSON text ARM gets.
    if (!Number.isSafeInteger(value)) return atom(`${qualify('json', ctx)}(${bicepString(JSON.stringify(value))})`);
    return value < 0 ? { doc: String(value), precedence: Precedence.Unary } : atom(String(value));
  }
  if (typeof value === 'boolean') return atom(String(value));
  return atom('null');
}

/** An object key: an identifier, a quoted literal, or an interpolated string for keys holding expressions. */
function objectKey(key: string | Expression, ctx: BicepContext): string {
  if (typeof key === 'string' && !Tokens.containsToken(key)) return bicepKey(key);
  const parsed = typeof key === 'string' ? parseTokenString(key) : key;
  const parts = typeof parsed === 'string' ? [parsed] : (parsed as AnyExpression).kind === 'interpolation' ? (parsed as Interpolation).parts : [parsed];
  return flatText(renderInterpolation(parts, ctx, true).doc);
}

function renderInterpolation(parts: ReadonlyArray<string | Expression>, ctx: BicepContext, alwaysQuoted = false): Rendered {
  if (parts.length === 1 && typeof parts[0] !== 'string' && !alwaysQuoted) return render(parts[0], ctx);
  let text = '';
  // The formatter never breaks inside a string: the expressions in it stay on one line.
  for (const part of parts) text += typeof part === 'string' ? escapeStringContent(part) : `\${${flatText(render(part, ctx).doc)}}`;
  return atom(`'${text}'`);
}

function wrap(r: Rendered, minimum: Precedence): Doc {
  return r.precedence < minimum ? concat('(', r.doc, ')') : r.doc;
}

/**
 * `name(args...)` with resolved values as arguments (the writer's `scope: resourceGroup(...)`),
 * starting at `column` of a line indented `indentLevel` levels, broken as `bicep format` would.
 */
export function renderBicepCall(name: string, args: readonly Resolved[], ctx: BicepContext, column: number, indentLevel: number): string {
  return layoutDoc(callDoc(qualify(name, ctx), args.map((a) => renderArgument(a, ctx).doc)), column, indentLevel);
}

/** `.key`, `['odd-key']`, `['null']` and `[0]` accessors. */
export function accessPath(path: readonly PathSegment[]): string {
  return path.map((s) => (typeof s === 'number' ? `[${s}]` : bicepAccessor(s))).join('');
}
