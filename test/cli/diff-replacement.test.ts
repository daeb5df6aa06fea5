import { expect } from 'chai';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { diffTemplates } from '../../lib/review/diff.js';
import { formatDiff } from '../../lib/review/diff-format.js';
import { fmtPair } from '../../lib/common/value-text.js';
import { run, tempDir, writeApp } from './diff-fixtures.js';

/** A stack with one public IP; `extra` goes into its props (zones, sku ...). */
function publicIp(extra = '', tags = "{ env: 'demo' }"): string {
  return `
const stack = new Stack(app, 'Edge', { location: 'westeurope' });
new ArmResource(stack, 'Ip', { type: 'Microsoft.Network/publicIPAddresses', apiVersion: '2025-07-01', name: 'pip-client',
  sku: { name: 'Standard', tier: 'Regional' }, tags: ${tags}, ${extra}
  properties: { publicIPAllocationMethod: 'Static', publicIPAddressVersion: 'IPv4' } });
`;
}

/** Synthesizes `before` into templates/edge, then diffs `after` against it. */
async function diffApps(before: string, after: string): Promise<{ code: number; lines: string[]; json: any }> {
  const dir = tempDir();
  mkdirSync(join(dir, 'edge'));
  const synth = await run(['synth', '--app', writeApp(join(dir, 'edge'), before), '--out', 'templates/edge'], dir);
  expect(synth.code, synth.err).to.equal(0);
  const app = writeApp(join(dir, 'edge'), after);
  const { code, out } = await run(['diff', '--against', 'templates/edge', '--app', app], dir);
  const json = JSON.parse((await run(['diff', '--json', '--against', 'templates/edge', '--app', app], dir)).out);
  return { code, lines: out.split('\n'), json };
}

const FIXED =
  'cannot change after creation: if the deployed value differs, Azure rejects the update; delete and recreate the resource (or give it a new name)';

