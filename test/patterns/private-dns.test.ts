/**
 * Private DNS that could never resolve, endpoints to one server (serialized, one zone each), and
 * VNet link names (the audit of the private link patterns).
 */
import { expect } from 'chai';
import { Match, Template } from '../../lib/assertions/index.js';
import { Construct } from 'constructs';
import { App, Parameter, PostgresFlexibleServer, PrivateDnsZone, PrivateEndpoint, Stack, Subnet, VirtualNetwork } from '../../lib/index.js';
import { errorOf, templateOf } from '../support/synth.js';
import { baseScenario, server, type Scenario } from './scenario.js';
import { resourcesOf, SERVER_IS_BUSY } from './support.js';

const ENDPOINT = 'Microsoft.Network/privateEndpoints';
const LINK = 'Microsoft.Network/privateDnsZones/virtualNetworkLinks';
const ZONE = 'privatelink.postgres.database.azure.com';
const synthError = (s: { app: App }) => errorOf(() => s.app.synth());
const warningsOf = (s: { app: App }) => s.app.synth().annotations.filter((a) => a.level === 'warning');

/**
 * `from` deploys after `on` by ordering edges, all with `reason`, and has no other ordering edge.
 * (An edge to an endpoint covers its zone group too, a child in the construct tree: one reason, two edges.)
 */
function expectOrderedAfter(template: Template, from: PrivateEndpoint['resource'], on: PrivateEndpoint['resource'] | Construct, reason: string): void {
  template.dependsOn(from, on, { kind: 'ordering', reason });
  const reasons = template.dependenciesOf(from).filter((e) => e.kind === 'ordering').map((e) => e.reason);
  expect([...new Set(reasons)], 'reasons of its ordering edges').to.deep.equal([reason]);
}

/** A second VNet (10.1.0.0/16) with subnet 'endpoints' in the scenario's stack. */
function secondVnet(s: Scenario, id = 'Vnet2', scope: Construct = s.stack) {
  return new VirtualNetwork(scope, id, { addressSpace: ['10.1.0.0/16'] }).addSubnet('endpoints', { addressPrefix: '10.1.1.0/24' });
}

