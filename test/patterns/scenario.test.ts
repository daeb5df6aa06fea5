import { expect } from 'chai';
import { manifestOf, templateOf } from '../support/synth.js';
import { fullScenario } from './scenario.js';
import { resourceOf, SERVER_ID, SERVER_NAME } from './support.js';

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
  pip: 'Microsoft.Network/publicIPAddresses',
  nic: 'Microsoft.Network/networkInterfaces',
  vm: 'Microsoft.Compute/virtualMachines',
};
const ids = {
  nsg: "[resourceId('Microsoft.Network/networkSecurityGroups', 'nsg')]",
  vnet: "[resourceId('Microsoft.Network/virtualNetworks', 'vnet')]",
  subnet: "[resourceId('Microsoft.Network/virtualNetworks/subnets', 'vnet', 'endpoints')]",
  database: `[resourceId('Microsoft.DBforPostgreSQL/flexibleServers/databases', ${SERVER_NAME}, 'appdb')]`,
  firewall: `[resourceId('Microsoft.DBforPostgreSQL/flexibleServers/firewallRules', ${SERVER_NAME}, 'AllowClientIp')]`,
  endpoint: "[resourceId('Microsoft.Network/privateEndpoints', 'pe-db')]",
  zone: "[resourceId('Microsoft.Network/privateDnsZones', 'privatelink.postgres.database.azure.com')]",
  pip: "[resourceId('Microsoft.Network/publicIPAddresses', 'pip-client')]",
  nic: "[resourceId('Microsoft.Network/networkInterfaces', 'nic-client')]",
};

