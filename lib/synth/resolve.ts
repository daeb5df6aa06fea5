/**
 * Resolution: turns user values (plain data, expressions, strings with tokens) into a normalized
 * tree whose leaves are JSON literals or expression nodes, and records what the value references.
 *
 * Every renderer works on resolved trees, and dependsOn comes from the references recorded here,
 * so a value that renders a reference always creates its dependency.
 */
import { Stack } from '../core/stack.js';
import {
  Expression, FunctionCall, Interpolation, PropertyAccess, parseTokenString, visitExpression, type AnyExpression, type ExpressionVisitor, type ParameterReference,
} from '../core/expression.js';
import { Tokens } from '../core/tokens.js';
import { ResourceBase } from '../core/resource-base.js';
import { Parameter } from '../core/parameter.js';
import { Variable } from '../core/variable.js';
import type { Problem } from '../core/errors.js';
import { Construct } from 'constructs';

/** A resolved value: JSON data whose leaves may be expressions. */
export type Resolved = null | boolean | number | string | Expression | Resolved[] | { [key: string]: Resolved };

const NO_RESOURCES: ReadonlyMap<ResourceBase, string> = new Map();
const NO_PARAMETERS: ReadonlySet<Parameter> = new Set();
const NO_VARIABLES: ReadonlySet<Variable> = new Set();

/**
 * What a value references, with the first place each reference was found. Collections are
 * created on first use: most resources of a large stack reference nothing.
 */
export class References {
  private resourceMap?: Map<ResourceBase, string>;
  private parameterSet?: Set<Parameter>;
  private variableSet?: Set<Variable>;
  private listCalls = false;

  /** Resources referenced directly, with the property path of the first reference. */
  public get resources(): ReadonlyMap<ResourceBase, string> {
    return this.resourceMap ?? NO_RESOURCES;
  }
  /** Parameters referenced directly. */
  public get parameters(): ReadonlySet<Parameter> {
    return this.parameterSet ?? NO_PARAMETERS;
  }
  /** Variables referenced directly. */
  public get variables(): ReadonlySet<Variable> {
    return this.variableSet ?? NO_VARIABLES;
  }

  /** Records a resource reference (the first location wins). */
  public addResource(target: ResourceBase, location: string): void {
    this.resourceMap ??= new Map();
    if (!this.resourceMap.has(target)) this.resourceMap.set(target, location);
  }
  /** Records a parameter reference. */
  public addParameter(parameter: Parameter): void {
    (this.parameterSet ??= new Set()).add(parameter);
  }
  /** Records a variable reference. */
  public addVariable(variable: Variable): void {
    (this.variableSet ??= new Set()).add(variable);
  }

  /** True if nothing was recorded. */
  public get isEmpty(): boolean {
    return !this.resourceMap && !this.parameterSet && !this.variableSet && !this.listCalls;
  }

  /** Adds everything `other` records (its first locations where this has none). */
  public addAll(other: References): void {
    for (const [resource, location] of other.resources) this.addResource(resource, location);
    for (const p of other.parameters) this.addParameter(p);
    for (const v of other.variables) this.addVariable(v);
    if (other.callsList) this.listCalls = true;
  }

  /** True if the value calls a `list*()` function (which returns secrets such as keys). */
  public get callsList(): boolean {
    return this.listCalls;
  }
  /** Records a `list*()` call. */
  public noteListCall(): void {
    this.listCalls = true;
  }
}

/** Where resolution happens: the stack, the construct owning the value, and where to report problems. */
export interface ResolveContext {
  readonly stack: Stack;
  /** Construct path of the owner, for problem messages. */
  readonly ownerPath: string;
  readonly problems: Problem[];
  readonly references: References;
  /**
   * Where the value is, when ARM evaluates it before any resource exists (variables, parameter
   * defaults, resource names): `reference()`/`list*()` are refused there, and in parameter
   * defaults variables too.
   */
  readonly evaluatedEarly?: { readonly place: string; readonly variables?: boolean };
  /**
   * The stack's parameters and variables by template name, so that `Fn.call('parameters', ['p'])`
   * becomes the reference of Parameter p in the resolved tree (and `variables('v')` that of
   * Variable v), with the dependencies and checks that follow: renderers see plain references.
   * Without it such calls are kept as they are and not followed.
   */
  readonly declared?: DeclaredNames;
}

/** Looks up a stack's parameters and variables by their template names. */
export interface DeclaredNames {
  parameter(name: string): Parameter | undefined;
  variable(name: string): Variable | undefined;
}

/**
 * JavaScript writes whole numbers below 1e21 without an exponent, so ARM reads them as integers;
 * from 2^63 on (and at -2^63, whose double prints past it) they overflow its 64-bit integers. 1e21
 * and beyond are written with an exponent and read as floating-point numbers.
 */
function outsideInt64(value: number): boolean {
  return Number.isInteger(value) && Math.abs(value) >= 2 ** 63 && Math.abs(value) < 1e21;
}

/**
 * Resolves a value. `location` is the property path shown in messages (`properties.subnets[0]`).
 * Returns undefined for undefined (the key is omitted).
 */
