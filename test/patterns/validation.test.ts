import { expect } from 'chai';
import { Parameter, PostgresSku, PrivateDnsZone, PrivateEndpoint, Subnet, VirtualNetwork, WindowsVirtualMachine } from '../../lib/index.js';
import { Match, Template } from '../../lib/assertions/index.js';
import { errorOf } from '../support/synth.js';
import { baseScenario, server } from './scenario.js';

/** The synthesis error of a scenario (fails if synthesis succeeds). */
function synthError(s: { app: { synth(): unknown } }): string {
  return errorOf(() => s.app.synth());
}

describe('L2 validation: PostgreSQL flexible server', () => {
  it('refuses high availability on the Burstable tier (the document\'s own command)', () => {
    const s = baseScenario();
    server(s, { sku: PostgresSku.burstable('Standard_B1ms'), availabilityZone: '1', highAvailability: { mode: 'ZoneRedundant', standbyZone: '3' } })
      .addPrivateEndpoint(s.vnet.subnets[0]);
    expect(synthError(s)).to.contain(
      "[Test/Db] high availability (ZoneRedundant) is not available on the Burstable tier (sku Standard_B1ms); Azure fails the deployment with HANotSupportedForBurstableSkuWithMoreInfo. " +
        "Use a GeneralPurpose or MemoryOptimized sku (e.g. PostgresSku.generalPurpose('Standard_D2ds_v5')), or remove highAvailability.",
    );
  });

  it('accepts Burstable without high availability', () => {
    const s = baseScenario();
    server(s, { sku: PostgresSku.burstable('Standard_B1ms') }).addPrivateEndpoint(s.vnet.subnets[0]);
    expect(() => s.app.synth()).to.not.throw();
  });

  it('renders a custom maintenance window, and refuses an impossible one', () => {
    const s = baseScenario();
    server(s, { maintenanceWindow: { day: 'Sunday', startHour: 1 } }).addPrivateEndpoint(s.vnet.subnets[0]);
    Template.fromStack(s.stack).hasResourceProperties('Microsoft.DBforPostgreSQL/flexibleServers', {
      maintenanceWindow: Match.objectEquals({ customWindow: 'Enabled', dayOfWeek: 0, startHour: 1, startMinute: 0 }),
    });
    const bad = baseScenario();
    server(bad, { maintenanceWindow: { day: 'Sun' as never, startHour: 24, startMinute: 60 } }).addPrivateEndpoint(bad.vnet.subnets[0]);
    const message = synthError(bad);
    expect(message).to.contain("[Test/Db] maintenanceWindow.day 'Sun' is not a day of the week: use one of Sunday, Monday, Tuesday, Wednesday, Thursday, Friday, Saturday.");
    expect(message).to.contain('[Test/Db/Resource] maintenanceWindow.startHour 24 is out of range for Microsoft.DBforPostgreSQL/flexibleServers: use an integer from 0 to 23.');
    expect(message).to.contain('[Test/Db/Resource] maintenanceWindow.startMinute 60 is out of range for Microsoft.DBforPostgreSQL/flexibleServers: use an integer from 0 to 59.');
    expect(message).to.not.contain('dayOfWeek');
  });

  it('leaves the maintenance window to Azure by default', () => {
    const s = baseScenario();
    server(s).addPrivateEndpoint(s.vnet.subnets[0]);
    Template.fromStack(s.stack).hasResourceProperties('Microsoft.DBforPostgreSQL/flexibleServers', { maintenanceWindow: Match.absent() });
  });

  it('refuses a standby zone equal to the primary zone', () => {
    const s = baseScenario();
    server(s, { availabilityZone: '2', highAvailability: { mode: 'ZoneRedundant', standbyZone: '2' } }).addPrivateEndpoint(s.vnet.subnets[0]);
    expect(synthError(s)).to.contain(
      "[Test/Db] highAvailability.standbyZone '2' equals availabilityZone '2': zone-redundant HA puts the standby in another zone. Choose a different standbyZone (e.g. '3'), or use mode 'SameZone'.",
    );
  });

  it('refuses a zone-redundant standby zone without a primary zone, and accepts one known at deployment', () => {
    const s = baseScenario();
    server(s, { highAvailability: { mode: 'ZoneRedundant', standbyZone: '1' } }).addPrivateEndpoint(s.vnet.subnets[0]);
    expect(synthError(s)).to.contain(
      "[Test/Db] highAvailability.standbyZone '1' is set but availabilityZone is not: Azure then picks the primary's zone, which can be zone '1' too, " +
        "so zone-redundant HA would not get the placement the template asks for. Set availabilityZone to another zone (e.g. '2'), or remove standbyZone and let Azure place both.",
    );
    const ok = baseScenario();
    const zone = new Parameter(ok.stack, 'zone', { type: 'string' });
    server(ok, { availabilityZone: zone.value, highAvailability: { mode: 'ZoneRedundant', standbyZone: '3' } }).addPrivateEndpoint(ok.vnet.subnets[0]);
    server(ok, { highAvailability: { mode: 'ZoneRedundant' } }, 'Other').addPrivateEndpoint(ok.vnet.subnets[0]);
    expect(() => ok.app.synth()).to.not.throw();
  });

  it('refuses a standby zone with SameZone HA', () => {
    const s = baseScenario();
    server(s, { highAvailability: { mode: 'SameZone', standbyZone: '2' } }).addPrivateEndpoint(s.vnet.subnets[0]);
    expect(synthError(s)).to.contain("[Test/Db] highAvailability.standbyZone is set with mode 'SameZone'");
  });

  it('refuses a storage size Azure does not offer, suggesting the next one', () => {
    const s = baseScenario();
    server(s, { storageSizeGb: 100 }).addPrivateEndpoint(s.vnet.subnets[0]);
    expect(synthError(s)).to.contain(
      '[Test/Db/Resource] storage.storageSizeGB 100 is not a size Azure offers for Premium_LRS storage: use one of 32, 64, 128, 256, 512, 1024, 2048, 4096, 8192, 16384, 32767 GiB (e.g. 128).',
    );
  });

  it('sets the storage performance tier, and refuses one the size does not allow, with the tiers it does', () => {
    const ok = baseScenario();
    server(ok, { storageSizeGb: 128, storageTier: 'P30' }).addPrivateEndpoint(ok.vnet.subnets[0]);
    Template.fromStack(ok.stack).hasResourceProperties('Microsoft.DBforPostgreSQL/flexibleServers', {
      storage: Match.objectEquals({ storageSizeGB: 128, autoGrow: 'Disabled', tier: 'P30' }),
    });
    const slow = baseScenario();
    server(slow, { storageSizeGb: 128, storageTier: 'P6' }).addPrivateEndpoint(slow.vnet.subnets[0]);
    expect(synthError(slow)).to.contain(
      "[Test/Db/Resource] storage.tier 'P6' is below P10, the baseline tier of 128 GiB, so Azure refuses it for 128 GiB of Premium_LRS storage: " +
        'use one of P10, P15, P20, P30, P40, P50 (or leave tier unset for P10), or change storageSizeGB.',
    );
    const big = baseScenario();
    server(big, { storageSizeGb: 32, storageTier: 'P60' }).addPrivateEndpoint(big.vnet.subnets[0]);
    expect(synthError(big)).to.contain(
      "[Test/Db/Resource] storage.tier 'P60' is for disks larger than 4096 GiB, so Azure refuses it for 32 GiB of Premium_LRS storage: " +
        'use one of P4, P6, P10, P15, P20, P30, P40, P50 (or leave tier unset for P4), or change storageSizeGB.',
    );
    const large = baseScenario();
    server(large, { storageSizeGb: 8192, storageTier: 'P80' }).addPrivateEndpoint(large.vnet.subnets[0]);
    expect(() => large.app.synth()).to.not.throw();
  });

  it('refuses a database, firewall rule, server parameter or administrator declared twice, also in another letter case', () => {
    const s = baseScenario();
    const db = server(s, { publicNetworkAccess: true, entraAuthentication: true, databases: { app: {} }, firewallRules: { Office: { startIpAddress: '203.0.113.7' } }, configurations: { work_mem: '8192' } });
    db.addPrivateEndpoint(s.vnet.subnets[0]);
    const first = db.databases[0];
    expect(db.addDatabase('app')).to.equal(first);
    db.addDatabase('App');
    db.addFirewallRule('office', '203.0.113.8');
    db.addConfiguration('work_mem', '4096');
    const admin = { objectId: '00000000-0000-0000-0000-00000000000a', principalName: 'dba', principalType: 'Group' } as const;
    db.addAdministrator(admin);
    db.addAdministrator({ ...admin, objectId: admin.objectId.toUpperCase() });
    const message = synthError(s);
    expect(message).to.contain("[Test/Db] database 'app' is declared twice, in databases or addDatabase(): both would be one Azure resource. Declare it once.");
    expect(message).to.contain("[Test/Db] database 'App' is declared twice (as 'app' too: Azure compares the names without case), in databases or addDatabase(): both would be one Azure resource. Declare it once.");
    expect(message).to.contain("[Test/Db] firewall rule 'office' is declared twice (as 'Office' too: Azure compares the names without case), in firewallRules or addFirewallRule(): both would be one Azure resource. Declare it once.");
    expect(message).to.contain("[Test/Db] server parameter 'work_mem' is declared twice, in configurations or addConfiguration(): both would be one Azure resource. Declare it once.");
    expect(message).to.contain("[Test/Db] Entra administrator '00000000-0000-0000-0000-00000000000A' is declared twice (as '00000000-0000-0000-0000-00000000000a' too: Azure compares the names without case), in addAdministrator(): both would be one Azure resource. Declare it once.");
    expect(message).to.match(/found 5 problems/);
    expect([db.databases.length, db.firewallRules.length, db.configurations.length, db.administrators.length]).to.deep.equal([1, 1, 1, 1]);
  });

  it('refuses a PostgreSQL version the api does not know', () => {
    const s = baseScenario();
    server(s, { version: '10' as never }).addPrivateEndpoint(s.vnet.subnets[0]);
    expect(synthError(s)).to.contain(
      "[Test/Db/Resource] version '10' is not a PostgreSQL major version that flexible servers support (api 2025-08-01): use one of 11, 12, 13, 14, 15, 16, 17, 18; for a new server 16 or 17 (PostgresFlexibleServer refuses retired versions).",
    );
  });

  it('refuses a retired PostgreSQL version', () => {
    const s = baseScenario();
    server(s, { version: '12' as never }).addPrivateEndpoint(s.vnet.subnets[0]);
    const message = synthError(s);
    expect(message).to.contain("[Test/Db] version '12' is retired: Azure no longer creates flexible servers with it. Use one of 13, 14, 15, 16, 17, 18");
    expect(message).to.not.contain('[Test/Db/Resource] version');
  });

  it('refuses a server name that is not 3-63 lowercase letters, digits and hyphens', () => {
    for (const name of ['My_Server', 'ab', '-db', `a${'b'.repeat(63)}`]) {
      const s = baseScenario();
      server(s, { name }).addPrivateEndpoint(s.vnet.subnets[0]);
      expect(synthError(s)).to.contain(
        `[Test/Db/Resource] name '${name}' is not valid for Microsoft.DBforPostgreSQL/flexibleServers: use 3-63 lowercase letters, digits and hyphens, not starting or ending with a hyphen (it becomes <name>.postgres.database.azure.com).`,
      );
    }
  });

  it("calls its physical name 'name', as every construct does, and says so to an app that passes serverName", () => {
    const s = baseScenario();
    server(s, { name: 'my-pg-server' }).addPrivateEndpoint(s.vnet.subnets[0]);
    Template.fromStack(s.stack).hasResource('Microsoft.DBforPostgreSQL/flexibleServers', { name: 'my-pg-server' });
    const old = baseScenario();
    expect(() => server(old, { serverName: 'my-pg-server' } as never)).to.throw(
      "[Test/Db] PostgresFlexibleServer: serverName was renamed to name (every azcdk construct calls its Azure name 'name'): write { name: ... } instead.",
    );
  });

  it('skips the name check when the name is only known at deploy time', () => {
    const s = baseScenario();
    const name = new Parameter(s.stack, 'serverName', { type: 'string' });
    server(s, { name: `${name.value}-DB` }).addPrivateEndpoint(s.vnet.subnets[0]);
    expect(() => s.app.synth()).to.not.throw();
  });

  it('refuses firewall rules on a server whose public access is disabled', () => {
    const s = baseScenario();
    server(s, { firewallRules: { Office: { startIpAddress: '203.0.113.0', endIpAddress: '203.0.113.255' } } }).addPrivateEndpoint(s.vnet.subnets[0]);
    expect(synthError(s)).to.contain(
      "[Test/Db] firewall rules ('Office') have no effect because public network access is disabled: set publicNetworkAccess: true to admit those addresses, or remove the rules and connect through a private endpoint.",
    );
  });

  it('warns about a server nobody can reach (no endpoint, no public access)', () => {
    const s = baseScenario();
    server(s);
    const assembly = s.app.synth();
    expect(assembly.annotations).to.deep.include({
      level: 'warning', path: 'Test/Db',
      message: 'the server has no private endpoint, no VNet integration and public network access disabled, so nothing can reach it: call addPrivateEndpoint(subnet), or set publicNetworkAccess: true with firewall rules.',
    });
  });

  it('does not warn when the server has a private endpoint', () => {
    const s = baseScenario();
    server(s).addPrivateEndpoint(s.vnet.subnets[0]);
    expect(s.app.synth().annotations).to.deep.equal([]);
  });

  it('defaults to public network access disabled, also with a private endpoint', () => {
    const s = baseScenario();
    const db = server(s);
    db.addPrivateEndpoint(s.vnet.subnets[0]);
    const template = JSON.parse(s.app.synth().files.get('Test.json')!);
    const rendered = template.resources.find((r: any) => r.type === 'Microsoft.DBforPostgreSQL/flexibleServers');
    expect(rendered.properties.network).to.deep.equal({ publicNetworkAccess: 'Disabled' });
  });

  it('refuses an administrator password given as a plain string', () => {
    const s = baseScenario();
    server(s, { administratorPassword: 'P@ssw0rd1234!' }).addPrivateEndpoint(s.vnet.subnets[0]);
    const message = synthError(s);
    expect(message).to.contain(
      "[Test/Db] administratorPassword is a plain string: it would be written into the template in clear text. Declare a parameter with type 'securestring' (new Parameter(stack, 'administratorPassword', { type: 'securestring' })) and pass it or its .value.",
    );
    expect(message).to.not.contain('P@ssw0rd1234!');
  });

  it('refuses a password parameter that is not securestring, and accepts a securestring .value', () => {
    const s = baseScenario();
    const plain = new Parameter(s.stack, 'pw', { type: 'string' });
    server(s, { administratorPassword: plain.value }).addPrivateEndpoint(s.vnet.subnets[0]);
    expect(synthError(s)).to.contain("[Test/Db] administratorPassword uses parameter 'pw' of type 'string': secrets need type 'securestring'");
    const ok = baseScenario();
    server(ok, { administratorPassword: ok.password.value }).addPrivateEndpoint(ok.vnet.subnets[0]);
    expect(() => ok.app.synth()).to.not.throw();
  });

  it('refuses a private endpoint on a VNet-integrated server, and an undelegated integration subnet', () => {
    const s = baseScenario();
    const delegated = s.vnet.addSubnet('db', { addressPrefix: '10.0.2.0/24', delegations: ['Microsoft.DBforPostgreSQL/flexibleServers'] });
    const zone = new PrivateDnsZone(s.stack, 'Zone', { zoneName: 'private.postgres.database.azure.com' });
    server(s, { vnetIntegration: { delegatedSubnet: delegated, privateDnsZone: zone } }).addPrivateEndpoint(s.vnet.subnets[0]);
    expect(synthError(s)).to.contain(
      "[Test/Db] uses VNet integration (delegated subnet 'db') and a private endpoint: Azure allows private endpoints only on servers in public access mode. Remove vnetIntegration, or remove the private endpoint.",
    );
    const t = baseScenario();
    const zone2 = new PrivateDnsZone(t.stack, 'Zone', { zoneName: 'private.postgres.database.azure.com' });
    server(t, { vnetIntegration: { delegatedSubnet: t.vnet.subnets[0], privateDnsZone: zone2 } });
    expect(synthError(t)).to.contain(
      "[Test/Db] vnetIntegration.delegatedSubnet 'endpoints' is not delegated to Microsoft.DBforPostgreSQL/flexibleServers: add delegations: ['Microsoft.DBforPostgreSQL/flexibleServers'] to the subnet.",
    );
  });

  it('refuses a private endpoint in a delegated subnet', () => {
    const s = baseScenario();
    const delegated = s.vnet.addSubnet('db', { addressPrefix: '10.0.2.0/24', delegations: ['Microsoft.DBforPostgreSQL/flexibleServers'] });
    server(s).addPrivateEndpoint(delegated);
    expect(synthError(s)).to.contain(
      "[Test/Db/PrivateEndpoint] subnet 'db' is delegated to Microsoft.DBforPostgreSQL/flexibleServers; private endpoints cannot be placed in a delegated subnet. Use a subnet without delegations.",
    );
  });

  it('refuses a sku whose name does not match its tier', () => {
    const s = baseScenario();
    server(s, { sku: PostgresSku.generalPurpose('Standard_B2s') }).addPrivateEndpoint(s.vnet.subnets[0]);
    expect(synthError(s)).to.contain("[Test/Db] sku 'Standard_B2s' does not belong to tier GeneralPurpose (it is a Burstable size): use PostgresSku.burstable('Standard_B2s').");
  });

  it('warns that nobody can sign in to an Entra-only server without an Entra administrator', () => {
    const s = baseScenario();
    server(s, { administratorLogin: undefined, administratorPassword: undefined, passwordAuthentication: false, entraAuthentication: true }).addPrivateEndpoint(s.vnet.subnets[0]);
    expect(s.app.synth().annotations).to.deep.equal([{
      level: 'warning', path: 'Test/Db',
      message: 'Microsoft Entra is the only sign-in method (password authentication is disabled) and the server has no Entra administrator, so nobody can sign in: ' +
        'add one with addAdministrator({ objectId, principalName, principalType }), or enable password authentication (administratorLogin and administratorPassword).',
    }]);
    Template.fromStack(s.stack).hasResourceProperties('Microsoft.DBforPostgreSQL/flexibleServers', {
      authConfig: Match.objectEquals({ activeDirectoryAuth: 'Enabled', passwordAuth: 'Disabled', tenantId: '[subscription().tenantId]' }),
    });
  });

  it('does not warn about sign-in when an Entra administrator is added (also after construction), or a password works', () => {
    const s = baseScenario();
    const db = server(s, { administratorLogin: undefined, administratorPassword: undefined, passwordAuthentication: false, entraAuthentication: true });
    db.addPrivateEndpoint(s.vnet.subnets[0]);
    db.addAdministrator({ objectId: '00000000-0000-0000-0000-000000000001', principalName: 'dba', principalType: 'Group' });
    server(s, { entraAuthentication: true }, 'Both').addPrivateEndpoint(s.vnet.subnets[0]);
    expect(s.app.synth().annotations).to.deep.equal([]);
  });

  it('refuses Entra administrators while Entra authentication is off', () => {
    const s = baseScenario();
    const db = server(s);
    db.addPrivateEndpoint(s.vnet.subnets[0]);
    db.addAdministrator({ objectId: '00000000-0000-0000-0000-000000000001', principalName: 'dba', principalType: 'Group' });
    expect(synthError(s)).to.contain('[Test/Db] has Entra administrators but Microsoft Entra authentication is disabled: set entraAuthentication: true.');
  });

  it('collects every problem and fails once', () => {
    const s = baseScenario();
    server(s, { sku: PostgresSku.burstable('Standard_B1ms'), highAvailability: { mode: 'ZoneRedundant' }, storageSizeGb: 100, name: 'Bad_Name' });
    expect(synthError(s)).to.match(/^Synthesis found 3 problems:/);
  });
});

