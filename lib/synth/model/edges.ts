/**
 * Pipeline step 5, edges: the dependency graph of the declared resources — reference edges
 * (direct, through variables, through existing resources' identities), parent edges, and
 * ordering edges from addDependency / node.addDependency — and the stacks this one deploys after.
 */
import type { IConstruct } from 'constructs';
import { ArmResource } from '../../core/arm-resource.js';
import type { ResourceBase } from '../../core/resource-base.js';
import { Stack } from '../../core/stack.js';
import type { DependencyGraph } from '../dependency-graph.js';
import type { References } from '../resolve.js';
import type { Identities } from './identity.js';
import { resourcesThroughVariables, type VariableReferences } from './variables.js';

/** Reference edges: to declared resources directly, through variables, and through existing resources' identities. */
export function addReferenceEdges(graph: DependencyGraph, from: ArmResource, refs: References, variableRefs: VariableReferences, identities: Identities): void {
  for (const [target, location] of resourcesThroughVariables(refs, variableRefs)) addEdgesTo(graph, from, target, 'reference', location, variableRefs, identities);
}

/**
 * An edge to `target` if it is declared here; for an existing resource, edges to what its
 * identity depends on instead: its declared parent, and resources its name, resource group and
 * subscription are built from (as Bicep does for `existing` symbols, scope included).
 */
export function addEdgesTo(
  graph: DependencyGraph, from: ArmResource, target: ResourceBase, kind: 'reference' | 'parent', reason: string, variableRefs: VariableReferences, identities: Identities,
): void {
  for (let t: ResourceBase | undefined = target; t; t = t.parentResource) {
    if (ArmResource.isArmResource(t)) {
      if (Stack.tryOf(t) === from.stack) graph.add({ from, to: t, kind, reason });
      return;
    }
    if (Stack.tryOf(t) !== from.stack) return; // reported where it is referenced
    const refs: References = identities.of(t).references;
    for (const [declared] of resourcesThroughVariables(refs, variableRefs) as Array<[ResourceBase, string]>) {
      if (declared !== t) addEdgesTo(graph, from, declared, kind, reason, variableRefs, identities);
    }
  }
}

/**
 * Ordering edges from each of `sources` to the resources under `target`; a target in another
 * stack (or a stack) makes a stack dependency instead.
 */
export function addOrderingEdges(
  graph: DependencyGraph, stack: Stack, sources: readonly ArmResource[], target: IConstruct, reason: string, stackDependencies: Map<Stack, string>,
): void {
  const targetStack = Stack.tryOf(target);
  if (Stack.isStack(target) || (targetStack && targetStack !== stack)) {
    if (targetStack && targetStack !== stack) stackDependencies.set(targetStack, reason);
    return;
  }
  const targets = target.node.findAll().filter(ArmResource.isArmResource);
  for (const from of sources) for (const to of targets) graph.add({ from, to, kind: 'ordering', reason });
}

/** Ordering edges of `stack.node.addDependency(...)` and of every member's `node.addDependency(...)`. */
export function addNodeDependencyEdges(
  graph: DependencyGraph, stack: Stack, resources: readonly ArmResource[], withNodeDependencies: readonly IConstruct[], stackDependencies: Map<Stack, string>,
): void {
  // `stack.node.addDependency(other)`: the stack itself is not among its members.
  for (const target of stack.node.dependencies) {
    addOrderingEdges(graph, stack, resources, target, `node.addDependency on ${stack.node.path}`, stackDependencies);
  }
  for (const construct of withNodeDependencies) {
    const sources = construct.node.findAll().filter(ArmResource.isArmResource);
    for (const target of construct.node.dependencies) {
      addOrderingEdges(graph, stack, sources, target, `node.addDependency on ${construct.node.path}`, stackDependencies);
    }
  }
}
