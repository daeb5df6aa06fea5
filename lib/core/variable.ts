/**
 * Variable: a named value computed once in the template (ARM `variables`, Bicep `var`).
 */
import { checkTemplateName } from './template-names.js';
import { addBrand, hasBrand } from './brand.js';
import { Construct } from 'constructs';
import { VariableReference, type Expression, type IVariableTarget } from './expression.js';

const VARIABLE_BRAND = Symbol.for('azcdk.Variable');

/** Options for a Variable. */
export interface VariableProps {
  /** The value; may contain expressions (but not `reference()`: ARM does not allow it in variables). */
  readonly value: unknown;
}

/**
 * A template variable; its construct id is its name. Resources that use a variable depend on
 * the resources the variable's value references.
 */
export class Variable extends Construct implements IVariableTarget {
  /** True if `x` is a Variable. */
  public static isVariable(x: unknown): x is Variable {
    return hasBrand(x, VARIABLE_BRAND);
  }

  /** The variable's name in the template (its construct id). */
  public readonly variableName: string;
  /** The value as given (resolved at synth time). */
  public readonly value: unknown;
  private readonly reference: VariableReference;

  constructor(scope: Construct, id: string, props: VariableProps) {
    super(scope, id);
    this.variableName = id;
    this.node.addValidation({ validate: () => checkTemplateName('Variable', this.variableName) });
    this.value = props.value;
    this.reference = new VariableReference(this);
  }

  /** A reference to the variable, for props and template literals. */
  public get ref(): Expression {
    return this.reference;
  }
}

addBrand(Variable, VARIABLE_BRAND);