describe('L2 validation: virtual network', () => {
  it('refuses a subnet outside the VNet address space', () => {
    const s = baseScenario();
    s.vnet.addSubnet('outside', { addressPrefix: '10.1.0.0/24' });
    expect(synthError(s)).to.contain(
      "[Test/Vnet] subnet 'outside' (10.1.0.0/24) is outside the address space of the virtual network (10.0.0.0/16): choose a range inside it, or add a range containing it to addressSpace.",
    );
  });

  it('refuses overlapping subnets', () => {
    const s = baseScenario();
    s.vnet.addSubnet('overlap', { addressPrefix: '10.0.1.128/25' });
    expect(synthError(s)).to.contain(
      "[Test/Vnet] subnet 'overlap' (10.0.1.128/25) overlaps subnet 'endpoints' (10.0.1.0/24): subnets of a virtual network must not overlap. Choose a free range.",
    );
  });

  it('refuses malformed and IPv6 prefixes, and subnets smaller than /29', () => {
    const s = baseScenario();
    s.vnet.addSubnet('v6', { addressPrefix: 'fd00::/64' });
    s.vnet.addSubnet('tiny', { addressPrefix: '10.0.9.0/30' });
    s.vnet.addSubnet('hostbits', { addressPrefix: '10.0.5.1/24' });
    const message = synthError(s);
    expect(message).to.contain("[Test/Vnet] subnet 'v6': 'fd00::/64' is an IPv6 range; azcdk checks IPv4 ranges only.");
    expect(message).to.contain("[Test/Vnet] subnet 'tiny' (10.0.9.0/30) is smaller than /29, the smallest subnet Azure allows: use a /29 or larger range.");
    expect(message).to.contain("[Test/Vnet] subnet 'hostbits': '10.0.5.1/24' has host bits set: the network address of a /24 is 10.0.5.0/24. Use '10.0.5.0/24'.");
  });

  it('refuses overlapping address space ranges', () => {
    const s = baseScenario();
    new VirtualNetwork(s.stack, 'Other', { addressSpace: ['10.0.0.0/16', '10.0.128.0/17'] });
    expect(synthError(s)).to.contain('[Test/Other] addressSpace ranges 10.0.0.0/16 and 10.0.128.0/17 overlap: list each range once, without overlaps.');
  });

  it('refuses a subnet name declared twice, at the call', () => {
    const s = baseScenario();
    expect(errorOf(() => s.vnet.addSubnet('endpoints', { addressPrefix: '10.0.3.0/24' }))).to.equal(
      "[Test/Vnet] subnet 'endpoints' is already declared: use vnet.subnets to find it, or pick another name.",
    );
  });
});