describe('private DNS zones that can never resolve', () => {
  it('refuses a declared zone whose name is not the privatelink zone of the group id, and says which to use', () => {
    const s = baseScenario();
    const zone = new PrivateDnsZone(s.stack, 'Z', { zoneName: 'private.postgres.database.azure.com' });
    server(s).addPrivateEndpoint(s.vnet.subnets[0], { dns: { zone } });
    expect(synthError(s)).to.contain(
      "[Test/Db/PrivateEndpoint] dns.zone 'private.postgres.database.azure.com' is not the private link zone of group id 'postgresqlServer': " +
        "the target's public name is a CNAME into privatelink.postgres.database.azure.com, so clients never look up records in 'private.postgres.database.azure.com' and keep resolving the public address. " +
        "Use a zone named 'privatelink.postgres.database.azure.com' (or leave dns.zone unset for the stack's zone); " +
        "in sovereign clouds 'privatelink.postgres.database.usgovcloudapi.net', 'privatelink.postgres.database.chinacloudapi.cn'.",
    );
  });

  it('refuses an imported zone of the wrong name too, in aRecord mode as well', () => {
    const s = baseScenario();
    const imported = PrivateDnsZone.fromZoneName(s.stack, 'Central', 'postgres.contoso.internal', { resourceGroupName: 'dns-rg' });
    const declared = new PrivateDnsZone(s.stack, 'Own', { zoneName: 'db.contoso.internal' });
    server(s, {}, 'Orders').addPrivateEndpoint(s.vnet.subnets[0], { dns: { zone: imported, linkVirtualNetwork: false } });
    server(s, {}, 'Billing').addPrivateEndpoint(s.vnet.subnets[0], { dns: { zone: declared, mode: 'aRecord' } });
    const message = synthError(s);
    expect(message).to.contain("[Test/Orders/PrivateEndpoint] dns.zone 'postgres.contoso.internal' is not the private link zone of group id 'postgresqlServer'");
    expect(message).to.contain("[Test/Billing/PrivateEndpoint] dns.zone 'db.contoso.internal' is not the private link zone of group id 'postgresqlServer'");
  });

  it('accepts the privatelink zone in any letter case, the sovereign-cloud zones, names known at deployment, and zones of unknown group ids', () => {
    const s = baseScenario();
    const subnet = s.vnet.subnets[0];
    const zoneParam = new Parameter(s.stack, 'zoneName', { type: 'string' });
    server(s, {}, 'A').addPrivateEndpoint(subnet, { dns: { zone: new PrivateDnsZone(s.stack, 'Upper', { zoneName: 'PrivateLink.Postgres.Database.Azure.com' }) } });
    server(s, {}, 'B').addPrivateEndpoint(subnet, { dns: { zone: PrivateDnsZone.fromZoneName(s.stack, 'Gov', 'privatelink.postgres.database.usgovcloudapi.net', { resourceGroupName: 'dns' }), linkVirtualNetwork: false } });
    server(s, {}, 'C').addPrivateEndpoint(subnet, { dns: { zone: PrivateDnsZone.fromZoneName(s.stack, 'Param', zoneParam.value, { resourceGroupName: 'dns' }), linkVirtualNetwork: false } });
    new PrivateEndpoint(s.stack, 'Vault', {
      subnet, target: { resourceId: '/subscriptions/x/resourceGroups/y/providers/Microsoft.KeyVault/vaults/z', groupId: 'vault' },
      dns: { zone: new PrivateDnsZone(s.stack, 'VaultZone', { zoneName: 'privatelink.vaultcore.azure.net' }) },
    });
    expect(() => s.app.synth()).to.not.throw();
  });

  it('warns that an imported zone must be linked to a VNet declared here by its owner, and creates no link', () => {
    const s = baseScenario();
    const zone = PrivateDnsZone.fromZoneName(s.stack, 'Central', ZONE, { resourceGroupName: 'dns-rg' });
    server(s).addPrivateEndpoint(s.vnet.subnets[0], { dns: { zone } });
    expect(warningsOf(s)).to.deep.equal([{
      level: 'warning', path: 'Test/Db/PrivateEndpoint',
      message: "the private DNS zone 'privatelink.postgres.database.azure.com' is imported, so azcdk does not link it to the virtual network 'vnet' (Test/Vnet): " +
        "until the zone's owner links that VNet (registration disabled), clients in it resolve the public address instead of the private endpoint. " +
        "Ask the zone's owner to link the VNet, or declare the zone with new PrivateDnsZone if this template owns it; set dns.linkVirtualNetwork: false once the link exists.",
    }]);
    Template.fromStack(s.stack).resourceCountIs(LINK, 0);
  });

  it('does not warn about the link with dns.linkVirtualNetwork: false, nor for an imported VNet (its links are managed where it is)', () => {
    const s = baseScenario();
    const zone = PrivateDnsZone.fromZoneName(s.stack, 'Central', ZONE, { resourceGroupName: 'dns-rg' });
    server(s, {}, 'Orders').addPrivateEndpoint(s.vnet.subnets[0], { dns: { zone, linkVirtualNetwork: false } });
    const hub = VirtualNetwork.fromVirtualNetworkName(s.stack, 'Hub', 'hub-vnet', { resourceGroupName: 'net-rg' });
    server(s, {}, 'Billing').addPrivateEndpoint(Subnet.fromSubnetName(hub, 'endpoints'), { dns: { zone } });
    expect(warningsOf(s)).to.deep.equal([]);
  });

  it('warns once per VNet and zone that custom DNS servers must forward to 168.63.129.16', () => {
    const s = baseScenario();
    const dnsIp = new Parameter(s.stack, 'dnsIp', { type: 'string' });
    const vnet = new VirtualNetwork(s.stack, 'Spoke', { addressSpace: ['10.1.0.0/16'], dnsServers: ['10.1.0.4', dnsIp.value] });
    const subnet = vnet.addSubnet('endpoints', { addressPrefix: '10.1.1.0/24' });
    server(s, {}, 'Orders').addPrivateEndpoint(subnet);
    server(s, {}, 'Billing').addPrivateEndpoint(subnet);
    expect(warningsOf(s)).to.deep.equal([{
      level: 'warning', path: 'Test/Spoke',
      message: 'uses custom DNS servers (10.1.0.4, a value known at deployment time) and holds the private endpoint Test/Orders/PrivateEndpoint: ' +
        "clients in it resolve the endpoint's target to its private IP only if those servers forward queries for the private DNS zone 'privatelink.postgres.database.azure.com' (or all queries) to Azure DNS at 168.63.129.16 from a VNet linked to the zone. " +
        'Configure that forwarder (or an Azure DNS Private Resolver), or remove dnsServers to use Azure-provided DNS.',
    }]);
  });

  it('does not warn about DNS servers that are Azure DNS itself, nor with dns.mode none', () => {
    const s = baseScenario();
    const azureDns = new VirtualNetwork(s.stack, 'A', { addressSpace: ['10.1.0.0/16'], dnsServers: ['168.63.129.16'] }).addSubnet('e', { addressPrefix: '10.1.1.0/24' });
    const custom = new VirtualNetwork(s.stack, 'B', { addressSpace: ['10.2.0.0/16'], dnsServers: ['10.2.0.4'] }).addSubnet('e', { addressPrefix: '10.2.1.0/24' });
    server(s, {}, 'Orders').addPrivateEndpoint(azureDns);
    server(s, {}, 'Billing').addPrivateEndpoint(custom, { dns: { mode: 'none' } });
    expect(warningsOf(s)).to.deep.equal([]);
  });
});

