/**
 * Lint warnings (Bicep's no-hardcoded-location and use-resource-id-functions, applied to what azcdk
 * synthesizes): they print on synth and fail it with --strict, never change the template.
 */
import { expect } from 'chai';
import { App, ArmResource, Fn, Parameter, Stack } from '../../lib/index.js';

function lint(build: (stack: Stack) => void): string[] {
  const app = new App();
  build(new Stack(app, 'S'));
  return app.synth().annotations.filter((a) => a.level === 'warning').map((a) => `[${a.path}] ${a.message}`);
}

const NSG = { type: 'Microsoft.Network/networkSecurityGroups', apiVersion: '2025-07-01' };

describe('template lint', () => {
  it('warns about a hard-coded location on a top-level resource, not about global, parameters or children', () => {
    const warnings = lint((s) => {
      new ArmResource(s, 'Fixed', { ...NSG, name: 'fixed', location: 'westeurope' });
      new ArmResource(s, 'Global', { type: 'Microsoft.Network/privateDnsZones', apiVersion: '2024-06-01', name: 'z.example', location: 'global' });
      new ArmResource(s, 'Default', { ...NSG, name: 'default' });
      const region = new Parameter(s, 'region', { type: 'string' });
      new ArmResource(s, 'FromParameter', { ...NSG, name: 'p', location: region.value });
    });
    expect(warnings).to.deep.equal([
      "[S/Fixed] location 'westeurope' is hard-coded, so the template deploys there whatever the pipeline asks: leave location unset (the stack's location parameter, which defaults to the resource group's region) or pass a Parameter's value.",
    ]);
  });

  it('warns about resource ids built by hand (literal, interpolated or format()), not about references', () => {
    const warnings = lint((s) => {
      const nsg = new ArmResource(s, 'Nsg', { ...NSG, name: 'nsg' });
      const sub = new Parameter(s, 'sub', { type: 'string' });
      new ArmResource(s, 'Vnet', {
        type: 'Microsoft.Network/virtualNetworks', apiVersion: '2025-07-01', name: 'vnet',
        properties: {
          subnets: [
            { name: 'a', properties: { networkSecurityGroup: { id: '/subscriptions/0000/resourceGroups/rg/providers/Microsoft.Network/networkSecurityGroups/x' } } },
            { name: 'b', properties: { networkSecurityGroup: { id: `/subscriptions/${sub.value}/resourceGroups/rg/providers/Microsoft.Network/networkSecurityGroups/y` } } },
            { name: 'c', properties: { networkSecurityGroup: { id: Fn.format('{0}/providers/Microsoft.Network/networkSecurityGroups/z', Fn.resourceGroup().get('id')) } } },
            { name: 'd', properties: { networkSecurityGroup: { id: nsg.id } } },
          ],
        },
      });
    });
    const message = 'is a resource id built by hand: a typo in it still synthesizes and fails only in Azure.';
    expect(warnings.map((w) => w.slice(0, w.indexOf(message) + message.length))).to.deep.equal([0, 1, 2].map((i) =>
      `[S/Vnet] properties.subnets[${i}].properties.networkSecurityGroup.id ${message}`));
  });

  it('leaves the template unchanged and reports each warning once per synth', () => {
    const app = new App();
    const s = new Stack(app, 'S');
    new ArmResource(s, 'Fixed', { ...NSG, name: 'fixed', location: 'westeurope' });
    const first = app.synth();
    expect(JSON.parse(first.files.get('S.json')!).resources[0].location).to.equal('westeurope');
    expect(app.synth().annotations).to.deep.equal(first.annotations); // no duplicates on a second synth
  });
});
