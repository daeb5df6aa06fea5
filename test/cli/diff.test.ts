import { expect } from 'chai';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { diffValues, type ValueChange } from '../../lib/review/diff.js';
import { PROJECT_ROOT } from '../support/cli.js';
import { run, tempDir, writeApp } from './diff-fixtures.js';

/** A network app; `v` tweaks one thing at a time. */
function network(v: {
  nsgName?: string; vnetPrefix?: string; subnets?: string; location?: string; maxLength?: number; extra?: string; output?: string; ruleAfterDb?: boolean;
  stackLocation?: string;
} = {}): string {
  return `
const stack = new Stack(app, 'Network', { location: '${v.stackLocation ?? 'westeurope'}' });
const prefix = new Parameter(stack, 'prefix', { type: 'string', value: 'demo', maxLength: ${v.maxLength ?? 10} });
const nsg = new ArmResource(stack, 'Nsg', { type: 'Microsoft.Network/networkSecurityGroups', apiVersion: '2025-07-01', name: '${v.nsgName ?? 'nsg'}',
  ${v.location ? `location: '${v.location}',` : ''} properties: { securityRules: [] } });
new ArmResource(stack, 'Vnet', { type: 'Microsoft.Network/virtualNetworks', apiVersion: '2025-07-01', name: 'vnet',
  properties: { addressSpace: { addressPrefixes: ['${v.vnetPrefix ?? '10.0.0.0/16'}'] },
    subnets: ${v.subnets ?? `[{ name: 'a', properties: { addressPrefix: '10.0.0.0/24', networkSecurityGroup: { id: nsg.id } } }, { name: 'b', properties: { addressPrefix: '10.0.1.0/24' } }]`} } });
const server = new ArmResource(stack, 'Server', { type: 'Microsoft.DBforPostgreSQL/flexibleServers', apiVersion: '2024-08-01', name: 'pg-demo', properties: { version: '16' } });
const db = new ArmResource(stack, 'Db', { type: 'Microsoft.DBforPostgreSQL/flexibleServers/databases', apiVersion: '2024-08-01', name: 'app', parent: server });
const rule = new ArmResource(stack, 'Rule', { type: 'Microsoft.DBforPostgreSQL/flexibleServers/firewallRules', apiVersion: '2024-08-01', name: 'office', parent: server,
  properties: { startIpAddress: '10.0.0.1', endIpAddress: '10.0.0.1' } });
${v.ruleAfterDb === false ? '' : "rule.addDependency(db, 'serialised');"}
${v.extra ?? ''}
new Output(stack, '${v.output ?? 'nsgId'}', { value: nsg.id });
`;
}

/** A project folder whose templates/<name>/ holds the synth output of `body`. */
async function project(body: string, name = 'net'): Promise<string> {
  const dir = tempDir();
  mkdirSync(join(dir, name));
  const app = writeApp(join(dir, name), body);
  const { code, err } = await run(['synth', '--app', app, '--out', `templates/${name}`], dir);
  expect(code, err).to.equal(0);
  return dir;
}

/** Writes the changed app as <dir>/<name>/app-N.mjs... and names it via azcdk.json-less --app. */
function changed(dir: string, body: string, name = 'net'): string {
  return writeApp(join(dir, name), body);
}

