import { expect } from 'chai';
import { App, ArmResource, ExistingResource, Fn, Output, Parameter, Stack, Variable } from '../../lib/index.js';
import { fileOf, manifestOf } from '../support/synth.js';

/** A small stack using every kind of declaration. */
function smallApp(): App {
  const app = new App();
  const stack = new Stack(app, 'Network', { description: 'Network for the demo' });
  const prefix = new Parameter(stack, 'prefix', { type: 'string', minLength: 2, maxLength: 10, description: 'Name prefix.' });
  const adminPassword = new Parameter(stack, 'adminPassword', { type: 'securestring' });
  const tier = new Parameter(stack, 'tier', { type: 'string', allowedValues: ['Basic', 'Standard'], defaultValue: 'Basic' });
  const count = new Parameter(stack, 'count', { type: 'int', minValue: 1, maxValue: 3, defaultValue: 1 });
  const space = new Variable(stack, 'addressSpace', { value: ['10.0.0.0/16'] });
  const nsg = new ArmResource(stack, 'Nsg', {
    type: 'Microsoft.Network/networkSecurityGroups', apiVersion: '2025-09-01', name: `${prefix.value}-nsg`,
    tags: { owner: "ops's team" },
  });
  const vnet = new ArmResource(stack, 'Vnet', {
    type: 'Microsoft.Network/virtualNetworks', apiVersion: '2025-09-01', name: `${prefix.value}-vnet`,
    properties: {
      addressSpace: { addressPrefixes: space.ref },
      subnets: [{ name: 'app', properties: { addressPrefix: '10.0.1.0/24', networkSecurityGroup: { id: nsg.id } } }],
    },
  });
  const subnet = new ExistingResource(stack, 'AppSubnet', { type: 'Microsoft.Network/virtualNetworks/subnets', apiVersion: '2025-09-01', name: 'app', parent: vnet });
  const rule = new ArmResource(stack, 'Rule', {
    type: 'Microsoft.Network/networkSecurityGroups/securityRules', apiVersion: '2025-09-01', name: 'deny-all', parent: nsg,
    condition: Fn.equals(tier.value, 'Standard'),
    properties: { priority: 4096, access: 'Deny', description: `count ${count.value}, pw set: ${Fn.not(Fn.empty(adminPassword.value))}` },
  });
  const nic = new ArmResource(stack, 'Nic', {
    type: 'Microsoft.Network/networkInterfaces', apiVersion: '2025-09-01', name: `${prefix.value}-nic`,
    properties: { ipConfigurations: [{ name: 'ip', properties: { subnet: { id: subnet.id } } }] },
  });
  nic.addDependency(rule, 'wait for the rule');
  new Output(stack, 'vnetId', { value: vnet.id, description: 'The VNet.' });
  new Output(stack, 'nicIp', { value: nic.getRuntimeProperty('properties.ipConfigurations[0].properties.privateIPAddress') });
  return app;
}

const GOLDEN = `metadata description = 'Network for the demo'

@description('Location of the resources.')
param location string = resourceGroup().location

@description('Name prefix.')
@minLength(2)
@maxLength(10)
param prefix string

@secure()
param adminPassword string

@allowed([
  'Basic'
  'Standard'
])
param tier string = 'Basic'

@minValue(1)
@maxValue(3)
param count int = 1

var addressSpace = [
  '10.0.0.0/16'
]

resource appSubnet 'Microsoft.Network/virtualNetworks/subnets@2025-09-01' existing = {
  parent: vnet
  name: 'app'
}

resource nsg 'Microsoft.Network/networkSecurityGroups@2025-09-01' = {
  name: '\${prefix}-nsg'
  location: location
  tags: {
    owner: 'ops\\'s team'
  }
}

resource vnet 'Microsoft.Network/virtualNetworks@2025-09-01' = {
  name: '\${prefix}-vnet'
  location: location
  properties: {
    addressSpace: {
      addressPrefixes: addressSpace
    }
    subnets: [
      {
        name: 'app'
        properties: {
          addressPrefix: '10.0.1.0/24'
          networkSecurityGroup: {
            id: nsg.id
          }
        }
      }
    ]
  }
}

resource rule 'Microsoft.Network/networkSecurityGroups/securityRules@2025-09-01' = if (tier == 'Standard') {
  parent: nsg
  name: 'deny-all'
  properties: {
    priority: 4096
    access: 'Deny'
    description: 'count \${count}, pw set: \${!empty(adminPassword)}'
  }
}

resource nic 'Microsoft.Network/networkInterfaces@2025-09-01' = {
  name: '\${prefix}-nic'
  location: location
  properties: {
    ipConfigurations: [
      {
        name: 'ip'
        properties: {
          subnet: {
            id: appSubnet.id
          }
        }
      }
    ]
  }
  dependsOn: [
    rule // wait for the rule
  ]
}

@description('The VNet.')
output vnetId string = vnet.id

output nicIp string = nic.properties.ipConfigurations[0].properties.privateIPAddress
`;

