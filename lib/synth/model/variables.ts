/**
 * Pipeline step 3, variables: resolves each variable's value and keeps what it references, so
 * later steps follow references through variables (dependencies, secrets in outputs, cycles).
 */
import type { Problem } from '../../core/errors.js';
import type { ResourceBase } from '../../core/resource-base.js';
import type { Variable } from '../../core/variable.js';
import { findCycles } from '../cycles.js';
import { References, resolveValue, type ResolveContext } from '../resolve.js';
import type { VariableModel } from './types.js';

/** What each variable of the stack references directly. */
export type VariableReferences = ReadonlyMap<Variable, References>;

/** The resolved variables and what each references. */
export function resolveVariables(
  variables: readonly Variable[], context: (owner: Variable) => ResolveContext,
): { models: VariableModel[]; references: Map<Variable, References> } {
  const references = new Map<Variable, References>();
  const models = variables.map((variable) => {
    const ctx = { ...context(variable), evaluatedEarly: { place: `variable '${variable.variableName}'` } };
    const value = resolveValue(variable.value, ctx, 'value') ?? null;
    references.set(variable, ctx.references);
    return { variable, value };
  });
  return { models, references };
}

/**
 * Every variable of the stack a value uses, directly or through other variables, in the order a
 * depth-first walk meets them (the order edges and messages follow). The one walk over variables.
 */
export function variableClosure(refs: References, variableRefs: VariableReferences): Variable[] {
  const seen = new Set<Variable>();
  const out: Variable[] = [];
  const pending = [...refs.variables];
  while (pending.length) {
    const variable = pending.pop()!;
    if (seen.has(variable)) continue;
    seen.add(variable);
    const vr = variableRefs.get(variable);
    if (!vr) continue;
    out.push(variable);
    pending.push(...vr.variables);
  }
  return out;
}

/** The resources a value references, including those its variables reference (transitively), each with where. */
export function resourcesThroughVariables(refs: References, variableRefs: VariableReferences): Array<[ResourceBase, string]> {
  const all: Array<[ResourceBase, string]> = [...refs.resources];
  for (const variable of variableClosure(refs, variableRefs)) {
    for (const [target] of variableRefs.get(variable)!.resources) all.push([target, `variables('${variable.variableName}')`]);
  }
  return all;
}

/** Variables that use each other in a cycle cannot be evaluated by ARM. */
export function checkVariableCycles(variables: readonly Variable[], variableRefs: VariableReferences, problems: Problem[]): void {
  const uses = (v: Variable) => [...(variableRefs.get(v)?.variables ?? [])].map((next) => [v, next] as const);
  for (const cycle of findCycles(variables, uses, ([, next]) => next)) {
    const names = [...cycle.map(([v]) => v.variableName), cycle[cycle.length - 1][1].variableName].join(' -> ');
    problems.push({ path: cycle[cycle.length - 1][0].node.path, message: `variables use each other in a cycle (${names}), which ARM cannot evaluate: break the cycle.` });
  }
}
