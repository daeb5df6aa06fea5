import { expect } from 'chai';
import { Match, Template } from '../../lib/assertions/index.js';
import { NetworkSecurityGroup, Output, PostgresFlexibleServer, PrivateDnsZone, PrivateEndpoint, WindowsVirtualMachine } from '../../lib/index.js';
import { errorOf, templateOf } from '../support/synth.js';
import { baseScenario, server } from './scenario.js';
import { expectOrderedAfter, SERVER_ID, SERVER_IS_BUSY, SERVER_NAME } from './support.js';

const T = {
  server: 'Microsoft.DBforPostgreSQL/flexibleServers',
  endpoint: 'Microsoft.Network/privateEndpoints',
  zoneGroup: 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups',
  zone: 'Microsoft.Network/privateDnsZones',
  link: 'Microsoft.Network/privateDnsZones/virtualNetworkLinks',
  aRecord: 'Microsoft.Network/privateDnsZones/A',
  vnet: 'Microsoft.Network/virtualNetworks',
};
const VNET_ID = "[resourceId('Microsoft.Network/virtualNetworks', 'vnet')]";
/** resourceId() of a child of the scenario's server, e.g. child('databases', 'app'). */
const child = (type: string, name: string) => `[resourceId('Microsoft.DBforPostgreSQL/flexibleServers/${type}', ${SERVER_NAME}, '${name}')]`;