describe('L2 validation: regions of resources in a subnet', () => {
  const DELEGATION = 'Microsoft.DBforPostgreSQL/flexibleServers';
  const refusal = (what: string, here: string) =>
    `location '${here}' is not the region of virtual network 'vnet-east' (Test/East), 'East US': Azure creates ${what} only in the region of the subnet's virtual network. ` +
    `Use location 'East US' (or leave both unset for the stack's location), or a subnet of a virtual network in '${here}'.`;

  it('refuses a VM, a private endpoint or a VNet-integrated server in another region than the subnet\'s VNet', () => {
    const s = baseScenario();
    const east = new VirtualNetwork(s.stack, 'East', { name: 'vnet-east', location: 'East US', addressSpace: ['10.1.0.0/16'] });
    const subnet = east.addSubnet('e', { addressPrefix: '10.1.1.0/24' });
    const delegated = east.addSubnet('db', { addressPrefix: '10.1.2.0/24', delegations: [DELEGATION] });
    new WindowsVirtualMachine(s.stack, 'Client', { subnet, adminUsername: 'azureuser', adminPassword: s.vmPassword, publicIp: true, location: 'westeurope' });
    new PrivateEndpoint(s.stack, 'Pe', { subnet, location: 'northeurope', target: { resourceId: server(s, {}, 'Other').serverId, groupId: 'postgresqlServer' } });
    server(s, { location: 'West Europe', vnetIntegration: { delegatedSubnet: delegated, privateDnsZone: new PrivateDnsZone(s.stack, 'Zone', { zoneName: 'x.postgres.database.azure.com' }) } });
    const message = synthError(s);
    expect(message).to.contain(`[Test/Client] ${refusal("a virtual machine's network interface", 'westeurope')}`);
    expect(message).to.contain(`[Test/Pe] ${refusal('private endpoints', 'northeurope')}`);
    expect(message).to.contain(`[Test/Db] ${refusal('VNet-integrated servers', 'West Europe')}`);
  });

  it('accepts one region written two ways and regions known only at deployment; an imported VNet is compared only when its import names the region', () => {
    const s = baseScenario();
    const east = new VirtualNetwork(s.stack, 'East', { name: 'vnet-east', location: 'East US', addressSpace: ['10.1.0.0/16'] });
    const region = new Parameter(s.stack, 'region', { type: 'string' });
    new WindowsVirtualMachine(s.stack, 'Client', { subnet: east.addSubnet('e', { addressPrefix: '10.1.1.0/24' }), adminUsername: 'azureuser', adminPassword: s.vmPassword, publicIp: true, location: 'eastus' });
    new WindowsVirtualMachine(s.stack, 'Other', { subnet: s.vnet.subnets[0], adminUsername: 'azureuser', adminPassword: s.vmPassword, publicIp: true, location: region.value });
    const hub = VirtualNetwork.fromVirtualNetworkName(s.stack, 'Hub', 'hub', { resourceGroupName: 'net', location: 'eastus' });
    new WindowsVirtualMachine(s.stack, 'Third', { subnet: Subnet.fromSubnetName(hub, 'e'), adminUsername: 'azureuser', adminPassword: s.vmPassword, publicIp: true, location: 'East US' });
    const assumed = VirtualNetwork.fromVirtualNetworkName(s.stack, 'Assumed', 'spoke', { resourceGroupName: 'net' });
    new WindowsVirtualMachine(s.stack, 'Fourth', { subnet: Subnet.fromSubnetName(assumed, 'e'), adminUsername: 'azureuser', adminPassword: s.vmPassword, publicIp: true, location: 'westeurope' });
    expect(() => s.app.synth()).to.not.throw();
    const t = baseScenario();
    const named = VirtualNetwork.fromVirtualNetworkName(t.stack, 'Hub', 'hub', { resourceGroupName: 'net', location: 'eastus' });
    new WindowsVirtualMachine(t.stack, 'Fifth', { subnet: Subnet.fromSubnetName(named, 'e'), adminUsername: 'azureuser', adminPassword: t.vmPassword, publicIp: true, location: 'westeurope' });
    expect(synthError(t)).to.contain(
      "[Test/Fifth] location 'westeurope' is not the region of virtual network 'hub' (Test/Hub), 'eastus': Azure creates a virtual machine's network interface only in the region of the subnet's virtual network.",
    );
  });
});

