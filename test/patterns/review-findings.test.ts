/**
 * Locations, NSG attachment, warnings, VNet integration DNS, names and imports of the L2
 * constructs (the reviewer's findings on issue 3).
 */
import { expect } from 'chai';
import { Match, Template } from '../../lib/assertions/index.js';
import {
  NetworkSecurityGroup, Parameter, PostgresFlexibleServer, PrivateDnsZone, PrivateEndpoint, Subnet, VirtualNetwork, WindowsVirtualMachine,
} from '../../lib/index.js';
import { errorOf, templateOf } from '../support/synth.js';
import { baseScenario, fullScenario, server } from './scenario.js';
import { resourceOf, resourcesOf } from './support.js';

const SUB = '00000000-0000-0000-0000-000000000001';
const synthError = (s: { app: { synth(): unknown } }) => errorOf(() => s.app.synth());
const warningsOf = (s: { app: { synth(): { annotations: ReadonlyArray<{ level: string; path: string; message: string }> } } }) =>
  s.app.synth().annotations.filter((a) => a.level === 'warning');

describe('private endpoint location', () => {
  it("is the subnet's VNet region, not the server's", () => {
    const s = baseScenario();
    const vnet = new VirtualNetwork(s.stack, 'WestVnet', { addressSpace: ['10.8.0.0/16'], location: 'westeurope' });
    const subnet = vnet.addSubnet('pe', { addressPrefix: '10.8.1.0/24' });
    server(s, { location: 'northeurope' }).addPrivateEndpoint(subnet);
    const template = Template.fromStack(s.stack);
    template.hasResource('Microsoft.Network/privateEndpoints', { location: 'westeurope' });
    template.hasResource('Microsoft.DBforPostgreSQL/flexibleServers', { location: 'northeurope' });
  });

  it("of an imported VNet: the location option, else the stack's location", () => {
    const s = baseScenario();
    const hub = VirtualNetwork.fromVirtualNetworkName(s.stack, 'Hub', 'hub-vnet', { resourceGroupName: 'net-rg', location: 'swedencentral' });
    const other = VirtualNetwork.fromVirtualNetworkName(s.stack, 'Other', 'other-vnet', { resourceGroupName: 'net-rg' });
    expect(hub.location).to.equal('swedencentral');
    server(s, { location: 'northeurope' }).addPrivateEndpoint(Subnet.fromSubnetName(hub, 'shared'));
    server(s, { location: 'northeurope' }, 'Db2').addPrivateEndpoint(Subnet.fromSubnetName(other, 'shared'));
    const endpoints = resourcesOf(templateOf(s.app, 'Test'), 'Microsoft.Network/privateEndpoints');
    expect(endpoints.map((e: any) => [e.name, e.location])).to.deep.equal([['pe-db', 'swedencentral'], ['pe-db2', "[parameters('location')]"]]);
  });
});

