/**
 * Secret values (L2 props, sensitive properties of the generated L1s): they must come from a
 * securestring parameter, so they never appear in the template, the parameters file or the manifest.
 */
import { Expression, Parameter, ParameterReference, Tokens, type Value } from '../core/index.js';

/** A secret: a securestring Parameter, or its `.value`. */
export type SecretValue = Parameter | Value<string>;

/**
 * The expression to render for a secret, or an error message (what, how to fix) when the value
 * is missing, a plain string or does not come from a securestring parameter.
 * @param prop the prop name shown in messages, e.g. 'administratorPassword'
 * @param owner what needs the secret, for the message when it is missing, e.g. 'a Windows virtual machine'
 */
export function secureValue(value: SecretValue, prop: string, owner = 'this construct'): { value: Expression } | { error: string } {
  if (value === undefined || value === null) {
    return { error: `${prop} is missing: ${owner} needs one. ${declareSecureParameter(prop)}` };
  }
  if (typeof value === 'string' && Tokens.containsToken(value) && toExpression(value) === undefined) {
    return { error: `${prop} mixes literal text with a parameter: the literal part would be stored in clear text. Pass the securestring Parameter or its .value alone.` };
  }
  const expression = toExpression(value);
  if (!expression) {
    return {
      error:
        `${prop} is a plain string: it would be written into the template in clear text. ${declareSecureParameter(prop)}`,
    };
  }
  if (!(expression instanceof ParameterReference) && expression.kind !== 'parameter') {
    return { error: `${prop} must come from a securestring parameter (pass the Parameter or its .value); an expression of kind '${expression.kind}' could expose the secret.` };
  }
  const parameter = (expression as ParameterReference).parameter;
  if (parameter.type !== 'securestring') {
    return { error: `${prop} uses parameter '${parameter.parameterName}' of type '${parameter.type}': secrets need type 'securestring', or they show up in deployment history. Change the parameter's type to 'securestring'.` };
  }
  return { value: expression };
}

function toExpression(value: SecretValue): Expression | undefined {
  if (Parameter.isParameter(value)) return value.value;
  if (Expression.isExpression(value)) return value;
  if (typeof value === 'string' && Tokens.containsToken(value)) {
    const parts = Tokens.split(value);
    if (parts.length === 1 && typeof parts[0] !== 'string') return parts[0];
    return undefined;
  }
  return undefined;
}

function declareSecureParameter(prop: string): string {
  return `Declare a parameter with type 'securestring' (new Parameter(stack, '${prop}', { type: 'securestring' })) and pass it or its .value.`;
}
