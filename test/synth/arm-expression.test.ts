import { expect } from 'chai';
import { Construct } from 'constructs';
import { App, ArmResource, ExistingResource, Fn, Literal, Output, Parameter, Stack, Variable } from '../../lib/index.js';
import { templateOf } from '../support/synth.js';

/** Synthesizes one resource whose `properties.value` is `value`, and returns what ARM got. */
function render(build: (stack: Stack) => unknown): unknown {
  const app = new App();
  const stack = new Stack(app, 'S');
  new ArmResource(stack, 'R', { type: 'Microsoft.Test/things', apiVersion: '2025-01-01', name: 'r', location: null, properties: { value: build(stack) } });
  return templateOf(app, 'S').resources.find((r: { name: string }) => r.name === 'r').properties.value;
}

const param = (stack: Stack, type: 'string' | 'int' = 'string') => new Parameter(stack, 'p', { type });

describe('ARM rendering of expressions', () => {
  it('renders a parameter alone as parameters()', () => {
    expect(render((s) => param(s).value)).to.equal("[parameters('p')]");
  });

  it('renders a string that is exactly one token as that expression, not format()', () => {
    expect(render((s) => `${param(s).value}`)).to.equal("[parameters('p')]");
  });

  it('keeps a template literal a string: a lone non-string token is wrapped in string()', () => {
    expect(render((s) => `${param(s, 'int').value}`)).to.equal("[string(parameters('p'))]");
    expect(render((s) => param(s, 'int').value)).to.equal("[parameters('p')]");
  });

  it('renders interpolation with format(), doubling braces and quotes of the literal text', () => {
    expect(render((s) => `it's {${param(s).value}}`)).to.equal("[format('it''s {{{0}}}', parameters('p'))]");
  });

  it('escapes literal strings that ARM would read as expressions', () => {
    expect(render(() => '[not an expression]')).to.equal('[[not an expression]');
    expect(render(() => '[starts only')).to.equal('[starts only');
    expect(render(() => 'ends only]')).to.equal('ends only]');
  });

  it('keeps literals untouched inside interpolations that start with [', () => {
    expect(render((s) => `[${param(s).value}]`)).to.equal("[format('[{0}]', parameters('p'))]");
  });

  it('renders variables with variables()', () => {
    expect(render((s) => new Variable(s, 'v', { value: 'x' }).ref)).to.equal("[variables('v')]");
  });

  it('renders function calls with literal arguments of every type', () => {
    expect(render(() => Fn.call('f', ['a', 1, true, false, null, [1, 'b'], { k: 'v' }]))).to.equal(
      "[f('a', 1, true(), false(), null(), createArray(1, 'b'), createObject('k', 'v'))]",
    );
  });

  it('renders numbers ARM has no literal for through json()', () => {
    expect(render(() => Fn.call('f', [-1, 1.5]))).to.equal("[f(json('-1'), json('1.5'))]");
  });

  it('renders nested calls and property access', () => {
    expect(render(() => Fn.uniqueString(Fn.resourceGroup().get('id')))).to.equal('[uniqueString(resourceGroup().id)]');
    expect(render(() => Fn.subscription().get('tenantId'))).to.equal('[subscription().tenantId]');
    expect(render(() => Fn.call('x').get('a-b', 0, 'c'))).to.equal("[x()['a-b'][0].c]");
  });

  it('resolves tokens inside function arguments', () => {
    expect(render((s) => Fn.toLower(`${param(s).value}-x`))).to.equal("[toLower(format('{0}-x', parameters('p')))]");
  });

  it('renders Literal nodes', () => {
    expect(render(() => Fn.concat(new Literal("a'b"), new Literal(2)))).to.equal("[concat('a''b', 2)]");
  });

  it('renders resource ids, names, and runtime properties through reference()', () => {
    const ids = render((s) => {
      const target = new ArmResource(s, 'T', { type: 'Microsoft.Test/targets', apiVersion: '2025-02-02', name: 'target', location: null });
      return [target.id, target.name, target.getRuntimeProperty('properties.fqdn'), target.getRuntimeProperty('identity.principalId'), target.getRuntimeProperty('properties.ips[0].address')];
    });
    expect(ids).to.deep.equal([
      "[resourceId('Microsoft.Test/targets', 'target')]",
      'target',
      "[reference(resourceId('Microsoft.Test/targets', 'target'), '2025-02-02').fqdn]",
      "[reference(resourceId('Microsoft.Test/targets', 'target'), '2025-02-02', 'full').identity.principalId]",
      "[reference(resourceId('Microsoft.Test/targets', 'target'), '2025-02-02').ips[0].address]",
    ]);
  });

  it('renders child resource ids with every name segment', () => {
    const id = render((s) => {
      const vnet = new ArmResource(s, 'Vnet', { type: 'Microsoft.Network/virtualNetworks', apiVersion: '2025-07-01', name: `${param(s).value}-vnet`, location: null });
      return new ExistingResource(s, 'Subnet', { type: 'Microsoft.Network/virtualNetworks/subnets', apiVersion: '2025-07-01', name: 'a', parent: vnet }).id;
    });
    expect(id).to.equal("[resourceId('Microsoft.Network/virtualNetworks/subnets', format('{0}-vnet', parameters('p')), 'a')]");
  });

  it('renders existing resources in another resource group and subscription', () => {
    const id = render((s) =>
      new ExistingResource(s, 'Zone', {
        type: 'Microsoft.Network/privateDnsZones', apiVersion: '2024-06-01', name: 'privatelink.postgres.database.azure.com',
        resourceGroupName: 'dns-rg', subscriptionId: '00000000-0000-0000-0000-000000000000',
      }).id,
    );
    expect(id).to.equal("[resourceId('00000000-0000-0000-0000-000000000000', 'dns-rg', 'Microsoft.Network/privateDnsZones', 'privatelink.postgres.database.azure.com')]");
  });
});

