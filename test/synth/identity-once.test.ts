import { expect } from 'chai';
import { App, ArmResource, ExistingResource, Output, Parameter, Stack, Tokens } from '../../lib/index.js';

/** How often synthesis splits each of `watched` into its tokens (a name is parsed once, when its identity is resolved). */
function splitsDuringSynth(app: App, watched: readonly string[]): number[] {
  const counts = watched.map(() => 0);
  const split = Tokens.split;
  Tokens.split = (s: string) => {
    const i = watched.indexOf(s);
    if (i >= 0) counts[i]++;
    return split.call(Tokens, s);
  };
  try {
    app.synth();
  } finally {
    Tokens.split = split;
  }
  return counts;
}

describe('resource identity: resolved once per synth', () => {
  it('parses a name token string once, however often the name and id are used (ARM, Bicep, manifest, dependsOn, children)', () => {
    const app = new App();
    const stack = new Stack(app, 'Network', { location: 'westeurope' });
    const prefix = new Parameter(stack, 'prefix', { type: 'string' });
    const nsg = new ArmResource(stack, 'Nsg', {
      type: 'Microsoft.Network/networkSecurityGroups', apiVersion: '2025-07-01', name: `${prefix.value}-nsg`, properties: { securityRules: [] },
    });
    const rule = new ArmResource(stack, 'Rule', {
      type: 'Microsoft.Network/networkSecurityGroups/securityRules', apiVersion: '2025-07-01', name: 'allow', parent: nsg, properties: { priority: 100 },
    });
    const hub = new ExistingResource(stack, 'Hub', { type: 'Microsoft.Network/virtualNetworks', apiVersion: '2025-07-01', name: `${prefix.value}-hub`, resourceGroupName: 'rg-hub' });
    new ArmResource(stack, 'Vnet', {
      type: 'Microsoft.Network/virtualNetworks', apiVersion: '2025-07-01', name: 'vnet',
      properties: {
        subnets: [{ name: 'a', properties: { networkSecurityGroup: { id: nsg.id } } }],
        remote: { id: hub.id, rule: rule.id, nsgName: nsg.name, rules: nsg.getRuntimeProperty('properties.securityRules') },
      },
    });
    new Output(stack, 'nsgId', { value: nsg.id });
    new Output(stack, 'hubId', { value: hub.id });
    expect(splitsDuringSynth(app, [nsg.shortName as string, hub.shortName as string])).to.deep.equal([1, 1]);
  });
});