describe('cli: azcdk diff, create-only properties', () => {
  it('adding zones to an existing public IP is a replacement', async () => {
    const { code, lines, json } = await diffApps(publicIp(), publicIp("zones: ['1'],"));
    expect(code).to.equal(0);
    expect(lines).to.deep.equal([
      'Comparing synth with templates/edge/',
      'Stack Edge',
      'Resources',
      '[~] Microsoft.Network/publicIPAddresses pip-client Edge/Ip (ip) REPLACE',
      ` ├─ zones ${FIXED}`,
      ' └─ [+] zones: ["1"] (requires replacement)',
      'Edge: resources 0 added, 0 removed, 1 changed (1 replaced)',
      '',
      '1 difference, 1 replacement.',
    ]);
    expect(json.replacements).to.equal(1);
    expect(json.stacks[0].resources[0].changes).to.deep.equal([{ path: 'zones', kind: 'added', after: ['1'], createOnly: 'zones' }]);
  });

  it('removing zones from a zonal public IP, or changing them, is a replacement too', async () => {
    const removed = await diffApps(publicIp("zones: ['1'],"), publicIp());
    expect(removed.lines.slice(3, 6)).to.deep.equal([
      '[~] Microsoft.Network/publicIPAddresses pip-client Edge/Ip (ip) REPLACE',
      ` ├─ zones ${FIXED}`,
      ' └─ [-] zones: ["1"] (requires replacement)',
    ]);
    const moved = await diffApps(publicIp("zones: ['1'],"), publicIp("zones: ['2'],"));
    expect(moved.lines.slice(4, 6)).to.deep.equal([` ├─ zones ${FIXED}`, ' └─ [~] zones[0]: "1" -> "2" (requires replacement)']);
  });

  it('the tier and the IP version of a public IP are create-only; its tags are not', async () => {
    const tier = await diffApps(publicIp(), publicIp().replace("tier: 'Regional'", "tier: 'Global'"));
    expect(tier.lines).to.include(' └─ [~] sku.tier: "Regional" -> "Global" (requires replacement)');
    const version = await diffApps(publicIp(), publicIp().replace("publicIPAddressVersion: 'IPv4'", "publicIPAddressVersion: 'IPv6'"));
    expect(version.lines).to.include(' └─ [~] properties.publicIPAddressVersion: "IPv4" -> "IPv6" (requires replacement)');
    const tags = await diffApps(publicIp(), publicIp('', "{ env: 'prod' }"));
    expect(tags.lines.slice(3, 5)).to.deep.equal(['[~] Microsoft.Network/publicIPAddresses pip-client Edge/Ip (ip)', ' └─ [~] tags.env: "demo" -> "prod"']);
    expect(tags.json.replacements).to.equal(0);
  });

  it('an object added or removed as a whole is a replacement only if it holds a create-only property', () => {
    const changes = (before: Record<string, unknown>, after: Record<string, unknown>) =>
      diffTemplates('S', { resources: [{ type: 'Microsoft.Network/publicIPAddresses', name: 'ip', ...before }] },
        { resources: [{ type: 'Microsoft.Network/publicIPAddresses', name: 'ip', ...after }] }).resources[0];
    expect(changes({}, { properties: { idleTimeoutInMinutes: 10 } })).to.deep.include({
      changes: [{ path: 'properties', kind: 'added', after: { idleTimeoutInMinutes: 10 } }],
    });
    expect(changes({}, { properties: { idleTimeoutInMinutes: 10 } }).replacement).to.equal(undefined);
    const withVersion = changes({ properties: { publicIPAddressVersion: 'IPv6' } }, {});
    expect(withVersion.changes).to.deep.equal([
      { path: 'properties', kind: 'removed', before: { publicIPAddressVersion: 'IPv6' }, createOnly: 'properties.publicIPAddressVersion' },
    ]);
    expect(withVersion.replacement).to.equal(`properties.publicIPAddressVersion ${FIXED}`);
  });

    it('knows the create-only properties of the scenario: private endpoint NIC name, DNS zone link network, VM image', () => {
    const lines = (type: string, before: Record<string, unknown>, after: Record<string, unknown>) =>
      formatDiff({
        stacks: [{ ...diffTemplates('S', { resources: [{ type, name: 'x', ...before }] }, { resources: [{ type, name: 'x', ...after }] }), status: 'changed' }],
        differences: 1,
        replacements: 1,
      }).filter((l) => l.includes('requires replacement'));
    expect(lines('Microsoft.Network/privateEndpoints', { properties: { customNetworkInterfaceName: 'a-nic' } }, { properties: { customNetworkInterfaceName: 'b-nic' } }))
      .to.deep.equal([' └─ [~] properties.customNetworkInterfaceName: "a-nic" -> "b-nic" (requires replacement)']);
    expect(lines('Microsoft.Network/privateDnsZones/virtualNetworkLinks', { properties: { virtualNetwork: { id: 'v1' } } }, { properties: { virtualNetwork: { id: 'v2' } } }))
      .to.deep.equal([' └─ [~] properties.virtualNetwork.id: "v1" -> "v2" (requires replacement)']);
    expect(lines('Microsoft.Compute/virtualMachines', { properties: { storageProfile: { imageReference: { sku: '2019-datacenter-gensecond' } } } },
      { properties: { storageProfile: { imageReference: { sku: '2022-datacenter-g2' } } } }))
      .to.deep.equal([' └─ [~] properties.storageProfile.imageReference.sku: "2019-datacenter-gensecond" -> "2022-datacenter-g2" (requires replacement)']);
  });
});

