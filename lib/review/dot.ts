/**
 * Graphviz DOT for the dependency picture. Edges point from a resource to what it depends on;
 * with `rankdir=BT`, what is deployed first sits at the top.
 */
import { EDGE_STYLE, fillOf, type DependencyGraph } from './graph.js';
import { textWidth } from './text-width.js';

/** The DOT text of a graph. */
export function renderDot(graph: DependencyGraph): string {
  const lines = [
    'digraph azcdk {',
    '  graph [rankdir=BT, fontname="Helvetica", fontsize=12, nodesep=0.4, ranksep=0.6, pad=0.3];',
    '  node [shape=box, style="rounded,filled", fontname="Helvetica", fontsize=11, color="#8c959f", margin="0.35,0.08"];',
    '  edge [fontname="Helvetica", fontsize=9];',
  ];
  const single = graph.clusters.length === 1;
  for (const cluster of graph.clusters) {
    const indent = single ? '  ' : '    ';
    if (!single) {
      lines.push(`  subgraph ${quote(`cluster_${cluster.stack}`)} {`);
      lines.push(`    label=${quote(cluster.stack)}; style="rounded,dashed"; color="#8c959f";`);
    }
    for (const node of cluster.nodes) {
      const label =
        `<<b>${html(node.type)}</b><br/>${html(node.name)}` +
        `<br/><font point-size="9" color="#57606a">${html(node.path)} (${html(node.logicalId)})</font>>`;
      lines.push(`${indent}${quote(node.id)} [label=${label}, width=${boxWidth(node)}, fillcolor=${quote(fillOf(node.type))}, tooltip=${quote(node.path)}];`);
    }
    if (!single) lines.push('  }');
  }
  for (const edge of graph.edges) {
    const style = EDGE_STYLE[edge.kind] ?? EDGE_STYLE.reference;
    lines.push(
      `  ${quote(edge.from)} -> ${quote(edge.to)} [label=${quote(edge.kind)}, color=${quote(style.color)}, fontcolor=${quote(style.color)}, ` +
        `style=${style.style}, tooltip=${quote(edge.reason)}];`,
    );
  }
  lines.push('}');
  return lines.join('\n') + '\n';
}

/** Side padding of a node's text, in points, beyond its widest line. */
const TEXT_PADDING = 12;

/**
 * The least width of a node's box in inches: its widest line as a wide font draws it (see
 * text-width.ts), so the label stays inside in any viewer; renderSvg centres the lines in it.
 */
function boxWidth(node: { type: string; name: string; path: string; logicalId: string }): string {
  const widest = Math.max(textWidth(node.type, 11, true), textWidth(node.name, 11), textWidth(`${node.path} (${node.logicalId})`, 9));
  return (Math.ceil(((widest + 2 * TEXT_PADDING) / 72) * 100) / 100).toFixed(2);
}

/** A DOT double-quoted string. */
function quote(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
}

/** Text inside a DOT HTML-like label. */
function html(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
