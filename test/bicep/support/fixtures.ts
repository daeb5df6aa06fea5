/**
 * Hand-built stacks for the Bicep tests: together they use every expression kind, every escape,
 * children of declared and existing parents, conditions and ordering edges.
 */
import { Construct } from 'constructs';
import { App, ArmResource, ExistingResource, Fn, Literal, Output, Parameter, Stack, Variable } from '../../../lib/index.js';

const NET = '2025-09-01';

/** Every expression kind and escape in one stack. */
export function everythingApp(): App {
  const app = new App();
  const stack = new Stack(app, 'Everything', { description: "Everything's here: ${not} [interpolated] {0}" });
  const prefix = new Parameter(stack, 'prefix', { type: 'string', minLength: 2, maxLength: 12, description: "Prefix, e.g. 'app'." });
  const secret = new Parameter(stack, 'secret', { type: 'securestring', minLength: 8 });
  const settings = new Parameter(stack, 'settings', { type: 'secureObject' });
  const count = new Parameter(stack, 'count', { type: 'int', minValue: -2, maxValue: 9, defaultValue: 3, allowedValues: [-2, 3, 9] });
  const enabled = new Parameter(stack, 'enabled', { type: 'bool', defaultValue: true });
  const zones = new Parameter(stack, 'zones', { type: 'array', defaultValue: ['1', '2'], minLength: 1 });
  const extra = new Parameter(stack, 'extra', { type: 'object', defaultValue: { a: [1, { b: null }], 'c-d': "it's" } });
  const hubRg = new Parameter(stack, 'hubResourceGroup', { type: 'string', defaultValue: `rg-${Fn.uniqueString(Fn.resourceGroup().get('id'))}` });

  const hub = new ExistingResource(stack, 'Hub', {
    type: 'Microsoft.Network/virtualNetworks', apiVersion: NET, name: 'hub', resourceGroupName: hubRg.value, subscriptionId: Fn.subscription().get('subscriptionId'),
  });
  const hubSubnet = new ExistingResource(stack, 'HubSubnet', { type: 'Microsoft.Network/virtualNetworks/subnets', apiVersion: NET, name: 'shared', parent: hub });
  const nsg = new ArmResource(stack, 'Nsg', {
    type: 'Microsoft.Network/networkSecurityGroups', apiVersion: NET, name: `${prefix.value}-nsg`,
    tags: { 'cost-center': '42', quote: "o'clock", dollar: '${HOME}', bracket: '[not an expression]', braces: '{0} {{x}}', slash: 'a\\b', lines: 'one\ntwo\tthree', unicode: 'café ✓' },
  });
  const names = new Variable(stack, 'names', { value: { nsg: nsg.name, nsgId: nsg.id, plain: '[literal]' } });
  const vnet = new ArmResource(stack, 'Vnet', {
    type: 'Microsoft.Network/virtualNetworks', apiVersion: NET, name: `${prefix.value}-vnet`,
    properties: {
      addressSpace: { addressPrefixes: ['10.0.0.0/16'] },
      subnets: [{ name: 'app', properties: { addressPrefix: '10.0.1.0/24', networkSecurityGroup: { id: Fn.fromString(`${names.ref.get('nsgId')}`) } } }],
    },
  });
  const appSubnet = new ExistingResource(stack, 'AppSubnet', { type: 'Microsoft.Network/virtualNetworks/subnets', apiVersion: NET, name: 'app', parent: vnet });
  const peering = new ArmResource(stack, 'Peering', {
    type: 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings', apiVersion: NET, name: `to-${hub.name}`, parent: vnet,
    properties: { remoteVirtualNetwork: { id: hub.id }, allowForwardedTraffic: enabled.value },
  });
  // A declared child of an imported parent (in this resource group).
  const spoke = new ExistingResource(stack, 'Spoke', { type: 'Microsoft.Network/virtualNetworks', apiVersion: NET, name: `${prefix.value}-spoke` });
  const hubPeering = new ArmResource(stack, 'HubPeering', {
    type: 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings', apiVersion: NET, name: `from-${vnet.name}`, parent: spoke,
    properties: { remoteVirtualNetwork: { id: vnet.id } },
  });
  const rule = new ArmResource(stack, 'Rule', {
    type: 'Microsoft.Network/networkSecurityGroups/securityRules', apiVersion: NET, name: 'deny', parent: nsg,
    condition: Fn.and(enabled.value, Fn.or(Fn.equals(count.value, 3), Fn.not(Fn.empty(prefix.value)))),
    properties: {
      priority: Fn.call('add', [100, Fn.call('mul', [count.value, Fn.call('sub', [2, 1])])]),
      description: `${Fn.if(enabled.value, 'on', 'off')} for ${Fn.toUpper(prefix.value)}; pw ${Fn.length(secret.value)}`,
      access: Fn.call('coalesce', [Fn.call('null'), 'Deny']),
      direction: 'Inbound',
      protocol: '*',
    },
  });
  // Values of every shape in properties no real type defines (a made-up type, which Bicep does not check).
  new ArmResource(stack, 'Oddities', {
    type: 'Microsoft.Test/oddities', apiVersion: '2025-01-01', name: 'odd', kind: 'Regular',
    sku: { name: 'Standard' }, identity: { type: 'SystemAssigned' },
    properties: {
      peer: peering.getRuntimeProperty('properties.peeringState'),
      owner: vnet.getRuntimeProperty('tags.owner'),
      apiVersionOfVnet: Fn.fromString(`${vnet.getRuntimeProperty('properties.resourceGuid')}@${hubPeering.getRuntimeProperty('properties.peeringState')}`),
      remote: hubSubnet.id,
      flags: [true, false, null, 0, -1, 2.5, 'x'],
      extra: Fn.call('union', [extra.value, Fn.call('createObject', ['k', Fn.call('createArray', [1, new Literal('two')])])]),
      vnetLocation: vnet.getRuntimeProperty('location'),
      guid: Fn.guid(vnet.id, `${vnet.name}`, Fn.call('string', [settings.value])),
      firstTag: Fn.resourceGroup().get('tags', 'odd-key'),
      firstZone: zones.value.get(0),
    },
  });
  const nic = new ArmResource(stack, 'Nic', {
    type: 'Microsoft.Network/networkInterfaces', apiVersion: NET, name: Fn.toLower(`${prefix.value}-NIC`),
    properties: {
      ipConfigurations: [{ name: 'ip', properties: { subnet: { id: appSubnet.id } } }],
    },
  });
  nic.addDependency(rule, 'wait for the rule');
  const group = new Construct(stack, 'Group');
  new ArmResource(group, 'Late', { type: 'Microsoft.Network/publicIPAddresses', apiVersion: NET, name: 'late', location: 'global', zones: zones.value as unknown as string[] });
  nic.node.addDependency(group);

  new Output(stack, 'vnetId', { value: vnet.id, description: "VNet's id" });
  new Output(stack, 'guid', { value: Fn.fromString(`${vnet.getRuntimeProperty('properties.resourceGuid')}`) });
  new Output(stack, 'countValue', { value: count.value, type: 'int' });
  new Output(stack, 'flags', { value: [enabled.value, 'x'] });
  new Output(stack, 'info', { value: { name: nsg.name, type: nsg.resourceType, hub: hubSubnet.id } });
  new Output(stack, 'prefixValue', { value: `${prefix.value}` });
  return app;
}