export function resolveValue(value: unknown, ctx: ResolveContext, location: string): Resolved | undefined {
  switch (typeof value) {
    case 'undefined':
      return undefined;
    case 'string':
      return Tokens.containsToken(value) ? resolveTokenString(value, ctx, location) : value;
    case 'boolean':
      return value;
    case 'number':
      if (!Number.isFinite(value)) return fail(ctx, location, `${value} is not a number ARM can represent: use a finite number.`);
      if (outsideInt64(value)) {
        return fail(ctx, location, `${value} is a whole number outside ARM's 64-bit integer range (-9223372036854775807 to 9223372036854775807), which ARM and Bicep cannot read: use a smaller number, or a string.`);
      }
      return value;
    case 'bigint':
    case 'symbol':
      return fail(ctx, location, `a ${typeof value} cannot be written to a template: use a number or string.`);
    case 'function':
      return fail(ctx, location, `a function cannot be written to a template: call it and pass its result.`);
  }
  if (value === null) return null;
  if (Expression.isExpression(value)) return resolveExpression(value, ctx, location);
  // Copy on change: literal-only subtrees are returned as they are (no allocation), which keeps
  // synthesis of large stacks out of the garbage collector.
  if (Array.isArray(value)) {
    let out: Resolved[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const original = value[i];
      const item = resolveValue(original, ctx, `${location}[${i}]`) ?? null;
      if (item !== original && !out) out = value.slice(0, i) as Resolved[];
      if (out) out.push(item);
    }
    return out ?? (value as Resolved[]);
  }
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) {
    return fail(ctx, location, describeNonPlain(value as object));
  }
  const source = value as Record<string, unknown>;
  const keys = Object.keys(source);
  let out: { [key: string]: Resolved } | undefined;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    // A key may be an expression (e.g. userAssignedIdentities keyed by identity id): it stays a
    // token string in the resolved tree, the renderers turn it into "[expr]" / '${expr}'.
    const resolvedKey = Tokens.containsToken(key) ? resolveKey(key, ctx, location ? `${location}.<key>` : '<key>') : key;
    const original = source[key];
    if (SECRET_KEY.test(key)) checkSecret(original, ctx, location ? `${location}.${key}` : key);
    const v = resolveValue(original, ctx, location ? `${location}.${key}` : key);
    if ((v !== original || resolvedKey !== key) && !out) {
      out = {};
      for (let j = 0; j < i; j++) if (source[keys[j]] !== undefined) out[keys[j]] = source[keys[j]] as Resolved;
    }
    if (out && v !== undefined) out[resolvedKey] = v;
  }
  return out ?? (source as { [key: string]: Resolved });
}

/** Property names that hold secrets (the same list Microsoft's template checks use). */
const SECRET_KEY = /(password|secret|passphrase|sharedkey|accountkey|connectionstring)$/i;

/**
 * A secret property must come from a secure parameter (or another expression, e.g. a Key Vault
 * reference): a literal would sit in the template, and a plain `string` parameter in the
 * deployment history, both in clear text.
 */
function checkSecret(value: unknown, ctx: ResolveContext, location: string): void {
  if (typeof value === 'string' && value !== '' && !Tokens.containsToken(value)) {
    fail(ctx, location, `a literal secret would be stored in the template in clear text: pass the value of a 'securestring' Parameter instead.`);
    return;
  }
  const expression = typeof value === 'string' ? normalizeArgument(value) : value;
  if (Expression.isExpression(expression) && (expression as AnyExpression).kind === 'parameter') {
    const parameter = (expression as ParameterReference).parameter;
    if (parameter.type !== 'securestring' && parameter.type !== 'secureObject') {
      fail(ctx, location, `parameter '${parameter.parameterName}' holds a secret but has type '${parameter.type}', so its value shows in the deployment history: declare it as 'securestring'.`);
    }
  }
}

function resolveTokenString(value: string, ctx: ResolveContext, location: string): Resolved {
  let expression: string | Expression;
  try {
    expression = parseTokenString(value);
  } catch (error) {
    return fail(ctx, location, (error as Error).message);
  }
  return typeof expression === 'string' ? expression : resolveExpression(expression, ctx, location);
}

/** A key with tokens: itself, or the token of its resolved expression when resolution replaced a part. */
function resolveKey(key: string, ctx: ResolveContext, location: string): string {
  let expression: string | Expression;
  try {
    expression = parseTokenString(key);
  } catch (error) {
    fail(ctx, location, (error as Error).message);
    return key;
  }
  if (typeof expression === 'string') return key;
  const resolved = resolveExpression(expression, ctx, location);
  return resolved === expression ? key : Tokens.encode(resolved);
}

function describeNonPlain(value: object): string {
  if (Construct.isConstruct(value)) {
    return `the construct '${value.node.path}' cannot be used as a value: use one of its attributes, e.g. '.id' or '.name'.`;
  }
  const name = (value as { constructor?: { name?: string } }).constructor?.name ?? 'object';
  return `an instance of ${name} cannot be written to a template: use plain objects, arrays, strings, numbers and booleans.`;
}

