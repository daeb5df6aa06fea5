/**
 * The committed output of examples/postgres-private-link: it must match what synth writes
 * (pipelines deploy it), and it must deploy the document's scenario correctly.
 */
import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { buildSync } from 'esbuild';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { App, type Stack } from '../../lib/index.js';
import { templateOf } from '../support/synth.js';
import { tempDir } from '../support/temp.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const APP = 'examples/postgres-private-link/app.ts';
const TEMPLATES = 'templates/postgres-private-link';

function synthCheck(folder: string) {
  return spawnSync(process.execPath, ['dist/bin/azcdk.js', 'synth', '--app', APP, '--check', folder], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
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

describe('examples/postgres-private-link and its committed templates', function () {
  this.timeout(60_000);

  it('templates/postgres-private-link is what synth writes today (azcdk synth --check exits 0)', () => {
    const run = synthCheck(TEMPLATES);
    expect(run.stderr).to.equal('');
    expect(run.stdout).to.contain('is up to date');
    expect(run.status).to.equal(0);
  });

  it('--check fails when the committed template drifts', () => {
    const copy = tempDir('azcdk-drift-');
    cpSync(join(ROOT, TEMPLATES), copy, { recursive: true });
    const template = JSON.parse(readFileSync(join(copy, 'PostgresPrivateLink.json'), 'utf8'));
    template.resources[0].properties.securityRules[0].properties.destinationPortRange = '*';
    writeFileSync(join(copy, 'PostgresPrivateLink.json'), JSON.stringify(template, null, 2) + '\n');
    expect(synthCheck(copy).status).to.equal(1);
  });

  describe('the template', () => {
    const template = read('PostgresPrivateLink.json');
    const byType = (type: string) => {
      const found = template.resources.filter((r: any) => r.type === type);
      expect(found, type).to.have.length(1);
      return found[0];
    };

    it('takes logins and secure passwords as parameters, and writes no secret to the parameters file', () => {
      expect(template.parameters.administratorLoginPassword).to.include({ type: 'securestring' });
      expect(template.parameters.vmAdminPassword).to.include({ type: 'securestring' });
      expect(template.parameters.administratorLoginPassword).to.not.have.property('defaultValue');
      expect(template.parameters.administratorLogin.type).to.equal('string');
      expect(template.parameters.rdpSourceAddressPrefix.type).to.equal('string');
      const values = read('PostgresPrivateLink.parameters.json').parameters;
      expect(Object.keys(values).sort()).to.deep.equal(['administratorLogin', 'clientIpAddress', 'rdpSourceAddressPrefix', 'vmAdminUsername']);
    });

    it('NSG with the RDP rule from the parameterized CIDR', () => {
      const nsg = byType('Microsoft.Network/networkSecurityGroups');
      expect(nsg.properties.securityRules).to.have.length(1);
      expect(nsg.properties.securityRules[0].properties).to.include({
        priority: 100, direction: 'Inbound', access: 'Allow', protocol: 'Tcp',
        sourceAddressPrefix: "[parameters('rdpSourceAddressPrefix')]", destinationPortRange: '3389',
      });
      expect(nsg).to.not.have.property('dependsOn');
    });

    it('VNet with the subnet inline, endpoint network policies Disabled (the ARM enum, not the legacy flag)', () => {
      const vnet = byType('Microsoft.Network/virtualNetworks');
      expect(vnet.name).to.equal('myVirtualNetwork');
      expect(vnet.properties.subnets[0]).to.deep.equal({
        name: 'mySubnet',
        properties: {
          addressPrefix: '10.0.0.0/24', networkSecurityGroup: { id: id.nsg }, privateEndpointNetworkPolicies: 'Disabled',
          privateLinkServiceNetworkPolicies: 'Enabled', defaultOutboundAccess: false,
        },
      });
      expect(vnet.dependsOn).to.deep.equal([id.nsg]);
    });

    it('flexible server (not Single server) with HA on GeneralPurpose Standard_D2ds_v5 and 128 GiB', () => {
      const server = byType('Microsoft.DBforPostgreSQL/flexibleServers');
      expect(server.sku).to.deep.equal({ name: 'Standard_D2ds_v5', tier: 'GeneralPurpose' });
      expect(server.properties).to.deep.include({
        version: "[parameters('postgresVersion')]",
        administratorLogin: "[parameters('administratorLogin')]",
        administratorLoginPassword: "[parameters('administratorLoginPassword')]",
        availabilityZone: '1',
        highAvailability: { mode: 'ZoneRedundant', standbyAvailabilityZone: '3' },
        storage: { storageSizeGB: 128, autoGrow: 'Disabled' },
        network: { publicNetworkAccess: 'Enabled' },
      });
      expect(server).to.not.have.property('dependsOn');
    });

    it('database, then firewall rule, then private endpoint (ServerIsBusy)', () => {
      expect(byType('Microsoft.DBforPostgreSQL/flexibleServers/databases').dependsOn).to.deep.equal([id.server]);
      const rule = byType('Microsoft.DBforPostgreSQL/flexibleServers/firewallRules');
      expect(rule.properties).to.deep.equal({ startIpAddress: "[parameters('clientIpAddress')]", endIpAddress: "[parameters('clientIpAddress')]" });
      expect(rule.dependsOn).to.deep.equal([id.server, id.database]);
    });

    it('private endpoint carries no server flags (storage, HA, zones belong to the server)', () => {
      const pe = byType('Microsoft.Network/privateEndpoints');
      expect(pe.name).to.equal('myPrivateEndpoint');
      expect(pe).to.not.have.property('zones');
      expect(Object.keys(pe.properties).sort()).to.deep.equal(['customNetworkInterfaceName', 'privateLinkServiceConnections', 'subnet']);
      expect(pe.properties.subnet).to.deep.equal({ id: id.subnet });
      expect(pe.properties.privateLinkServiceConnections[0].properties).to.deep.equal({ privateLinkServiceId: id.server, groupIds: ['postgresqlServer'] });
      expect(pe.dependsOn).to.deep.equal([id.server, id.firewall, id.vnet]);
    });

    it('private DNS: zone, VNet link (registration disabled) and zone group, no manual A record', () => {
      const zone = byType('Microsoft.Network/privateDnsZones');
      expect(zone).to.include({ name: 'privatelink.postgres.database.azure.com', location: 'global' });
      const link = byType('Microsoft.Network/privateDnsZones/virtualNetworkLinks');
      expect(link.properties).to.deep.equal({ registrationEnabled: false, virtualNetwork: { id: id.vnet } });
      expect(link.dependsOn).to.deep.equal([id.zone, id.vnet]);
      const group = byType('Microsoft.Network/privateEndpoints/privateDnsZoneGroups');
      expect(group.name).to.equal('myPrivateEndpoint/default');
      expect(group.properties.privateDnsZoneConfigs[0].properties).to.deep.equal({ privateDnsZoneId: id.zone });
      expect(group.dependsOn).to.deep.equal([id.zone, id.endpoint]);
      expect(template.resources.some((r: any) => r.type === 'Microsoft.Network/privateDnsZones/A')).to.equal(false);
    });

    it('client VM: Windows Server 2019 Datacenter Gen2, Trusted Launch, Standard public IP', () => {
      const pip = byType('Microsoft.Network/publicIPAddresses');
      expect(pip.sku).to.deep.equal({ name: 'Standard', tier: 'Regional' });
      expect(pip).to.not.have.property('dependsOn');
      const nic = byType('Microsoft.Network/networkInterfaces');
      expect(nic.properties.ipConfigurations[0].properties).to.deep.include({ subnet: { id: id.subnet }, publicIPAddress: { id: id.pip } });
      expect(nic.dependsOn).to.deep.equal([id.pip, id.vnet]);
      const vm = byType('Microsoft.Compute/virtualMachines');
      expect(vm.name).to.equal('myVm');
      expect(vm.properties.hardwareProfile).to.deep.equal({ vmSize: "[parameters('vmSize')]" });
      expect(vm.properties.storageProfile.imageReference.sku).to.equal('2019-datacenter-gensecond');
      expect(vm.properties.securityProfile.securityType).to.equal('TrustedLaunch');
      expect(vm.properties.osProfile.adminPassword).to.equal("[parameters('vmAdminPassword')]");
      expect(vm.properties.osProfile.computerName.length).to.be.at.most(15);
      expect(vm.dependsOn).to.deep.equal([id.nic]);
    });

    it('outputs the server FQDN, the endpoint IP and the VM public IP', () => {
      expect(template.outputs.postgresFqdn.value).to.equal(`[reference(${id.server.slice(1, -1)}, '2025-08-01').fullyQualifiedDomainName]`);
      expect(template.outputs.privateEndpointIp.value).to.equal(
        "[reference(resourceId('Microsoft.Network/networkInterfaces', 'myPrivateEndpoint-nic'), '2025-07-01').ipConfigurations[0].properties.privateIPAddress]",
      );
      expect(template.outputs.vmPublicIp.value).to.equal(`[reference(${id.pip.slice(1, -1)}, '2025-07-01').ipAddress]`);
    });
  });

  describe('with the client VM at its default size (no vmSize parameter)', () => {
    it("emits WindowsVirtualMachine's default 'Standard_D2s_v3', and the committed template's vmSize parameter defaults to it too", async () => {
      const { postgresPrivateLink } = await loadExample();
      const app = new App();
      postgresPrivateLink(app, { vmSizeParameter: false });
      const template = templateOf(app, 'PostgresPrivateLink');
      expect(template.parameters).to.not.have.property('vmSize');
      const vm = template.resources.filter((r: any) => r.type === 'Microsoft.Compute/virtualMachines');
      expect(vm.map((r: any) => r.properties.hardwareProfile)).to.deep.equal([{ vmSize: 'Standard_D2s_v3' }]);
      expect(read('PostgresPrivateLink.json').parameters.vmSize.defaultValue).to.equal('Standard_D2s_v3');
    });

    it('otherwise reads the size from the vmSize parameter', async () => {
      const { postgresPrivateLink } = await loadExample();
      const app = new App();
      postgresPrivateLink(app);
      const template = templateOf(app, 'PostgresPrivateLink');
      expect(template.resources.find((r: any) => r.type === 'Microsoft.Compute/virtualMachines').properties.hardwareProfile).to.deep.equal({ vmSize: "[parameters('vmSize')]" });
    });
  });
});
