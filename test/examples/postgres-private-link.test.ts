/**
 * The committed output of examples/postgres-private-link: it must match what synth writes
 * (pipelines deploy it), and it must deploy the document's scenario correctly.
 */
import { expect } from 'chai';
import { buildSync } from 'esbuild';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Capture, Match, Template } from '../../lib/assertions/index.js';
import { App, type Stack } from '../../lib/index.js';
import { expectOrderedAfter, SERVER_IS_BUSY } from '../patterns/support.js';
import { runAzcdkInProcess } from '../support/cli.js';
import { tempDir } from '../support/temp.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const APP = 'examples/postgres-private-link/app.ts';
const TEMPLATES = 'templates/postgres-private-link';

/** `azcdk synth --app APP --check folder` from the repository root (in this process). */
function synthCheck(folder: string) {
  return runAzcdkInProcess(['synth', '--app', APP, '--check', folder], ROOT);
}

/** The example's stack module (examples/postgres-private-link/stack.ts). */
interface ExampleModule {
  postgresPrivateLink(app: App, props?: { vmSizeParameter?: boolean }): Stack;
}

/**
 * Loads examples/postgres-private-link/stack.ts the way `azcdk synth` loads apps: bundled by
 * esbuild with packages external, written inside this package so its `import 'azcdk'` resolves
 * to this build (the same module instance as the test's).
 */
async function loadExample(): Promise<ExampleModule> {
  const { outputFiles } = buildSync({
    entryPoints: [join(ROOT, 'examples/postgres-private-link/stack.ts')], bundle: true, format: 'esm', platform: 'node',
    packages: 'external', write: false, logLevel: 'silent',
  });
  const file = join(ROOT, 'dist/test/examples', `.postgres-private-link-stack-${process.pid}.mjs`);
  writeFileSync(file, outputFiles[0].text);
  try {
    return (await import(pathToFileURL(file).href)) as ExampleModule;
  } finally {
    rmSync(file, { force: true });
  }
}

const read = (file: string) => JSON.parse(readFileSync(join(ROOT, TEMPLATES, file), 'utf8'));
const SERVER_NAME = "format('{0}-{1}', 'db', uniqueString(resourceGroup().id))";
const id = {
  nsg: "[resourceId('Microsoft.Network/networkSecurityGroups', 'myNetworkSecurityGroup')]",
  vnet: "[resourceId('Microsoft.Network/virtualNetworks', 'myVirtualNetwork')]",
  subnet: "[resourceId('Microsoft.Network/virtualNetworks/subnets', 'myVirtualNetwork', 'mySubnet')]",
  server: `[resourceId('Microsoft.DBforPostgreSQL/flexibleServers', ${SERVER_NAME})]`,
  database: `[resourceId('Microsoft.DBforPostgreSQL/flexibleServers/databases', ${SERVER_NAME}, 'appdb')]`,
  firewall: `[resourceId('Microsoft.DBforPostgreSQL/flexibleServers/firewallRules', ${SERVER_NAME}, 'AllowClientIp')]`,
  endpoint: "[resourceId('Microsoft.Network/privateEndpoints', 'myPrivateEndpoint')]",
  zone: "[resourceId('Microsoft.Network/privateDnsZones', 'privatelink.postgres.database.azure.com')]",
  pip: "[resourceId('Microsoft.Network/publicIPAddresses', 'pip-client')]",
  nic: "[resourceId('Microsoft.Network/networkInterfaces', 'nic-client')]",
};
const T = {
  nsg: 'Microsoft.Network/networkSecurityGroups',
  vnet: 'Microsoft.Network/virtualNetworks',
  server: 'Microsoft.DBforPostgreSQL/flexibleServers',
  database: 'Microsoft.DBforPostgreSQL/flexibleServers/databases',
  firewall: 'Microsoft.DBforPostgreSQL/flexibleServers/firewallRules',
  endpoint: 'Microsoft.Network/privateEndpoints',
  zoneGroup: 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups',
  zone: 'Microsoft.Network/privateDnsZones',
  link: 'Microsoft.Network/privateDnsZones/virtualNetworkLinks',
  aRecord: 'Microsoft.Network/privateDnsZones/A',
  pip: 'Microsoft.Network/publicIPAddresses',
  nic: 'Microsoft.Network/networkInterfaces',
  vm: 'Microsoft.Compute/virtualMachines',
};
/** Logical ids (from the committed manifest) of the private DNS zone and its VNet link. */
const ZONE = 'privateDnsZonePrivatelinkPostgresDatabaseAzureCom';
const LINK = 'privateDnsZonePrivatelinkPostgresDatabaseAzureComLinkVnet';

