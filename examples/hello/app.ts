import { App, ArmResource, Output, Parameter, Stack } from 'azcdk';

const app = new App();
const stack = new Stack(app, 'Network', { location: 'westeurope' });
const prefix = new Parameter(stack, 'prefix', { type: 'string', maxLength: 10, value: 'demo' });
const nsg = new ArmResource(stack, 'Nsg', {
  type: 'Microsoft.Network/networkSecurityGroups', apiVersion: '2025-07-01',
  name: `${prefix.value}-nsg`, properties: { securityRules: [] },
});
new ArmResource(stack, 'Vnet', {
  type: 'Microsoft.Network/virtualNetworks', apiVersion: '2025-07-01', name: `${prefix.value}-vnet`,
  properties: {
    addressSpace: { addressPrefixes: ['10.0.0.0/16'] },
    subnets: [{ name: 'a', properties: { addressPrefix: '10.0.0.0/24', networkSecurityGroup: { id: nsg.id } } }],
  },
});
new Output(stack, 'nsgId', { value: nsg.id });
