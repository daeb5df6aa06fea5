import { expect } from 'chai';
import {
  App, ArmNetworkInterface, ArmNetworkSecurityGroup, ArmPostgresAdministrator, ArmPostgresConfiguration, ArmPostgresDatabase,
  ArmPostgresFirewallRule, ArmPostgresFlexibleServer, ArmPrivateDnsARecord, ArmPrivateDnsZone, ArmPrivateEndpoint, ArmPublicIpAddress,
  ArmVirtualMachine, ArmVirtualNetwork, ArmVirtualNetworkLink, Parameter, Stack,
} from '../../lib/index.js';
import { errorOf, templateOf } from '../support/synth.js';

function stack() {
  const app = new App();
  return { app, stack: new Stack(app, 'L1') };
}
const only = (template: any, type: string) => template.resources.find((r: any) => r.type === type);

describe('typed L1 resources', () => {
  it('pin their resource types and api-versions', () => {
    expect([ArmVirtualNetwork, ArmNetworkSecurityGroup, ArmPrivateEndpoint, ArmNetworkInterface, ArmPublicIpAddress].map((c) => c.API_VERSION)).to.deep.equal(Array(5).fill('2025-07-01'));
    expect([ArmPrivateDnsZone, ArmVirtualNetworkLink, ArmPrivateDnsARecord].map((c) => c.API_VERSION)).to.deep.equal(Array(3).fill('2024-06-01'));
    expect([ArmPostgresFlexibleServer, ArmPostgresDatabase, ArmPostgresFirewallRule, ArmPostgresConfiguration, ArmPostgresAdministrator].map((c) => c.API_VERSION)).to.deep.equal(Array(5).fill('2025-08-01'));
    expect(ArmVirtualMachine.API_VERSION).to.equal('2026-03-01');
    expect(ArmPostgresFirewallRule.RESOURCE_TYPE).to.equal('Microsoft.DBforPostgreSQL/flexibleServers/firewallRules');
  });

  it('render the server and its children with child names joined to the parent', () => {
    const { app, stack: s } = stack();
    const server = new ArmPostgresFlexibleServer(s, 'Server', { name: 'pg-demo', sku: { name: 'Standard_D2ds_v5', tier: 'GeneralPurpose' }, version: '17' });
    new ArmPostgresConfiguration(server, 'Tls', { name: 'ssl_min_protocol_version', value: 'TLSv1.3' });
    new ArmPostgresAdministrator(server, 'Admin', { name: '00000000-0000-0000-0000-000000000001', principalName: 'dba', principalType: 'Group', tenantId: 'tenant' });
    const t = templateOf(app, 'L1');
    expect(only(t, ArmPostgresFlexibleServer.RESOURCE_TYPE)).to.deep.include({ name: 'pg-demo', sku: { name: 'Standard_D2ds_v5', tier: 'GeneralPurpose' }, properties: { version: '17' } });
    const config = only(t, ArmPostgresConfiguration.RESOURCE_TYPE);
    expect(config.name).to.equal('pg-demo/ssl_min_protocol_version');
    expect(config.properties).to.deep.equal({ value: 'TLSv1.3', source: 'user-override' });
    expect(config.dependsOn).to.deep.equal(["[resourceId('Microsoft.DBforPostgreSQL/flexibleServers', 'pg-demo')]"]);
    expect(only(t, ArmPostgresAdministrator.RESOURCE_TYPE).properties).to.deep.equal({ principalName: 'dba', principalType: 'Group', tenantId: 'tenant' });
  });

  it('report per-property problems with the resource type and the fix', () => {
    const { app, stack: s } = stack();
    const server = new ArmPostgresFlexibleServer(s, 'Server', {
      name: 'pg-demo', sku: { name: 'Standard_D2ds_v5', tier: 'Premium' as never }, availabilityZone: '4', backup: { backupRetentionDays: 40 },
      administratorLogin: 'azure_superuser',
    });
    new ArmPostgresFirewallRule(server, 'Rule', { name: 'r', startIpAddress: '10.0.0.9', endIpAddress: '10.0.0.1' });
    new ArmPostgresFirewallRule(server, 'Bad', { name: 'b', startIpAddress: '300.1.1.1', endIpAddress: '10.0.0.1' });
    new ArmPostgresAdministrator(server, 'Admin', { name: 'not-a-guid', principalName: 'x', principalType: 'User' });
    // Names the 2025-08-01 schema refuses: periods, over 80 characters, a trailing hyphen; '$' in a database.
    for (const [id, name] of [['Dot', 'allow.home'], ['Long', 'x'.repeat(81)], ['Trail', 'home-'], ['Lead', '-home']]) {
      new ArmPostgresFirewallRule(server, id, { name, startIpAddress: '10.0.0.1', endIpAddress: '10.0.0.1' });
    }
    new ArmPostgresFirewallRule(server, 'Ok', { name: `A_${'x'.repeat(77)}9`, startIpAddress: '10.0.0.1', endIpAddress: '10.0.0.1' });
    new ArmPostgresDatabase(server, 'Db', { name: 'my$db' });
    new ArmPostgresDatabase(server, 'Utf', { name: 'utf', charset: 'UTF-8', collation: 'en_US.UTF-8' });
    new ArmPostgresDatabase(server, 'Fine', { name: 'fine', charset: 'UTF8', collation: 'de-DE.utf8' });
    const message = errorOf(() => app.synth());
    for (const [id, name] of [['Dot', 'allow.home'], ['Long', 'x'.repeat(81)], ['Trail', 'home-'], ['Lead', '-home']]) {
      expect(message).to.contain(`[L1/Server/${id}] name '${name}' is not valid for Microsoft.DBforPostgreSQL/flexibleServers/firewallRules: use 1-80 letters, digits, underscores or hyphens, starting with a letter or digit and not ending with a hyphen.`);
    }
    expect(message).to.not.contain('[L1/Server/Ok]');
    expect(message).to.contain("[L1/Server/Db] name 'my$db' is not valid for Microsoft.DBforPostgreSQL/flexibleServers/databases: use 1-63 letters, digits, underscores or hyphens, starting with a letter or underscore.");
    expect(message).to.contain("[L1/Server/Utf] charset 'UTF-8' is not valid for Microsoft.DBforPostgreSQL/flexibleServers/databases: use a character set name of letters, digits and underscores starting with a letter, e.g. 'UTF8'.");
    expect(message).to.contain("[L1/Server/Utf] collation 'en_US.UTF-8' is not valid for Microsoft.DBforPostgreSQL/flexibleServers/databases: use a collation name that starts with letters or hyphens and goes on with letters, digits, underscores, periods or spaces, e.g. 'en_US.utf8' (not 'en_US.UTF-8').");
    expect(message).to.not.contain('[L1/Server/Fine]');
    expect(message).to.contain("[L1/Server] sku.tier 'Premium' is not valid for Microsoft.DBforPostgreSQL/flexibleServers: use one of 'Burstable', 'GeneralPurpose', 'MemoryOptimized'.");
    expect(message).to.contain("[L1/Server] availabilityZone '4' is not valid for Microsoft.DBforPostgreSQL/flexibleServers: use one of '1', '2', '3'.");
    expect(message).to.contain('[L1/Server] backup.backupRetentionDays 40 is out of range for Microsoft.DBforPostgreSQL/flexibleServers: use an integer from 7 to 35.');
    expect(message).to.contain("[L1/Server] administratorLogin 'azure_superuser' is reserved by Azure Database for PostgreSQL: choose another login name.");
    expect(message).to.contain('[L1/Server/Rule] startIpAddress 10.0.0.9 is after endIpAddress 10.0.0.1: swap them.');
    expect(message).to.contain("[L1/Server/Bad] startIpAddress '300.1.1.1' is not valid for Microsoft.DBforPostgreSQL/flexibleServers/firewallRules: use an IPv4 address, e.g. 203.0.113.10.");
    expect(message).to.contain("[L1/Server/Admin] name 'not-a-guid' is not valid for Microsoft.DBforPostgreSQL/flexibleServers/administrators: use the principal's object id (a GUID).");
  });

  it('length checks say whether to shorten or lengthen', () => {
    const { app, stack: s } = stack();
    new ArmPostgresFlexibleServer(s, 'Long', { name: 'pg-a', sku: { name: 'Standard_D2ds_v5', tier: 'GeneralPurpose' }, administratorLogin: 'a'.repeat(64) });
    new ArmPostgresFlexibleServer(s, 'Empty', { name: 'pg-b', sku: { name: 'Standard_D2ds_v5', tier: 'GeneralPurpose' }, administratorLogin: '' });
    const message = errorOf(() => app.synth());
    expect(message).to.contain(`[L1/Long] administratorLogin '${'a'.repeat(64)}' has 64 characters; Microsoft.DBforPostgreSQL/flexibleServers needs 1 to 63: shorten it.`);
    expect(message).to.contain("[L1/Empty] administratorLogin '' has 0 characters; Microsoft.DBforPostgreSQL/flexibleServers needs 1 to 63: lengthen it.");
  });

  it('PostgreSQL storage tier: one of the enum, and Premium_LRS only', () => {
    const { app, stack: s } = stack();
    new ArmPostgresFlexibleServer(s, 'Unknown', { name: 'pg-a', sku: { name: 'Standard_D2ds_v5', tier: 'GeneralPurpose' }, storage: { storageSizeGB: 128, tier: 'P5' as never } });
    new ArmPostgresFlexibleServer(s, 'V2', { name: 'pg-b', sku: { name: 'Standard_D2ds_v5', tier: 'GeneralPurpose' }, storage: { storageSizeGB: 100, type: 'PremiumV2_LRS', tier: 'P10' } });
    const message = errorOf(() => app.synth());
    expect(message).to.contain("[L1/Unknown] storage.tier 'P5' is not valid for Microsoft.DBforPostgreSQL/flexibleServers: use one of 'P1', 'P2', 'P3', 'P4', 'P6', 'P10', 'P15', 'P20', 'P30', 'P40', 'P50', 'P60', 'P70', 'P80'.");
    expect(message).to.contain("[L1/V2] storage.tier 'P10' is set on PremiumV2_LRS storage: performance tiers exist only for Premium_LRS (PremiumV2_LRS sets iops and throughput instead). Remove tier, or use type Premium_LRS.");
  });

  it('skip per-property checks for values known only at deployment time', () => {
    const { app, stack: s } = stack();
    const zone = new Parameter(s, 'zone', { type: 'string' });
    const days = new Parameter(s, 'days', { type: 'int' });
    const prefix = new Parameter(s, 'prefix', { type: 'string' });
    const server = new ArmPostgresFlexibleServer(s, 'Server', {
      name: `${prefix.value}_PG`, sku: { name: 'Standard_D2ds_v5', tier: 'GeneralPurpose' }, availabilityZone: zone.value,
      backup: { backupRetentionDays: days.value }, version: prefix.value,
    });
    new ArmPostgresFirewallRule(server, 'Rule', { name: 'r', startIpAddress: prefix.value, endIpAddress: `${prefix.value}.1` });
    new ArmPublicIpAddress(s, 'Pip', { name: 'pip', skuName: prefix.valueAsString });
    expect(() => app.synth()).to.not.throw();
  });

  it('public IP: Standard/Regional/Static by default, Basic refused, Dynamic refused on Standard', () => {
    const { app, stack: s } = stack();
    new ArmPublicIpAddress(s, 'Ok', { name: 'ok' });
    expect(only(templateOf(app, 'L1'), ArmPublicIpAddress.RESOURCE_TYPE)).to.deep.include({
      sku: { name: 'Standard', tier: 'Regional' }, properties: { publicIPAllocationMethod: 'Static', publicIPAddressVersion: 'IPv4' },
    });
    const bad = stack();
    new ArmPublicIpAddress(bad.stack, 'Basic', { name: 'basic', skuName: 'Basic' });
    new ArmPublicIpAddress(bad.stack, 'Dyn', { name: 'dyn', allocationMethod: 'Dynamic' });
    const message = errorOf(() => bad.app.synth());
    expect(message).to.contain("[L1/Basic] skuName 'Basic' is refused: Basic SKU public IPs were retired on 30 September 2025");
    expect(message).to.contain("[L1/Dyn] allocationMethod 'Dynamic' is not allowed with a Standard public IP: use 'Static' (the default).");
  });

  it('VNet: subnets inline, names and policies checked', () => {
    const { app, stack: s } = stack();
    const vnet = new ArmVirtualNetwork(s, 'Vnet', { name: 'v', addressPrefixes: [] });
    vnet.addSubnet({ name: 'a', addressPrefix: '10.0.0.0/24', privateEndpointNetworkPolicies: 'Sometimes' as never });
    vnet.addSubnet({ name: 'A', addressPrefix: '10.0.1.0/24' });
    const message = errorOf(() => app.synth());
    expect(message).to.contain("[L1/Vnet] name 'v' is not valid for Microsoft.Network/virtualNetworks");
    expect(message).to.contain("[L1/Vnet] addressPrefixes is empty: a virtual network needs at least one address range, e.g. ['10.0.0.0/16'].");
    expect(message).to.contain("[L1/Vnet] subnet 'a' privateEndpointNetworkPolicies 'Sometimes' is not valid for Microsoft.Network/virtualNetworks: use one of 'Disabled', 'Enabled', 'NetworkSecurityGroupEnabled', 'RouteTableEnabled'.");
    expect(message).to.contain("[L1/Vnet] subnet 'A' is declared twice: subnet names must be unique within a virtual network.");
  });

  it('NSG: priority range and description length', () => {
    const { app, stack: s } = stack();
    new ArmNetworkSecurityGroup(s, 'Nsg', {
      name: 'nsg',
      securityRules: [{ name: 'low', priority: 50, direction: 'Inbound', access: 'Allow', protocol: 'Tcp', sourceAddressPrefix: '*', destinationPortRange: '443', description: 'x'.repeat(141) }],
    });
    const message = errorOf(() => app.synth());
    expect(message).to.contain("[L1/Nsg] security rule 'low' priority 50 is out of range for Microsoft.Network/networkSecurityGroups: use an integer from 100 to 4096.");
    expect(message).to.contain("[L1/Nsg] security rule 'low' description has 141 characters; Azure allows 140. Shorten it.");
  });

  it('private endpoint: manual approval renders manualPrivateLinkServiceConnections', () => {
    const { app, stack: s } = stack();
    new ArmPrivateEndpoint(s, 'Pe', {
      name: 'pe', subnetId: '/subscriptions/x/subnets/y', manualApproval: true,
      connection: { name: 'c', privateLinkServiceId: '/subscriptions/x/servers/z', groupIds: ['postgresqlServer'], requestMessage: 'please' },
    });
    const pe = only(templateOf(app, 'L1'), ArmPrivateEndpoint.RESOURCE_TYPE);
    expect(pe.properties).to.deep.equal({
      subnet: { id: '/subscriptions/x/subnets/y' },
      manualPrivateLinkServiceConnections: [{ name: 'c', properties: { privateLinkServiceId: '/subscriptions/x/servers/z', groupIds: ['postgresqlServer'], requestMessage: 'please' } }],
    });
  });

  it('private DNS: zone is global, link and record are children of the zone', () => {
    const { app, stack: s } = stack();
    const zone = new ArmPrivateDnsZone(s, 'Zone', { name: 'privatelink.postgres.database.azure.com' });
    new ArmVirtualNetworkLink(zone, 'Link', { name: 'l', virtualNetworkId: '/vnets/v' });
    new ArmPrivateDnsARecord(zone, 'A', { name: 'pg', ipv4Addresses: ['10.0.0.4'] });
    const t = templateOf(app, 'L1');
    expect(only(t, ArmPrivateDnsZone.RESOURCE_TYPE)).to.deep.include({ location: 'global', properties: {} });
    expect(only(t, ArmVirtualNetworkLink.RESOURCE_TYPE)).to.deep.include({ name: 'privatelink.postgres.database.azure.com/l', location: 'global', properties: { registrationEnabled: false, virtualNetwork: { id: '/vnets/v' } } });
    expect(only(t, ArmPrivateDnsARecord.RESOURCE_TYPE)).to.deep.include({ name: 'privatelink.postgres.database.azure.com/pg', properties: { ttl: 3600, aRecords: [{ ipv4Address: '10.0.0.4' }] } });
    const bad = stack();
    const z2 = new ArmPrivateDnsZone(bad.stack, 'Zone', { name: 'nodots' });
    new ArmPrivateDnsARecord(z2, 'A', { name: 'pg', ipv4Addresses: ['10.0.0', '999.1.1.1'] });
    const message = errorOf(() => bad.app.synth());
    expect(message).to.contain("[L1/Zone] name 'nodots' is not valid for Microsoft.Network/privateDnsZones");
    expect(message).to.contain("[L1/Zone/A] '10.0.0' is not an IPv4 address: use dotted form a.b.c.d with each part 0-255, e.g. 10.0.1.4.");
    expect(message).to.contain("[L1/Zone/A] '999.1.1.1' is not an IPv4 address");
  });

  it('VM: Trusted Launch by default, securityType always rendered, Linux computer names up to 64', () => {
    const { app, stack: s } = stack();
    new ArmVirtualMachine(s, 'Vm', {
      name: 'vm', vmSize: 'Standard_D2s_v5', networkInterfaceIds: ['/nics/n'],
      osProfile: { osType: 'linux', computerName: 'a-linux-host-name-longer-than-fifteen', adminUsername: 'azureuser' },
      imageReference: { publisher: 'Canonical', offer: 'ubuntu-24_04-lts', sku: 'server' },
    });
    const vm = only(templateOf(app, 'L1'), ArmVirtualMachine.RESOURCE_TYPE);
    expect(vm.properties.securityProfile).to.deep.equal({ securityType: 'TrustedLaunch', uefiSettings: { secureBootEnabled: true, vTpmEnabled: true } });
    expect(vm.properties.osProfile.linuxConfiguration).to.deep.equal({ disablePasswordAuthentication: true, provisionVMAgent: true });
  });
});
