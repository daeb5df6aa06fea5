/**
 * Mermaid flowchart text for the dependency picture (renders in GitHub Markdown).
 * Arrows: reference `-->`, parent `==>`, ordering `-.->`, each labelled with its kind.
 */
import type { DependencyGraph } from './graph.js';

const ARROWS: Record<string, string> = { reference: '-->', parent: '==>', ordering: '-.->' };

/** The Mermaid text of a graph. */
export function renderMermaid(graph: DependencyGraph): string {
  const ids = new Map<string, string>();
  // Mermaid ids must avoid keywords (`end`) and punctuation: number them.
  const idOf = (id: string) => {
    if (!ids.has(id)) ids.set(id, `r${ids.size}`);
    return ids.get(id)!;
  };
  const lines = ['flowchart BT'];
  const single = graph.clusters.length === 1;
  for (const cluster of graph.clusters) {
    const indent = single ? '  ' : '    ';
    if (!single) lines.push(`  subgraph ${idOf(`stack:${cluster.stack}`)}["${text(cluster.stack)}"]`);
    for (const node of cluster.nodes) {
      lines.push(`${indent}${idOf(node.id)}["<b>${text(node.type)}</b><br/>${text(node.name)}<br/><i>${text(node.path)}</i>"]`);
    }
    if (!single) lines.push('  end');
  }
  for (const edge of graph.edges) {
    lines.push(`  ${idOf(edge.from)} ${ARROWS[edge.kind] ?? '-->'}|${text(edge.kind)}| ${idOf(edge.to)}`);
  }
  return lines.join('\n') + '\n';
}

/**
 * Text inside a quoted Mermaid label: `#` (Mermaid's entity marker, so a name containing
 * `#quot;` stays as written), `&` (HTML's), quotes and angle brackets as entity codes, and line
 * breaks as spaces (a Mermaid statement is one line). `#` goes first: the others add `#`.
 */
function text(s: string): string {
  return s
    .replace(/#/g, '#35;')
    .replace(/&/g, '#38;')
    .replace(/"/g, '#quot;')
    .replace(/</g, '#lt;')
    .replace(/>/g, '#gt;')
    .replace(/\r?\n/g, ' ');
}