describe('Bicep writer', () => {
  it('writes the golden Bicep of a small stack', () => {
    expect(fileOf(smallApp().synth(), 'Network.bicep')).to.equal(GOLDEN);
  });

  it('lists the Bicep file in the manifest, beside the template', () => {
    expect(manifestOf(smallApp()).stacks.Network).to.include({ template: 'Network.json', bicep: 'Network.bicep' });
  });

  it('is deterministic: two synths of the same app give the same text, whatever tokens exist already', () => {
    const first = smallApp().synth();
    for (let i = 0; i < 7; i++) void `${Fn.uniqueString(`unrelated-${i}`)}`; // shifts every later token number
    const second = smallApp().synth();
    for (const file of first.files.keys()) expect(fileOf(second, file), file).to.equal(fileOf(first, file));
  });

  it('renames symbols that clash with keywords, functions and parameters, and qualifies shadowed calls', () => {
    const app = new App();
    const stack = new Stack(app, 'S');
    const concat = new Parameter(stack, 'concat', { type: 'string', defaultValue: 'x' });
    new Variable(stack, 'concat2', { value: Fn.concat(concat.value, 'y') });
    new ArmResource(stack, 'Resource', { type: 'Microsoft.A/b', apiVersion: '2025-01-01', name: 'r1', location: null });
    new ArmResource(stack, 'ResourceGroup', { type: 'Microsoft.A/b', apiVersion: '2025-01-01', name: 'r2', location: null });
    new ArmResource(stack, 'ResourceGroupResource', { type: 'Microsoft.A/b', apiVersion: '2025-01-01', name: 'r3', location: null });
    new ArmResource(stack, 'Concat2', { type: 'Microsoft.A/b', apiVersion: '2025-01-01', name: 'r4', location: null });
    const text = fileOf(app.synth(), 'S.bicep');
    expect(text).to.contain("var concat2 = sys.concat(concat, 'y')");
    // 'resource' is a keyword, 'resourceGroup' a function; 'resourceGroupResource' keeps its natural name.
    expect(text).to.contain("resource resourceResource 'Microsoft.A/b@2025-01-01' = {\n  name: 'r1'");
    expect(text).to.contain("resource resourceGroupResource2 'Microsoft.A/b@2025-01-01' = {\n  name: 'r2'");
    expect(text).to.contain("resource resourceGroupResource 'Microsoft.A/b@2025-01-01' = {\n  name: 'r3'");
    expect(text).to.contain("resource concat2Resource 'Microsoft.A/b@2025-01-01' = {\n  name: 'r4'");
  });

  it('refuses a parameter name Bicep reserves', () => {
    const app = new App();
    const stack = new Stack(app, 'S');
    new Parameter(stack, 'sys', { type: 'string' });
    expect(() => app.synth()).to.throw(/parameter name 'sys' is reserved in Bicep/);
  });

  it('declares only the existing resources it uses, with their scope', () => {
    const app = new App();
    const stack = new Stack(app, 'S');
    const hub = new ExistingResource(stack, 'Hub', { type: 'Microsoft.Network/virtualNetworks', apiVersion: '2025-09-01', name: 'hub', resourceGroupName: 'rg-hub' });
    new ExistingResource(stack, 'Unused', { type: 'Microsoft.Network/virtualNetworks', apiVersion: '2025-09-01', name: 'unused' });
    new Output(stack, 'hubId', { value: hub.id });
    const text = fileOf(app.synth(), 'S.bicep');
    expect(text).to.contain("resource hub 'Microsoft.Network/virtualNetworks@2025-09-01' existing = {\n  scope: resourceGroup('rg-hub')\n  name: 'hub'\n}");
    expect(text).not.to.contain('unused');
  });

  it('ends with exactly one newline and uses LF only', () => {
    const text = fileOf(smallApp().synth(), 'Network.bicep');
    expect(text.endsWith('}\n') || text.endsWith('\n')).to.equal(true);
    expect(text.endsWith('\n\n')).to.equal(false);
    expect(text).not.to.contain('\r');
  });
});
