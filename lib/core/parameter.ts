/**
 * Parameter: a value supplied when the template is deployed.
 */
import { addBrand, hasBrand, STACK_BRAND } from './brand.js';
import { checkTemplateName } from './template-names.js';
import { Construct } from 'constructs';
import { Expression, ParameterReference, VALUE_TYPES, type IParameterTarget, type ValueType } from './expression.js';
import { checkLiteralOnly, METADATA_IS_LITERAL } from './literals.js';

const PARAMETER_BRAND = Symbol.for('azcdk.Parameter');
/** Where a stack keeps the user's own 'location' parameter (see Stack.location). */


/** ARM parameter types: the types a template value can have (one list, ValueType). */
export type ParameterType = ValueType;

/** Options for a Parameter. */
export interface ParameterProps {
  /**
   * The parameter's name in the template.
   * @default the construct id
   */
  readonly name?: string;
  /** The ARM type. Use `securestring` / `secureObject` for secrets: they never get defaults or reach outputs. */
  readonly type: ParameterType;
  /**
   * Value used when the deployment does not supply one (may be an expression such as
   * `Fn.resourceGroup().get('location')`). Not allowed for secure types.
   * @default none: the parameter is required
   */
  readonly defaultValue?: unknown;
  /**
   * Value written to `<Stack>.parameters.json` for pipelines (a per-environment value, separate
   * from the template default). Not allowed for secure types: those are supplied at deploy time.
   * @default not written
   */
  readonly value?: string | number | boolean | object;
  /** Allowed values. @default any */
  readonly allowedValues?: ReadonlyArray<string | number | boolean>;
  /** Minimum value (int). @default none */
  readonly minValue?: number;
  /** Maximum value (int). @default none */
  readonly maxValue?: number;
  /** Minimum length (string, securestring, array). @default none */
  readonly minLength?: number;
  /** Maximum length (string, securestring, array). @default none */
  readonly maxLength?: number;
  /** Description shown in the portal and in Bicep's `@description`. @default none */
  readonly description?: string;
  /**
   * Emit the parameter only if something references it (used for the implicit `location`).
   * @default false: declared parameters are always emitted
   */
  readonly emitOnlyIfUsed?: boolean;
}

/** What a Stack offers the Parameters declared under it (named by its brand: Stack imports Parameter). */
interface LocationParameterOwner {
  _useLocationParameter(parameter: Parameter): void;
}

/**
 * A template parameter. The construct id is the parameter name.
 *
 * ```ts
 * const prefix = new Parameter(stack, 'prefix', { type: 'string', maxLength: 10 });
 * new ArmResource(stack, 'Nsg', { ..., name: `${prefix.value}-nsg` });
 * ```
 */
export class Parameter extends Construct implements IParameterTarget {
  /** True if `x` is a Parameter. */
  public static isParameter(x: unknown): x is Parameter {
    return hasBrand(x, PARAMETER_BRAND);
  }

  /** The parameter's name in the template (`props.name`, else the construct id). */
  public readonly parameterName: string;
  /** The parameter's ARM type. */
  public readonly type: ValueType;
  /** The props as given. */
  public readonly props: ParameterProps;
  private readonly reference: ParameterReference;

  constructor(scope: Construct, id: string, props: ParameterProps) {
    super(scope, id);
    this.parameterName = props.name ?? id;
    // A parameter named 'location' declared directly under a stack replaces the stack's implicit one.
    if (this.parameterName === 'location' && !props.emitOnlyIfUsed && hasBrand(scope, STACK_BRAND)) {
      (scope as unknown as LocationParameterOwner)._useLocationParameter(this);
    }
    this.type = props.type;
    this.props = props;
    this.reference = new ParameterReference(this);
    this.node.addValidation({ validate: () => this.validateProps() });
  }

  /** The parameter's value at deployment time: use it in props or in template literals. */
  public get value(): Expression {
    return this.reference;
  }

  /** The value as a string token, for string-typed props. */
  public get valueAsString(): string {
    return this.reference.toString();
  }

  /** True for `securestring` and `secureObject`. */
  public get isSecure(): boolean {
    return this.type === 'securestring' || this.type === 'secureObject';
  }

