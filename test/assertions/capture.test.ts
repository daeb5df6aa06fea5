import { expect } from 'chai';
import { AssertionUsageError, Capture, Match, Template } from '../../lib/assertions/index.js';
import { errorOf } from '../support/synth.js';
import { dataStack } from './fixture.js';

describe('assertions: Capture', () => {
  it('captures a value from a successful match, typed', () => {
    const template = Template.fromStack(dataStack().stack);
    const size = new Capture();
    const prefixes = new Capture();
    const sku = new Capture(Match.objectLike({ tier: 'Burstable' }));
    template.hasResource('Microsoft.DBforPostgreSQL/flexibleServers', { sku, properties: { storage: { storageSizeGB: size } } });
    template.hasResourceProperties('Microsoft.Network/virtualNetworks', { addressSpace: { addressPrefixes: prefixes } });
    expect(size.asNumber()).to.equal(64);
    expect(prefixes.asArray()).to.deep.equal(['10.0.0.0/16']);
    expect(sku.asObject()).to.deep.equal({ name: 'Standard_B1ms', tier: 'Burstable' });
  });

  it('walks values from several matches with next()', () => {
    const template = Template.fromStack(dataStack().stack);
    const name = new Capture(Match.stringLikeRegexp('^pg-demo/'));
    template.findResources('Microsoft.DBforPostgreSQL/flexibleServers/databases', { name });
    template.findResources('Microsoft.DBforPostgreSQL/flexibleServers/firewallRules', { name });
    expect(name.count).to.equal(2);
    expect(name.asString()).to.equal('pg-demo/app');
    expect(name.next()).to.equal(true);
    expect(name.asString()).to.equal('pg-demo/office');
    expect(name.next()).to.equal(false);
  });

  it('keeps nothing from a failed match, and says so', () => {
    const template = Template.fromStack(dataStack().stack);
    const version = new Capture();
    errorOf(() => template.hasResourceProperties('Microsoft.DBforPostgreSQL/flexibleServers', { version, storage: { storageSizeGB: 1 } }));
    expect(errorOf(() => version.asString())).to.equal(
      'Capture has no value: no successful match used it (did the assertion fail, or was it run at all?).',
    );
  });

  it('fails a match when its own pattern fails, or nothing is there', () => {
    expect(new Capture('a').test('b').renderMismatches()).to.deep.equal(['/: expected "a", got "b"']);
    expect(Match.objectLike({ x: new Capture() }).test({}).renderMismatches()).to.deep.equal(['/x: missing: expected a value to capture']);
  });

  it('refuses null, as AWS CDK does (a Capture holds only non-null values)', () => {
    const capture = new Capture();
    const result = Match.objectLike({ x: capture }).test({ x: null });
    expect(result.renderMismatches()).to.deep.equal(['/x: expected a value to capture, got null (a Capture takes only non-null values)']);
    result.finalize();
    expect(capture.count).to.equal(0);
    expect(() => new Capture(null)).to.throw(
      AssertionUsageError,
      'Capture: a null pattern could never be captured (a Capture takes only non-null values); put null in the pattern itself.',
    );
  });

  it('explains a type mismatch precisely', () => {
    const template = Template.fromStack(dataStack().stack);
    const size = new Capture();
    template.hasResourceProperties('Microsoft.DBforPostgreSQL/flexibleServers', { storage: { storageSizeGB: size } });
    expect(errorOf(() => size.asString())).to.equal('Captured value is expected to be string but found number. Value is 64');
    expect(errorOf(() => size.asBoolean())).to.equal('Captured value is expected to be boolean but found number. Value is 64');
    expect(errorOf(() => size.asObject())).to.equal('Captured value is expected to be object but found number. Value is 64');
    expect(size.asValue()).to.equal(64);
  });
});