describe('WindowsVirtualMachine: NSG and reachability', () => {
  const NIC = 'Microsoft.Network/networkInterfaces';

  it('attaches an NSG passed to the VM to its NIC, with the RDP rule in it', () => {
    const s = baseScenario();
    const bare = s.vnet.addSubnet('bare', { addressPrefix: '10.0.2.0/24' });
    const vmNsg = new NetworkSecurityGroup(s.stack, 'VmNsg');
    new WindowsVirtualMachine(s.stack, 'Client', {
      subnet: bare, adminUsername: 'azureuser', adminPassword: s.vmPassword, publicIp: true, networkSecurityGroup: vmNsg, allowRdpFrom: '203.0.113.7/32',
    });
    const template = Template.fromStack(s.stack);
    template.hasResourceProperties(NIC, { networkSecurityGroup: { id: "[resourceId('Microsoft.Network/networkSecurityGroups', 'nsg-vmnsg')]" } });
    template.hasResource('Microsoft.Network/networkSecurityGroups', {
      name: 'nsg-vmnsg', properties: { securityRules: [Match.objectLike({ properties: Match.objectLike({ sourceAddressPrefix: '203.0.113.7/32', destinationPortRange: '3389' }) })] },
    });
  });

  it("does not attach the NSG to the NIC when it is already the subnet's NSG", () => {
    const s = baseScenario();
    new WindowsVirtualMachine(s.stack, 'Client', {
      subnet: s.vnet.subnets[0], adminUsername: 'azureuser', adminPassword: s.vmPassword, publicIp: true, networkSecurityGroup: s.nsg, allowRdpFrom: '203.0.113.7/32',
    });
    expect(resourceOf(templateOf(s.app, 'Test'), NIC).properties).to.not.have.property('networkSecurityGroup');
  });

  it('attaches an imported NSG (another subscription) to the NIC', () => {
    const s = baseScenario();
    const shared = NetworkSecurityGroup.fromNetworkSecurityGroupName(s.stack, 'Shared', 'shared-nsg', { subscriptionId: SUB, resourceGroupName: 'net-rg' });
    new WindowsVirtualMachine(s.stack, 'Client', { subnet: s.vnet.subnets[0], adminUsername: 'azureuser', adminPassword: s.vmPassword, publicIp: true, networkSecurityGroup: shared });
    expect(resourceOf(templateOf(s.app, 'Test'), NIC).properties.networkSecurityGroup).to.deep.equal({
      id: `[resourceId('${SUB}', 'net-rg', 'Microsoft.Network/networkSecurityGroups', 'shared-nsg')]`,
    });
  });

  it('warns when allowRdpFrom admits an internet range but the VM has no public IP, and when the VM has no outbound path', () => {
    const s = baseScenario();
    new WindowsVirtualMachine(s.stack, 'Client', { subnet: s.vnet.subnets[0], adminUsername: 'azureuser', adminPassword: s.vmPassword, allowRdpFrom: '203.0.113.7/32' });
    expect(warningsOf(s)).to.deep.equal([
      {
        level: 'warning', path: 'Test/Client',
        message: "allowRdpFrom admits RDP from '203.0.113.7/32', but the VM has no public IP, so connections from the internet cannot reach it and the rule is useless: " +
          'set publicIp: true, or reach the VM privately (Azure Bastion, VPN, peering) and allow RDP from that private range instead.',
      },
      {
        level: 'warning', path: 'Test/Client',
        message: "the VM has no outbound internet access: subnet 'endpoints' is private (defaultOutboundAccess: false, the default from Network api 2025-07-01) and the VM has no public IP, " +
          'so Windows activation, updates and extensions cannot reach the internet. Set publicIp: true, or defaultOutboundAccess: true on the subnet, or give the subnet a NAT gateway.',
      },
    ]);
  });

  it('does not warn about RDP from a private range, nor about outbound access when the subnet has it', () => {
    const s = baseScenario();
    const open = s.vnet.addSubnet('open', { addressPrefix: '10.0.2.0/24', defaultOutboundAccess: true, networkSecurityGroup: s.nsg });
    new WindowsVirtualMachine(s.stack, 'Client', { subnet: open, adminUsername: 'azureuser', adminPassword: s.vmPassword, allowRdpFrom: '10.10.0.0/16' });
    expect(warningsOf(s)).to.deep.equal([]);
  });

  it('the full scenario (public IP, RDP from the operator) has no warnings', () => {
    const s = fullScenario();
    expect(s.app.synth().annotations).to.deep.equal([]);
  });

  it("defaults to vmSize 'Standard_D2s_v3' (in the published Microsoft.Compute schema), and takes another size", () => {
    const s = baseScenario();
    new WindowsVirtualMachine(s.stack, 'Client', { subnet: s.vnet.subnets[0], adminUsername: 'azureuser', adminPassword: s.vmPassword, publicIp: true });
    new WindowsVirtualMachine(s.stack, 'Big', { subnet: s.vnet.subnets[0], adminUsername: 'azureuser', adminPassword: s.vmPassword, publicIp: true, vmSize: 'Standard_D4s_v3' });
    const sizes = resourcesOf(templateOf(s.app, 'Test'), 'Microsoft.Compute/virtualMachines').map((vm: any) => vm.properties.hardwareProfile.vmSize);
    expect(sizes).to.deep.equal(['Standard_D2s_v3', 'Standard_D4s_v3']);
  });
});

