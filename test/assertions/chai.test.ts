import * as chai from 'chai';
import { expect } from 'chai';
import { azcdkChai, Template } from '../../lib/assertions/index.js';
import { errorOf } from '../support/synth.js';
import { dataStack } from './fixture.js';

chai.use(azcdkChai);

describe('assertions: chai plugin', () => {
  it('asserts on a Stack or a Template', () => {
    const { stack, vnet, nsg } = dataStack();
    expect(stack).to.haveResourceProperties('Microsoft.DBforPostgreSQL/flexibleServers', { version: '16' });
    expect(stack).to.haveResource('Microsoft.Network/virtualNetworks');
    expect(Template.fromStack(stack)).to.haveResourceCount('Microsoft.Network/virtualNetworks', 1);
    expect(stack).to.haveDependency(vnet, nsg, { kind: 'reference' });
  });

  it('fails with the Template message', () => {
    const { stack } = dataStack();
    expect(errorOf(() => expect(stack).to.haveResourceProperties('Microsoft.DBforPostgreSQL/flexibleServers', { version: '15' }))).to.contain(
      '/properties/version: expected "15", got "16"',
    );
  });

  it('supports .not', () => {
    const { stack, vnet, nsg } = dataStack();
    expect(stack).not.to.haveResourceProperties('Microsoft.DBforPostgreSQL/flexibleServers', { version: '15' });
    expect(stack).not.to.haveDependency(nsg, vnet);
    expect(errorOf(() => expect(stack).not.to.haveResourceCount('Microsoft.Network/virtualNetworks', 1))).to.equal(
      'Expected no 1 resources of type Microsoft.Network/virtualNetworks, but there is one.',
    );
  });

  it('rejects other subjects', () => {
    expect(errorOf(() => expect({}).to.haveResource('x'))).to.equal('azcdk chai assertions apply to a Stack or a Template, got Object.');
  });
});