describe('L2 validation: Windows client VM', () => {
  it("refuses a NIC in a delegated subnet, as private endpoints are refused", () => {
    const s = baseScenario();
    const delegated = s.vnet.addSubnet('db', { addressPrefix: '10.0.2.0/24', delegations: ['Microsoft.DBforPostgreSQL/flexibleServers'] });
    new WindowsVirtualMachine(s.stack, 'Client', { subnet: delegated, adminUsername: 'azureuser', adminPassword: s.vmPassword, publicIp: true });
    expect(synthError(s)).to.contain(
      "[Test/Client] subnet 'db' is delegated to Microsoft.DBforPostgreSQL/flexibleServers; a virtual machine's network interface cannot be placed in a delegated subnet. Use a subnet without delegations.",
    );
  });

  it('refuses a Windows computer name over 15 characters', () => {
    const s = baseScenario();
    new WindowsVirtualMachine(s.stack, 'Client', { subnet: s.vnet.subnets[0], adminUsername: 'azureuser', adminPassword: s.vmPassword, computerName: 'client-vm-for-postgres' });
    expect(synthError(s)).to.contain(
      "[Test/Client/Resource] osProfile.computerName 'client-vm-for-postgres' has 22 characters; a Windows computer name allows 15. Pass a shorter computerName (e.g. 'client-vm-for-p').",
    );
  });

  it('derives a computer name of at most 15 characters from a long id', () => {
    const s = baseScenario();
    new WindowsVirtualMachine(s.stack, 'PostgresClientMachine', { subnet: s.vnet.subnets[0], adminUsername: 'azureuser', adminPassword: s.vmPassword });
    const template = JSON.parse(s.app.synth().files.get('Test.json')!);
    const vm = template.resources.find((r: any) => r.type === 'Microsoft.Compute/virtualMachines');
    expect(vm.properties.osProfile.computerName).to.equal('postgresclientm');
  });

  it('refuses a Basic public IP', () => {
    const s = baseScenario();
    new WindowsVirtualMachine(s.stack, 'Client', { subnet: s.vnet.subnets[0], adminUsername: 'azureuser', adminPassword: s.vmPassword, publicIp: { sku: 'Basic' } });
    expect(synthError(s)).to.contain(
      "[Test/Client/PublicIp] skuName 'Basic' is refused: Basic SKU public IPs were retired on 30 September 2025 and can no longer be created. Use skuName 'Standard' (the default).",
    );
  });

  it('refuses an admin password given as a plain string', () => {
    const s = baseScenario();
    new WindowsVirtualMachine(s.stack, 'Client', { subnet: s.vnet.subnets[0], adminUsername: 'azureuser', adminPassword: 'Sup3rSecret!!' });
    const message = synthError(s);
    expect(message).to.contain("[Test/Client] adminPassword is a plain string: it would be written into the template in clear text.");
    expect(message).to.not.contain('Sup3rSecret!!');
  });

  it('says a missing admin password is missing (not that it is a plain string)', () => {
    for (const adminPassword of [undefined, null]) {
      const s = baseScenario();
      new WindowsVirtualMachine(s.stack, 'Client', { subnet: s.vnet.subnets[0], adminUsername: 'azureuser', adminPassword: adminPassword as never });
      const message = synthError(s);
      expect(message).to.contain(
        "[Test/Client] adminPassword is missing: a Windows virtual machine needs one. Declare a parameter with type 'securestring' (new Parameter(stack, 'adminPassword', { type: 'securestring' })) and pass it or its .value.",
      );
      expect(message).to.not.contain('plain string');
    }
  });

  it('refuses a reserved admin user name', () => {
    const s = baseScenario();
    new WindowsVirtualMachine(s.stack, 'Client', { subnet: s.vnet.subnets[0], adminUsername: 'Administrator', adminPassword: s.vmPassword });
    expect(synthError(s)).to.contain("[Test/Client/Resource] osProfile.adminUsername 'Administrator' is not allowed by Azure");
  });

  it('refuses a Gen1 image with Trusted Launch', () => {
    const s = baseScenario();
    new WindowsVirtualMachine(s.stack, 'Client', {
      subnet: s.vnet.subnets[0], adminUsername: 'azureuser', adminPassword: s.vmPassword,
      image: { publisher: 'MicrosoftWindowsServer', offer: 'WindowsServer', sku: '2019-Datacenter' },
    });
    expect(synthError(s)).to.contain("[Test/Client/Resource] imageReference.sku '2019-Datacenter' is a Generation 1 image, which cannot use Trusted Launch: use its Gen2 sku (e.g. '2019-datacenter-gensecond') or securityType 'Standard'.");
  });

  it('puts the RDP rule on a new NIC NSG when the subnet has none', () => {
    const s = baseScenario();
    const bare = s.vnet.addSubnet('bare', { addressPrefix: '10.0.2.0/24' });
    const vm = new WindowsVirtualMachine(s.stack, 'Client', { subnet: bare, adminUsername: 'azureuser', adminPassword: s.vmPassword, allowRdpFrom: '198.51.100.0/24' });
    expect(vm.nicSecurityGroup).to.not.equal(undefined);
    const template = JSON.parse(s.app.synth().files.get('Test.json')!);
    const nic = template.resources.find((r: any) => r.type === 'Microsoft.Network/networkInterfaces');
    expect(nic.properties.networkSecurityGroup).to.deep.equal({ id: "[resourceId('Microsoft.Network/networkSecurityGroups', 'nsg-client')]" });
    const nsg = template.resources.find((r: any) => r.name === 'nsg-client');
    expect(nsg.properties.securityRules[0].properties.sourceAddressPrefix).to.equal('198.51.100.0/24');
    expect(nic.dependsOn).to.include("[resourceId('Microsoft.Network/networkSecurityGroups', 'nsg-client')]");
  });
});