describe('private endpoints and private DNS', () => {
  it('A-record variant: the template writes <server> into the zone with the endpoint NIC IP, and no zone group', () => {
    const s = baseScenario();
    const zone = new PrivateDnsZone(s.stack, 'Zone', { zoneName: 'privatelink.postgres.database.azure.com' });
    const db = server(s);
    const endpoint = db.addPrivateEndpoint(s.vnet.subnets[0], { dns: { mode: 'aRecord', zone } });
    const template = Template.fromStack(s.stack);
    template.resourceCountIs(T.zoneGroup, 0);
    template.resourceCountIs(T.aRecord, 1);
    template.hasResource(T.aRecord, {
      name: `[format('privatelink.postgres.database.azure.com/{0}', ${SERVER_NAME})]`,
      properties: Match.objectEquals({
        ttl: 3600,
        aRecords: [{ ipv4Address: "[reference(resourceId('Microsoft.Network/networkInterfaces', 'pe-db-nic'), '2025-07-01').ipConfigurations[0].properties.privateIPAddress]" }],
      }),
      dependsOn: [
        SERVER_ID,
        "[resourceId('Microsoft.Network/privateDnsZones', 'privatelink.postgres.database.azure.com')]",
        "[resourceId('Microsoft.Network/privateEndpoints', 'pe-db')]",
      ],
    });
    // Why each of those: the record's name uses the server's, it is a child of the zone, and the IP it reads exists once the endpoint does.
    template.dependsOn(endpoint.aRecord!, db.resource, { kind: 'reference' });
    template.dependsOn(endpoint.aRecord!, zone.resource, { kind: 'parent' });
    expectOrderedAfter(template, endpoint.aRecord!, endpoint.resource, 'the A record reads the private IP of the NIC that the private endpoint creates');
    template.resourceCountIs(T.link, 1);
    template.hasResourceProperties(T.link, { registrationEnabled: false });
  });

  it('A-record variant refuses an imported zone (it cannot write records it does not own)', () => {
    const s = baseScenario();
    const zone = PrivateDnsZone.fromZoneName(s.stack, 'Zone', 'privatelink.postgres.database.azure.com', { resourceGroupName: 'dns-rg' });
    server(s).addPrivateEndpoint(s.vnet.subnets[0], { dns: { mode: 'aRecord', zone } });
    expect(errorOf(() => s.app.synth())).to.equal(
      'Synthesis found 1 problem:\n' +
        "  [Test/Db/PrivateEndpoint] dns.mode 'aRecord' writes a record into the zone, so the zone must be declared in this app (a PrivateDnsZone), not imported.",
    );
  });

  it('a zone group can point at an imported zone (central DNS), with no link created here', () => {
    const s = baseScenario();
    const zone = PrivateDnsZone.fromZoneName(s.stack, 'Zone', 'privatelink.postgres.database.azure.com', { resourceGroupName: 'dns-rg' });
    server(s).addPrivateEndpoint(s.vnet.subnets[0], { dns: { zone } });
    const template = Template.fromStack(s.stack);
    template.resourceCountIs(T.zone, 0);
    template.resourceCountIs(T.link, 0);
    template.resourceCountIs(T.zoneGroup, 1);
    template.hasResourceProperties(T.zoneGroup, {
      privateDnsZoneConfigs: [{ properties: { privateDnsZoneId: "[resourceId('dns-rg', 'Microsoft.Network/privateDnsZones', 'privatelink.postgres.database.azure.com')]" } }],
    });
  });

  it("dns mode 'none' creates no DNS resources", () => {
    const s = baseScenario();
    server(s).addPrivateEndpoint(s.vnet.subnets[0], { dns: { mode: 'none' } });
    // Any type at all (zones, links, zone groups, records...), so read the types from the template itself.
    const types = (Template.fromStack(s.stack).toJSON().resources as any[]).map((r) => r.type as string);
    expect(types.filter((t) => t.includes('privateDns'))).to.deep.equal([]);
  });

  it('two servers in one stack share one privatelink zone and one VNet link', () => {
    const s = baseScenario();
    server(s, {}, 'Orders').addPrivateEndpoint(s.vnet.subnets[0]);
    server(s, {}, 'Billing').addPrivateEndpoint(s.vnet.subnets[0]);
    const template = Template.fromStack(s.stack);
    template.resourceCountIs(T.zone, 1);
    template.resourceCountIs(T.link, 1);
    template.resourceCountIs(T.endpoint, 2);
    template.hasResource(T.endpoint, { name: 'pe-billing' });
    template.hasResource(T.endpoint, { name: 'pe-orders' });
  });

  it('an imported server can be reached through a PrivateEndpoint', () => {
    const s = baseScenario();
    const existing = PostgresFlexibleServer.fromServerName(s.stack, 'Legacy', 'legacy-pg', { resourceGroupName: 'data-rg' });
    const endpoint = new PrivateEndpoint(s.stack, 'LegacyEndpoint', { subnet: s.vnet.subnets[0], target: { resourceId: existing.serverId, groupId: 'postgresqlServer' } });
    const template = Template.fromStack(s.stack);
    template.resourceCountIs(T.endpoint, 1);
    template.hasResource(T.endpoint, {
      name: 'pe-legacyendpoint',
      properties: {
        privateLinkServiceConnections: [
          { properties: { privateLinkServiceId: "[resourceId('data-rg', 'Microsoft.DBforPostgreSQL/flexibleServers', 'legacy-pg')]" } },
        ],
      },
      dependsOn: [VNET_ID],
    });
    template.dependsOn(endpoint.resource, s.vnet, { kind: 'reference' });
  });
});