function fail(ctx: ResolveContext, location: string, message: string): null {
  ctx.problems.push({ path: ctx.ownerPath, message: location ? `${location}: ${message}` : message });
  return null;
}

/** Normalizes a function argument: strings with tokens become expressions (renderers call this). */
export function normalizeArgument(arg: unknown): unknown {
  return typeof arg === 'string' ? parseTokenString(arg) : arg;
}

/**
 * Resolves an expression: records its references, checks they belong to this stack, and replaces
 * `parameters('p')` / `variables('v')` calls naming a declared Parameter / Variable by its
 * reference. Copy on change: an expression without such calls is returned as it is.
 */
function resolveExpression(e: Expression, ctx: ResolveContext, location: string): AnyExpression {
  return visitExpression(e, RESOLVE, ctx, location);
}

const RESOLVE: ExpressionVisitor<AnyExpression, [ResolveContext, string]> = {
  literal: (e) => e,
  parameter: (e, ctx, location) => {
    const parameter = e.parameter as unknown as Parameter;
    if (Parameter.isParameter(parameter) && sameStack(parameter, ctx, location, `parameter '${parameter.parameterName}'`)) {
      ctx.references.addParameter(parameter);
    }
    return e;
  },
  variable: (e, ctx, location) => {
    if (ctx.evaluatedEarly?.variables) fail(ctx, location, `${ctx.evaluatedEarly.place} cannot use variables (ARM evaluates it first): use the value itself, or another parameter.`);
    const variable = e.variable as unknown as Variable;
    if (Variable.isVariable(variable) && sameStack(variable, ctx, location, `variable '${variable.variableName}'`)) {
      ctx.references.addVariable(variable);
    }
    return e;
  },
  resource: (e, ctx, location) => {
    const target = e.target as unknown as ResourceBase;
    if (e.attribute.kind === 'runtime') refuseEarly(ctx, location, `a runtime property of ${ResourceBase.isResource(target) ? target.node.path : 'a resource'} (reference())`);
    if (ResourceBase.isResource(target) && sameStack(target, ctx, location, `resource '${target.node.path}'`)) {
      ctx.references.addResource(target, location);
    }
    return e;
  },
  call: (e, ctx, location) => {
    const declared = declaredReference(e, ctx);
    if (declared) return resolveExpression(declared, ctx, location);
    if (/^(reference|list)/i.test(e.name)) {
      refuseEarly(ctx, location, `${e.name}()`);
      if (/^list/i.test(e.name)) ctx.references.noteListCall();
    }
    let args: unknown[] | undefined;
    for (let i = 0; i < e.args.length; i++) {
      const normalized = normalizeArgument(e.args[i]);
      const arg = resolveValue(normalized, ctx, location);
      if (arg !== normalized && arg !== undefined && !args) args = e.args.slice(0, i);
      if (args) args.push(arg === normalized || arg === undefined ? e.args[i] : arg);
    }
    return args ? new FunctionCall(e.name, args, e.valueType) : e;
  },
  access: (e, ctx, location) => {
    const base = resolveExpression(e.base, ctx, location);
    return base === e.base ? e : new PropertyAccess(base, e.path);
  },
  interpolation: (e, ctx, location) => {
    let parts: Array<string | Expression> | undefined;
    for (let i = 0; i < e.parts.length; i++) {
      const original = e.parts[i];
      const part = typeof original === 'string' ? original : resolveExpression(original, ctx, location);
      if (part !== original && !parts) parts = e.parts.slice(0, i);
      if (parts) parts.push(part);
    }
    return parts ? new Interpolation(parts) : e;
  },
};

/** `parameters('p')` / `variables('v')` written with Fn.call: the reference of the declared Parameter or Variable of that literal name. */
function declaredReference(e: Extract<AnyExpression, { kind: 'call' }>, ctx: ResolveContext): AnyExpression | undefined {
  const kind = e.name.toLowerCase();
  if (!ctx.declared || e.args.length !== 1 || (kind !== 'parameters' && kind !== 'variables')) return undefined;
  const name = normalizeArgument(e.args[0]);
  if (typeof name !== 'string') return undefined;
  const target = kind === 'parameters' ? ctx.declared.parameter(name)?.value : ctx.declared.variable(name)?.ref;
  return target as AnyExpression | undefined;
}

function refuseEarly(ctx: ResolveContext, location: string, what: string): void {
  if (!ctx.evaluatedEarly) return;
  fail(ctx, location, `${ctx.evaluatedEarly.place} cannot use ${what}: ARM evaluates it before any resource is deployed. Read the value in a resource's properties or an output instead.`);
}

function sameStack(target: Construct, ctx: ResolveContext, location: string, what: string): boolean {
  const owner = Stack.tryOf(target);
  if (owner === ctx.stack) return true;
  const ownerName = owner ? `stack '${owner.stackName}'` : 'no stack';
  fail(
    ctx,
    location,
    `references ${what} of ${ownerName}, but a template can only use its own parameters, variables and resources. ` +
      `Declare it in stack '${ctx.stack.stackName}' (for a resource deployed elsewhere, import it as an ExistingResource here), ` +
      `or pass the value as an Output of the other stack and a Parameter of this one.`,
  );
  return false;
}
