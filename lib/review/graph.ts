/**
 * The dependency picture of stacks: resources as nodes, dependsOn edges labelled with why they
 * exist (reference, parent, ordering). Renderers (DOT, Mermaid, SVG) share this model.
 */
import type { Manifest } from '../synth/manifest.js';
import { resourcesOf } from './assembly.js';
import { displayName } from './display-name.js';

/** A resource in the picture. */
export interface GraphNode {
  /** Unique across the graph: `<stack>.<logicalId>`. */
  readonly id: string;
  readonly logicalId: string;
  readonly type: string;
  /** Readable name (`{prefix}-vnet` for `[format('{0}-vnet', parameters('prefix'))]`). */
  readonly name: string;
  readonly path: string;
}

/** `from` depends on `to`. */
export interface GraphEdge {
  readonly from: string;
  readonly to: string;
  readonly kind: string;
  readonly reason: string;
}

/** One stack: a cluster of nodes. */
export interface GraphCluster {
  readonly stack: string;
  readonly nodes: readonly GraphNode[];
}

/** The whole picture. */
export interface DependencyGraph {
  readonly clusters: readonly GraphCluster[];
  readonly edges: readonly GraphEdge[];
}

/** Builds the picture of `stacks` from the manifest. */
export function buildGraph(manifest: Manifest, stacks: readonly string[]): DependencyGraph {
  const clusters: GraphCluster[] = [];
  const edges: GraphEdge[] = [];
  for (const stack of stacks) {
    const nodes: GraphNode[] = [];
    for (const [logicalId, r] of resourcesOf(manifest.stacks[stack])) {
      const id = `${stack}.${logicalId}`;
      nodes.push({ id, logicalId, type: r.type, name: displayName(r.name), path: r.path });
      for (const d of r.dependsOn ?? []) edges.push({ from: id, to: `${stack}.${d.on}`, kind: d.kind, reason: d.reason });
    }
    clusters.push({ stack, nodes });
  }
  return { clusters, edges };
}

/** How each kind of edge is drawn, shared by DOT and the legend. */
export const EDGE_STYLE: Record<string, { readonly color: string; readonly style: string }> = {
  reference: { color: '#0969da', style: 'solid' },
  parent: { color: '#57606a', style: 'bold' },
  ordering: { color: '#bf8700', style: 'dashed' },
};

/** Fill colours by provider namespace (`Microsoft.Network`), so related resources read as a group. */
const FILLS = ['#ddf4ff', '#dafbe1', '#fff8c5', '#ffebe9', '#fbefff', '#f6f8fa', '#d8f3f0', '#fff1e5'];

/** A stable fill for a resource type's namespace. */
export function fillOf(type: string): string {
  const namespace = type.split('/')[0].toLowerCase();
  let hash = 0;
  for (const ch of namespace) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return FILLS[hash % FILLS.length];
}
