/**
 * The expression tree: every value that is unknown at synth time is a node of this tree.
 *
 * Nodes are renderer-neutral. The ARM writer turns them into `[...]` template expressions and the
 * Bicep writer into symbolic references; neither parses strings back. Users meet expressions as
 * objects (`nsg.id`, `param.value`) and inside template literals (`${prefix.value}-nsg`), where
 * `toString()` returns a string token that synthesis turns back into the node (see tokens.ts).
 */
import { AzcdkError } from './errors.js';
import { addBrand, hasBrand } from './brand.js';
import { Tokens } from './tokens.js';

/** A value that may be known now (T) or only at deployment time (an Expression). */
export type Value<T> = T | Expression;

/** The ARM type an expression evaluates to, when it is known. */
export type ValueType = 'string' | 'int' | 'bool' | 'object' | 'array' | 'securestring' | 'secureObject';

/** Every ValueType, for checking types given by apps that TypeScript did not check. */
export const VALUE_TYPES: readonly ValueType[] = ['string', 'securestring', 'int', 'bool', 'object', 'secureObject', 'array'];

/** One step of a property path: an object key or an array index. */
export type PathSegment = string | number;

const EXPRESSION_BRAND = Symbol.for('azcdk.Expression');

/** Base class of all expression nodes. */
export abstract class Expression {
  /** True if `x` is an expression node (works across copies of this library). */
  public static isExpression(x: unknown): x is Expression {
    return hasBrand(x, EXPRESSION_BRAND);
  }

  /** Discriminator the renderers switch on. */
  public abstract readonly kind: ExpressionKind;

  /** The type this expression evaluates to, if known. */
  public readonly valueType?: ValueType;

  constructor(valueType?: ValueType) {
    this.valueType = valueType;
  }

  /**
   * Access a property or array element of this value at deployment time,
   * e.g. `Fn.resourceGroup().get('location')` renders `resourceGroup().location`.
   */
  public get(...path: PathSegment[]): Expression {
    return new PropertyAccess(this, path);
  }

  /** A string token that stands for this expression inside template literals and string props. */
  public toString(): string {
    return Tokens.encode(this);
  }

  /** Keeps `JSON.stringify` of user objects from dumping the tree. */
  public toJSON(): string {
    return this.toString();
  }
}

/** All node kinds. Renderers must handle every one of them. */
export type ExpressionKind =
  | 'parameter' | 'variable' | 'resource' | 'call' | 'access' | 'interpolation' | 'literal';

/**
 * What an expression can point at as a parameter: implemented by Parameter.
 * Kept as an interface so the tree does not import constructs.
 */
export interface IParameterTarget {
  /** The parameter's name in the template. */
  readonly parameterName: string;
  /** The parameter's ARM type. */
  readonly type: ValueType;
}

/** What a variable reference points at: implemented by Variable. */
export interface IVariableTarget {
  /** The variable's name in the template. */
  readonly variableName: string;
  /** The variable's value (may contain expressions). */
  readonly value: unknown;
}

/** Reference to a template parameter: ARM `parameters('x')`, Bicep `x`. */
export class ParameterReference extends Expression {
  /** Discriminant for the renderers. */
  public readonly kind = 'parameter' as const;
  /** @param parameter the parameter this reads */
  constructor(public readonly parameter: IParameterTarget) {
    super(parameter.type);
  }
}

/** Reference to a template variable: ARM `variables('x')`, Bicep `x`. */
export class VariableReference extends Expression {
  /** Discriminant for the renderers. */
  public readonly kind = 'variable' as const;
  /** @param variable the variable this reads */
  constructor(public readonly variable: IVariableTarget) {
    super();
  }
}

/** Which part of a resource a reference reads. */
export type ResourceAttribute =
  | { readonly kind: 'id' }
  | { readonly kind: 'name' }
  | { readonly kind: 'type' }
  | { readonly kind: 'apiVersion' }
  /** A runtime value read with `reference()`: a path into the resource's GET body (e.g. `properties.fullyQualifiedDomainName`). */
  | { readonly kind: 'runtime'; readonly path: readonly PathSegment[] };

/**
 * What a resource reference can point at: a declared resource or an existing (imported) one.
 * Implemented by ArmResource and ExistingResource.
 */
export interface IResourceTarget {
  /** Full resource type, e.g. `Microsoft.Network/virtualNetworks/subnets`. */
  readonly resourceType: string;
  /** API version used when the resource is read with `reference()`. */
  readonly apiVersion: string;
  /** The resource's own (short) name; for a child, the last segment only. */
  readonly shortName: Value<string>;
  /** The parent resource, for child resources. @default none (a top-level resource) */
  readonly parentResource?: IResourceTarget;
  /** True if the resource is not deployed by this template (an import). */
  readonly isExisting: boolean;
  /** For existing resources in another resource group or subscription. @default the deployment's resource group */
  readonly resourceGroupName?: Value<string>;
  /** For existing resources in another subscription. @default the deployment's subscription */
  readonly subscriptionId?: Value<string>;
}

/** Reference to a resource's id, name, type, api-version or a runtime property. */
export class ResourceReference extends Expression {
  /** Discriminant for the renderers. */
  public readonly kind = 'resource' as const;
  /**
   * @param target the resource referenced; a declared one in the same stack adds a dependsOn
   * @param attribute which part of it is read
   */
  constructor(public readonly target: IResourceTarget, public readonly attribute: ResourceAttribute) {
    super(attribute.kind === 'runtime' ? runtimeValueType(attribute.path) : 'string');
  }
}

