import { expect } from 'chai';
import { NetworkSecurityGroup, PostgresFlexibleServer, PrivateDnsZone, PrivateEndpoint, WindowsVirtualMachine } from '../../lib/index.js';
import { errorOf, templateOf } from '../support/synth.js';
import { baseScenario, server } from './scenario.js';
import { resourceOf, resourcesOf, SERVER_ID, SERVER_NAME } from './support.js';

describe('private endpoints and private DNS', () => {
  it('A-record variant: the template writes <server> into the zone with the endpoint NIC IP, and no zone group', () => {
    const s = baseScenario();
    const zone = new PrivateDnsZone(s.stack, 'Zone', { zoneName: 'privatelink.postgres.database.azure.com' });
    server(s).addPrivateEndpoint(s.vnet.subnets[0], { dns: { mode: 'aRecord', zone } });
    const t = templateOf(s.app, 'Test');
    expect(resourcesOf(t, 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups')).to.have.length(0);
    const record = resourceOf(t, 'Microsoft.Network/privateDnsZones/A');
    expect(record.name).to.equal(`[format('privatelink.postgres.database.azure.com/{0}', ${SERVER_NAME})]`);
    expect(record.properties).to.deep.equal({
      ttl: 3600,
      aRecords: [{ ipv4Address: "[reference(resourceId('Microsoft.Network/networkInterfaces', 'pe-db-nic'), '2025-07-01').ipConfigurations[0].properties.privateIPAddress]" }],
    });
    expect(record.dependsOn).to.deep.equal([
      SERVER_ID,
      "[resourceId('Microsoft.Network/privateDnsZones', 'privatelink.postgres.database.azure.com')]",
      "[resourceId('Microsoft.Network/privateEndpoints', 'pe-db')]",
    ]);
    expect(resourceOf(t, 'Microsoft.Network/privateDnsZones/virtualNetworkLinks').properties.registrationEnabled).to.equal(false);
  });

  it('A-record variant refuses an imported zone (it cannot write records it does not own)', () => {
    const s = baseScenario();
    const zone = PrivateDnsZone.fromZoneName(s.stack, 'Zone', 'privatelink.postgres.database.azure.com', { resourceGroupName: 'dns-rg' });
    expect(errorOf(() => server(s).addPrivateEndpoint(s.vnet.subnets[0], { dns: { mode: 'aRecord', zone } }))).to.equal(
      "[Test/Db/PrivateEndpoint] dns.mode 'aRecord' writes a record into the zone, so the zone must be declared in this app (a PrivateDnsZone), not imported.",
    );
  });

  it('a zone group can point at an imported zone (central DNS), with no link created here', () => {
    const s = baseScenario();
    const zone = PrivateDnsZone.fromZoneName(s.stack, 'Zone', 'privatelink.postgres.database.azure.com', { resourceGroupName: 'dns-rg' });
    server(s).addPrivateEndpoint(s.vnet.subnets[0], { dns: { zone } });
    const t = templateOf(s.app, 'Test');
    expect(resourcesOf(t, 'Microsoft.Network/privateDnsZones')).to.have.length(0);
    expect(resourcesOf(t, 'Microsoft.Network/privateDnsZones/virtualNetworkLinks')).to.have.length(0);
    expect(resourceOf(t, 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups').properties.privateDnsZoneConfigs[0].properties.privateDnsZoneId)
      .to.equal("[resourceId('dns-rg', 'Microsoft.Network/privateDnsZones', 'privatelink.postgres.database.azure.com')]");
  });

  it("dns mode 'none' creates no DNS resources", () => {
    const s = baseScenario();
    server(s).addPrivateEndpoint(s.vnet.subnets[0], { dns: { mode: 'none' } });
    const types = templateOf(s.app, 'Test').resources.map((r: any) => r.type);
    expect(types.filter((t: string) => t.includes('privateDns'))).to.deep.equal([]);
  });

  it('two servers in one stack share one privatelink zone and one VNet link', () => {
    const s = baseScenario();
    server(s, {}, 'Orders').addPrivateEndpoint(s.vnet.subnets[0]);
    server(s, {}, 'Billing').addPrivateEndpoint(s.vnet.subnets[0]);
    const t = templateOf(s.app, 'Test');
    expect(resourcesOf(t, 'Microsoft.Network/privateDnsZones')).to.have.length(1);
    expect(resourcesOf(t, 'Microsoft.Network/privateDnsZones/virtualNetworkLinks')).to.have.length(1);
    expect(resourcesOf(t, 'Microsoft.Network/privateEndpoints').map((r: any) => r.name).sort()).to.deep.equal(['pe-billing', 'pe-orders']);
  });

  it('an imported server can be reached through a PrivateEndpoint', () => {
    const s = baseScenario();
    const existing = PostgresFlexibleServer.fromServerName(s.stack, 'Legacy', 'legacy-pg', { resourceGroupName: 'data-rg' });
    new PrivateEndpoint(s.stack, 'LegacyEndpoint', { subnet: s.vnet.subnets[0], target: { resourceId: existing.serverId, groupId: 'postgresqlServer' } });
    const pe = resourceOf(templateOf(s.app, 'Test'), 'Microsoft.Network/privateEndpoints');
    expect(pe.name).to.equal('pe-legacyendpoint');
    expect(pe.properties.privateLinkServiceConnections[0].properties.privateLinkServiceId)
      .to.equal("[resourceId('data-rg', 'Microsoft.DBforPostgreSQL/flexibleServers', 'legacy-pg')]");
    expect(pe.dependsOn).to.deep.equal(["[resourceId('Microsoft.Network/virtualNetworks', 'vnet')]"]);
  });
});

describe('PostgreSQL child serialization (ServerIsBusy)', () => {
  it('chains databases -> firewall rules -> configurations -> administrators -> private endpoint, whatever the call order', () => {
    const s = baseScenario();
    const db = server(s, { publicNetworkAccess: true, entraAuthentication: true });
    db.addPrivateEndpoint(s.vnet.subnets[0]);
    db.addAdministrator({ objectId: '00000000-0000-0000-0000-000000000001', principalName: 'dba', principalType: 'Group' });
    db.addConfiguration('ssl_min_protocol_version', 'TLSv1.3');
    db.addFirewallRule('Office', '203.0.113.0', '203.0.113.255');
    db.addDatabase('app');
    db.addDatabase('reports');
    const t = templateOf(s.app, 'Test');
    const child = (type: string, name: string) => `[resourceId('Microsoft.DBforPostgreSQL/flexibleServers/${type}', ${SERVER_NAME}, '${name}')]`;
    const deps = (type: string, name?: string) =>
      t.resources.find((r: any) => r.type.endsWith(type) && (name === undefined || r.name.includes(`/${name}'`))).dependsOn;
    expect(resourceOf(t, 'Microsoft.DBforPostgreSQL/flexibleServers').properties.authConfig)
      .to.deep.equal({ activeDirectoryAuth: 'Enabled', passwordAuth: 'Enabled', tenantId: '[subscription().tenantId]' });
    expect(deps('/databases', 'app')).to.deep.equal([SERVER_ID]);
    expect(deps('/databases', 'reports')).to.deep.equal([SERVER_ID, child('databases', 'app')]);
    expect(deps('/firewallRules')).to.deep.equal([SERVER_ID, child('databases', 'reports')]);
    expect(deps('/configurations')).to.deep.equal([SERVER_ID, child('firewallRules', 'Office')]);
    expect(deps('/administrators')).to.deep.equal([SERVER_ID, child('configurations', 'ssl_min_protocol_version')]);
    expect(resourceOf(t, 'Microsoft.Network/privateEndpoints').dependsOn)
      .to.include(child('administrators', '00000000-0000-0000-0000-000000000001'));
    expect(resourceOf(t, 'Microsoft.DBforPostgreSQL/flexibleServers/administrators').properties)
      .to.deep.equal({ principalName: 'dba', principalType: 'Group', tenantId: '[subscription().tenantId]' });
  });

  it('a PrivateEndpoint made directly against a declared server joins the chain and makes it reachable', () => {
    for (const spell of ['expression', 'token string'] as const) {
      const s = baseScenario();
      const db = server(s);
      db.addDatabase('app');
      db.addConfiguration('ssl_min_protocol_version', 'TLSv1.3');
      new PrivateEndpoint(s.stack, 'Pe', {
        subnet: s.vnet.subnets[0], name: 'pe-direct',
        target: { resourceId: spell === 'expression' ? db.serverId : `${db.serverId}`, groupId: 'postgresqlServer' },
      });
      const synthesized = s.app.synth();
      const t = JSON.parse(synthesized.files.get('Test.json')!);
      const child = (type: string, name: string) => `[resourceId('Microsoft.DBforPostgreSQL/flexibleServers/${type}', ${SERVER_NAME}, '${name}')]`;
      expect(resourceOf(t, 'Microsoft.Network/privateEndpoints').dependsOn, spell).to.include(child('configurations', 'ssl_min_protocol_version'));
      expect(synthesized.annotations.map((a) => a.message).join('\n'), spell).to.not.contain('nothing can reach it');
    }
  });

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

describe('network security group imports', () => {
  it('an imported NSG can be attached to a subnet; allowRdpFrom then asks for a declared NSG', () => {
    const s = baseScenario();
    const shared = NetworkSecurityGroup.fromNetworkSecurityGroupName(s.stack, 'Shared', 'shared-nsg', { resourceGroupName: 'net-rg' });
    const subnet = s.vnet.addSubnet('apps', { addressPrefix: '10.0.4.0/24', networkSecurityGroup: shared });
    expect(errorOf(() => new WindowsVirtualMachine(s.stack, 'Vm', { subnet, adminUsername: 'azureuser', adminPassword: s.vmPassword, allowRdpFrom: '203.0.113.7/32' })))
      .to.equal('[Test/Vm] allowRdpFrom needs an NSG declared in this app to add the rule to, but the NSG is imported: pass networkSecurityGroup (a NetworkSecurityGroup), or add the rule to the imported NSG yourself.');
    const vnet = resourceOf(templateOf(s.app, 'Test'), 'Microsoft.Network/virtualNetworks');
    expect(vnet.properties.subnets[1].properties.networkSecurityGroup).to.deep.equal({ id: "[resourceId('net-rg', 'Microsoft.Network/networkSecurityGroups', 'shared-nsg')]" });
    expect(subnet.networkSecurityGroup).to.equal(shared);
  });
});