/** Every hand-built app of the Bicep tests, for the checks that run on all of them. */
export function bicepFixtureApps(): App[] {
  return [everythingApp(), variableNamedExistingApp(), outputsNamedLikeKeywordsApp()];
}

/** An existing resource named from a variable that references a declared resource. */
export function variableNamedExistingApp(): App {
  const app = new App();
  const s = new Stack(app, 'VariableNamedExisting');
  const a = new ArmResource(s, 'A', { type: 'Microsoft.T/a', apiVersion: '2025-01-01', name: 'a' });
  const v = new Variable(s, 'v', { value: `${a.name}-x` });
  const e = new ExistingResource(s, 'E', { type: 'Microsoft.T/e', apiVersion: '2025-01-01', name: `${v.ref}` });
  new ArmResource(s, 'B', { type: 'Microsoft.T/b', apiVersion: '2025-01-01', name: 'b', properties: { e: e.id } });
  return app;
}

/** Outputs named like functions, decorators and types (Bicep never binds a name to an output). */
export function outputsNamedLikeKeywordsApp(): App {
  const app = new App();
  const s = new Stack(app, 'OutputsNamedLikeKeywords');
  new Output(s, 'description', { value: Fn.resourceGroup().get('location'), description: 'where' });
  new Output(s, 'resourceGroup', { value: Fn.uniqueString(Fn.resourceGroup().get('id')) });
  new Output(s, 'string', { value: 'x' });
  new Output(s, 'json', { value: { ratio: 0.5 } });
  return app;
}