describe('the private DNS zone of a VNet-integrated server', () => {
  const DELEGATION = 'Microsoft.DBforPostgreSQL/flexibleServers';
  const VNET_ZONE = 'private.postgres.database.azure.com';

  it('warns that an imported zone must be linked to the delegated subnet\'s VNet by its owner, and creates no link', () => {
    const s = baseScenario();
    const delegated = s.vnet.addSubnet('db', { addressPrefix: '10.0.2.0/24', delegations: [DELEGATION] });
    const zone = PrivateDnsZone.fromZoneName(s.stack, 'Central', VNET_ZONE, { resourceGroupName: 'dns-rg' });
    server(s, { vnetIntegration: { delegatedSubnet: delegated, privateDnsZone: zone } });
    expect(warningsOf(s)).to.deep.equal([{
      level: 'warning', path: 'Test/Db',
      message: `the private DNS zone '${VNET_ZONE}' is imported, so azcdk does not link it to the virtual network 'vnet' (Test/Vnet): ` +
        "until the zone's owner links that VNet (registration disabled), clients in it cannot resolve the server's name (a VNet-integrated server has no public address). " +
        "Ask the zone's owner to link the VNet, or declare the zone with new PrivateDnsZone if this template owns it; set vnetIntegration.linkVirtualNetwork: false once the link exists.",
    }]);
    Template.fromStack(s.stack).resourceCountIs(LINK, 0);
  });

  it('does not warn with vnetIntegration.linkVirtualNetwork: false, which also leaves a declared zone unlinked', () => {
    const s = baseScenario();
    const delegated = s.vnet.addSubnet('db', { addressPrefix: '10.0.2.0/24', delegations: [DELEGATION] });
    const imported = PrivateDnsZone.fromZoneName(s.stack, 'Central', VNET_ZONE, { resourceGroupName: 'dns-rg' });
    server(s, { vnetIntegration: { delegatedSubnet: delegated, privateDnsZone: imported, linkVirtualNetwork: false } });
    const declared = new PrivateDnsZone(s.stack, 'Own', { zoneName: 'billing.postgres.database.azure.com' });
    const delegated2 = s.vnet.addSubnet('db2', { addressPrefix: '10.0.3.0/24', delegations: [DELEGATION] });
    const billing = server(s, { vnetIntegration: { delegatedSubnet: delegated2, privateDnsZone: declared, linkVirtualNetwork: false } }, 'Billing');
    expect(warningsOf(s)).to.deep.equal([]);
    const template = Template.fromStack(s.stack);
    template.resourceCountIs(LINK, 0);
    expect(template.dependenciesOf(billing.resource).filter((e) => e.kind === 'ordering')).to.deep.equal([]);
  });

  it('warns that custom DNS servers of the delegated subnet\'s VNet must forward to 168.63.129.16', () => {
    const s = baseScenario();
    const vnet = new VirtualNetwork(s.stack, 'Spoke', { addressSpace: ['10.1.0.0/16'], dnsServers: ['10.1.0.4'] });
    const delegated = vnet.addSubnet('db', { addressPrefix: '10.1.2.0/24', delegations: [DELEGATION] });
    server(s, { vnetIntegration: { delegatedSubnet: delegated, privateDnsZone: new PrivateDnsZone(s.stack, 'Zone', { zoneName: VNET_ZONE }) } });
    expect(warningsOf(s)).to.deep.equal([{
      level: 'warning', path: 'Test/Spoke',
      message: 'uses custom DNS servers (10.1.0.4) and holds the VNet-integrated server Test/Db: ' +
        `clients in it resolve the server's name only if those servers forward queries for the private DNS zone '${VNET_ZONE}' (or all queries) to Azure DNS at 168.63.129.16 from a VNet linked to the zone. ` +
        'Configure that forwarder (or an Azure DNS Private Resolver), or remove dnsServers to use Azure-provided DNS.',
    }]);
  });
});

