/**
 * Resource names in the manifest as structured values (NameValue), built from the stack model's
 * resolved identities by a visitor over expression kinds. Deploy evaluates them and review shows
 * them without parsing template expressions back out of ARM text.
 */
import { Expression, visitExpression, type ExpressionVisitor, type IVariableTarget } from '../core/expression.js';
import { shortNameOf, type IdentityLookup } from './model/identity.js';
import { normalizeArgument, type Resolved } from './resolve.js';
import { resourceIdCall, runtimeRead } from './resource-id.js';

/**
 * A resource name as the manifest carries it: a plain string when it is literal, else its structure.
 * - a string, number, boolean or null: that literal value (strings are never escaped or quoted);
 * - `{ parameter: 'p' }`: the deployment's value of template parameter `p`;
 * - `{ variable: 'v', value }`: template variable `v`, with its value (left out for a variable
 *   that uses itself);
 * - `{ call: 'uniqueString', args: [...] }`: a template function call (ARM function names);
 * - `{ of: value, path: ['id'] }`: a property or element of a value (`resourceGroup().id`);
 * - `{ concat: [...] }`: text joined from parts (`'${prefix}-nsg'`, `parent/child`).
 */
export type NameValue =
  | string | number | boolean | null
  | { readonly parameter: string }
  | { readonly variable: string; readonly value?: NameValue }
  | { readonly call: string; readonly args: readonly NameValue[] }
  | { readonly of: NameValue; readonly path: ReadonlyArray<string | number> }
  | { readonly concat: readonly NameValue[] };

/** What a NameValue is built with: the model's identities and its variables' resolved values. */
export interface NameValueContext {
  readonly identityOf: IdentityLookup;
  /** A variable's resolved value. @default variables are left without their value */
  readonly variableValue?: (variable: IVariableTarget) => Resolved | undefined;
}

/** The structured form of a resolved value (a name, or a part of one). */
export function toNameValue(value: Resolved | undefined, ctx: NameValueContext, inVariables: ReadonlySet<IVariableTarget> = new Set()): NameValue {
  const v = normalizeArgument(value);
  if (Expression.isExpression(v)) return visitExpression(v, NAME_VALUE, ctx, inVariables);
  if (v === undefined || v === null || typeof v !== 'object') return (v ?? null) as NameValue;
  if (Array.isArray(v)) return { call: 'createArray', args: v.map((item) => toNameValue(item, ctx, inVariables)) };
  const args = Object.entries(v as Record<string, Resolved>).flatMap(([k, item]) => [toNameValue(k, ctx, inVariables), toNameValue(item, ctx, inVariables)]);
  return { call: 'createObject', args };
}

type Args = [NameValueContext, ReadonlySet<IVariableTarget>];

const NAME_VALUE: ExpressionVisitor<NameValue, Args> = {
  literal: (e) => e.value,
  parameter: (e) => ({ parameter: e.parameter.parameterName }),
  variable: (e, ctx, inVariables) => {
    const value = ctx.variableValue?.(e.variable);
    if (value === undefined || inVariables.has(e.variable)) return { variable: e.variable.variableName };
    return { variable: e.variable.variableName, value: toNameValue(value, ctx, new Set([...inVariables, e.variable])) };
  },
  call: (e, ctx, inVariables) => ({ call: e.name, args: e.args.map((a) => toNameValue(a as Resolved, ctx, inVariables)) }),
  access: (e, ctx, inVariables) => ({ of: toNameValue(e.base, ctx, inVariables), path: [...e.path] }),
  interpolation: (e, ctx, inVariables) => ({ concat: e.parts.map((p) => toNameValue(p, ctx, inVariables)) }),
  resource: (e, ctx, inVariables) => {
    switch (e.attribute.kind) {
      case 'name':
        return toNameValue(shortNameOf(ctx.identityOf(e.target)), ctx, inVariables);
      case 'id':
        return toNameValue(resourceIdCall(ctx.identityOf(e.target)), ctx, inVariables);
      case 'type':
        return e.target.resourceType;
      case 'apiVersion':
        return e.target.apiVersion;
      case 'runtime':
        return toNameValue(runtimeRead(e.target, e.attribute.path), ctx, inVariables);
    }
  },
};
