/**
 * The stack model: everything a renderer needs about one stack, resolved once and shared by the
 * ARM writer, the Bicep writer and the manifest (types in model/types.ts).
 *
 * buildStackModel is a short pipeline of named steps, one file each under model/:
 *   1. collect (members.ts)       the constructs below the stack, sorted into members
 *   2. logical ids (logical-ids.ts)
 *   3. variables (variables.ts)   resolved first: later steps follow references through them
 *   4. resources (resources.ts)   identities (identity.ts: name segments and scope, resolved once),
 *                                 conditions and bodies resolved, with their checks
 *   5. edges (edges.ts)           the dependency graph and the stacks deployed first; cycles
 *   6. outputs (outputs.ts)       values, inferred types, no secrets
 *   7. parameters                 defaults resolved; those emitted only if used are dropped if not
 *   8. names (unique-names.ts)    one Azure name per resource, one template name per entry
 * Every step adds what it finds wrong to `problems` and carries on, so one synth reports all.
 */
import type { IConstruct } from 'constructs';
import type { Problem } from '../core/errors.js';
import type { Parameter } from '../core/parameter.js';
import type { Stack } from '../core/stack.js';
import { DependencyGraph, describeCycle } from './dependency-graph.js';
import { References, resolveValue, type ResolveContext } from './resolve.js';
import { addEdgesTo, addNodeDependencyEdges, addOrderingEdges, addReferenceEdges } from './model/edges.js';
import { Identities } from './model/identity.js';
import { assignLogicalIds } from './model/logical-ids.js';
import { collectMembers, declaredNames } from './model/members.js';
import { resolveOutput } from './model/outputs.js';
import { resolveExisting, resolveResource } from './model/resources.js';
import type { ResourceModel, StackModel } from './model/types.js';
import { checkDuplicateNames, checkUniqueNames } from './model/unique-names.js';
import { checkVariableCycles, resolveVariables } from './model/variables.js';

export * from './model/types.js';

/**
 * Builds the model of a stack, adding every problem found to `problems`.
 * @param constructs the constructs below the stack, in tree order (default: found by walking it)
 */
export function buildStackModel(stack: Stack, problems: Problem[], constructs: readonly IConstruct[] = stack.node.findAll().slice(1)): StackModel {
  const members = collectMembers(constructs);
  const logicalIds = assignLogicalIds(stack, [...members.resources, ...members.existing], problems);
  const declared = declaredNames(members);
  const usedParameters = new Set<Parameter>();
  /** A resolve context for a member; what it references counts as used. */
  const context = (owner: IConstruct): ResolveContext => ({ stack, ownerPath: owner.node.path, problems, references: new References(), declared });
  const noteUsed = (refs: References) => refs.parameters.forEach((p) => usedParameters.add(p));

  const variables = resolveVariables(members.variables, context);
  variables.references.forEach(noteUsed);
  const variableRefs = variables.references;
  checkVariableCycles(members.variables, variableRefs, problems);

  const identities = new Identities(stack, problems, declared);
  const graph = new DependencyGraph(members.resources);
  const stackDependencies = new Map<Stack, string>(stack.stackDependencies);
  const resolved = members.resources.map((resource) => {
    const ctx = context(resource);
    const model = resolveResource(resource, ctx, logicalIds, identities);
    noteUsed(ctx.references);
    addReferenceEdges(graph, resource, ctx.references, variableRefs, identities);
    if (resource.parentResource) addEdgesTo(graph, resource, resource.parentResource, 'parent', 'parent', variableRefs, identities);
    for (const { target, reason } of resource.dependencies) addOrderingEdges(graph, stack, [resource], target, reason, stackDependencies);
    return model;
  });
  addNodeDependencyEdges(graph, stack, members.resources, members.withNodeDependencies, stackDependencies);
  for (const cycle of graph.findCycles()) problems.push({ path: stack.node.path, message: describeCycle(cycle) });
  const resources: ResourceModel[] = resolved.map((r) => Object.assign(r, { dependencies: graph.edgesFrom(r.resource) }));
  checkDuplicateNames(resources, identities.of, problems);

  const existing = members.existing.map((resource) => {
    const ctx = context(resource);
    const model = resolveExisting(resource, ctx, logicalIds, identities);
    noteUsed(ctx.references);
    return model;
  });

  const outputs = members.outputs.map((output) => {
    const ctx = context(output);
    const model = resolveOutput(output, ctx, variableRefs);
    noteUsed(ctx.references);
    return model;
  });

  const parameterDefaults = members.parameters.map((parameter) => {
    const ctx = { ...context(parameter), evaluatedEarly: { place: `the default of parameter '${parameter.parameterName}'`, variables: true } };
    const defaultValue = resolveValue(parameter.props.defaultValue, ctx, 'defaultValue');
    noteUsed(ctx.references);
    return { parameter, defaultValue };
  });
  const parameters = parameterDefaults.filter((p) => !p.parameter.props.emitOnlyIfUsed || usedParameters.has(p.parameter));
  checkUniqueNames('parameter', parameters.map((p) => [p.parameter.parameterName, p.parameter] as const), problems);
  checkUniqueNames('variable', members.variables.map((v) => [v.variableName, v] as const), problems);
  checkUniqueNames('output', members.outputs.map((o) => [o.outputName, o] as const), problems);

  return { stack, parameters, variables: variables.models, resources, existing, outputs, logicalIds, identityOf: identities.of, stackDependencies };
}