/**
 * The type of a runtime read where every resource's GET body fixes it: the whole `properties`,
 * `tags`, `sku` or `identity` is an object, `zones` an array; deeper reads are unknown. (An output of
 * `properties` used to be typed string, which ARM refuses at the end of the deployment.)
 */
function runtimeValueType(path: readonly PathSegment[]): ValueType | undefined {
  if (path.length !== 1) return undefined;
  if (path[0] === 'zones') return 'array';
  return ['properties', 'tags', 'sku', 'identity'].includes(String(path[0])) ? 'object' : undefined;
}

/** A template function call, e.g. `uniqueString(resourceGroup().id)`. */
export class FunctionCall extends Expression {
  /** Discriminant for the renderers. */
  public readonly kind = 'call' as const;
  /**
   * @param name the template function, e.g. `uniqueString` or `namespace.fn` (letters and digits)
   * @param args the arguments: plain values or expressions
   * @param valueType what the call returns, when known
   */
  constructor(public readonly name: string, public readonly args: readonly unknown[], valueType?: ValueType) {
    super(valueType);
    if (!/^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z][A-Za-z0-9]*)?$/.test(name)) {
      throw new AzcdkError(`'${name}' is not a valid template function name (letters and digits, optionally 'namespace.name').`);
    }
  }
}

/** Property or index access on a value, e.g. `resourceGroup().location` or `x.ipConfigurations[0]`. */
export class PropertyAccess extends Expression {
  /** Discriminant for the renderers. */
  public readonly kind = 'access' as const;
  /**
   * @param base the value accessed
   * @param path property names and array indexes, at least one
   */
  constructor(public readonly base: Expression, public readonly path: readonly PathSegment[]) {
    super();
    if (path.length === 0) throw new AzcdkError('PropertyAccess needs at least one path segment.');
  }
  public override get(...more: PathSegment[]): Expression {
    return new PropertyAccess(this.base, [...this.path, ...more]);
  }
}

/**
 * A string built from literal text and expressions: ARM `format('{0}-nsg', ...)`,
 * Bicep `'${prefix}-nsg'`. Adjacent literals are merged; empty literals dropped.
 */
export class Interpolation extends Expression {
  /** Discriminant for the renderers. */
  public readonly kind = 'interpolation' as const;
  /** Literal text and expressions in order, adjacent literals merged and empty ones dropped. */
  public readonly parts: ReadonlyArray<string | Expression>;
  constructor(parts: ReadonlyArray<string | Expression>) {
    super('string');
    const merged: Array<string | Expression> = [];
    for (const part of parts) {
      const last = merged[merged.length - 1];
      if (typeof part === 'string') {
        if (part === '') continue;
        if (typeof last === 'string') merged[merged.length - 1] = last + part;
        else merged.push(part);
      } else {
        merged.push(part);
      }
    }
    this.parts = merged;
  }
}

/**
 * A literal value placed where an expression is required (e.g. inside a function call argument
 * that must be an object). Plain JS values are accepted as arguments too; this exists for clarity.
 */
export class Literal extends Expression {
  /** Discriminant for the renderers. */
  public readonly kind = 'literal' as const;
  /** @param value the literal value */
  constructor(public readonly value: string | number | boolean | null) {
    super(typeof value === 'number' ? 'int' : typeof value === 'boolean' ? 'bool' : 'string');
  }
}

/**
 * Turns a string that may hold tokens back into what it stands for: a string without tokens is
 * returned as it is; a lone token is its expression — wrapped in `string()` when that
 * expression is known to be of another type, as a template literal makes a string; text mixed
 * with tokens is an Interpolation. Throws for a token this process did not create.
 */
export function parseTokenString(s: string): string | Expression {
  if (!Tokens.containsToken(s)) return s;
  const parts = Tokens.split(s);
  if (parts.length !== 1 || typeof parts[0] === 'string') return new Interpolation(parts);
  const lone = parts[0];
  const type = lone.valueType;
  return type === undefined || type === 'string' || type === 'securestring' ? lone : new FunctionCall('string', [lone], 'string');
}

/** Any expression node, as a discriminated union for exhaustive renderers. */
export type AnyExpression =
  | ParameterReference | VariableReference | ResourceReference | FunctionCall | PropertyAccess | Interpolation | Literal;

/** The node class of each kind. */
export type ExpressionOfKind<K extends ExpressionKind> = Extract<AnyExpression, { readonly kind: K }>;

/**
 * One handler per expression kind: what every walk or renderer of expressions implements
 * (resolution, the ARM and Bicep writers, value keys, lint). Keyed by kind, so a new kind fails to
 * compile in every visitor that does not handle it. `A` are extra arguments passed to each handler.
 */
export type ExpressionVisitor<R, A extends unknown[] = []> = {
  readonly [K in ExpressionKind]: (expression: ExpressionOfKind<K>, ...args: A) => R;
};

/** Calls the visitor's handler for the expression's kind. */
export function visitExpression<R, A extends unknown[]>(expression: Expression, visitor: ExpressionVisitor<R, A>, ...args: A): R {
  const e = expression as AnyExpression;
  return (visitor[e.kind] as (expression: AnyExpression, ...args: A) => R)(e, ...args);
}

// Every kind has its node class and every node class its kind (a compile-time check).
type SameKinds<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const kindsMatch: SameKinds<ExpressionKind, AnyExpression['kind']> = true;
void kindsMatch;

addBrand(Expression, EXPRESSION_BRAND);
