import { expect } from 'chai';
import { App, ArmResource, Fn, Stack } from '../../lib/index.js';
import { expectCompiledEquivalent } from '../bicep/support/equivalence.js';
import { templateOf } from '../support/synth.js';

/** A VM-like resource with a user-assigned identity: the identity id is an object key. */
function identityApp() {
  const app = new App();
  const stack = new Stack(app, 'S');
  const uami = new ArmResource(stack, 'Uami', { type: 'Microsoft.ManagedIdentity/userAssignedIdentities', apiVersion: '2024-11-30', name: 'uami' });
  new ArmResource(stack, 'Site', {
    type: 'Microsoft.Test/sites', apiVersion: '2025-01-01', name: 'site',
    identity: { type: 'UserAssigned', userAssignedIdentities: { [`${uami.id}`]: {} } },
    properties: { '[literal]': 'x', [`prefix-${uami.name}`]: 1 },
  });
  return app;
}

describe('expressions as object keys', () => {
  it('render as "[expr]" keys in ARM, escape literal keys that look like expressions, and add dependsOn', () => {
    const site = templateOf(identityApp(), 'S').resources[1];
    const uamiId = "[resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', 'uami')]";
    expect(site.identity.userAssignedIdentities).to.deep.equal({ [uamiId]: {} });
    expect(site.properties).to.deep.equal({ '[[literal]': 'x', "[format('prefix-{0}', 'uami')]": 1 });
    expect(site.dependsOn).to.deep.equal([uamiId]);
  });

  it("render as '${expr}' keys in Bicep, describing the same deployment", async function () {
    const app = identityApp();
    expect(app.synth().files.get('S.bicep')).to.contain("'${uami.id}': {}");
    await expectCompiledEquivalent(this, app);
  });
});

describe('expressions as object keys inside function arguments', () => {
  function callApp() {
    const app = new App();
    const stack = new Stack(app, 'S');
    const nsg = new ArmResource(stack, 'Nsg', { type: 'Microsoft.Network/networkSecurityGroups', apiVersion: '2025-07-01', name: 'nsg' });
    new ArmResource(stack, 'Site', {
      type: 'Microsoft.Test/sites', apiVersion: '2025-01-01', name: 'site',
      properties: {
        merged: Fn.call('union', [{ [`${nsg.name}`]: 'v', plain: 1 }, {}]),
        built: Fn.call('createObject', [`${nsg.id}`, 1, 'x', 2]),
      },
    });
    return app;
  }

  it('render the key as an expression in ARM and add dependsOn', () => {
    const site = templateOf(callApp(), 'S').resources[1];
    expect(site.properties).to.deep.equal({
      merged: "[union(createObject('nsg', 'v', 'plain', 1), createObject())]",
      built: "[createObject(resourceId('Microsoft.Network/networkSecurityGroups', 'nsg'), 1, 'x', 2)]",
    });
    expect(JSON.stringify(site)).to.not.contain('AzCdk.Token');
    expect(site.dependsOn).to.deep.equal(["[resourceId('Microsoft.Network/networkSecurityGroups', 'nsg')]"]);
  });

  it("render the key as '${expr}' in Bicep, describing the same deployment", async function () {
    const app = callApp();
    const bicep = app.synth().files.get('S.bicep')!;
    expect(bicep).to.contain("merged: union({ '${nsg.name}': 'v', plain: 1 }, {})");
    expect(bicep).to.contain("built: { '${nsg.id}': 1, x: 2 }");
    expect(bicep).to.not.contain('AzCdk.Token');
    await expectCompiledEquivalent(this, app);
  });
});