  private validateProps(): string[] {
    const p = this.props;
    const errors: string[] = [];
    errors.push(...checkTemplateName('Parameter', this.parameterName));
    if (!VALUE_TYPES.includes(this.type)) {
      return [...errors, `type ${JSON.stringify(this.type)} of parameter '${this.parameterName}' is not an ARM parameter type: use one of ${VALUE_TYPES.join(', ')}.`];
    }
    if (this.isSecure && p.defaultValue !== undefined) {
      errors.push(`Secure parameter '${this.parameterName}' must not have a defaultValue: the default would be stored in the template in clear text. Supply it at deploy time.`);
    }
    if (this.isSecure && p.value !== undefined) {
      errors.push(`Secure parameter '${this.parameterName}' must not have a value: it would be written to the parameters file. Supply it at deploy time (azcdk deploy --parameters ${this.parameterName}=@env:VAR).`);
    }
    const numeric = this.type === 'int';
    const lengthy = this.type === 'string' || this.type === 'securestring' || this.type === 'array';
    if (!numeric && (p.minValue !== undefined || p.maxValue !== undefined)) {
      errors.push(`minValue/maxValue apply to 'int' parameters, not '${this.type}'.`);
    }
    if (!lengthy && (p.minLength !== undefined || p.maxLength !== undefined)) {
      errors.push(`minLength/maxLength apply to string, securestring and array parameters, not '${this.type}'.`);
    }
    if (p.minValue !== undefined && p.maxValue !== undefined && p.minValue > p.maxValue) {
      errors.push(`minValue (${p.minValue}) is greater than maxValue (${p.maxValue}).`);
    }
    if (p.minLength !== undefined && p.maxLength !== undefined && p.minLength > p.maxLength) {
      errors.push(`minLength (${p.minLength}) is greater than maxLength (${p.maxLength}).`);
    }
    const valueErrors = checkLiteralOnly('value', p.value, 'the parameters file holds plain values. Put expressions in defaultValue instead.');
    errors.push(...valueErrors);
    errors.push(...checkLiteralOnly('allowedValues', p.allowedValues, 'ARM compares the value with them before evaluating any expression. List the values themselves.'));
    errors.push(...checkLiteralOnly('description', p.description, METADATA_IS_LITERAL));
    for (const [label, v] of [['defaultValue', p.defaultValue], ['value', p.value]] as const) {
      if (v === undefined || Expression.isExpression(v) || (label === 'value' && valueErrors.length)) continue;
      errors.push(...checkLiteral(this.parameterName, label, v, p));
    }
    return errors;
  }
}

/**
 * True if a literal value has the ARM type `type`. ARM's int is a whole number (it has no
 * floating-point type); object and array are told apart.
 */
export function literalHasType(v: unknown, type: ValueType): boolean {
  const expected = { string: 'string', securestring: 'string', int: 'number', bool: 'boolean', object: 'object', secureObject: 'object', array: 'object' }[type];
  return typeof v === expected && (type === 'array') === Array.isArray(v) && (type !== 'int' || Number.isInteger(v));
}

function checkLiteral(name: string, label: string, v: unknown, p: ParameterProps): string[] {
  const errors: string[] = [];
  if (!literalHasType(v, p.type)) {
    errors.push(`${label} of parameter '${name}' must be of type ${p.type}, got ${JSON.stringify(v)}.`);
    return errors;
  }
  if (p.allowedValues && !p.allowedValues.includes(v as string)) {
    errors.push(`${label} ${JSON.stringify(v)} of parameter '${name}' is not one of the allowedValues ${JSON.stringify(p.allowedValues)}.`);
  }
  if (typeof v === 'number') {
    if (p.minValue !== undefined && v < p.minValue) errors.push(`${label} ${v} of parameter '${name}' is below minValue ${p.minValue}.`);
    if (p.maxValue !== undefined && v > p.maxValue) errors.push(`${label} ${v} of parameter '${name}' is above maxValue ${p.maxValue}.`);
  }
  const length = typeof v === 'string' || Array.isArray(v) ? v.length : undefined;
  if (length !== undefined) {
    if (p.minLength !== undefined && length < p.minLength) errors.push(`${label} of parameter '${name}' is shorter than minLength ${p.minLength}.`);
    if (p.maxLength !== undefined && length > p.maxLength) errors.push(`${label} of parameter '${name}' is longer than maxLength ${p.maxLength}.`);
  }
  return errors;
}

addBrand(Parameter, PARAMETER_BRAND);