describe('private endpoints to one server', () => {
  it('serializes endpoints to an imported server, with the ServerIsBusy reason (two PrivateEndpoints, two imports of one server)', () => {
    const s = baseScenario();
    const legacy = PostgresFlexibleServer.fromServerName(s.stack, 'Legacy', 'legacy-pg', { resourceGroupName: 'data-rg' });
    const again = PostgresFlexibleServer.fromServerName(s.stack, 'LegacyAgain', 'Legacy-PG', { resourceGroupName: 'data-rg' });
    const subnet2 = secondVnet(s);
    const first = new PrivateEndpoint(s.stack, 'A', { subnet: s.vnet.subnets[0], target: { resourceId: legacy.serverId, groupId: 'postgresqlServer' } });
    const second = new PrivateEndpoint(s.stack, 'B', { subnet: subnet2, target: { resourceId: `${again.serverId}`, groupId: 'postgresqlServer' } });
    const template = Template.fromStack(s.stack);
    template.hasResource(ENDPOINT, { name: 'pe-a', dependsOn: ["[resourceId('Microsoft.Network/virtualNetworks', 'vnet')]"] });
    template.hasResource(ENDPOINT, {
      name: 'pe-b',
      dependsOn: [
        "[resourceId('Microsoft.Network/privateEndpoints', 'pe-a')]",
        "[resourceId('Microsoft.Network/privateEndpoints/privateDnsZoneGroups', 'pe-a', 'default')]",
        "[resourceId('Microsoft.Network/virtualNetworks', 'vnet2')]",
      ],
    });
    expectOrderedAfter(template, second.resource, first.resource, SERVER_IS_BUSY);
    expect(template.dependenciesOf(first.resource).filter((e) => e.kind === 'ordering')).to.deep.equal([]);
  });

  it('an imported server has addPrivateEndpoint: pe-<id>, pe-<id>-2, ... chained one after another', () => {
    const s = baseScenario();
    const legacy = PostgresFlexibleServer.fromServerName(s.stack, 'Legacy', 'legacy-pg', { resourceGroupName: 'data-rg' });
    const first = legacy.addPrivateEndpoint(s.vnet.subnets[0]);
    const second = legacy.addPrivateEndpoint(secondVnet(s), { dns: { mode: 'none' } });
    const template = Template.fromStack(s.stack);
    template.hasResource(ENDPOINT, {
      name: 'pe-legacy',
      properties: {
        privateLinkServiceConnections: [{ properties: { privateLinkServiceId: "[resourceId('data-rg', 'Microsoft.DBforPostgreSQL/flexibleServers', 'legacy-pg')]", groupIds: ['postgresqlServer'] } }],
      },
    });
    template.hasResource(ENDPOINT, { name: 'pe-legacy-2' });
    expect(first.node.path).to.equal('Test/Legacy/PrivateEndpoint');
    expectOrderedAfter(template, second.resource, first.resource, SERVER_IS_BUSY);
  });

  it('a declared server: its last child, then each endpoint after the previous one (addPrivateEndpoint and new PrivateEndpoint alike)', () => {
    const s = baseScenario();
    const db = server(s);
    const app = db.addDatabase('app');
    const own = db.addPrivateEndpoint(s.vnet.subnets[0]);
    const direct = new PrivateEndpoint(s.stack, 'Direct', { subnet: secondVnet(s), target: { resourceId: db.serverId, groupId: 'postgresqlServer' }, dns: { mode: 'none' } });
    const template = Template.fromStack(s.stack);
    expectOrderedAfter(template, own.resource, app, SERVER_IS_BUSY);
    expectOrderedAfter(template, direct.resource, own.resource, SERVER_IS_BUSY);
  });

  it('PrivateEndpoint.targeting lists the endpoints to a server in construct tree order, including those added after an earlier call', () => {
    const s = baseScenario();
    const legacy = PostgresFlexibleServer.fromServerName(s.stack, 'Legacy', 'legacy-pg', { resourceGroupName: 'data-rg' });
    const group = new Construct(s.stack, 'Group');
    const target = { resourceId: legacy.serverId, groupId: 'postgresqlServer' };
    const other = { resourceId: server(s).serverId, groupId: 'postgresqlServer' };
    new PrivateEndpoint(s.stack, 'Late', { subnet: s.vnet.subnets[0], target, dns: { mode: 'none' } });
    new PrivateEndpoint(s.stack, 'Elsewhere', { subnet: s.vnet.subnets[0], target: other, dns: { mode: 'none' } });
    expect(PrivateEndpoint.targeting(s.stack, legacy.serverId).map((e) => e.node.path)).to.deep.equal(['Test/Late']);
    new PrivateEndpoint(group, 'Early', { subnet: s.vnet.subnets[0], target, dns: { mode: 'none' } });
    expect(PrivateEndpoint.targeting(s.stack, `${legacy.serverId}`).map((e) => e.node.path)).to.deep.equal(['Test/Group/Early', 'Test/Late']);
  });

  it('endpoints to two different servers are not ordered against each other', () => {
    const s = baseScenario();
    const a = PostgresFlexibleServer.fromServerName(s.stack, 'A', 'pg-a', { resourceGroupName: 'data-rg' }).addPrivateEndpoint(s.vnet.subnets[0]);
    const b = PostgresFlexibleServer.fromServerName(s.stack, 'B', 'pg-a', { resourceGroupName: 'other-rg' }).addPrivateEndpoint(s.vnet.subnets[0]);
    const template = Template.fromStack(s.stack);
    for (const endpoint of [a, b]) expect(template.dependenciesOf(endpoint.resource).filter((e) => e.kind === 'ordering')).to.deep.equal([]);
  });

  it('warns when two endpoints to one server register in one zone (the same A record), not when each has its own zone', () => {
    const s = baseScenario();
    const db = server(s);
    db.addPrivateEndpoint(s.vnet.subnets[0]);
    db.addPrivateEndpoint(secondVnet(s));
    expect(warningsOf(s)).to.deep.equal([{
      level: 'warning', path: 'Test/Db/PrivateEndpoint2',
      message: "connects to the same target as Test/Db/PrivateEndpoint (group id 'postgresqlServer') and registers in the same private DNS zone 'privatelink.postgres.database.azure.com': " +
        "both write the A record of the target's name, so the endpoint deployed last wins and clients may resolve the other endpoint's IP. " +
        "Use one private endpoint per target per DNS zone (VNets peered with the endpoint's VNet and linked to the zone reach it too), " +
        "or give each endpoint its own zone (dns.zone: a zone of the same name in another resource group, PrivateDnsZone.fromZoneName) linked only to that endpoint's VNet.",
    }]);

    const separate = baseScenario();
    const other = server(separate);
    other.addPrivateEndpoint(separate.vnet.subnets[0]);
    other.addPrivateEndpoint(secondVnet(separate), {
      dns: { zone: PrivateDnsZone.fromZoneName(separate.stack, 'Zone2', ZONE, { resourceGroupName: 'dns-vnet2' }), linkVirtualNetwork: false },
    });
    expect(warningsOf(separate)).to.deep.equal([]);
  });
});

