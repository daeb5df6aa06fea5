import * as chai from 'chai';
import { expect } from 'chai';
import { AssertionUsageError, azcdkChai, Match, MismatchError, Template } from '../../lib/assertions/index.js';
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
      'Expected the number of resources of type Microsoft.Network/virtualNetworks not to be 1, but it is.',
    );
    expect(errorOf(() => expect(stack).not.to.haveResourceProperties('Microsoft.DBforPostgreSQL/flexibleServers', { version: '16' }))).to.equal(
      'Expected no resource of type Microsoft.DBforPostgreSQL/flexibleServers with these properties, but there is one.',
    );
    expect(errorOf(() => expect(stack).not.to.haveResource('Microsoft.Network/virtualNetworks'))).to.equal(
      'Expected no matching resource of type Microsoft.Network/virtualNetworks, but there is one.',
    );
    expect(errorOf(() => expect(stack).not.to.haveDependency(vnet, nsg))).to.equal('Expected no such dependency, but there is one.');
  });

  it('.not passes only on a genuine mismatch: usage errors are thrown, not taken as "no match"', () => {
    const { stack, vnet } = dataStack();
    /** The error an assertion throws (fails the test if it throws none). */
    const thrown = (fn: () => unknown): Error => {
      try {
        fn();
      } catch (error) {
        return error as Error;
      }
      throw new Error('expected an error, but none was thrown');
    };
    // An unknown logical id.
    const unknownId = thrown(() => expect(stack).not.to.haveDependency(vnet, 'nsgTypo'));
    expect(unknownId).to.be.instanceOf(AssertionUsageError);
    expect(unknownId.message).to.equal(
      "No resource with logical id 'nsgTypo' in this template; logical ids: nsg, vnet, server, database, rule.",
    );
    // A type in the wrong case: the non-negated form says so too.
    const wrongCase = "Template has no resources of type Microsoft.Network/virtualnetworks. Did you mean Microsoft.Network/virtualNetworks? (types are case-sensitive here)";
    expect(errorOf(() => expect(stack).to.haveResourceProperties('Microsoft.Network/virtualnetworks', { subnets: [] }))).to.contain(wrongCase);
    const negatedCase = thrown(() => expect(stack).not.to.haveResourceProperties('Microsoft.Network/virtualnetworks', { subnets: [] }));
    expect(negatedCase).to.be.instanceOf(AssertionUsageError);
    expect(negatedCase.message).to.contain(wrongCase);
    expect(thrown(() => expect(stack).not.to.haveResourceCount('Microsoft.Network/virtualnetworks', 1)).message).to.contain(wrongCase);
    // A pattern containing undefined.
    const undefinedPattern = thrown(() => expect(stack).not.to.haveResourceProperties('Microsoft.Network/virtualNetworks', { addressSpace: undefined }));
    expect(undefinedPattern).to.be.instanceOf(AssertionUsageError);
    expect(undefinedPattern.message).to.equal('hasResourceProperties: a pattern cannot be undefined. To require that a key is missing, use Match.absent().');
    // A zero count of a wrongly cased type would pass without checking anything.
    expect(thrown(() => Template.fromStack(stack).resourceCountIs('Microsoft.Network/virtualnetworks', 0))).to.be.instanceOf(AssertionUsageError);
    // Other mistakes in the arguments.
    expect(thrown(() => expect(stack).not.to.haveResourceCount('Microsoft.Network/virtualNetworks', '2' as unknown as number)).message).to.equal(
      'Expected a count of resources (0, 1, 2, ...), got "2".',
    );
    expect(thrown(() => expect(stack).not.to.haveDependency(vnet, 'nsg', { kind: 'refrence' as 'reference' })).message).to.equal(
      'dependsOn: kind "refrence" is not a dependency kind; use one of reference, parent, ordering.',
    );
    // Genuine mismatches still satisfy .not, including a type that is not there at all.
    expect(stack).not.to.haveResource('Microsoft.Storage/storageAccounts');
    expect(stack).not.to.haveResourceProperties('Microsoft.Network/virtualNetworks', { addressSpace: Match.absent() });
    expect(stack).not.to.haveDependency('nsg', 'vnet');
    expect(stack).not.to.haveDependency(vnet, 'nsg', { kind: 'ordering' });
    expect(thrown(() => Template.fromStack(stack).hasResourceProperties('Microsoft.Network/virtualNetworks', { addressSpace: Match.absent() }))).to.be.instanceOf(MismatchError);
  });

  it('rejects other subjects', () => {
    expect(errorOf(() => expect({}).to.haveResource('x'))).to.equal('azcdk chai assertions apply to a Stack or a Template, got Object.');
  });
});