describe('examples/postgres-private-link and its committed templates', function () {
  this.timeout(60_000);

  it('templates/postgres-private-link is what synth writes today (azcdk synth --check exits 0)', async () => {
    const run = await synthCheck(TEMPLATES);
    expect(run.stderr).to.equal('');
    expect(run.stdout).to.contain('is up to date');
    expect(run.status).to.equal(0);
  });

  it('--check fails when the committed template drifts', async () => {
    const copy = tempDir('azcdk-drift-');
    cpSync(join(ROOT, TEMPLATES), copy, { recursive: true });
    const template = JSON.parse(readFileSync(join(copy, 'PostgresPrivateLink.json'), 'utf8'));
    template.resources[0].properties.securityRules[0].properties.destinationPortRange = '*';
    writeFileSync(join(copy, 'PostgresPrivateLink.json'), JSON.stringify(template, null, 2) + '\n');
    const run = await synthCheck(copy);
    expect(run.status).to.equal(1);
    expect(run.stderr).to.contain('PostgresPrivateLink.json');
  });

  describe('the template', () => {
    // With the committed manifest: resources are named by logical id, and dependsOn edges have a kind and a reason.
    const template = Template.fromJSON(read('PostgresPrivateLink.json'), { manifest: read('manifest.json').stacks.PostgresPrivateLink });

    it('takes logins and secure passwords as parameters, and writes no secret to the parameters file', () => {
      template.hasParameter('administratorLoginPassword', { type: 'securestring', defaultValue: Match.absent() });
      template.hasParameter('vmAdminPassword', { type: 'securestring' });
      template.hasParameter('administratorLogin', { type: 'string' });
      template.hasParameter('rdpSourceAddressPrefix', { type: 'string' });
      const values = read('PostgresPrivateLink.parameters.json').parameters;
      expect(Object.keys(values).sort()).to.deep.equal(['administratorLogin', 'clientIpAddress', 'rdpSourceAddressPrefix', 'vmAdminUsername']);
    });

    it('NSG with the RDP rule from the parameterized CIDR', () => {
      template.resourceCountIs(T.nsg, 1);
      template.hasResource(T.nsg, {
        properties: {
          securityRules: [{
            properties: {
              priority: 100, direction: 'Inbound', access: 'Allow', protocol: 'Tcp',
              sourceAddressPrefix: "[parameters('rdpSourceAddressPrefix')]", destinationPortRange: '3389',
            },
          }],
        },
        dependsOn: Match.absent(),
      });
    });

    it('VNet with the subnet inline, endpoint network policies Disabled (the ARM enum, not the legacy flag)', () => {
      template.resourceCountIs(T.vnet, 1);
      template.hasResource(T.vnet, {
        name: 'myVirtualNetwork',
        properties: {
          subnets: [Match.objectEquals({
            name: 'mySubnet',
            properties: {
              addressPrefix: '10.0.0.0/24', networkSecurityGroup: { id: id.nsg }, privateEndpointNetworkPolicies: 'Disabled',
              privateLinkServiceNetworkPolicies: 'Enabled', defaultOutboundAccess: false,
            },
          })],
        },
        dependsOn: [id.nsg],
      });
      template.dependsOn('vnet', 'nsg', { kind: 'reference' });
    });

    it('flexible server (not Single server) with HA on GeneralPurpose Standard_D2ds_v5 and 128 GiB', () => {
      template.resourceCountIs(T.server, 1);
      template.hasResource(T.server, {
        sku: Match.objectEquals({ name: 'Standard_D2ds_v5', tier: 'GeneralPurpose' }),
        // These keys exactly (others may exist): chai's deep.include.
        properties: {
          version: "[parameters('postgresVersion')]",
          administratorLogin: "[parameters('administratorLogin')]",
          administratorLoginPassword: "[parameters('administratorLoginPassword')]",
          availabilityZone: '1',
          highAvailability: Match.objectEquals({ mode: 'ZoneRedundant', standbyAvailabilityZone: '3' }),
          storage: Match.objectEquals({ storageSizeGB: 128, autoGrow: 'Disabled' }),
          network: Match.objectEquals({ publicNetworkAccess: 'Enabled' }),
        },
        dependsOn: Match.absent(),
      });
    });

    it('database, then firewall rule, then private endpoint (ServerIsBusy)', () => {
      template.resourceCountIs(T.database, 1);
      template.hasResource(T.database, { dependsOn: [id.server] });
      template.dependsOn('dbDatabaseAppdb', 'db', { kind: 'parent' });
      template.resourceCountIs(T.firewall, 1);
      template.hasResource(T.firewall, {
        properties: Match.objectEquals({ startIpAddress: "[parameters('clientIpAddress')]", endIpAddress: "[parameters('clientIpAddress')]" }),
        dependsOn: [id.server, id.database],
      });
      template.dependsOn('dbFirewallRuleAllowClientIp', 'db', { kind: 'parent' });
      expectOrderedAfter(template, 'dbFirewallRuleAllowClientIp', 'dbDatabaseAppdb', SERVER_IS_BUSY);
      expectOrderedAfter(template, 'dbPrivateEndpoint', 'dbFirewallRuleAllowClientIp', SERVER_IS_BUSY);
    });

    it('private endpoint carries no server flags (storage, HA, zones belong to the server)', () => {
      template.resourceCountIs(T.endpoint, 1);
      template.hasResource(T.endpoint, {
        name: 'myPrivateEndpoint',
        zones: Match.absent(),
        properties: Match.objectEquals({
          subnet: { id: id.subnet },
          customNetworkInterfaceName: Match.anyValue(),
          privateLinkServiceConnections: [{ name: Match.anyValue(), properties: { privateLinkServiceId: id.server, groupIds: ['postgresqlServer'] } }],
        }),
        dependsOn: [id.server, id.firewall, id.vnet],
      });
      template.dependsOn('dbPrivateEndpoint', 'db', { kind: 'reference' });
      template.dependsOn('dbPrivateEndpoint', 'vnet', { kind: 'reference' });
      template.dependsOn('dbPrivateEndpoint', 'dbFirewallRuleAllowClientIp', { kind: 'ordering' });
    });

    it('private DNS: zone, VNet link (registration disabled) and zone group, no manual A record', () => {
      template.resourceCountIs(T.zone, 1);
      template.hasResource(T.zone, { name: 'privatelink.postgres.database.azure.com', location: 'global' });
      template.resourceCountIs(T.link, 1);
      template.hasResource(T.link, {
        properties: Match.objectEquals({ registrationEnabled: false, virtualNetwork: { id: id.vnet } }),
        dependsOn: [id.zone, id.vnet],
      });
      template.dependsOn(LINK, ZONE, { kind: 'parent' });
      template.dependsOn(LINK, 'vnet', { kind: 'reference' });
      template.resourceCountIs(T.zoneGroup, 1);
      template.hasResource(T.zoneGroup, {
        name: 'myPrivateEndpoint/default',
        properties: { privateDnsZoneConfigs: [{ properties: Match.objectEquals({ privateDnsZoneId: id.zone }) }] },
        dependsOn: [id.zone, id.endpoint],
      });
      template.dependsOn('dbPrivateEndpointDnsZoneGroup', 'dbPrivateEndpoint', { kind: 'parent' });
      template.dependsOn('dbPrivateEndpointDnsZoneGroup', ZONE, { kind: 'reference' });
      template.resourceCountIs(T.aRecord, 0);
    });

    it('client VM: Windows Server 2019 Datacenter Gen2, Trusted Launch, Standard public IP', () => {
      template.resourceCountIs(T.pip, 1);
      template.hasResource(T.pip, { sku: Match.objectEquals({ name: 'Standard', tier: 'Regional' }), dependsOn: Match.absent() });
      template.resourceCountIs(T.nic, 1);
      template.hasResource(T.nic, {
        properties: {
          ipConfigurations: [{ properties: { subnet: Match.objectEquals({ id: id.subnet }), publicIPAddress: Match.objectEquals({ id: id.pip }) } }],
        },
        dependsOn: [id.pip, id.vnet],
      });
      template.dependsOn('clientNic', 'clientPublicIp', { kind: 'reference' });
      template.dependsOn('clientNic', 'vnet', { kind: 'reference' });
      template.resourceCountIs(T.vm, 1);
      const computerName = new Capture();
      template.hasResource(T.vm, {
        name: 'myVm',
        properties: {
          hardwareProfile: Match.objectEquals({ vmSize: "[parameters('vmSize')]" }),
          storageProfile: { imageReference: { sku: '2019-datacenter-gensecond' } },
          securityProfile: { securityType: 'TrustedLaunch' },
          osProfile: { adminPassword: "[parameters('vmAdminPassword')]", computerName },
        },
        dependsOn: [id.nic],
      });
      expect(computerName.asString().length, 'Windows computer names have at most 15 characters').to.be.at.most(15);
      template.dependsOn('client', 'clientNic', { kind: 'reference' });
    });

    it('outputs the server FQDN, the endpoint IP and the VM public IP', () => {
      template.hasOutput('postgresFqdn', { value: `[reference(${id.server.slice(1, -1)}, '2025-08-01').fullyQualifiedDomainName]` });
      template.hasOutput('privateEndpointIp', {
        value: "[reference(resourceId('Microsoft.Network/networkInterfaces', 'myPrivateEndpoint-nic'), '2025-07-01').ipConfigurations[0].properties.privateIPAddress]",
      });
      template.hasOutput('vmPublicIp', { value: `[reference(${id.pip.slice(1, -1)}, '2025-07-01').ipAddress]` });
    });
  });

  describe('with the client VM at its default size (no vmSize parameter)', () => {
    it("emits WindowsVirtualMachine's default 'Standard_D2s_v3', and the committed template's vmSize parameter defaults to it too", async () => {
      const { postgresPrivateLink } = await loadExample();
      const template = Template.fromStack(postgresPrivateLink(new App(), { vmSizeParameter: false }));
      template.templateMatches({ parameters: { vmSize: Match.absent() } });
      template.resourceCountIs(T.vm, 1);
      const vmSize = new Capture();
      template.hasResourceProperties(T.vm, { hardwareProfile: Match.objectEquals({ vmSize }) });
      expect(vmSize.asString()).to.equal('Standard_D2s_v3');
      Template.fromJSON(read('PostgresPrivateLink.json')).hasParameter('vmSize', { defaultValue: vmSize.asString() });
    });

    it('otherwise reads the size from the vmSize parameter', async () => {
      const { postgresPrivateLink } = await loadExample();
      const template = Template.fromStack(postgresPrivateLink(new App()));
      template.resourceCountIs(T.vm, 1);
      template.hasResourceProperties(T.vm, { hardwareProfile: Match.objectEquals({ vmSize: "[parameters('vmSize')]" }) });
    });
  });
});