describe('cli: azcdk diff', () => {
  it('reports no differences and exits 0, also with --fail', async () => {
    const dir = await project(network());
    const plain = await run(['diff', '--against', 'templates/net', '--app', changed(dir, network())], dir);
    expect(plain.code).to.equal(0);
    expect(plain.out).to.equal('Comparing synth with templates/net/\nStack Network: no differences\nNo differences.');
    const fail = await run(['diff', '--fail', '--against', 'templates/net', '--app', changed(dir, network())], dir);
    expect(fail.code).to.equal(0);
    expect(fail.err).to.equal('');
  });

  it('shows added, removed and changed resources, dependsOn, parameter and output changes; --fail exits 1', async () => {
    const dir = await project(network());
    const next = network({
      vnetPrefix: '10.1.0.0/16',
      subnets: `[{ name: 'b', properties: { addressPrefix: '10.0.2.0/24' } }, { name: 'c', properties: { addressPrefix: '10.0.3.0/24' } }]`,
      maxLength: 12,
      extra: "new ArmResource(stack, 'Storage', { type: 'Microsoft.Storage/storageAccounts', apiVersion: '2024-01-01', name: 'stdemo', kind: 'StorageV2', sku: { name: 'Standard_LRS' } });",
      output: 'nsgResourceId',
      ruleAfterDb: false,
    }).replace(/const db = [^\n]*\n/, '').replace(/rule.addDependency[^\n]*\n/, '');
    const { code, out, err } = await run(['diff', '--fail', '--app', changed(dir, next), '--against', 'templates/net'], dir);
    expect(code).to.equal(1);
    expect(err).to.equal('azcdk diff --fail: 7 differences with templates/net/.');
    expect(out.split('\n')).to.deep.equal([
      'Comparing synth with templates/net/',
      'Stack Network',
      'Parameters',
      '[~] Parameter prefix',
      ' └─ [~] maxLength: 10 -> 12',
      'Resources',
      '[~] Microsoft.Network/virtualNetworks vnet Network/Vnet (vnet)',
      ' ├─ [~] properties.addressSpace.addressPrefixes[0]: "10.0.0.0/16" -> "10.1.0.0/16"',
      ` ├─ [-] properties.subnets[name='a']: {"name":"a","properties":{"addressPrefix":"10.0.0.0/24","networkSecurityGroup":{"id":"[resourceId...`,
      ` ├─ [~] properties.subnets[name='b'].properties.addressPrefix: "10.0.1.0/24" -> "10.0.2.0/24"`,
      ` ├─ [+] properties.subnets[name='c']: {"name":"c","properties":{"addressPrefix":"10.0.3.0/24"}}`,
      ` └─ [-] dependsOn resourceId('Microsoft.Network/networkSecurityGroups', 'nsg')`,
      '[~] Microsoft.DBforPostgreSQL/flexibleServers/firewallRules pg-demo/office Network/Rule (rule)',
      ` └─ [-] dependsOn resourceId('Microsoft.DBforPostgreSQL/flexibleServers/databases', 'pg-demo', 'app')`,
      '[+] Microsoft.Storage/storageAccounts stdemo Network/Storage (storage)',
      '[-] Microsoft.DBforPostgreSQL/flexibleServers/databases pg-demo/app Network/Db (db) (orphaned in Incremental mode, deleted in Complete mode)',
      'Outputs',
      `[-] Output nsgId: {"type":"string","value":"[resourceId('Microsoft.Network/networkSecurityGroups', 'nsg')]"}`,
      `[+] Output nsgResourceId: {"type":"string","value":"[resourceId('Microsoft.Network/networkSecurityGroups', 'nsg')]"}`,
      'Network: resources 1 added, 1 removed, 2 changed; 3 parameter/variable/output changes',
      '',
      '7 differences.',
    ]);
  });

  it('calls out a renamed resource as a replacement that leaves an orphan', async () => {
    const dir = await project(network());
    const { code, out } = await run(['diff', '--against', 'templates/net', '--app', changed(dir, network({ nsgName: 'nsg2' }))], dir);
    expect(code).to.equal(0);
    const lines = out.split('\n');
    expect(lines).to.include('[~] Microsoft.Network/networkSecurityGroups nsg -> nsg2 Network/Nsg (nsg) REPLACE');
    expect(lines).to.include(
      ' └─ the name changes, so Azure creates a new resource "nsg2"; in Incremental mode the old "nsg" stays behind as an orphan (delete it yourself, or deploy in Complete mode)',
    );
    // The VNet now points at the new NSG.
    expect(lines).to.include(` ├─ [+] dependsOn resourceId('Microsoft.Network/networkSecurityGroups', 'nsg2')`);
    expect(lines[lines.length - 1]).to.equal('3 differences, 1 replacement.');
  });

  it('flags a changed create-only property (location) as requiring replacement', async () => {
    const dir = await project(network());
    const { out } = await run(['diff', '--against', 'templates/net', '--app', changed(dir, network({ location: 'northeurope' }))], dir);
    expect(out).to.contain('[~] Microsoft.Network/networkSecurityGroups nsg Network/Nsg (nsg) REPLACE\n');
    expect(out).to.contain(' ├─ location cannot change after creation: if the deployed value differs, Azure rejects the update;');
    expect(out).to.contain(` └─ [~] location: "[parameters('location')]" -> "northeurope" (requires replacement)`);
  });

  it('without a manifest in the committed folder, a rename is a removal plus an addition', async () => {
    const dir = await project(network());
    rmSync(join(dir, 'templates/net/manifest.json'));
    const { out } = await run(['diff', '--against', 'templates/net', '--app', changed(dir, network({ nsgName: 'nsg2' }))], dir);
    expect(out).to.contain('[+] Microsoft.Network/networkSecurityGroups nsg2 Network/Nsg (nsg)\n');
    expect(out).to.contain('[-] Microsoft.Network/networkSecurityGroups nsg (orphaned in Incremental mode, deleted in Complete mode)\n');
  });

  it('--json prints the structured diff', async () => {
    const dir = await project(network());
    const { code, out } = await run(['diff', '--json', '--against', 'templates/net', '--app', changed(dir, network({ nsgName: 'nsg2' }))], dir);
    expect(code).to.equal(0);
    const json = JSON.parse(out);
    expect(json.against).to.equal('templates/net');
    expect(json.differences).to.equal(3);
    expect(json.replacements).to.equal(1);
    const nsg = json.stacks[0].resources.find((r: any) => r.logicalId === 'nsg');
    expect(nsg).to.include({ kind: 'replaced', type: 'Microsoft.Network/networkSecurityGroups', name: 'nsg2', previousName: 'nsg', path: 'Network/Nsg' });
  });

  it('colours on a terminal only, and obeys --no-color', async () => {
    const dir = await project(network());
    const tty = await run(['diff', '--against', 'templates/net', '--app', changed(dir, network({ maxLength: 9 }))], dir, true);
    expect(tty.out).to.contain('\u001b[33m[~]\u001b[0m Parameter prefix');
    const off = await run(['diff', '--no-color', '--against', 'templates/net', '--app', changed(dir, network({ maxLength: 9 }))], dir, true);
    expect(off.out).to.not.contain('\u001b[');
    const pipe = await run(['diff', '--against', 'templates/net', '--app', changed(dir, network({ maxLength: 9 }))], dir);
    expect(pipe.out).to.not.contain('\u001b[');
 
  });

  it('colour depends on stdout alone: stdin may be a pipe; NO_COLOR turns it off, --color wins', async () => {
    const dir = await project(network());
    const diff = async (flags: string[], terminal: { stdin?: boolean; stdout?: boolean; env?: Record<string, string> }) =>
      (await run(['diff', ...flags, '--against', 'templates/net', '--app', changed(dir, network({ maxLength: 9 }))], dir, terminal)).out;
    const coloured = '\u001b[33m[~]\u001b[0m Parameter prefix';
    // `azcdk diff < /dev/null` in a terminal, as CI wrappers and editors run it.
    expect(await diff([], { stdin: false, stdout: true })).to.contain(coloured);
    // A pipe or file on stdout gets plain text even if stdin is a terminal (`azcdk diff > out.txt`).
    expect(await diff([], { stdin: true, stdout: false })).to.not.contain('\u001b[');
    expect(await diff([], { stdin: true, stdout: true, env: { NO_COLOR: '1' } })).to.not.contain('\u001b[');
    expect(await diff([], { stdin: true, stdout: true, env: { NO_COLOR: '' } })).to.contain(coloured);
    expect(await diff(['--color'], { stdout: false, env: { NO_COLOR: '1' } })).to.contain(coloured);
    expect(await diff(['--no-color'], { stdout: true })).to.not.contain('\u001b[');
  });

  it('reports stacks that appear or disappear, and filters by stack', async () => {
    const dir = await project(network());
    const next = network() + "\nnew ArmResource(new Stack(app, 'Web'), 'Plan', { type: 'Microsoft.Web/serverfarms', apiVersion: '2024-04-01', name: 'plan' });";
    const { out } = await run(['diff', '--against', 'templates/net', '--app', changed(dir, next)], dir);
    expect(out).to.contain('Stack Web (new: not in the committed templates)\nParameters\n[+] Parameter location:');
    expect(out).to.contain('[+] Microsoft.Web/serverfarms plan Web/Plan (plan)');
    const only = await run(['diff', 'Network', '--against', 'templates/net', '--app', changed(dir, next)], dir);
    expect(only.out).to.equal('Comparing synth with templates/net/\nStack Network: no differences\nNo differences.');
    const gone = await run(['diff', '--against', 'templates/net', '--app', changed(dir, "new Stack(app, 'Other');")], dir);
    expect(gone.out).to.contain('Stack Network (no longer synthesized)');
  });

  it('finds templates/<app folder>/ by default, and explains when there is nothing to compare with', async () => {
    const dir = await project(network());
    mkdirSync(join(dir, 'examples/net'), { recursive: true });
    const found = await run(['diff', '--app', writeApp(join(dir, 'examples/net'), network(), 'app.mjs')], dir);
    expect(found.out.split('\n')[0]).to.equal('Comparing synth with templates/net/');
    // A file app not named app/main/index is looked up by its own name.
    const missing = await run(['diff', '--app', writeApp(dir, network())], dir);
    expect(missing.code).to.equal(1);
    expect(missing.err).to.match(/^No committed templates to compare with: looked in templates\/app-\d+\/ and templates\/\. Run 'azcdk synth --app app-\d+\.mjs --out templates\/app-\d+' and commit the result, or pass --against DIR\.$/);
    const badDir = await run(['diff', '--against', 'nope', '--app', changed(dir, network())], dir);
    expect(badDir.code).to.equal(2);
    expect(badDir.err).to.match(
      new RegExp(`^--against nope: no such folder \\(${join(dir, 'nope')}\\)\\. Write it with 'azcdk synth --app \\S+\\.mjs --out nope', or pass the folder of the committed templates\\.$`),
    );
    const file = await run(['diff', '--against', 'templates/net/manifest.json', '--app', changed(dir, network())], dir);
    expect(file.code).to.equal(2);
    expect(file.err).to.equal(
      `--against templates/net/manifest.json: ${join(dir, 'templates/net/manifest.json')} is a file, not a folder. Pass the folder that holds the committed templates.`,
    );
  });

  it('compares parameter values: a changed prefix renames (replaces) every resource named with it; --fail exits 1', async () => {
    // The hello example as committed in templates/hello, with prefix 'prod' instead of 'demo'.
    const dir = tempDir();
    cpSync(join(PROJECT_ROOT, 'templates/hello'), join(dir, 'templates/hello'), { recursive: true });
    mkdirSync(join(dir, 'hello'));
    const source = readFileSync(join(PROJECT_ROOT, 'examples/hello/app.ts'), 'utf8');
    expect(source).to.contain("value: 'demo'");
    writeFileSync(join(dir, 'hello/app.ts'), source.replace("value: 'demo'", "value: 'prod'"));
    const replaced = (name: string) =>
      ` └─ the name uses parameter 'prefix' ("demo" -> "prod"), so Azure creates a new resource "prod-${name}"; ` +
      `in Incremental mode the old "demo-${name}" stays behind as an orphan (delete it yourself, or deploy in Complete mode)`;
    const { code, out, err } = await run(['diff', '--fail', '--app', 'hello/app.ts'], dir);
    expect(out.split('\n')).to.deep.equal([
      'Comparing synth with templates/hello/',
      'Stack Network',
      'Parameter values',
      '[~] prefix: "demo" -> "prod"',
      'Resources',
      '[~] Microsoft.Network/networkSecurityGroups {prefix}-nsg Network/Nsg (nsg) REPLACE',
      replaced('nsg'),
      '[~] Microsoft.Network/virtualNetworks {prefix}-vnet Network/Vnet (vnet) REPLACE',
      replaced('vnet'),
      'Network: resources 0 added, 0 removed, 2 changed (2 replaced); 1 parameter value change',
      '',
      '3 differences, 2 replacements.',
    ]);
    expect(err).to.equal('azcdk diff --fail: 3 differences with templates/hello/.');
    expect(code).to.equal(1);

    const json = await run(['diff', '--json', '--app', 'hello/app.ts'], dir);
    expect(json.code).to.equal(0);
    const parsed = JSON.parse(json.out);
    expect(parsed).to.include({ differences: 3, replacements: 2 });
    expect(parsed.stacks[0].parameterValues).to.deep.equal([{ name: 'prefix', kind: 'changed', before: 'demo', after: 'prod' }]);
    expect(parsed.stacks[0].resources.map((r: any) => [r.logicalId, r.kind, r.parameters])).to.deep.equal([
      ['nsg', 'changed', ['prefix']],
      ['vnet', 'changed', ['prefix']],
    ]);
  });

  it('a changed location default replaces the resources placed with it (create-only), with the template change shown too', async () => {
    const dir = await project(network());
    const { out } = await run(['diff', '--against', 'templates/net', '--app', changed(dir, network({ stackLocation: 'northeurope' }))], dir);
    const lines = out.split('\n');
    expect(lines.slice(1, 5)).to.deep.equal([
      'Stack Network',
      'Parameters',
      '[~] Parameter location',
      ' └─ [~] defaultValue: "westeurope" -> "northeurope"',
    ]);
    expect(lines).to.include('[~] Microsoft.Network/networkSecurityGroups nsg Network/Nsg (nsg) REPLACE');
    expect(lines).to.include(
      ` └─ location uses parameter 'location' ("westeurope" -> "northeurope") and cannot change after creation: ` +
        'if the deployed value differs, Azure rejects the update; delete and recreate the resource (or give it a new name)',
    );
    // Children without a location of their own are updated in place: not listed.
    expect(out).to.not.contain('databases');
    expect(lines[lines.length - 1]).to.equal('4 differences, 3 replacements.');
  });

  it('lists added and removed parameter values, and never shows a secure one (even if a file holds it)', async () => {
    const dir = await project(network({ extra: "new Parameter(stack, 'adminPassword', { type: 'securestring' });" }));
    // A committed file that (wrongly) holds secure and other values.
    const file = join(dir, 'templates/net/Network.parameters.json');
    const committed = JSON.parse(readFileSync(file, 'utf8'));
    committed.parameters.adminPassword = { value: 'hunter2-old' };
    committed.parameters.retired = { value: 'gone' };
    writeFileSync(file, JSON.stringify(committed, null, 2));
    const next = network({
      extra: "new Parameter(stack, 'adminPassword', { type: 'securestring' });\nnew Parameter(stack, 'sku', { type: 'string', value: 'B1' });",
    });
    const { code, out } = await run(['diff', '--fail', '--against', 'templates/net', '--app', changed(dir, next)], dir);
    expect(code).to.equal(1);
    const lines = out.split('\n');
    expect(lines.slice(lines.indexOf('Parameter values'), lines.indexOf('Parameter values') + 4)).to.deep.equal([
      'Parameter values',
      '[+] sku: "B1"',
      '[-] adminPassword: (secure)',
      '[-] retired: "gone"',
    ]);
    expect(out).to.not.contain('hunter2');
    const json = await run(['diff', '--json', '--against', 'templates/net', '--app', changed(dir, next)], dir);
    expect(json.out).to.not.contain('hunter2');
    expect(JSON.parse(json.out).stacks[0].parameterValues).to.deep.include({ name: 'adminPassword', kind: 'removed', secure: true });
  });

  it('reads "templates" from azcdk.json', async () => {
    const dir = await project(network(), 'net');
    const app = changed(dir, network({ maxLength: 11 }));
    writeFileSync(join(dir, 'azcdk.json'), JSON.stringify({ app, templates: 'templates/net' }));
    const { out } = await run(['diff'], dir);
    expect(out).to.contain('[~] Parameter prefix\n └─ [~] maxLength: 10 -> 11');
  });
});

describe('review: diffValues', () => {
  function changes(a: unknown, b: unknown): ValueChange[] {
    const out: ValueChange[] = [];
    diffValues(a, b, [], out);
    return out;
  }

  it('matches named array elements by name, other arrays by index or as a whole', () => {
    expect(changes([{ name: 'a', x: 1 }, { name: 'b', x: 2 }], [{ name: 'b', x: 2 }, { name: 'a', x: 3 }])).to.deep.equal([
      { path: "[name='a'].x", kind: 'changed', before: 1, after: 3 },
    ]);
    expect(changes([1, 2], [1, 3])).to.deep.equal([{ path: '[1]', kind: 'changed', before: 2, after: 3 }]);
    expect(changes([1, 2], [1])).to.deep.equal([{ path: '', kind: 'changed', before: [1, 2], after: [1] }]);
    expect(changes({ a: { b: 1 } }, { a: { b: 1 } })).to.deep.equal([]);
    expect(changes({ a: 1 }, { b: 1 })).to.deep.equal([
      { path: 'a', kind: 'removed', before: 1 },
      { path: 'b', kind: 'added', after: 1 },
    ]);
  });
});