describe('cli: azcdk diff, a renamed construct id', () => {
  const app = (id: string) => `
const stack = new Stack(app, 'Data', { location: 'westeurope' });
const password = new Parameter(stack, 'adminPassword', { type: 'securestring' });
const db = new PostgresFlexibleServer(stack, '${id}', { version: '16', sku: PostgresSku.burstable('Standard_B1ms'), administratorLogin: 'pgadmin', administratorPassword: password });
db.addDatabase('appdb');
`;

  it('marks each resource below a renamed pattern id as a REPLACE of the old one, saying why, instead of added and removed', async () => {
    const { code, lines, json } = await diffApps(app('Db'), app('Database'));
    expect(code).to.equal(0);
    const text = lines.join('\n');
    expect(text, text).to.not.match(/^\[[+-]\]/m);
    const server = json.stacks[0].resources.find((r: { type: string }) => r.type === 'Microsoft.DBforPostgreSQL/flexibleServers');
    expect(server).to.include({ kind: 'replaced', path: 'Data/Database/Resource', previousPath: 'Data/Db/Resource' });
    expect(server.replacement).to.match(
      /^the construct id 'Db' became 'Database' \(Data\/Db\/Resource -> Data\/Database\/Resource\), and the name with it, so Azure creates a new resource "[^"]+"; in Incremental mode the old "[^"]+" stays behind as an orphan \(delete it yourself, or deploy in Complete mode\)\. To keep the resource, keep the old id, or give the resource its old name explicitly$/,
    );
    expect(server.previousName).to.not.equal(server.name);
    expect(lines).to.include('Data: resources 0 added, 0 removed, 2 changed (2 replaced)');
    expect(lines.filter((l) => l.endsWith(' REPLACE'))).to.have.length(2);
    expect(json.replacements).to.equal(2);
  });
});

describe('review: PostgreSQL flexible server changes', () => {
  const server = (properties: Record<string, unknown>, sku = { name: 'Standard_D2ds_v5', tier: 'GeneralPurpose' }) => ({
    resources: [{ type: 'Microsoft.DBforPostgreSQL/flexibleServers', apiVersion: '2025-08-01', name: 'db', location: 'westeurope', sku, properties }],
  });
  const base = {
    version: '16', availabilityZone: '1', highAvailability: { mode: 'ZoneRedundant', standbyAvailabilityZone: '3' },
    storage: { storageSizeGB: 128 }, backup: { geoRedundantBackup: 'Disabled' },
  };
  const lines = (after: ReturnType<typeof server>) => {
    const d = diffTemplates('S', server(base), after);
    return formatDiff({ stacks: [{ ...d, status: 'changed' }], differences: 1, replacements: d.resources.filter((r) => r.replacement).length });
  };

  it('updates in place: a bigger SKU, more storage, another HA mode, a major version upgrade', () => {
    expect(lines(server({ ...base, version: '17', storage: { storageSizeGB: 256 }, highAvailability: { mode: 'SameZone' } }, { name: 'Standard_E2ds_v5', tier: 'MemoryOptimized' }))).to.deep.equal([
      'Stack S',
      'Resources',
      '[~] Microsoft.DBforPostgreSQL/flexibleServers db',
      ' ├─ [~] sku.name: "Standard_D2ds_v5" -> "Standard_E2ds_v5"',
      ' ├─ [~] sku.tier: "GeneralPurpose" -> "MemoryOptimized"',
      ' ├─ [~] properties.version: "16" -> "17"',
      ' ├─ [~] properties.highAvailability.mode: "ZoneRedundant" -> "SameZone"',
      ' ├─ [-] properties.highAvailability.standbyAvailabilityZone: "3"',
      ' └─ [~] properties.storage.storageSizeGB: 128 -> 256',
      'S: resources 0 added, 0 removed, 1 changed',
      '',
      '1 difference.',
    ]);
  });

  it('replaces for a smaller storage size or version, another primary zone, geo-redundant backup', () => {
    expect(lines(server({ ...base, version: '15', storage: { storageSizeGB: 64 }, availabilityZone: '2', backup: { geoRedundantBackup: 'Enabled' } }))).to.deep.equal([
      'Stack S',
      'Resources',
      '[~] Microsoft.DBforPostgreSQL/flexibleServers db REPLACE',
      ' ├─ properties.availabilityZone, properties.backup.geoRedundantBackup cannot change after creation: if the deployed value differs, Azure rejects the update; ' +
        'properties.version, properties.storage.storageSizeGB can only grow: Azure rejects a smaller value; delete and recreate the resource (or give it a new name)',
      ' ├─ [~] properties.version: "16" -> "15" (can only grow: requires replacement)',
      ' ├─ [~] properties.availabilityZone: "1" -> "2" (requires replacement)',
      ' ├─ [~] properties.storage.storageSizeGB: 128 -> 64 (can only grow: requires replacement)',
      ' └─ [~] properties.backup.geoRedundantBackup: "Disabled" -> "Enabled" (requires replacement)',
      'S: resources 0 added, 0 removed, 1 changed (1 replaced)',
      '',
      '1 difference, 1 replacement.',
    ]);
    const shrunk = diffTemplates('S', server(base), server({ ...base, storage: { storageSizeGB: 64 } })).resources[0];
    expect(shrunk.changes).to.deep.equal([{ path: 'properties.storage.storageSizeGB', kind: 'changed', before: 128, after: 64, shrinks: 'properties.storage.storageSizeGB' }]);
  });

  it('a version read from a parameter is not compared as a number', () => {
    const d = diffTemplates('S', server(base), server({ ...base, version: "[parameters('postgresVersion')]" })).resources[0];
    expect(d.replacement).to.equal(undefined);
  });
});

