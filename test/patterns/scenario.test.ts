import { expect } from 'chai';
import { Match, Template } from '../../lib/assertions/index.js';
import { fullScenario } from './scenario.js';
import { expectOrderedAfter, SERVER_ID, SERVER_IS_BUSY, SERVER_NAME } from './support.js';

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
/** Logical ids of the resources that have no handle on the scenario object. */
const ZONE = 'privateDnsZonePrivatelinkPostgresDatabaseAzureCom';
const LINK = 'privateDnsZonePrivatelinkPostgresDatabaseAzureComLinkVnet';

describe('the PostgreSQL + Private Link scenario built with L2 constructs', () => {
  const s = fullScenario();
  const { db, vm } = s;
  const [database] = db.databases;
  const [rule] = db.firewallRules;
  const [endpoint] = db.privateEndpoints;
  const template = Template.fromStack(s.stack);

  it('emits exactly the scenario resources at the pinned api-versions', () => {
    // The whole set of types (no other resource may appear), so read the template itself.
    expect((template.toJSON().resources as any[]).map((r) => `${r.type}@${r.apiVersion}`).sort()).to.deep.equal([
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
    template.resourceCountIs(T.nsg, 1);
    template.hasResource(T.nsg, {
      properties: {
        securityRules: Match.exact([{
          name: 'Allow-RDP-client',
          properties: {
            description: 'RDP to the virtual machine Client', priority: 100, direction: 'Inbound', access: 'Allow', protocol: 'Tcp',
            sourceAddressPrefix: '203.0.113.7/32', sourcePortRange: '*', destinationAddressPrefix: '*', destinationPortRange: '3389',
          },
        }]),
      },
      dependsOn: Match.absent(),
    });
  });

  it('VNet: inline subnet with NSG, endpoint policies disabled, private subnet; depends on the NSG', () => {
    template.resourceCountIs(T.vnet, 1);
    template.hasResource(T.vnet, {
      properties: Match.objectEquals({
        addressSpace: { addressPrefixes: ['10.0.0.0/16'] },
        subnets: [{
          name: 'endpoints',
          properties: {
            addressPrefix: '10.0.1.0/24', networkSecurityGroup: { id: ids.nsg },
            privateEndpointNetworkPolicies: 'Disabled', privateLinkServiceNetworkPolicies: 'Enabled', defaultOutboundAccess: false,
          },
        }],
      }),
      dependsOn: [ids.nsg],
    });
    template.dependsOn(s.vnet, s.nsg, { kind: 'reference' });
  });

  it('server: GeneralPurpose with zone-redundant HA, secure password parameter, public access for the firewall rule', () => {
    template.resourceCountIs(T.server, 1);
    template.hasResource(T.server, {
      name: `[${SERVER_NAME}]`,
      sku: Match.objectEquals({ name: 'Standard_D2ds_v5', tier: 'GeneralPurpose' }),
      properties: Match.objectEquals({
        version: '16',
        administratorLogin: 'mylogin',
        administratorLoginPassword: "[parameters('adminPassword')]",
        authConfig: { activeDirectoryAuth: 'Disabled', passwordAuth: 'Enabled' },
        availabilityZone: '1',
        highAvailability: { mode: 'ZoneRedundant', standbyAvailabilityZone: '3' },
        storage: { storageSizeGB: 128, autoGrow: 'Disabled' },
        backup: { backupRetentionDays: 7, geoRedundantBackup: 'Disabled' },
        network: { publicNetworkAccess: 'Enabled' },
      }),
      dependsOn: Match.absent(),
    });
  });

  it('children are serialized: database -> firewall rule -> private endpoint', () => {
    template.resourceCountIs(T.database, 1);
    template.hasResource(T.database, {
      properties: Match.objectEquals({ charset: 'UTF8', collation: 'en_US.utf8' }),
      dependsOn: [SERVER_ID],
    });
    template.dependsOn(database, db.resource, { kind: 'parent' });
    template.resourceCountIs(T.firewall, 1);
    template.hasResource(T.firewall, {
      properties: Match.objectEquals({ startIpAddress: '203.0.113.7', endIpAddress: '203.0.113.7' }),
      dependsOn: [SERVER_ID, ids.database],
    });
    template.dependsOn(rule, db.resource, { kind: 'parent' });
    expectOrderedAfter(template, rule, database, SERVER_IS_BUSY);
  });

  it('private endpoint: subnet reference depends on the VNet; connection to the server; ordered after the firewall rule', () => {
    template.resourceCountIs(T.endpoint, 1);
    template.hasResource(T.endpoint, {
      name: 'pe-db',
      properties: Match.objectEquals({
        subnet: { id: ids.subnet },
        customNetworkInterfaceName: 'pe-db-nic',
        privateLinkServiceConnections: [{ name: 'pe-db-conn', properties: { privateLinkServiceId: SERVER_ID, groupIds: ['postgresqlServer'] } }],
      }),
      dependsOn: [SERVER_ID, ids.firewall, ids.vnet],
    });
    template.dependsOn(endpoint.resource, db.resource, { kind: 'reference' });
    template.dependsOn(endpoint.resource, s.vnet, { kind: 'reference' });
    template.dependsOn(endpoint.resource, rule, { kind: 'ordering' });
  });

  it('DNS: global privatelink zone, VNet link without registration, zone group named default', () => {
    template.resourceCountIs(T.zone, 1);
    template.hasResource(T.zone, { name: 'privatelink.postgres.database.azure.com', location: 'global', dependsOn: Match.absent() });
    template.resourceCountIs(T.link, 1);
    template.hasResource(T.link, {
      name: 'privatelink.postgres.database.azure.com/link-vnet', location: 'global',
      properties: Match.objectEquals({ registrationEnabled: false, virtualNetwork: { id: ids.vnet } }),
      dependsOn: [ids.zone, ids.vnet],
    });
    template.dependsOn(LINK, ZONE, { kind: 'parent' });
    template.dependsOn(LINK, s.vnet, { kind: 'reference' });
    template.resourceCountIs(T.zoneGroup, 1);
    template.hasResource(T.zoneGroup, {
      name: 'pe-db/default',
      properties: Match.objectEquals({
        privateDnsZoneConfigs: [{ name: 'privatelink-postgres-database-azure-com', properties: { privateDnsZoneId: ids.zone } }],
      }),
      dependsOn: [ids.zone, ids.endpoint],
    });
    template.dependsOn(endpoint.zoneGroup!, endpoint.resource, { kind: 'parent' });
    template.dependsOn(endpoint.zoneGroup!, ZONE, { kind: 'reference' });
    template.resourceCountIs(T.aRecord, 0);
  });

  it('client VM: Standard static public IP, NIC in the subnet, Windows Server 2019 Gen2 with Trusted Launch', () => {
    template.resourceCountIs(T.pip, 1);
    template.hasResource(T.pip, {
      sku: Match.objectEquals({ name: 'Standard', tier: 'Regional' }),
      properties: Match.objectEquals({ publicIPAllocationMethod: 'Static', publicIPAddressVersion: 'IPv4' }),
      dependsOn: Match.absent(),
    });
    template.resourceCountIs(T.nic, 1);
    template.hasResource(T.nic, {
      properties: {
        ipConfigurations: Match.exact([{
          name: 'ipconfig1',
          properties: { primary: true, privateIPAllocationMethod: 'Dynamic', subnet: { id: ids.subnet }, publicIPAddress: { id: ids.pip } },
        }]),
      },
      dependsOn: [ids.pip, ids.vnet],
    });
    template.dependsOn(vm.networkInterface, vm.publicIp!, { kind: 'reference' });
    template.dependsOn(vm.networkInterface, s.vnet, { kind: 'reference' });
    template.resourceCountIs(T.vm, 1);
    template.hasResource(T.vm, {
      name: 'vm-client',
      properties: {
        osProfile: Match.objectEquals({
          computerName: 'client', adminUsername: 'azureuser', adminPassword: "[parameters('vmPassword')]",
          windowsConfiguration: { enableAutomaticUpdates: true, provisionVMAgent: true },
        }),
        storageProfile: {
          imageReference: Match.objectEquals({ publisher: 'MicrosoftWindowsServer', offer: 'WindowsServer', sku: '2019-datacenter-gensecond', version: 'latest' }),
        },
        securityProfile: Match.objectEquals({ securityType: 'TrustedLaunch', uefiSettings: { secureBootEnabled: true, vTpmEnabled: true } }),
        networkProfile: { networkInterfaces: Match.exact([{ id: ids.nic, properties: { primary: true, deleteOption: 'Delete' } }]) },
      },
      dependsOn: [ids.nic],
    });
    template.dependsOn(vm.resource, vm.networkInterface, { kind: 'reference' });
  });

  it('records why the children are ordered (ServerIsBusy) in the manifest', () => {
    expectOrderedAfter(template, endpoint.resource, rule, SERVER_IS_BUSY);
  });
});
