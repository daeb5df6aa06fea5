/**
 * The README's assertions snippet, verbatim in spirit: if this breaks, the README is wrong.
 */
import { expect } from 'chai';
import { Capture, Match, Template } from '../../lib/assertions/index.js';
import { baseScenario, server as makeServer } from '../patterns/scenario.js';

describe('README: testing your infrastructure', () => {
  it('runs the snippet against the scenario constructs', () => {
    const s = baseScenario();
    const server = makeServer(s, { publicNetworkAccess: true });
    const rule = server.addFirewallRule('office', '203.0.113.7');
    const endpoint = server.addPrivateEndpoint(s.vnet.subnets[0]);
    const { stack, nsg } = s;

    const template = Template.fromStack(stack);
    template.resourceCountIs('Microsoft.DBforPostgreSQL/flexibleServers', 1);
    template.hasResourceProperties('Microsoft.DBforPostgreSQL/flexibleServers', {
      storage: { storageSizeGB: 128 }, network: { publicNetworkAccess: 'Enabled' },
    });
    template.hasResourceProperties('Microsoft.Network/virtualNetworks', {
      subnets: Match.arrayWith([Match.objectLike({ properties: { networkSecurityGroup: { id: nsg.networkSecurityGroupId } } })]),
    });
    template.hasResourceProperties('Microsoft.Network/privateEndpoints', {
      privateLinkServiceConnections: [{ properties: { privateLinkServiceId: Match.referencesResource(server) } }],
    });
    template.dependsOn(endpoint.resource, rule, { kind: 'ordering', reason: Match.stringLikeRegexp('ServerIsBusy') });
    const size = new Capture();
    template.hasResourceProperties('Microsoft.DBforPostgreSQL/flexibleServers', { storage: { storageSizeGB: size } });
    expect(size.asNumber()).to.equal(128);

    expect(() => template.hasResourceProperties('Microsoft.DBforPostgreSQL/flexibleServers', { storage: { storageSizeGB: 64 } }))
      .to.throw('/properties/storage/storageSizeGB: expected 64, got 128');
  });

  it('explains what Match.referencesResource needs when given something else', () => {
    expect(() => Match.referencesResource(baseScenario().stack)).to.throw("Match.referencesResource(): 'Test' is neither a resource nor a construct with a 'Resource' child");
  });
});
