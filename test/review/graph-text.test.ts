import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildGraph, type DependencyGraph } from '../../lib/review/graph.js';
import { renderDot } from '../../lib/review/dot.js';
import { renderMermaid } from '../../lib/review/mermaid.js';
import { renderSvg } from '../../lib/review/svg.js';
import { textWidth } from '../../lib/review/text-width.js';
import type { Manifest } from '../../lib/synth/manifest.js';
import { PROJECT_ROOT } from '../support/cli.js';
import { parseMermaid } from './mermaid-parse.js';

/** Names a renderer must keep intact: quotes, brackets, Mermaid's entity marker, HTML's. */
const AWKWARD = ['say "hi"', 'a[0] <b> {x}', 'x#quot;y', '#35; & &amp;', 'end'];

/** Two stacks; in the first, every awkward name on a node, each node depending on the one before. */
function awkwardGraph(): DependencyGraph {
  const nodes = AWKWARD.map((name, i) => ({ id: `S.n${i}`, logicalId: `n${i}`, type: 'Microsoft.Test/things', name, path: `S/${name}` }));
  return {
    clusters: [{ stack: 'S "one"', nodes }, { stack: 'end', nodes: [{ id: 'end.x', logicalId: 'x', type: 'Microsoft.Test/things', name: 'x', path: 'end/X' }] }],
    edges: [
      ...nodes.slice(1).map((n, i) => ({ from: n.id, to: nodes[i].id, kind: 'reference', reason: `properties.x "${i}"\nsecond line` })),
      { from: 'end.x', to: 'S.n0', kind: 'ordering', reason: 'why #1' },
    ],
  };
}

describe('review: Mermaid output', () => {
  it('parses structurally: every node declared once, every edge between declared nodes, labels decode to the names', () => {
    const parsed = parseMermaid(renderMermaid(awkwardGraph()));
    expect([...parsed.nodes.values()]).to.deep.equal([
      ...AWKWARD.map((name) => `Microsoft.Test/things\n${name}\nS/${name}`),
      'Microsoft.Test/things\nx\nend/X',
    ]);
    expect([...parsed.subgraphs.values()]).to.deep.equal(['S "one"', 'end']);
    expect(parsed.edges.map((e) => `${parsed.nodes.get(e.from)!.split('\n')[1]} ${e.arrow}|${e.label}| ${parsed.nodes.get(e.to)!.split('\n')[1]}`)).to.deep.equal([
      'a[0] <b> {x} -->|reference| say "hi"',
      'x#quot;y -->|reference| a[0] <b> {x}',
      '#35; & &amp; -->|reference| x#quot;y',
      'end -->|reference| #35; & &amp;',
      'x -.->|ordering| say "hi"',
    ]);
  });

  it('escapes # so a name containing an entity code reads as written', () => {
    const text = renderMermaid(awkwardGraph());
    expect(text).to.contain('<br/>x#35;quot;y<br/>');
    expect(text).to.contain('<br/>#35;35; #38; #38;amp;<br/>');
    expect(text).to.contain('<br/>say #quot;hi#quot;<br/>');
    expect(text).to.contain('<br/>a[0] #lt;b#gt; {x}<br/>');
  });

  it('the reader rejects what Mermaid would misread (so the checks above can fail)', () => {
    expect(() => parseMermaid('flowchart BT\n  r0["a"]\n  r0["b"]')).to.throw("line 3: 'r0' is declared twice");
    expect(() => parseMermaid('flowchart BT\n  r0["a"]\n  r0 -->|reference| r9')).to.throw("edge r0 -> r9: 'r9' is not a declared node");
    expect(() => parseMermaid('flowchart BT\n  r0["x#quot;y"]\n  r1["a#b"]')).to.throw("line 3: '#' that is not an entity code in a label: a#b");
    expect(() => parseMermaid('flowchart BT\n  r0["say "hi""]')).to.throw('line 2: not a statement of our Mermaid subset');
    expect(() => parseMermaid('flowchart BT\n  subgraph r0["S"]\n  r1["a"]')).to.throw('a subgraph is not closed with end');
  });
});

