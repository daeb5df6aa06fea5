import { expect } from 'chai';
import { Construct } from 'constructs';
import { App, ArmResource, Stack } from '../../lib/index.js';
import { humanLogicalId, pathHash } from '../../lib/core/logical-ids.js';
import { errorOf, manifestOf } from '../support/synth.js';

describe('logical ids', () => {
  it('are lowerCamelCase paths without Default, Resource and repeated parts', () => {
    expect(humanLogicalId(['Vnet'])).to.equal('vnet');
    expect(humanLogicalId(['Db', 'Resource'])).to.equal('db');
    expect(humanLogicalId(['Db', 'Endpoint', 'DnsZone'])).to.equal('dbEndpointDnsZone');
    expect(humanLogicalId(['Default', 'Pipeline', 'Pipeline'])).to.equal('pipeline');
    expect(humanLogicalId(['my-vnet', 'sub_net'])).to.equal('myVnetSubNet');
    expect(humanLogicalId(['PrivateDnsZone-privatelink.postgres.database.azure.com'])).to.equal('privateDnsZonePrivatelinkPostgresDatabaseAzureCom');
    expect(humanLogicalId(['1st'])).to.equal('r1st');
  });

  it('hash the path for every member of a colliding group, and stay stable', () => {
    const app = new App();
    const stack = new Stack(app, 'S');
    const type = { type: 'Microsoft.Test/things', apiVersion: '2025-01-01', location: null } as const;
    new ArmResource(new Construct(stack, 'A'), 'B', { ...type, name: 'one' });
    new ArmResource(stack, 'AB', { ...type, name: 'two' });
    new ArmResource(stack, 'Solo', { ...type, name: 'three' });
    const ids = Object.keys(manifestOf(app).stacks.S.resources);
    expect(ids).to.deep.equal([`aB_${pathHash(['A', 'B'])}`, `aB_${pathHash(['AB'])}`, 'solo']);
    expect(pathHash(['A', 'B'])).to.match(/^[0-9A-F]{8}$/).and.not.equal(pathHash(['AB']));
  });

  it('can be overridden, and overrides must not collide', () => {
    const app = new App();
    const stack = new Stack(app, 'S');
    const type = { type: 'Microsoft.Test/things', apiVersion: '2025-01-01', location: null } as const;
    new ArmResource(stack, 'A', { ...type, name: 'a' }).overrideLogicalId('server');
    new ArmResource(stack, 'Server', { ...type, name: 'b' });
    new ArmResource(stack, 'X', { ...type, name: 'x' }).overrideLogicalId('twin');
    new ArmResource(stack, 'Y', { ...type, name: 'y' }).overrideLogicalId('twin');
    expect(errorOf(() => app.synth())).to.contain("[S/Y] logical id 'twin' is also used by S/X: pass a different id to overrideLogicalId().");
    const ok = new App();
    const okStack = new Stack(ok, 'S');
    new ArmResource(okStack, 'A', { ...type, name: 'a' }).overrideLogicalId('server');
    new ArmResource(okStack, 'Server', { ...type, name: 'b' });
    expect(Object.keys(manifestOf(ok).stacks.S.resources)).to.deep.equal(['server', `server_${pathHash(['Server'])}`]);
    expect(() => new ArmResource(new Stack(new App(), 'S'), 'C', { ...type, name: 'c' }).overrideLogicalId('not valid')).to.throw("[S/C] invalid logical id 'not valid'");
  });
});