describe('PostgreSQL child serialization (ServerIsBusy)', () => {
  it('chains databases -> firewall rules -> configurations -> administrators -> private endpoint, whatever the call order', () => {
    const s = baseScenario();
    const db = server(s, { publicNetworkAccess: true, entraAuthentication: true });
    const endpoint = db.addPrivateEndpoint(s.vnet.subnets[0]);
    const admin = db.addAdministrator({ objectId: '00000000-0000-0000-0000-000000000001', principalName: 'dba', principalType: 'Group' });
    const ssl = db.addConfiguration('ssl_min_protocol_version', 'TLSv1.3');
    const office = db.addFirewallRule('Office', '203.0.113.0', '203.0.113.255');
    const app = db.addDatabase('app');
    const reports = db.addDatabase('reports');
    const template = Template.fromStack(s.stack);
    template.hasResourceProperties(T.server, {
      authConfig: Match.objectEquals({ activeDirectoryAuth: 'Enabled', passwordAuth: 'Enabled', tenantId: '[subscription().tenantId]' }),
    });
    template.resourceCountIs(T.server, 1);

    // The dependsOn the template deploys with: the parent, then the previous link of the chain.
    const name = (childName: string) => `[format('{0}/${childName}', ${SERVER_NAME})]`;
    template.hasResource(`${T.server}/databases`, { name: name('app'), dependsOn: [SERVER_ID] });
    template.hasResource(`${T.server}/databases`, { name: name('reports'), dependsOn: [SERVER_ID, child('databases', 'app')] });
    template.hasResource(`${T.server}/firewallRules`, { name: name('Office'), dependsOn: [SERVER_ID, child('databases', 'reports')] });
    template.hasResource(`${T.server}/configurations`, { name: name('ssl_min_protocol_version'), dependsOn: [SERVER_ID, child('firewallRules', 'Office')] });
    template.hasResource(`${T.server}/administrators`, {
      name: name('00000000-0000-0000-0000-000000000001'),
      properties: Match.objectEquals({ principalName: 'dba', principalType: 'Group', tenantId: '[subscription().tenantId]' }),
      dependsOn: [SERVER_ID, child('configurations', 'ssl_min_protocol_version')],
    });
    template.resourceCountIs(T.endpoint, 1);
    template.hasResource(T.endpoint, { dependsOn: Match.arrayWith([child('administrators', '00000000-0000-0000-0000-000000000001')]) });

    // Why: each link is an ordering edge recorded with the ServerIsBusy reason.
    const chain = [app, reports, office, ssl, admin, endpoint.resource];
    for (let i = 1; i < chain.length; i++) {
      expectOrderedAfter(template, chain[i], chain[i - 1], SERVER_IS_BUSY);
    }
    template.dependsOn(app, db.resource, { kind: 'parent' });
    expect(template.dependenciesOf(app).filter((e) => e.kind === 'ordering'), 'the first link is ordered after nothing').to.deep.equal([]);
  });

  for (const spell of ['expression', 'token string'] as const) {
    it(`a PrivateEndpoint made directly against a declared server joins the chain and makes it reachable (id as ${spell})`, () => {
      const s = baseScenario();
      const db = server(s);
      db.addDatabase('app');
      const ssl = db.addConfiguration('ssl_min_protocol_version', 'TLSv1.3');
      const endpoint = new PrivateEndpoint(s.stack, 'Pe', {
        subnet: s.vnet.subnets[0], name: 'pe-direct',
        target: { resourceId: spell === 'expression' ? db.serverId : `${db.serverId}`, groupId: 'postgresqlServer' },
      });
      const template = Template.fromStack(s.stack);
      template.resourceCountIs(T.endpoint, 1);
      template.hasResource(T.endpoint, { dependsOn: Match.arrayWith([child('configurations', 'ssl_min_protocol_version')]) });
      expectOrderedAfter(template, endpoint.resource, ssl, SERVER_IS_BUSY);
      expect(s.app.synth().annotations.map((a) => a.message).join('\n')).to.not.contain('nothing can reach it');
    });
  }

  it('synthesizing twice gives the same template (the chain is added once)', () => {
    const s = baseScenario();
    const db = server(s);
    db.addDatabase('a');
    db.addDatabase('b');
    db.addPrivateEndpoint(s.vnet.subnets[0]);
    const first = s.app.synth().files.get('Test.json');
    expect(s.app.synth().files.get('Test.json')).to.equal(first);
  });
});

