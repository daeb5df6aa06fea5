/**
 * Small apps the deploy tests synthesize: the hello example's network, a database stack with a
 * secure parameter, and stacks with dependencies.
 */
import { App, ArmResource, ExistingResource, Fn, Output, Parameter, Stack } from '../../lib/index.js';

/** Network stack: an NSG and a VNet that references it; output nsgId. */
export function networkStack(app: App, name = 'Network'): Stack {
  const stack = new Stack(app, name, { location: 'westeurope' });
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
  return stack;
}

/** The hello example as an App. */
export function networkApp(): App {
  const app = new App();
  networkStack(app);
  return app;
}

/** A database stack: secure password, int and bool parameters, output of the server name. */
export function dbApp(): App {
  const app = new App();
  const stack = new Stack(app, 'Db', { location: 'westeurope' });
  const login = new Parameter(stack, 'administratorLogin', { type: 'string' });
  const password = new Parameter(stack, 'administratorLoginPassword', { type: 'securestring', maxLength: 20 });
  const storage = new Parameter(stack, 'storageSizeGB', { type: 'int', defaultValue: 32 });
  const ha = new Parameter(stack, 'highAvailability', { type: 'bool', defaultValue: false });
  const server = new ArmResource(stack, 'Server', {
    type: 'Microsoft.DBforPostgreSQL/flexibleServers', apiVersion: '2024-08-01', name: `pg-${login.value}`,
    properties: {
      administratorLogin: login.value, administratorLoginPassword: password.value,
      storage: { storageSizeGB: storage.value }, highAvailability: { enabled: ha.value },
    },
  });
  new Output(stack, 'serverName', { value: server.name });
  return app;
}

/** Two stacks named so that alphabetical order is wrong: Alpha depends on Zeta. */
export function chainedApp(): App {
  const app = new App();
  const zeta = new Stack(app, 'Zeta', { location: 'westeurope' });
  new ArmResource(zeta, 'Identity', { type: 'Microsoft.ManagedIdentity/userAssignedIdentities', apiVersion: '2023-01-31', name: 'zeta-id' });
  const alpha = new Stack(app, 'Alpha', { location: 'westeurope' });
  new ArmResource(alpha, 'Identity', { type: 'Microsoft.ManagedIdentity/userAssignedIdentities', apiVersion: '2023-01-31', name: 'alpha-id' });
  alpha.addStackDependency(zeta);
  return app;
}

/** A subnet whose parent VNet is neither in the template nor deployed. */
export function orphanApp(): App {
  const app = new App();
  const stack = new Stack(app, 'Orphan', { location: 'westeurope' });
  const vnet = new ExistingResource(stack, 'Vnet', { type: 'Microsoft.Network/virtualNetworks', apiVersion: '2025-07-01', name: 'ghost-vnet' });
  new ArmResource(stack, 'Subnet', { type: 'Microsoft.Network/virtualNetworks/subnets', apiVersion: '2025-07-01', name: 'a', parent: vnet, properties: { addressPrefix: '10.1.0.0/24' } });
  return app;
}

/** A resource named by an expression the CLI does not evaluate (matched by type). */
export function uniqueNameApp(): App {
  const app = new App();
  const stack = new Stack(app, 'Unique', { location: 'westeurope' });
  new ArmResource(stack, 'Storage', {
    type: 'Microsoft.Storage/storageAccounts', apiVersion: '2024-01-01',
    name: Fn.uniqueString(Fn.resourceGroup().get('id')), properties: {},
  });
  return app;
}
