/**
 * Structural keys of values that may hold expressions, to tell whether two values name the same
 * thing: two imports of one server, a resource id and the token string of it, one zone seen
 * through two handles. Literals compare case-insensitively, as Azure names and ids do.
 */
import {
  Expression, parseTokenString, type FunctionCall, type Interpolation, type Literal, type ParameterReference, type PropertyAccess,
  type ResourceReference, type VariableReference,
} from '../core/index.js';

/** A string equal for two values exactly when they render to the same template value. */
export function valueKey(value: unknown): string {
  if (typeof value === 'string') {
    const parsed = parseTokenString(value);
    return typeof parsed === 'string' ? JSON.stringify(parsed.toLowerCase()) : valueKey(parsed);
  }
  if (Array.isArray(value)) return `[${value.map(valueKey).join(',')}]`;
  if (!Expression.isExpression(value)) return JSON.stringify(value) ?? 'undefined';
  switch (value.kind) {
    case 'parameter': return `parameters(${(value as ParameterReference).parameter.parameterName})`;
    case 'variable': return `variables(${(value as VariableReference).variable.variableName})`;
    case 'literal': return valueKey((value as Literal).value);
    case 'call': {
      const call = value as FunctionCall;
      return `${call.name.toLowerCase()}(${call.args.map(valueKey).join(',')})`;
    }
    case 'access': {
      const access = value as PropertyAccess;
      return `${valueKey(access.base)}${access.path.map((p) => `[${JSON.stringify(p)}]`).join('')}`;
    }
    case 'interpolation': return `concat(${(value as Interpolation).parts.map(valueKey).join(',')})`;
    case 'resource': {
      const { target, attribute } = value as ResourceReference;
      return `${resourceKey(target)}.${attribute.kind === 'runtime' ? attribute.path.join('.') : attribute.kind}`;
    }
  }
  return String(value);
}

/** Subscription, resource group, type and name chain of a resource (declared or existing alike). */
function resourceKey(target: ResourceReference['target']): string {
  const scope = target.parentResource
    ? resourceKey(target.parentResource)
    : `${valueKey(target.subscriptionId ?? '')}/${valueKey(target.resourceGroupName ?? '')}`;
  return `${scope}/${target.resourceType.toLowerCase()}/${valueKey(target.shortName)}`;
}