describe('VirtualNetwork: address space from a parameter', () => {
  it('skips ranges known only at deployment time, and still checks the literal ones', () => {
    const s = baseScenario();
    const space = new Parameter(s.stack, 'spokeAddressSpace', { type: 'string', defaultValue: '10.9.0.0/16' });
    const spoke = new VirtualNetwork(s.stack, 'Spoke', { addressSpace: [space.valueAsString] });
    spoke.addSubnet('a', { addressPrefix: '10.9.1.0/24' });
    expect(resourcesOf(templateOf(s.app, 'Test'), 'Microsoft.Network/virtualNetworks').find((v: any) => v.name === 'vnet-spoke').properties.addressSpace)
      .to.deep.equal({ addressPrefixes: ["[parameters('spokeAddressSpace')]"] });

    const t = baseScenario();
    const p = new Parameter(t.stack, 'extra', { type: 'string' });
    const mixed = new VirtualNetwork(t.stack, 'Mixed', { addressSpace: ['10.20.0.0/16', p.valueAsString] });
    mixed.addSubnet('a', { addressPrefix: '10.20.1.0/24' });
    mixed.addSubnet('b', { addressPrefix: '10.20.1.128/25' });
    const message = synthError(t);
    expect(message).to.contain("[Test/Mixed] subnet 'b' (10.20.1.128/25) overlaps subnet 'a' (10.20.1.0/24)");
    expect(message).to.not.contain('addressSpace:');
    expect(message).to.match(/^Synthesis found 1 problem:/);
  });
});

describe('PostgresFlexibleServer: VNet integration', () => {
  function integrated(zoneName: string) {
    const s = baseScenario();
    const delegated = s.vnet.addSubnet('db', { addressPrefix: '10.0.2.0/24', delegations: ['Microsoft.DBforPostgreSQL/flexibleServers'] });
    const zone = new PrivateDnsZone(s.stack, 'Zone', { zoneName });
    const db = server(s, { vnetIntegration: { delegatedSubnet: delegated, privateDnsZone: zone } });
    return { s, db, zone };
  }

  it('links the private DNS zone to the VNet (registration disabled), and the server depends on the link', () => {
    const { s, db, zone } = integrated('private.postgres.database.azure.com');
    const template = Template.fromStack(s.stack);
    template.resourceCountIs('Microsoft.Network/privateDnsZones/virtualNetworkLinks', 1);
    template.hasResourceProperties('Microsoft.Network/privateDnsZones/virtualNetworkLinks', {
      registrationEnabled: false, virtualNetwork: { id: "[resourceId('Microsoft.Network/virtualNetworks', 'vnet')]" },
    });
    const link = zone.node.findAll().find((c) => c.node.id === 'Link-Vnet')!;
    template.dependsOn(db.resource, link, { kind: 'ordering' });
    expect(template.dependenciesOf(db.resource).find((d) => d.kind === 'ordering')?.reason).to.equal('a VNet-integrated server needs its private DNS zone linked to the VNet');
  });

  it('refuses a zone name that does not end with .postgres.database.azure.com, accepts sovereign-cloud suffixes', () => {
    const { s } = integrated('db.contoso.internal');
    expect(synthError(s)).to.contain(
      "[Test/Db] vnetIntegration.privateDnsZone 'db.contoso.internal' does not end with .postgres.database.azure.com, so Azure refuses it for a VNet-integrated server: " +
        "use a zone such as 'private.postgres.database.azure.com' (sovereign clouds: '….postgres.database.usgovcloudapi.net', '….postgres.database.chinacloudapi.cn').",
    );
    expect(() => integrated('private.postgres.database.usgovcloudapi.net').s.app.synth()).to.not.throw();
  });
});