describe('review: long values in a diff', () => {
  const base = "[format('{0}/{1}', 'a-very-long-prefix-that-goes-on-and-on-and-on-and-on-and-on-and-on-and-on', parameters('suffix'))]";

  it('shows both sides of a long change around the first difference, so they never read the same', () => {
    const [a, b] = fmtPair(base + '-old', base + '-new');
    // 30 characters before the first difference, then the rest (short enough to show whole).
    expect(a).to.equal(`...d-on', parameters('suffix'))]-old"`);
    expect(b).to.equal(`...d-on', parameters('suffix'))]-new"`);
  });

  it('keeps short values whole, and windows a difference in the middle with both ends marked', () => {
    expect(fmtPair('a', 'b')).to.deep.equal(['"a"', '"b"']);
    expect(fmtPair({ a: 1 }, undefined)).to.deep.equal(['{"a":1}', 'nothing']);
    const x = (n: number) => 'x'.repeat(n);
    // A difference near the start: the window starts at the start.
    expect(fmtPair(`head-1-${x(200)}`, `head-2-${x(200)}`)).to.deep.equal([`"head-1-${x(92)}...`, `"head-2-${x(92)}...`]);
    // In the middle: 30 characters of context, 100 in all, both ends cut.
    expect(fmtPair(`${x(200)}-1-${x(200)}`, `${x(200)}-2-${x(200)}`)).to.deep.equal([`...${x(29)}-1-${x(68)}...`, `...${x(29)}-2-${x(68)}...`]);
    // One side a prefix of the other: the shorter one visibly ends.
    expect(fmtPair(x(200), `${x(200)}y`)).to.deep.equal([`...${x(30)}"`, `...${x(30)}y"`]);
  });

  it('a changed long property reads differently on each side in the diff output', () => {
    const t = (name: string) => ({ resources: [{ type: 'Microsoft.Web/sites', name: 'site', properties: { siteConfig: { appCommandLine: name } } }] });
    const lines = formatDiff({ stacks: [{ ...diffTemplates('S', t(base + '-old'), t(base + '-new')), status: 'changed' }], differences: 1, replacements: 0 });
    expect(lines.slice(2, 4)).to.deep.equal([
      '[~] Microsoft.Web/sites site',
      ` └─ [~] properties.siteConfig.appCommandLine: ...d-on', parameters('suffix'))]-old" -> ...d-on', parameters('suffix'))]-new"`,
    ]);
  });

  it('a long renamed name shows where the old and new names differ', () => {
    const t = (name: string) => ({ resources: [{ type: 'Microsoft.Web/sites', name }] });
    const info = [{ path: 'S/Site', logicalId: 'site' }];
    const diff = diffTemplates('S', t(`${base}-old`), t(`${base}-new`), info, info);
    expect(diff.resources[0].replacement).to.equal(
      `the name changes, so Azure creates a new resource ...d-on', parameters('suffix'))]-new"; ` +
        `in Incremental mode the old ...d-on', parameters('suffix'))]-old" stays behind as an orphan (delete it yourself, or deploy in Complete mode)`,
    );
  });
});