describe('private endpoint DNS that cannot be built', () => {
  it('are reported at synthesis, all together: an unknown group id without dns.zone, and an A record without a record name', () => {
    const s = baseScenario();
    const subnet = s.vnet.subnets[0];
    new PrivateEndpoint(s.stack, 'Vault', { subnet, target: { resourceId: '/subscriptions/x/resourceGroups/y/providers/Microsoft.KeyVault/vaults/z', groupId: 'vault' } });
    new PrivateEndpoint(s.stack, 'Pg', { subnet, target: { resourceId: server(s).serverId, groupId: 'postgresqlServer' }, dns: { mode: 'aRecord' } });
    expect(errorOf(() => s.app.synth())).to.equal(
      'Synthesis found 2 problems:\n' +
        "  [Test/Vault] azcdk does not know the private DNS zone of group id 'vault': pass dns.zone, or dns.mode 'none'.\n" +
        "  [Test/Pg] dns.mode 'aRecord' needs target.recordName (the host name to register, e.g. the server name).",
    );
  });
});

describe('imports of private endpoints and virtual machines', () => {
  it('refer to the existing resources by id, in another resource group or subscription, and deploy nothing', () => {
    const s = baseScenario();
    const endpoint = PrivateEndpoint.fromPrivateEndpointName(s.stack, 'Pe', 'pe-legacy', { resourceGroupName: 'data-rg' });
    const vm = WindowsVirtualMachine.fromVirtualMachineName(s.stack, 'Vm', 'jump', { resourceGroupName: 'ops-rg', subscriptionId: '00000000-0000-0000-0000-000000000001' });
    new Output(s.stack, 'endpointId', { value: endpoint.privateEndpointId });
    new Output(s.stack, 'vmId', { value: vm.virtualMachineId });
    const template = templateOf(s.app, 'Test');
    expect(template.outputs).to.deep.equal({
      endpointId: { type: 'string', value: "[resourceId('data-rg', 'Microsoft.Network/privateEndpoints', 'pe-legacy')]" },
      vmId: { type: 'string', value: "[resourceId('00000000-0000-0000-0000-000000000001', 'ops-rg', 'Microsoft.Compute/virtualMachines', 'jump')]" },
    });
    expect([endpoint.privateEndpointName, vm.virtualMachineName]).to.deep.equal(['pe-legacy', 'jump']);
    expect(template.resources.map((r: { type: string }) => r.type)).to.not.include.members(['Microsoft.Network/privateEndpoints', 'Microsoft.Compute/virtualMachines']);
  });
});

describe('network security group imports', () => {
  it('an imported NSG can be attached to a subnet; allowRdpFrom then asks for a declared NSG', () => {
    const s = baseScenario();
    const shared = NetworkSecurityGroup.fromNetworkSecurityGroupName(s.stack, 'Shared', 'shared-nsg', { resourceGroupName: 'net-rg' });
    const subnet = s.vnet.addSubnet('apps', { addressPrefix: '10.0.4.0/24', networkSecurityGroup: shared });
    const template = Template.fromStack(s.stack);
    template.resourceCountIs(T.vnet, 1);
    template.hasResourceProperties(T.vnet, {
      subnets: [
        Match.anyValue(),
        { name: 'apps', properties: { networkSecurityGroup: Match.objectEquals({ id: "[resourceId('net-rg', 'Microsoft.Network/networkSecurityGroups', 'shared-nsg')]" }) } },
      ],
    });
    expect(subnet.networkSecurityGroup).to.equal(shared);

    const t = baseScenario();
    const sharedNsg = NetworkSecurityGroup.fromNetworkSecurityGroupName(t.stack, 'Shared', 'shared-nsg', { resourceGroupName: 'net-rg' });
    const apps = t.vnet.addSubnet('apps', { addressPrefix: '10.0.4.0/24', networkSecurityGroup: sharedNsg });
    new WindowsVirtualMachine(t.stack, 'Vm', { subnet: apps, adminUsername: 'azureuser', adminPassword: t.vmPassword, publicIp: true, allowRdpFrom: '203.0.113.7/32' });
    expect(errorOf(() => t.app.synth())).to.equal(
      'Synthesis found 1 problem:\n' +
        '  [Test/Vm] allowRdpFrom needs an NSG declared in this app to add the rule to, but the NSG is imported: pass networkSecurityGroup (a NetworkSecurityGroup), or add the rule to the imported NSG yourself.',
    );
  });
});