describe('L2 validation: network security group', () => {
  it('warns when RDP is opened to the whole internet', () => {
    const s = baseScenario();
    s.nsg.allowInbound('Rdp', { from: '*', port: 3389 });
    expect(s.app.synth().annotations).to.deep.include({
      level: 'warning', path: 'Test/Nsg',
      message: "security rule 'Rdp' opens port 3389 to the whole internet: restrict 'from' to your own address range (e.g. '203.0.113.7/32').",
    });
  });

  it('assigns increasing priorities and refuses duplicates per direction', () => {
    const s = baseScenario();
    s.nsg.allowInbound('A', { from: 'VirtualNetwork', port: 5432 });
    s.nsg.allowInbound('B', { from: 'VirtualNetwork', port: 443 });
    s.nsg.allowInbound('C', { from: 'VirtualNetwork', port: 80, priority: 110 });
    expect(s.nsg.resource.securityRules.map((r) => r.priority)).to.deep.equal([100, 110, 110]);
    expect(synthError(s)).to.contain("[Test/Nsg/Resource] security rule 'C' has priority 110, which inbound rule 'B' uses too: priorities must be unique per direction. Give one of them another priority.");
  });
});

describe('imports', () => {
  it('a subnet of an imported VNet renders resourceId with the resource group and creates no dependsOn', () => {
    const s = baseScenario();
    const hub = VirtualNetwork.fromVirtualNetworkName(s.stack, 'Hub', 'hub-vnet', { resourceGroupName: 'network-rg' });
    const subnet = Subnet.fromSubnetName(hub, 'shared');
    expect(Subnet.fromSubnetName(hub, 'shared')).to.equal(subnet);
    server(s).addPrivateEndpoint(subnet);
    const template = JSON.parse(s.app.synth().files.get('Test.json')!);
    const pe = template.resources.find((r: any) => r.type === 'Microsoft.Network/privateEndpoints');
    expect(pe.properties.subnet.id).to.equal("[resourceId('network-rg', 'Microsoft.Network/virtualNetworks/subnets', 'hub-vnet', 'shared')]");
    expect(pe.dependsOn.some((d: string) => d.includes('virtualNetworks'))).to.equal(false);
  });
});
