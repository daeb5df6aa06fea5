/**
 * A small structural reader of the Mermaid flowcharts azcdk writes, so tests check the shape
 * (declarations, edges, escaping), not just substrings. It knows only our subset of Mermaid:
 * `flowchart BT`, `subgraph id["title"]` / `end`, `id["label"]` nodes and `a -->|kind| b` edges.
 */

/** What a flowchart declares. */
export interface ParsedFlowchart {
  /** Node id -> decoded label text. */
  readonly nodes: ReadonlyMap<string, string>;
  /** Subgraph id -> decoded title. */
  readonly subgraphs: ReadonlyMap<string, string>;
  readonly edges: ReadonlyArray<{ readonly from: string; readonly arrow: string; readonly label: string; readonly to: string }>;
}

const QUOTED = '"([^"]*)"';
const ID = '([A-Za-z][\\w]*)';

/** Parses `text`; throws naming the line on anything outside the subset or badly escaped. */
export function parseMermaid(text: string): ParsedFlowchart {
  const lines = text.replace(/\n$/, '').split('\n');
  if (lines[0] !== 'flowchart BT') throw new Error(`line 1: expected 'flowchart BT', got '${lines[0]}'`);
  const nodes = new Map<string, string>();
  const subgraphs = new Map<string, string>();
  const edges: Array<{ from: string; arrow: string; label: string; to: string }> = [];
  let depth = 0;
  const declare = (map: Map<string, string>, id: string, label: string, n: number) => {
    if (nodes.has(id) || subgraphs.has(id)) throw new Error(`line ${n}: '${id}' is declared twice`);
    map.set(id, decode(label, n));
  };
  lines.slice(1).forEach((line, i) => {
    const n = i + 2;
    let m: RegExpExecArray | null;
    if ((m = new RegExp(`^\\s*subgraph ${ID}\\[${QUOTED}\\]$`).exec(line))) {
      declare(subgraphs, m[1], m[2], n);
      depth++;
    } else if (/^\s*end$/.test(line)) {
      if (depth-- === 0) throw new Error(`line ${n}: 'end' without a subgraph`);
    } else if ((m = new RegExp(`^\\s*${ID}\\[${QUOTED}\\]$`).exec(line))) {
      declare(nodes, m[1], m[2], n);
    } else if ((m = new RegExp(`^\\s*${ID} (-->|==>|-\\.->)\\|([^|"]*)\\| ${ID}$`).exec(line))) {
      edges.push({ from: m[1], arrow: m[2], label: decode(m[3], n), to: m[4] });
    } else {
      throw new Error(`line ${n}: not a statement of our Mermaid subset: ${line}`);
    }
  });
  if (depth !== 0) throw new Error('a subgraph is not closed with end');
  for (const e of edges) {
    for (const end of [e.from, e.to]) if (!nodes.has(end)) throw new Error(`edge ${e.from} -> ${e.to}: '${end}' is not a declared node`);
  }
  return { nodes, subgraphs, edges };
}

/** Decodes entity codes (`#quot;`, `#35;`) and drops the HTML tags of a label; a stray `#` or raw `<`/`>` outside tags is an error. */
function decode(label: string, n: number): string {
  const text = label.replace(/<\/?(b|i)>|<br\/>/g, (tag) => (tag === '<br/>' ? '\n' : ''));
  if (/[<>]/.test(text)) throw new Error(`line ${n}: raw < or > in a label: ${label}`);
  const stray = text.replace(/#(quot|lt|gt|amp|\d+);/g, '');
  if (stray.includes('#')) throw new Error(`line ${n}: '#' that is not an entity code in a label: ${label}`);
  const named: Record<string, string> = { quot: '"', lt: '<', gt: '>', amp: '&' };
  return text.replace(/#(quot|lt|gt|amp|\d+);/g, (_, code: string) => named[code] ?? String.fromCharCode(Number(code)));
}