describe('PostgresFlexibleServer: names, warnings, authentication', () => {
  it('names default private endpoints pe-<server>, pe-<server>-2, ... so two servers do not collide', () => {
    const s = baseScenario();
    for (const id of ['Orders', 'Billing']) {
      const db = server(s, {}, id);
      db.addPrivateEndpoint(s.vnet.subnets[0]);
      db.addPrivateEndpoint(s.vnet.subnets[0]);
    }
    const names = resourcesOf(templateOf(s.app, 'Test'), 'Microsoft.Network/privateEndpoints').map((e: any) => e.name);
    expect(names).to.deep.equal(['pe-orders', 'pe-orders-2', 'pe-billing', 'pe-billing-2']);
  });

  it('warns about firewall rules for any Azure service and for the whole internet', () => {
    const s = baseScenario();
    server(s, { publicNetworkAccess: true, firewallRules: { AllowAzure: { startIpAddress: '0.0.0.0' }, Everyone: { startIpAddress: '0.0.0.0', endIpAddress: '255.255.255.255' } } });
    expect(warningsOf(s).map((w) => `[${w.path}] ${w.message}`)).to.deep.equal([
      "[Test/Db] firewall rule 'AllowAzure' (0.0.0.0-0.0.0.0) admits every Azure service, including resources of other Azure customers: admit the public addresses of your own services instead, or connect through a private endpoint.",
      "[Test/Db] firewall rule 'Everyone' (0.0.0.0-255.255.255.255) admits the whole internet: admit only your own address range (e.g. startIpAddress '203.0.113.7'), or connect through a private endpoint.",
    ]);
  });

  it('refuses a firewall rule address that is not IPv4', () => {
    const s = baseScenario();
    server(s, { publicNetworkAccess: true, firewallRules: { Office: { startIpAddress: '203.0.113.999' } } });
    expect(synthError(s)).to.contain(
      "[Test/Db/Resource/FirewallRule-Office] startIpAddress '203.0.113.999' is not valid for Microsoft.DBforPostgreSQL/flexibleServers/firewallRules: use an IPv4 address, e.g. 203.0.113.10.",
    );
  });

  it("warns that version '13' is in paid extended support", () => {
    const s = baseScenario();
    server(s, { version: '13' }).addPrivateEndpoint(s.vnet.subnets[0]);
    expect(warningsOf(s)).to.deep.equal([{
      level: 'warning', path: 'Test/Db',
      message: "version '13' is in paid extended support since 31 March 2026 (extra charges per vCore until its retirement): use version '16' or '17', or plan the major version upgrade.",
    }]);
  });

  it('reports a missing administratorLogin when only the password is given', () => {
    const s = baseScenario();
    server(s, { administratorLogin: undefined }).addPrivateEndpoint(s.vnet.subnets[0]);
    const message = synthError(s);
    expect(message).to.contain(
      '[Test/Db] administratorPassword is set but administratorLogin is missing: set administratorLogin (the administrator\'s user name; it cannot be changed later), ' +
        'or remove administratorPassword and use Microsoft Entra authentication (entraAuthentication: true with addAdministrator()).',
    );
    expect(message).to.not.contain('both password and Microsoft Entra authentication are disabled');
  });
});

describe('NetworkSecurityGroup: internet exposure and addresses', () => {
  it("warns when a port range or '*' opens RDP or SSH to the internet", () => {
    const s = baseScenario();
    s.nsg.allowInbound('AllPorts', { from: 'Internet', port: '*' });
    s.nsg.allowInbound('Range', { from: '*', port: '3000-4000' });
    s.nsg.allowInbound('Web', { from: '*', port: 443 });
    s.nsg.allowInbound('Dns', { from: '*', port: '1-100', protocol: 'Udp' });
    expect(warningsOf(s).map((w) => `[${w.path}] ${w.message}`)).to.deep.equal([
      "[Test/Nsg] security rule 'AllPorts' opens ports * (including 22 and 3389) to the whole internet: restrict 'from' to your own address range (e.g. '203.0.113.7/32').",
      "[Test/Nsg] security rule 'Range' opens ports 3000-4000 (including 3389) to the whole internet: restrict 'from' to your own address range (e.g. '203.0.113.7/32').",
    ]);
  });

  it('refuses a literal source address that is not IPv4', () => {
    const s = baseScenario();
    s.nsg.allowInbound('Office', { from: '203.0.113.999', port: 443 });
    expect(synthError(s)).to.contain("[Test/Nsg] security rule 'Office': '203.0.113.999' is not an IPv4 address: each of a.b.c.d must be 0-255 (e.g. '203.0.113.7').");
  });
});

