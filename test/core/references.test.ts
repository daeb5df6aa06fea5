import { expect } from 'chai';
import { App, ArmResource, Output, Parameter, Stack } from '../../lib/index.js';
import { manifestOf, templateOf } from '../support/synth.js';

function nsgAndVnet() {
  const app = new App();
  const stack = new Stack(app, 'Network', { location: 'westeurope' });
  const prefix = new Parameter(stack, 'prefix', { type: 'string', maxLength: 10 });
  const nsg = new ArmResource(stack, 'Nsg', {
    type: 'Microsoft.Network/networkSecurityGroups', apiVersion: '2025-07-01',
    name: `${prefix.value}-nsg`, properties: { securityRules: [] },
  });
  new ArmResource(stack, 'Vnet', {
    type: 'Microsoft.Network/virtualNetworks', apiVersion: '2025-07-01', name: 'vnet',
    properties: { subnets: [{ name: 'a', properties: { addressPrefix: '10.0.0.0/24', networkSecurityGroup: { id: nsg.id } } }] },
  });
  new Output(stack, 'nsgId', { value: nsg.id });
  return app;
}

describe('references and inferred dependsOn', () => {
  it('renders interpolated parameters with format() and infers dependsOn from a resource id', () => {
    const template = templateOf(nsgAndVnet(), 'Network');
    const nsgId = "[resourceId('Microsoft.Network/networkSecurityGroups', format('{0}-nsg', parameters('prefix')))]";
    expect(template.resources[0].name).to.equal("[format('{0}-nsg', parameters('prefix'))]");
    expect(template.resources[1].properties.subnets[0].properties.networkSecurityGroup.id).to.equal(nsgId);
    expect(template.resources[1].dependsOn).to.deep.equal([nsgId]);
    expect(template.resources[0]).to.not.have.property('dependsOn');
    expect(template.outputs.nsgId).to.deep.equal({ type: 'string', value: nsgId });
  });

  it('records the reason of every edge in the manifest', () => {
    const manifest = manifestOf(nsgAndVnet());
    expect(manifest.stacks.Network.resources.vnet.dependsOn).to.deep.equal([
      { on: 'nsg', kind: 'reference', reason: 'properties.subnets[0].properties.networkSecurityGroup.id' },
    ]);
  });
});
