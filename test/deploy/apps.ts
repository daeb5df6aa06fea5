/**
 * Small apps the deploy tests synthesize (besides examples/hello, see writeHello): a database
 * stack with a secure parameter, stacks with dependencies, names only Azure can evaluate.
 */
import { App, ArmResource, ExistingResource, Fn, Output, Parameter, Stack } from '../../lib/index.js';

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

/** Two resources of one type named with uniqueString(resourceGroup().id): only their names tell them apart. */
export function uniqueNameApp(): App {
  const app = new App();
  const stack = new Stack(app, 'Unique', { location: 'westeurope' });
  for (const [id, suffix] of [['Storage', 'a'], ['Storage2', 'b']]) {
    new ArmResource(stack, id, {
      type: 'Microsoft.Storage/storageAccounts', apiVersion: '2024-01-01',
      name: Fn.format('{0}{1}', Fn.uniqueString(Fn.resourceGroup().get('id')), suffix), properties: {},
    });
  }
  return app;
}

/**
 * Network's outputs feed App's parameters of the same names (App depends on Network): vnetId
 * (no default) and subnetName (a default the output overrides). `vnetIdType` is the type of App's
 * vnetId parameter (to test a mismatch).
 */
export function feedingApp(vnetIdType: 'string' | 'int' = 'string'): App {
  const app = new App();
  const network = new Stack(app, 'Network', { location: 'westeurope' });
  const vnet = new ArmResource(network, 'Vnet', {
    type: 'Microsoft.Network/virtualNetworks', apiVersion: '2025-07-01', name: 'feed-vnet',
    properties: { addressSpace: { addressPrefixes: ['10.0.0.0/16'] }, subnets: [{ name: 'apps', properties: { addressPrefix: '10.0.0.0/24' } }] },
  });
  new Output(network, 'vnetId', { value: vnet.id });
  new Output(network, 'subnetName', { value: 'apps' });
  const consumer = new Stack(app, 'App', { location: 'westeurope' });
  const vnetId = new Parameter(consumer, 'vnetId', { type: vnetIdType });
  const subnetName = new Parameter(consumer, 'subnetName', { type: 'string', defaultValue: 'default' });
  new ArmResource(consumer, 'Identity', {
    type: 'Microsoft.ManagedIdentity/userAssignedIdentities', apiVersion: '2023-01-31', name: 'app-id',
    tags: { vnet: `${vnetId.value}`, subnet: subnetName.value },
  });
  consumer.addStackDependency(network);
  return app;
}
