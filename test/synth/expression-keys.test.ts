import { expect } from 'chai';
import { App, ArmResource, Stack } from '../../lib/index.js';
import { expectAppEquivalent } from '../bicep/support/equivalence.js';
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

  it("render as '${expr}' keys in Bicep, describing the same deployment", () => {
    const app = identityApp();
    expect(app.synth().files.get('S.bicep')).to.contain("'${uami.id}': {}");
    expectAppEquivalent(app);
  });
});
