/**
 * Structural keys of values that may hold expressions, to tell whether two values name the same
 * thing: two imports of one server, a resource id and the token string of it, one zone seen
 * through two handles. Literals compare case-insensitively, as Azure names and ids do.
 */
import { Expression, parseTokenString, visitExpression, type ExpressionVisitor, type ResourceReference } from '../core/index.js';

/** A string equal for two values exactly when they render to the same template value. */
export function valueKey(value: unknown): string {
  if (typeof value === 'string') {
    const parsed = parseTokenString(value);
    return typeof parsed === 'string' ? JSON.stringify(parsed.toLowerCase()) : valueKey(parsed);
  }
  if (Array.isArray(value)) return `[${value.map(valueKey).join(',')}]`;
  if (!Expression.isExpression(value)) return JSON.stringify(value) ?? 'undefined';
  return visitExpression(value, KEY);
}

const KEY: ExpressionVisitor<string> = {
  parameter: (e) => `parameters(${e.parameter.parameterName})`,
  variable: (e) => `variables(${e.variable.variableName})`,
  literal: (e) => valueKey(e.value),
  call: (e) => `${e.name.toLowerCase()}(${e.args.map(valueKey).join(',')})`,
  access: (e) => `${valueKey(e.base)}${e.path.map((p) => `[${JSON.stringify(p)}]`).join('')}`,
  interpolation: (e) => `concat(${e.parts.map(valueKey).join(',')})`,
  resource: ({ target, attribute }) => `${resourceKey(target)}.${attribute.kind === 'runtime' ? attribute.path.join('.') : attribute.kind}`,
};

/** Subscription, resource group, type and name chain of a resource (declared or existing alike). */
function resourceKey(target: ResourceReference['target']): string {
  const scope = target.parentResource
    ? resourceKey(target.parentResource)
    : `${valueKey(target.subscriptionId ?? '')}/${valueKey(target.resourceGroupName ?? '')}`;
  return `${scope}/${target.resourceType.toLowerCase()}/${valueKey(target.shortName)}`;
}