describe('ARM rendering of resource envelopes', () => {
  it('joins child names with format() and writes keys in a fixed order', () => {
    const app = new App();
    const stack = new Stack(app, 'S', { location: 'westeurope' });
    const name = new Parameter(stack, 'serverName', { type: 'string' });
    const server = new ArmResource(stack, 'Server', {
      type: 'Microsoft.DBforPostgreSQL/flexibleServers', apiVersion: '2025-08-01', name: name.value,
      properties: { version: '16' }, zones: ['1'], kind: 'k', identity: { type: 'SystemAssigned' },
      sku: { name: 'Standard_D2ds_v5', tier: 'GeneralPurpose' }, tags: { b: '2', a: '1' }, condition: true,
    });
    new ArmResource(stack, 'Db', { type: 'Microsoft.DBforPostgreSQL/flexibleServers/databases', apiVersion: '2025-08-01', name: 'appdb', parent: server, properties: { charset: 'UTF8' } });
    const template = templateOf(app, 'S');
    expect(Object.keys(template.resources[0])).to.deep.equal(['condition', 'type', 'apiVersion', 'name', 'location', 'tags', 'sku', 'kind', 'identity', 'zones', 'properties']);
    expect(template.resources[0].tags).to.deep.equal({ a: '1', b: '2' });
    expect(template.resources[1].name).to.equal("[format('{0}/appdb', parameters('serverName'))]");
    expect(template.resources[1]).to.not.have.property('location');
    expect(Object.keys(template)).to.deep.equal(['$schema', 'contentVersion', 'metadata', 'parameters', 'resources']);
  });

  it('applies overrides after rendering, without touching the props object', () => {
    const app = new App();
    const stack = new Stack(app, 'S');
    const properties = { network: { publicNetworkAccess: 'Enabled' }, keep: 1 };
    const r = new ArmResource(stack, 'R', { type: 'Microsoft.Test/things', apiVersion: '2025-01-01', name: 'r', properties });
    r.addPropertyOverride('network.publicNetworkAccess', 'Disabled');
    r.addOverride('sku.name', 'B1');
    r.addDeletionOverride('properties.keep');
    const resource = templateOf(app, 'S').resources[0];
    expect(resource.properties).to.deep.equal({ network: { publicNetworkAccess: 'Disabled' } });
    expect(resource.sku).to.deep.equal({ name: 'B1' });
    expect(properties.network.publicNetworkAccess).to.equal('Enabled');
  });

  it("defaults the location to a 'location' parameter (resource group's location unless the stack says otherwise)", () => {
    const app = new App();
    const stack = new Stack(app, 'S');
    new ArmResource(stack, 'R', { type: 'Microsoft.Test/things', apiVersion: '2025-01-01', name: 'r' });
    const template = templateOf(app, 'S');
    expect(template.parameters.location.defaultValue).to.equal('[resourceGroup().location]');
    expect(template.resources[0].location).to.equal("[parameters('location')]");
  });

  it("uses the stack's own Parameter 'location' when one is declared, and lets an Output be called 'location'", () => {
    const app = new App();
    const stack = new Stack(app, 'S');
    new Parameter(stack, 'location', { type: 'string', allowedValues: ['westeurope', 'northeurope'], defaultValue: 'westeurope' });
    const r = new ArmResource(stack, 'R', { type: 'Microsoft.Test/things', apiVersion: '2025-01-01', name: 'r' });
    new Output(stack, 'locationOut', { value: stack.location });
    new Output(new Construct(stack, 'Inner'), 'location', { value: r.name });
    const template = templateOf(app, 'S');
    expect(template.parameters).to.deep.equal({ location: { type: 'string', defaultValue: 'westeurope', allowedValues: ['westeurope', 'northeurope'] } });
    expect(template.resources[0].location).to.equal("[parameters('location')]");
    expect(template.outputs.location).to.deep.equal({ type: 'string', value: 'r' });
  });

  it("uses a Parameter named 'location' under any construct id; a nested one is told how to replace the implicit one", () => {
    const app = new App();
    const stack = new Stack(app, 'S');
    new Parameter(stack, 'Region', { name: 'location', type: 'string', defaultValue: 'westeurope' });
    new ArmResource(stack, 'R', { type: 'Microsoft.Test/things', apiVersion: '2025-01-01', name: 'r' });
    const template = templateOf(app, 'S');
    expect(Object.keys(template.parameters)).to.deep.equal(['location']);
    expect(template.parameters.location.defaultValue).to.equal('westeurope');

    const nestedApp = new App();
    const nested = new Stack(nestedApp, 'S');
    new Parameter(new Construct(nested, 'Settings'), 'location', { type: 'string' });
    new ArmResource(nested, 'R', { type: 'Microsoft.Test/things', apiVersion: '2025-01-01', name: 'r' });
    expect(() => nestedApp.synth()).to.throw("[S/Settings/location] parameter 'location' clashes with the stack's implicit location parameter: declare it directly under the stack");
  });

  it('refuses two outputs (or parameters, variables) with one template name', () => {
    const app = new App();
    const stack = new Stack(app, 'S');
    new Output(new Construct(stack, 'A'), 'fqdn', { value: 'a' });
    new Output(new Construct(stack, 'B'), 'FQDN', { value: 'b' });
    expect(() => app.synth()).to.throw("[S/B/FQDN] output name 'FQDN' is also used by S/A/fqdn (names are case-insensitive in ARM): rename one.");
  });

  it('leaves the location parameter out when nothing uses it', () => {
    const app = new App();
    const stack = new Stack(app, 'S');
    new ArmResource(stack, 'R', { type: 'Microsoft.Test/things', apiVersion: '2025-01-01', name: 'r', location: 'global' });
    expect(templateOf(app, 'S').parameters).to.deep.equal({});
  });
});

describe('overrides', () => {
  it('refuses top-level keys azcdk does not write, rather than dropping them silently', () => {
    const app = new App();
    const stack = new Stack(app, 'S');
    const r = new ArmResource(stack, 'R', { type: 'Microsoft.Test/things', apiVersion: '2025-01-01', name: 'r' });
    r.addOverride('scope', 'Microsoft.KeyVault/vaults/kv');
    expect(() => app.synth()).to.throw("[S/R] addOverride('scope'...) sets a top-level key azcdk does not write (it writes location, extendedLocation, tags, sku, kind, identity, zones, placement, plan, managedBy, etag, eTag, properties)");
  });
});
