/**
 * The example's scenario built with the L2 constructs, for tests that inspect or break it.
 */
import {
  App, NetworkSecurityGroup, Parameter, PostgresFlexibleServer, PostgresSku, Stack, VirtualNetwork, WindowsVirtualMachine,
  type PostgresFlexibleServerProps,
} from '../../lib/index.js';

export interface Scenario {
  app: App;
  stack: Stack;
  vnet: VirtualNetwork;
  nsg: NetworkSecurityGroup;
  password: Parameter;
  vmPassword: Parameter;
}

/** App + stack + VNet (10.0.0.0/16) with subnet 'endpoints' (10.0.1.0/24) behind an NSG, and secure parameters. */
export function baseScenario(): Scenario {
  const app = new App();
  const stack = new Stack(app, 'Test');
  const nsg = new NetworkSecurityGroup(stack, 'Nsg');
  const vnet = new VirtualNetwork(stack, 'Vnet', { addressSpace: ['10.0.0.0/16'] });
  vnet.addSubnet('endpoints', { addressPrefix: '10.0.1.0/24', networkSecurityGroup: nsg });
  const password = new Parameter(stack, 'adminPassword', { type: 'securestring' });
  const vmPassword = new Parameter(stack, 'vmPassword', { type: 'securestring' });
  return { app, stack, vnet, nsg, password, vmPassword };
}

/** A server with sensible props; `overrides` replace some. */
export function server(s: Scenario, overrides: Partial<PostgresFlexibleServerProps> = {}, id = 'Db'): PostgresFlexibleServer {
  return new PostgresFlexibleServer(s.stack, id, {
    version: '16', sku: PostgresSku.generalPurpose('Standard_D2ds_v5'), storageSizeGb: 128,
    administratorLogin: 'mylogin', administratorPassword: s.password, ...overrides,
  });
}

/** The whole scenario: server with HA, database, firewall rule, endpoint, VM. */
export function fullScenario(): Scenario & { db: PostgresFlexibleServer; vm: WindowsVirtualMachine } {
  const s = baseScenario();
  const subnet = s.vnet.subnets[0];
  const db = server(s, {
    availabilityZone: '1', highAvailability: { mode: 'ZoneRedundant', standbyZone: '3' }, publicNetworkAccess: true,
    databases: { appdb: {} }, firewallRules: { AllowClientIp: { startIpAddress: '203.0.113.7' } },
  });
  db.addPrivateEndpoint(subnet);
  const vm = new WindowsVirtualMachine(s.stack, 'Client', {
    subnet, adminUsername: 'azureuser', adminPassword: s.vmPassword, publicIp: true, allowRdpFrom: '203.0.113.7/32',
  });
  return { ...s, db, vm };
}
