/**
 * A small stack for the assertion tests: NSG, VNet referencing it, a PostgreSQL server with a
 * child database (parent edge) and a firewall rule ordered after the database (ordering edge).
 */
import { App, ArmResource, Output, Parameter, Stack } from '../../lib/index.js';

export function dataStack() {
  const app = new App();
  const stack = new Stack(app, 'Data', { location: 'westeurope' });
  const prefix = new Parameter(stack, 'prefix', { type: 'string', maxLength: 10, description: 'Name prefix' });
  const nsg = new ArmResource(stack, 'Nsg', {
    type: 'Microsoft.Network/networkSecurityGroups', apiVersion: '2025-07-01',
    name: `${prefix.value}-nsg`, properties: { securityRules: [] },
  });
  const vnet = new ArmResource(stack, 'Vnet', {
    type: 'Microsoft.Network/virtualNetworks', apiVersion: '2025-07-01', name: `${prefix.value}-vnet`,
    properties: {
      addressSpace: { addressPrefixes: ['10.0.0.0/16'] },
      subnets: [
        { name: 'a', properties: { addressPrefix: '10.0.0.0/24', networkSecurityGroup: { id: nsg.id } } },
        { name: 'b', properties: { addressPrefix: '10.0.1.0/24' } },
      ],
    },
  });
  const server = new ArmResource(stack, 'Server', {
    type: 'Microsoft.DBforPostgreSQL/flexibleServers', apiVersion: '2024-08-01', name: 'pg-demo',
    sku: { name: 'Standard_B1ms', tier: 'Burstable' },
    properties: { version: '16', storage: { storageSizeGB: 64, autoGrow: 'Enabled' } },
  });
  const database = new ArmResource(stack, 'Database', {
    type: 'Microsoft.DBforPostgreSQL/flexibleServers/databases', apiVersion: '2024-08-01', name: 'app', parent: server,
    properties: { charset: 'UTF8' },
  });
  const rule = new ArmResource(stack, 'Rule', {
    type: 'Microsoft.DBforPostgreSQL/flexibleServers/firewallRules', apiVersion: '2024-08-01', name: 'office', parent: server,
    properties: { startIpAddress: '10.0.0.1', endIpAddress: '10.0.0.1' },
  });
  rule.addDependency(database, 'PostgreSQL rejects concurrent child writes');
  new Output(stack, 'nsgId', { value: nsg.id, description: 'The NSG' });
  new Output(stack, 'serverFqdn', { value: server.getRuntimeProperty('properties.fullyQualifiedDomainName') });
  return { app, stack, prefix, nsg, vnet, server, database, rule };
}
