/**
 * Output: a value the deployment returns (ARM `outputs`, Bicep `output`).
 */
import { checkTemplateName } from './template-names.js';
import { checkLiteralOnly, METADATA_IS_LITERAL } from './literals.js';
import { addBrand, hasBrand } from './brand.js';
import { Construct } from 'constructs';
import { AzcdkError } from './errors.js';
import { VALUE_TYPES, type ValueType } from './expression.js';

const OUTPUT_BRAND = Symbol.for('azcdk.Output');

/** Options for an Output. */
export interface OutputProps {
  /** The value: a literal, an expression, or a string with tokens. */
  readonly value: unknown;
  /**
   * The output's ARM type. Secure types are refused: outputs are readable by anyone who can read
   * the deployment.
   * @default inferred from the value (string when unknown)
   */
  readonly type?: Exclude<ValueType, 'securestring' | 'secureObject'>;
  /** Description (Bicep `@description`, ARM metadata). @default none */
  readonly description?: string;
}

/** A deployment output; its construct id is the output name. */
export class Output extends Construct {
  /** True if `x` is an Output. */
  public static isOutput(x: unknown): x is Output {
    return hasBrand(x, OUTPUT_BRAND);
  }

  /** The output's name in the template (its construct id). */
  public readonly outputName: string;
  /** The props as given. */
  public readonly props: OutputProps;

  constructor(scope: Construct, id: string, props: OutputProps) {
    super(scope, id);
    this.outputName = id;
    // A JavaScript app (or `as any`) can get here without a value: ARM would get "value": null.
    if (props?.value === undefined || props.value === null) {
      throw new AzcdkError(
        `[${this.node.path}] Output '${id}' has no value (${props?.value}): pass the value to return, ` +
          `e.g. { value: publicIp.getRuntimeProperty('properties.ipAddress') }, or leave the output out.`,
      );
    }
    this.node.addValidation({
      validate: () => [
        ...checkTemplateName('Output', this.outputName),
        ...checkLiteralOnly('description', props.description, METADATA_IS_LITERAL),
        ...(props.type === undefined || VALUE_TYPES.includes(props.type)
          ? []
          : [`type ${JSON.stringify(props.type)} of output '${this.outputName}' is not an ARM output type: use one of ${VALUE_TYPES.filter((t) => !t.startsWith('secure')).join(', ')}, or leave type out to infer it.`]),
      ],
    });
    this.props = props;
  }
}

addBrand(Output, OUTPUT_BRAND);
