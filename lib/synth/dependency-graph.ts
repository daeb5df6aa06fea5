/**
 * The dependency graph of one stack: direct edges between declared resources, each with why it
 * exists. dependsOn is rendered from it; cycles are reported with the whole chain.
 */
import type { ArmResource } from '../core/arm-resource.js';
import { findCycles } from './cycles.js';

/** Why an edge exists. */
export type EdgeKind = 'reference' | 'parent' | 'ordering';

/** `from` deploys after `to`. */
export interface Edge {
  readonly from: ArmResource;
  readonly to: ArmResource;
  readonly kind: EdgeKind;
  /** Where the reference is (`properties.subnets[0].properties.networkSecurityGroup.id`) or the ordering reason. */
  readonly reason: string;
  /**
   * Other reasons for the same dependency (e.g. an `addDependency` reason of a resource that is
   * referenced too), in the order they were added; absent when there are none.
   */
  readonly also?: ReadonlyArray<{ readonly kind: EdgeKind; readonly reason: string }>;
}

const NO_EDGES: readonly Edge[] = Object.freeze([]);

/** Direct dependencies of each resource, deduplicated (the first reason for a target leads, the others are kept in `also`). */
export class DependencyGraph {
  // Only resources with dependencies get an entry: in large stacks most have none.
  private readonly outgoing = new Map<ArmResource, Map<ArmResource, Edge>>();

  constructor(private readonly nodes: readonly ArmResource[]) {}

  /** Adds an edge; self edges are ignored (a resource may reference its own id). */
  public add(edge: Edge): void {
    if (edge.from === edge.to) return;
    let edges = this.outgoing.get(edge.from);
    if (!edges) this.outgoing.set(edge.from, (edges = new Map()));
    const first = edges.get(edge.to);
    if (!first) {
      edges.set(edge.to, edge);
      return;
    }
    const same = (e: { kind: EdgeKind; reason: string }) => e.kind === edge.kind && e.reason === edge.reason;
    if (same(first) || first.also?.some(same)) return;
    edges.set(edge.to, { ...first, also: [...(first.also ?? []), { kind: edge.kind, reason: edge.reason }] });
  }

  /** The direct dependencies of a resource, in insertion order. */
  public edgesFrom(node: ArmResource): readonly Edge[] {
    const edges = this.outgoing.get(node);
    return edges ? [...edges.values()] : NO_EDGES;
  }

  /** The cycles, each once (see findCycles), as chains of edges. */
  public findCycles(): Edge[][] {
    return findCycles(this.nodes.filter((n) => this.outgoing.has(n)), (n) => this.edgesFrom(n), (e) => e.to);
  }
}

/** Describes a cycle: one line per edge with its reason, and how to break it. */
export function describeCycle(cycle: readonly Edge[]): string {
  const lines = cycle.map((e) => `${e.from.node.path} -> ${e.to.node.path} (${describeEdge(e)})`);
  return (
    `dependency cycle: the resources below each wait for the next, so none can deploy:\n` +
    lines.map((l) => `  ${l}`).join('\n') +
    `\nBreak the cycle: remove one of these references or ordering dependencies (for example, read a value from a parameter instead of from the other resource).`
  );
}

/** A short human description of why an edge exists. */
export function describeEdge(edge: Edge): string {
  switch (edge.kind) {
    case 'reference':
      return `references it at ${edge.reason}`;
    case 'parent':
      return 'child of it';
    case 'ordering':
      return `ordering: ${edge.reason}`;
  }
}
