import { expect } from 'chai';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderSvg } from '../../lib/review/svg.js';
import { NETWORK_APP, run, tempDir, writeApp } from './diff-fixtures.js';

/** Checks that `svg` is well-formed XML-ish with an <svg> root; returns the element names seen. */
function parseSvg(svg: string): string[] {
  const body = svg.replace(/<\?xml[^>]*\?>/, '').replace(/<!DOCTYPE[^>]*>/, '').replace(/<!--[\s\S]*?-->/g, '');
  const stack: string[] = [];
  const seen: string[] = [];
  for (const m of body.matchAll(/<(\/?)([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/g)) {
    const [, closing, name, , selfClosing] = m;
    if (closing) {
      const open = stack.pop();
      if (open !== name) throw new Error(`</${name}> closes <${open}>`);
    } else {
      if (stack.length === 0 && seen.length) throw new Error(`second root element <${name}>`);
      seen.push(name);
      if (!selfClosing) stack.push(name);
    }
  }
  if (stack.length) throw new Error(`unclosed: ${stack.join(', ')}`);
  if (seen[0] !== 'svg') throw new Error(`root is <${seen[0]}>, not <svg>`);
  // Every '<' must start a tag the pattern above understood: no stray or broken markup.
  const understood = [...body.matchAll(/<(\/?)([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/g)].length;
  if (understood !== (body.match(/</g) ?? []).length) throw new Error('markup that is not a well-formed tag');
  return seen;
}

describe('cli: azcdk graph', () => {
  it('prints DOT by default: a node per resource, edges labelled by kind', async () => {
    const dir = tempDir();
    const { code, out } = await run(['graph', '--app', writeApp(dir, NETWORK_APP)], dir);
    expect(code).to.equal(0);
    expect(out).to.match(/^digraph azcdk \{\n/);
    expect(out).to.contain(
      '"Network.nsg" [label=<<b>Microsoft.Network/networkSecurityGroups</b><br/>{prefix}-nsg<br/><font point-size="9" color="#57606a">Network/Nsg (nsg)</font>>',
    );
    expect(out).to.contain('"Network.vnet" -> "Network.nsg" [label="reference", color="#0969da"');
    expect(out).to.contain('tooltip="properties.subnets[0].properties.networkSecurityGroup.id"');
    expect(out).to.contain('"Network.db" -> "Network.server" [label="parent", color="#57606a", fontcolor="#57606a", style=bold');
    expect(out).to.contain('"Network.rule" -> "Network.db" [label="ordering", color="#bf8700", fontcolor="#bf8700", style=dashed');
    expect(out.match(/ -> /g)).to.have.length(4);
    // The DOT parses: Graphviz lays it out.
    expect(await renderSvg(out)).to.contain('<svg');
  });

  it('draws one cluster per stack when there are several', async () => {
    const dir = tempDir();
    const app = writeApp(dir, `${NETWORK_APP}\nnew ArmResource(new Stack(app, 'Web'), 'Plan', { type: 'Microsoft.Web/serverfarms', apiVersion: '2024-04-01', name: 'plan' });`);
    const { out } = await run(['graph', '--app', app], dir);
    expect(out).to.contain('  subgraph "cluster_Network" {\n    label="Network";');
    expect(out).to.contain('  subgraph "cluster_Web" {');
    expect(await renderSvg(out)).to.contain('cluster_Web');
    const { out: webOnly } = await run(['graph', 'Web', '--app', app], dir);
    expect(webOnly).to.not.contain('Network');
  });

  it('--format mermaid prints a flowchart', async () => {
    const dir = tempDir();
    const { code, out } = await run(['graph', '--format', 'mermaid', '--app', writeApp(dir, NETWORK_APP)], dir);
    expect(code).to.equal(0);
    expect(out.split('\n')).to.deep.equal([
      'flowchart BT',
      '  r0["<b>Microsoft.Network/networkSecurityGroups</b><br/>{prefix}-nsg<br/><i>Network/Nsg</i>"]',
      '  r1["<b>Microsoft.Network/virtualNetworks</b><br/>vnet<br/><i>Network/Vnet</i>"]',
      '  r2["<b>Microsoft.DBforPostgreSQL/flexibleServers</b><br/>pg-demo<br/><i>Network/Server</i>"]',
      '  r3["<b>Microsoft.DBforPostgreSQL/flexibleServers/databases</b><br/>pg-demo/app<br/><i>Network/Db</i>"]',
      '  r4["<b>Microsoft.DBforPostgreSQL/flexibleServers/firewallRules</b><br/>pg-demo/office<br/><i>Network/Rule</i>"]',
      '  r1 -->|reference| r0',
      '  r3 ==>|parent| r2',
      '  r4 -.->|ordering| r3',
      '  r4 ==>|parent| r2',
    ]);
  });

  it('--format svg --out FILE writes a well-formed SVG with every resource', async () => {
    const dir = tempDir();
    const { code, err } = await run(['graph', '--format', 'svg', '--out', 'g.svg', '--app', writeApp(dir, NETWORK_APP)], dir);
    expect(code).to.equal(0);
    expect(err).to.equal('Wrote g.svg (svg, 5 resources, 4 dependencies).');
    const svg = readFileSync(join(dir, 'g.svg'), 'utf8');
    const elements = parseSvg(svg);
    expect(elements.filter((e) => e === 'g').length).to.be.greaterThan(9); // graph + 5 nodes + 4 edges
    for (const text of ['Microsoft.Network/virtualNetworks', 'pg&#45;demo/office', 'Network/Rule (rule)', '>ordering<', '>parent<', '>reference<']) {
      expect(svg).to.contain(text);
    }
  });

  it('takes the format from the --out extension', async () => {
    const dir = tempDir();
    await run(['graph', '--out', 'g.mmd', '--app', writeApp(dir, NETWORK_APP)], dir);
    expect(readFileSync(join(dir, 'g.mmd'), 'utf8')).to.match(/^flowchart BT\n/);
    await run(['graph', '--out', 'g.svg', '--app', writeApp(dir, NETWORK_APP)], dir);
    expect(parseSvg(readFileSync(join(dir, 'g.svg'), 'utf8'))[0]).to.equal('svg');
  });

  it('--out creates missing folders, and a path it cannot write is a clear error naming it', async () => {
    const dir = tempDir();
    const app = writeApp(dir, NETWORK_APP);
    const nested = await run(['graph', '--out', 'docs/graphs/new/g.dot', '--app', app], dir);
    expect(nested.err).to.equal('Wrote docs/graphs/new/g.dot (dot, 5 resources, 4 dependencies).');
    expect(nested.code).to.equal(0);
    expect(readFileSync(join(dir, 'docs/graphs/new/g.dot'), 'utf8')).to.match(/^digraph azcdk \{\n/);
    // A file where a folder should be.
    writeFileSync(join(dir, 'blocker'), 'not a folder\n');
    const blocked = await run(['graph', '--out', 'blocker/g.dot', '--app', app], dir);
    expect(blocked.code).to.equal(1);
    expect(blocked.err.split(' (')[0]).to.equal(`--out blocker/g.dot: could not write ${join(dir, 'blocker', 'g.dot')}`);
    expect(blocked.err).to.match(/ \((ENOTDIR|EEXIST): .*\)\. Pass a file path in a folder you can write to, or leave out --out to print to stdout\.$/);
    expect(blocked.err).to.not.contain('unexpectedly');
  });

  it('refuses an --out extension that names no graph format (exit 2, nothing written), unless --format says which', async () => {
    const dir = tempDir();
    const app = writeApp(dir, NETWORK_APP);
    const known = '.svg (svg), .dot or .gv (dot), .mmd or .mermaid (mermaid)';
    const png = await run(['graph', '--out', 'g.png', '--app', app], dir);
    expect(png.code).to.equal(2);
    expect(png.err).to.equal(`--out g.png: .png is not a graph file extension. azcdk graph writes ${known}: name the file with one of them, or pass --format svg|dot|mermaid.`);
    const bare = await run(['graph', '--out', 'graph', '--app', app], dir);
    expect(bare.code).to.equal(2);
    expect(bare.err).to.equal(`--out graph: the file name has no extension. azcdk graph writes ${known}: name the file with one of them, or pass --format svg|dot|mermaid.`);
    // An extension that names another format than --format.
    const clash = await run(['graph', '--format', 'dot', '--out', 'g.svg', '--app', app], dir);
    expect(clash.code).to.equal(2);
    expect(clash.err).to.equal('--format dot --out g.svg: a .svg file holds svg. Pass --format svg, or a file name ending in .dot or .gv.');
    expect(existsSync(join(dir, 'g.png')) || existsSync(join(dir, 'graph')) || existsSync(join(dir, 'g.svg'))).to.equal(false);
    // --format decides for other extensions; .GV and .Mermaid are known in any case.
    const txt = await run(['graph', '--format', 'mermaid', '--out', 'g.txt', '--app', app], dir);
    expect(txt.code).to.equal(0);
    expect(readFileSync(join(dir, 'g.txt'), 'utf8')).to.match(/^flowchart BT\n/);
    expect((await run(['graph', '--out', 'G.GV', '--app', app], dir)).err).to.equal('Wrote G.GV (dot, 5 resources, 4 dependencies).');
    expect((await run(['graph', '--out', 'g.Mermaid', '--app', app], dir)).err).to.equal('Wrote g.Mermaid (mermaid, 5 resources, 4 dependencies).');
  });

  it('rejects an unknown format with a usage error', async () => {
    const dir = tempDir();
    const { code, err } = await run(['graph', '--format', 'png', '--app', writeApp(dir, NETWORK_APP)], dir);
    expect(code).to.equal(2);
    expect(err).to.contain('Invalid values');
  });

  it('the SVG test parser rejects malformed markup (so the checks above can fail)', () => {
    expect(() => parseSvg('<svg><g></svg>')).to.throw('</svg> closes <g>');
    expect(() => parseSvg('<html></html>')).to.throw('root is <html>');
  });

  it('invalid DOT fails with an explanation', async () => {
    let message = '';
    await renderSvg('digraph { a -> }').catch((e: Error) => (message = e.message));
    expect(message).to.match(/^Graphviz could not lay out the graph: syntax error in line 1/);
  });
});

describe('review: displayName', () => {
  it('reads the manifest\'s structured names: formats, text parts, parameters; other calls as {expression}; [expression] strings as written', async () => {
    const { displayName } = await import('../../lib/review/display-name.js');
    const call = (name: string, ...args: unknown[]) => ({ call: name, args });
    const dbName = call('format', '{0}-{1}', 'db', call('uniqueString', { of: call('resourceGroup'), path: ['id'] }));
    expect(displayName({ concat: [{ parameter: 'prefix' }, '-vnet'] })).to.equal('{prefix}-vnet');
    expect(displayName({ concat: [dbName, '/appdb'] })).to.equal('db-{uniqueString(resourceGroup().id)}/appdb');
    expect(displayName(call('format', '{{x}}-{0}', "it's, ok"))).to.equal("{x}-it's, ok");
    expect(displayName({ variable: 'name', value: 'x' })).to.equal('{name}');
    expect(displayName(call('concat', 'a', { parameter: 'p' }))).to.equal("{concat('a', parameters('p'))}");
    expect(displayName("[format('{0}-vnet', parameters('prefix'))]")).to.equal("[format('{0}-vnet', parameters('prefix'))]"); // never parsed
    expect(displayName('plain')).to.equal('plain');
  });
});