describe('the PostgreSQL + Private Link scenario built with L2 constructs', () => {
  const template = templateOf(fullScenario().app, 'Test');

  it('emits exactly the scenario resources at the pinned api-versions', () => {
    expect(template.resources.map((r: any) => `${r.type}@${r.apiVersion}`).sort()).to.deep.equal([
      'Microsoft.Compute/virtualMachines@2026-03-01',
      'Microsoft.DBforPostgreSQL/flexibleServers/databases@2025-08-01',
      'Microsoft.DBforPostgreSQL/flexibleServers/firewallRules@2025-08-01',
      'Microsoft.DBforPostgreSQL/flexibleServers@2025-08-01',
      'Microsoft.Network/networkInterfaces@2025-07-01',
      'Microsoft.Network/networkSecurityGroups@2025-07-01',
      'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2024-06-01',
      'Microsoft.Network/privateDnsZones@2024-06-01',
      'Microsoft.Network/privateEndpoints/privateDnsZoneGroups@2025-07-01',
      'Microsoft.Network/privateEndpoints@2025-07-01',
      'Microsoft.Network/publicIPAddresses@2025-07-01',
      'Microsoft.Network/virtualNetworks@2025-07-01',
    ]);
  });

  it('NSG: the RDP rule from the given CIDR, no dependencies', () => {
    const nsg = resourceOf(template, T.nsg);
    expect(nsg.properties.securityRules).to.deep.equal([{
      name: 'Allow-RDP-client',
      properties: {
        description: 'RDP to the virtual machine Client', priority: 100, direction: 'Inbound', access: 'Allow', protocol: 'Tcp',
        sourceAddressPrefix: '203.0.113.7/32', sourcePortRange: '*', destinationAddressPrefix: '*', destinationPortRange: '3389',
      },
    }]);
    expect(nsg).to.not.have.property('dependsOn');
  });

  it('VNet: inline subnet with NSG, endpoint policies disabled, private subnet; depends on the NSG', () => {
    const vnet = resourceOf(template, T.vnet);
    expect(vnet.properties).to.deep.equal({
      addressSpace: { addressPrefixes: ['10.0.0.0/16'] },
      subnets: [{
        name: 'endpoints',
        properties: {
          addressPrefix: '10.0.1.0/24', networkSecurityGroup: { id: ids.nsg },
          privateEndpointNetworkPolicies: 'Disabled', privateLinkServiceNetworkPolicies: 'Enabled', defaultOutboundAccess: false,
        },
      }],
    });
    expect(vnet.dependsOn).to.deep.equal([ids.nsg]);
  });

  it('server: GeneralPurpose with zone-redundant HA, secure password parameter, public access for the firewall rule', () => {
    const server = resourceOf(template, T.server);
    expect(server.name).to.equal(`[${SERVER_NAME}]`);
    expect(server.sku).to.deep.equal({ name: 'Standard_D2ds_v5', tier: 'GeneralPurpose' });
    expect(server.properties).to.deep.equal({
      version: '16',
      administratorLogin: 'mylogin',
      administratorLoginPassword: "[parameters('adminPassword')]",
      authConfig: { activeDirectoryAuth: 'Disabled', passwordAuth: 'Enabled' },
      availabilityZone: '1',
      highAvailability: { mode: 'ZoneRedundant', standbyAvailabilityZone: '3' },
      storage: { storageSizeGB: 128, autoGrow: 'Disabled' },
      backup: { backupRetentionDays: 7, geoRedundantBackup: 'Disabled' },
      network: { publicNetworkAccess: 'Enabled' },
    });
    expect(server).to.not.have.property('dependsOn');
  });

  it('children are serialized: database -> firewall rule -> private endpoint', () => {
    expect(resourceOf(template, T.database).dependsOn).to.deep.equal([SERVER_ID]);
    expect(resourceOf(template, T.database).properties).to.deep.equal({ charset: 'UTF8', collation: 'en_US.utf8' });
    const rule = resourceOf(template, T.firewall);
    expect(rule.properties).to.deep.equal({ startIpAddress: '203.0.113.7', endIpAddress: '203.0.113.7' });
    expect(rule.dependsOn).to.deep.equal([SERVER_ID, ids.database]);
  });

  it('private endpoint: subnet reference depends on the VNet; connection to the server; ordered after the firewall rule', () => {
    const pe = resourceOf(template, T.endpoint);
    expect(pe.name).to.equal('pe-db');
    expect(pe.properties).to.deep.equal({
      subnet: { id: ids.subnet },
      customNetworkInterfaceName: 'pe-db-nic',
      privateLinkServiceConnections: [{ name: 'pe-db-conn', properties: { privateLinkServiceId: SERVER_ID, groupIds: ['postgresqlServer'] } }],
    });
    expect(pe.dependsOn).to.deep.equal([SERVER_ID, ids.firewall, ids.vnet]);
  });

  it('DNS: global privatelink zone, VNet link without registration, zone group named default', () => {
    const zone = resourceOf(template, T.zone);
    expect(zone).to.include({ name: 'privatelink.postgres.database.azure.com', location: 'global' });
    expect(zone).to.not.have.property('dependsOn');
    const link = resourceOf(template, T.link);
    expect(link).to.include({ name: 'privatelink.postgres.database.azure.com/link-vnet', location: 'global' });
    expect(link.properties).to.deep.equal({ registrationEnabled: false, virtualNetwork: { id: ids.vnet } });
    expect(link.dependsOn).to.deep.equal([ids.zone, ids.vnet]);
    const group = resourceOf(template, T.zoneGroup);
    expect(group.name).to.equal('pe-db/default');
    expect(group.properties).to.deep.equal({
      privateDnsZoneConfigs: [{ name: 'privatelink-postgres-database-azure-com', properties: { privateDnsZoneId: ids.zone } }],
    });
    expect(group.dependsOn).to.deep.equal([ids.zone, ids.endpoint]);
    expect(template.resources.filter((r: any) => r.type === 'Microsoft.Network/privateDnsZones/A')).to.have.length(0);
  });

  it('client VM: Standard static public IP, NIC in the subnet, Windows Server 2019 Gen2 with Trusted Launch', () => {
    const pip = resourceOf(template, T.pip);
    expect(pip.sku).to.deep.equal({ name: 'Standard', tier: 'Regional' });
    expect(pip.properties).to.deep.equal({ publicIPAllocationMethod: 'Static', publicIPAddressVersion: 'IPv4' });
    expect(pip).to.not.have.property('dependsOn');
    const nic = resourceOf(template, T.nic);
    expect(nic.properties.ipConfigurations).to.deep.equal([{
      name: 'ipconfig1',
      properties: { primary: true, privateIPAllocationMethod: 'Dynamic', subnet: { id: ids.subnet }, publicIPAddress: { id: ids.pip } },
    }]);
    expect(nic.dependsOn).to.deep.equal([ids.pip, ids.vnet]);
    const vm = resourceOf(template, T.vm);
    expect(vm.name).to.equal('vm-client');
    expect(vm.properties.osProfile).to.deep.equal({
      computerName: 'client', adminUsername: 'azureuser', adminPassword: "[parameters('vmPassword')]",
      windowsConfiguration: { enableAutomaticUpdates: true, provisionVMAgent: true },
    });
    expect(vm.properties.storageProfile.imageReference).to.deep.equal({ publisher: 'MicrosoftWindowsServer', offer: 'WindowsServer', sku: '2019-datacenter-gensecond', version: 'latest' });
    expect(vm.properties.securityProfile).to.deep.equal({ securityType: 'TrustedLaunch', uefiSettings: { secureBootEnabled: true, vTpmEnabled: true } });
    expect(vm.properties.networkProfile.networkInterfaces).to.deep.equal([{ id: ids.nic, properties: { primary: true, deleteOption: 'Delete' } }]);
    expect(vm.dependsOn).to.deep.equal([ids.nic]);
  });

  it('records why the children are ordered (ServerIsBusy) in the manifest', () => {
    const resources = manifestOf(fullScenario().app).stacks.Test.resources;
    const pe = Object.values(resources).find((r: any) => r.type === T.endpoint) as any;
    const ordering = pe.dependsOn.filter((d: any) => d.kind === 'ordering');
    expect(ordering).to.have.length(1);
    expect(ordering[0].reason).to.equal('PostgreSQL rejects concurrent changes to a server and its children (ServerIsBusy): deploy after Test/Db/Resource/FirewallRule-AllowClientIp');
  });
});