describe('review: DOT output with awkward names', () => {
  it('quotes and escapes names, paths and reasons, and Graphviz lays it out', async () => {
    const dot = renderDot(awkwardGraph());
    expect(dot).to.contain('subgraph "cluster_S \\"one\\"" {\n    label="S \\"one\\"";');
    expect(dot).to.contain('<br/>say &quot;hi&quot;<br/><font point-size="9" color="#57606a">S/say &quot;hi&quot; (n0)</font>>, width=2.18, fillcolor=');
    expect(dot).to.contain('<br/>a[0] &lt;b&gt; {x}<br/>');
    expect(dot).to.contain('<br/>#35; &amp; &amp;amp;<br/>');
    expect(dot).to.contain('tooltip="properties.x \\"0\\"\\nsecond line"');
    const svg = await renderSvg(dot);
    expect(svg).to.contain('say &quot;hi&quot;');
    expect(svg).to.contain('a[0] &lt;b&gt; {x}');
    expect(svg).to.contain('x#quot;y');
  });
});

describe('review: SVG node labels fit their boxes', () => {
  const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#45;/g, '-').replace(/&#(\d+);/g, (_, n) => String.fromCharCode(Number(n))).replace(/&amp;/g, '&');
  const graphs: Array<[string, () => DependencyGraph]> = [
    ['the scenario', () => {
      const manifest = JSON.parse(readFileSync(join(PROJECT_ROOT, 'templates/postgres-private-link/manifest.json'), 'utf8')) as Manifest;
      return buildGraph(manifest, Object.keys(manifest.stacks));
    }],
    ['awkward names', awkwardGraph],
    ['a very long name', () => ({
      clusters: [{ stack: 'S', nodes: [{ id: 'S.a', logicalId: 'a', type: 'Microsoft.DBforPostgreSQL/flexibleServers/virtualNetworkRules', name: `${'WWWMMM'.repeat(12)}-{uniqueString(resourceGroup().id)}`, path: 'S/A' }] }],
      edges: [],
    })],
  ];
  for (const [what, graph] of graphs) {
    it(`${what}: every line is centred in its box and fits it in DejaVu Sans (wider than Helvetica and Arial)`, async () => {
      const svg = await renderSvg(renderDot(graph()));
      const nodes = [...svg.matchAll(/<g id="node\d+" class="node">([\s\S]*?)\n<\/g>\n<\/g>/g)].map((m) => m[1]!);
      expect(nodes.length).to.be.greaterThan(0);
      for (const node of nodes) {
        const xs = [.../ d="([^"]+)"/.exec(node)![1]!.matchAll(/(-?[\d.]+),-?[\d.]+/g)].map((m) => Number(m[1]));
        const [left, right] = [Math.min(...xs), Math.max(...xs)];
        const texts = [...node.matchAll(/<text [^>]*text-anchor="(\w+)" x="([-\d.]+)"[^>]*font-size="([\d.]+)"[^>]*>([^<]*)<\/text>/g)];
        expect(texts).to.have.length(3);
        for (const [element, anchor, x, size, content] of texts) {
          const width = textWidth(decode(content!), Number(size), element.includes('font-weight="bold"'));
          expect(anchor, element).to.equal('middle');
          expect(Math.abs(Number(x) - (left + right) / 2), element).to.be.below(0.01);
          expect(right - left, `box of ${element}`).to.be.at.least(width);
        }
      }
    });
  }
});

describe('docs/ pictures are current', () => {
  // Pictures of the committed templates (whose manifests the example tests keep current).
  const manifestOf = (example: string): Manifest => JSON.parse(readFileSync(join(PROJECT_ROOT, 'templates', example, 'manifest.json'), 'utf8'));
  const graphOf = (example: string) => {
    const manifest = manifestOf(example);
    return buildGraph(manifest, Object.keys(manifest.stacks).sort());
  };
  const regenerate = (example: string, ext: string) =>
    `regenerate it: node dist/bin/azcdk.js graph --app examples/${example}/app.ts --out docs/graph-${example}.${ext}`;

  for (const example of ['hello', 'postgres-private-link']) {
    it(`docs/graph-${example}.svg is what azcdk graph draws`, async () => {
      const svg = await renderSvg(renderDot(graphOf(example)));
      expect(readFileSync(join(PROJECT_ROOT, 'docs', `graph-${example}.svg`), 'utf8'), regenerate(example, 'svg')).to.equal(svg);
    });
  }

  it('docs/graph-postgres-private-link.mmd is what azcdk graph writes, and parses', () => {
    const committed = readFileSync(join(PROJECT_ROOT, 'docs/graph-postgres-private-link.mmd'), 'utf8');
    expect(committed, regenerate('postgres-private-link', 'mmd')).to.equal(renderMermaid(graphOf('postgres-private-link')));
    const parsed = parseMermaid(committed);
    expect(parsed.nodes.size).to.equal(Object.keys(manifestOf('postgres-private-link').stacks.PostgresPrivateLink.resources).length);
  });
});
