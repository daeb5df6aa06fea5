/**
 * Pipeline step 6, outputs: resolves each output's value, infers its type when not given, and
 * refuses secrets (secure parameters and list*() results, directly or through variables).
 */
import { Expression, VALUE_TYPES, type ValueType } from '../../core/expression.js';
import type { Output } from '../../core/output.js';
import { literalHasType } from '../../core/parameter.js';
import type { Variable } from '../../core/variable.js';
import { normalizeArgument, resolveValue, type References, type ResolveContext, type Resolved } from '../resolve.js';
import type { OutputModel } from './types.js';
import { variableClosure, type VariableReferences } from './variables.js';

/** An output resolved and checked; `ctx.references` receives what its value references. */
export function resolveOutput(output: Output, ctx: ResolveContext, variableRefs: VariableReferences): OutputModel {
  const value = resolveValue(output.props.value, ctx, 'value') ?? null;
  // Secrets reach an output directly or through variables: look at everything the value uses.
  const all: References[] = [ctx.references, ...variableClosure(ctx.references, variableRefs).map((v) => variableRefs.get(v)!)];
  const leak = (message: string) =>
    ctx.problems.push({ path: ctx.ownerPath, message: `output '${output.outputName}' ${message}: deployment outputs are readable by anyone who can read the deployment. Remove it from the output.` });
  const secure = new Set(all.flatMap((refs) => [...refs.parameters].filter((p) => p.isSecure)));
  for (const parameter of secure) leak(`uses secure parameter '${parameter.parameterName}'`);
  if (all.some((refs) => refs.callsList)) leak('calls a list*() function, which returns secrets such as keys');
  // Inferred from the value as written: resolution turns `parameters('p')` into p's reference,
  // whose type an untyped call never had (the output stays 'string', as before).
  const type = (output.props.type as ValueType | undefined) ?? inferType(normalizeArgument(output.props.value ?? null) as Resolved, variableRefs);
  if (type === 'securestring' || type === 'secureObject') {
    ctx.problems.push({ path: ctx.ownerPath, message: `output '${output.outputName}' has secure type ${type}: outputs cannot be secret. Remove the output.` });
  } else if (typeof value === 'number' && !Number.isInteger(value)) {
    ctx.problems.push({ path: ctx.ownerPath, message: `output '${output.outputName}' is ${value}, but ARM has no floating-point type (int is a whole number): output it as a string, e.g. '${value}'.` });
  } else if (value !== null && !Expression.isExpression(value) && VALUE_TYPES.includes(type) && !literalHasType(value, type)) {
    ctx.problems.push({ path: ctx.ownerPath, message: `output '${output.outputName}' has type ${type}, but its value is ${JSON.stringify(value)}: give a value of that type, or the type of the value (or leave type out to infer it).` });
  }
  return { output, type, value };
}

function inferType(value: Resolved, variableRefs: VariableReferences, seen = new Set<Variable>()): ValueType {
  if (Expression.isExpression(value) && (value as { kind: string }).kind === 'variable') {
    // A variable (or a chain of them): the type of the value at the end of the chain.
    const variable = (value as unknown as { variable: Variable }).variable;
    if (variableRefs.has(variable) && !seen.has(variable)) {
      seen.add(variable);
      return inferType(resolvedVariableValue(variable), variableRefs, seen);
    }
  }
  if (typeof value === 'number') return 'int';
  if (typeof value === 'boolean') return 'bool';
  if (Array.isArray(value)) return 'array';
  if (Expression.isExpression(value)) return value.valueType ?? 'string';
  if (value && typeof value === 'object') return 'object';
  return 'string';
}

/** A variable's value with tokens parsed, for type inference. */
function resolvedVariableValue(variable: Variable): Resolved {
  const v = variable.value;
  return (typeof v === 'string' ? normalizeArgument(v) : v) as Resolved;
}