describe('imports in other subscriptions, and import mistakes', () => {
  it('fromZoneName and fromVirtualNetworkName take subscriptionId with resourceGroupName', () => {
    const s = baseScenario();
    const zone = PrivateDnsZone.fromZoneName(s.stack, 'Zone', 'privatelink.postgres.database.azure.com', { subscriptionId: SUB, resourceGroupName: 'dns-rg' });
    const hub = VirtualNetwork.fromVirtualNetworkName(s.stack, 'Hub', 'hub-vnet', { subscriptionId: SUB, resourceGroupName: 'net-rg' });
    server(s).addPrivateEndpoint(Subnet.fromSubnetName(hub, 'shared'), { dns: { zone } });
    const t = templateOf(s.app, 'Test');
    const pe = resourceOf(t, 'Microsoft.Network/privateEndpoints');
    expect(pe.properties.subnet.id).to.equal(`[resourceId('${SUB}', 'net-rg', 'Microsoft.Network/virtualNetworks/subnets', 'hub-vnet', 'shared')]`);
    expect(resourceOf(t, 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups').properties.privateDnsZoneConfigs[0].properties.privateDnsZoneId)
      .to.equal(`[resourceId('${SUB}', 'dns-rg', 'Microsoft.Network/privateDnsZones', 'privatelink.postgres.database.azure.com')]`);
  });

  it('a private endpoint to a server in another subscription', () => {
    const s = baseScenario();
    const legacy = PostgresFlexibleServer.fromServerName(s.stack, 'Legacy', 'legacy-pg', { subscriptionId: SUB, resourceGroupName: 'data-rg' });
    new PrivateEndpoint(s.stack, 'LegacyPe', { subnet: s.vnet.subnets[0], target: { resourceId: legacy.serverId, groupId: 'postgresqlServer' }, dns: { mode: 'none' } });
    expect(resourceOf(templateOf(s.app, 'Test'), 'Microsoft.Network/privateEndpoints').properties.privateLinkServiceConnections[0].properties.privateLinkServiceId)
      .to.equal(`[resourceId('${SUB}', 'data-rg', 'Microsoft.DBforPostgreSQL/flexibleServers', 'legacy-pg')]`);
  });

  it('Subnet.fromSubnetName then addSubnet with the same name: an azcdk error that says what to do', () => {
    const s = baseScenario();
    Subnet.fromSubnetName(s.vnet, 'apps');
    expect(errorOf(() => s.vnet.addSubnet('apps', { addressPrefix: '10.0.5.0/24' }))).to.equal(
      "[Test/Vnet] subnet 'apps' was imported with Subnet.fromSubnetName before addSubnet('apps') declared it: call addSubnet first and use the handle it returns (or vnet.subnets) instead of importing a subnet of a VNet declared in this app.",
    );
  });

  it('a private endpoint in a delegated subnet is reported at synthesis, with the other problems', () => {
    const s = baseScenario();
    const delegated = s.vnet.addSubnet('db', { addressPrefix: '10.0.2.0/24', delegations: ['Microsoft.DBforPostgreSQL/flexibleServers'] });
    server(s, { storageSizeGb: 100 }).addPrivateEndpoint(delegated);
    const message = synthError(s);
    expect(message).to.match(/^Synthesis found 2 problems:/);
    expect(message).to.contain(
      "[Test/Db/PrivateEndpoint] subnet 'db' is delegated to Microsoft.DBforPostgreSQL/flexibleServers; private endpoints cannot be placed in a delegated subnet. Use a subnet without delegations.",
    );
    expect(message).to.contain('[Test/Db/Resource] storage.storageSizeGB 100 is not a size Azure offers');
  });
});