describe('VNet links of a private DNS zone', () => {
  it('two VNets with the same construct id under different parents get two links, named after each VNet', () => {
    const s = baseScenario();
    const east = secondVnet(s, 'Net', new Construct(s.stack, 'East'));
    const westNet = new VirtualNetwork(new Construct(s.stack, 'West'), 'Net', { name: 'west-net', addressSpace: ['10.2.0.0/16'] });
    server(s, {}, 'Orders').addPrivateEndpoint(east);
    server(s, {}, 'Billing').addPrivateEndpoint(westNet.addSubnet('endpoints', { addressPrefix: '10.2.1.0/24' }));
    const links = resourcesOf(templateOf(s.app, 'Test'), LINK);
    expect(links.map((l: any) => [l.name, l.properties.virtualNetwork.id])).to.deep.equal([
      [`${ZONE}/link-vnet-net`, "[resourceId('Microsoft.Network/virtualNetworks', 'vnet-net')]"],
      [`${ZONE}/link-west-net`, "[resourceId('Microsoft.Network/virtualNetworks', 'west-net')]"],
    ]);
    const zone = PrivateDnsZone.forZoneName(s.stack, ZONE);
    expect(zone.resource.node.children.map((c) => c.node.id)).to.deep.equal(['Link-East-Net', 'Link-West-Net']);
  });

  it('a link name follows a VNet name known at deployment, and literal names that clash get -2', () => {
    const s = baseScenario();
    const vnetName = new Parameter(s.stack, 'vnetName', { type: 'string' });
    const zone = new PrivateDnsZone(s.stack, 'Zone', { zoneName: ZONE });
    zone.linkVirtualNetwork(new VirtualNetwork(s.stack, 'Param', { name: vnetName.value, addressSpace: ['10.1.0.0/16'] }));
    zone.linkVirtualNetwork(VirtualNetwork.fromVirtualNetworkName(s.stack, 'HubA', 'hub', { resourceGroupName: 'rg-a' }));
    zone.linkVirtualNetwork(VirtualNetwork.fromVirtualNetworkName(s.stack, 'HubB', 'HUB', { resourceGroupName: 'rg-b' }));
    expect(resourcesOf(templateOf(s.app, 'Test'), LINK).map((l: any) => l.name)).to.deep.equal([
      `[format('${ZONE}/{0}', format('link-{0}', parameters('vnetName')))]`,
      `${ZONE}/link-hub`,
      `${ZONE}/link-HUB-2`,
    ]);
  });

  it('two stacks of one resource group link their own VNets under different names', () => {
    const app = new App();
    const stacks = ['Orders', 'Billing'].map((stackName) => {
      const stack = new Stack(app, stackName);
      const vnet = new VirtualNetwork(stack, 'Vnet', { name: `${stackName.toLowerCase()}-vnet`, addressSpace: ['10.0.0.0/16'] });
      new PrivateEndpoint(stack, 'Pe', {
        subnet: vnet.addSubnet('e', { addressPrefix: '10.0.1.0/24' }),
        target: { resourceId: PostgresFlexibleServer.fromServerName(stack, 'Db', 'shared-pg').serverId, groupId: 'postgresqlServer' },
      });
      return stack;
    });
    const names = stacks.map((stack) => Template.fromStack(stack));
    names[0].hasResource(LINK, { name: `${ZONE}/link-orders-vnet` });
    names[1].hasResource(LINK, { name: `${ZONE}/link-billing-vnet` });
    names[1].hasResourceProperties(LINK, { registrationEnabled: false, virtualNetwork: Match.objectEquals({ id: "[resourceId('Microsoft.Network/virtualNetworks', 'billing-vnet')]" }) });
  });
});
