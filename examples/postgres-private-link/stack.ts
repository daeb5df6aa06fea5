/**
 * The stack of examples/postgres-private-link (see app.ts): the scenario of "Azure Database for
 * PostgreSQL Flexible Server networking with Private Link", done right.
 */
import {
  NetworkSecurityGroup, Output, Parameter, PostgresFlexibleServer, PostgresSku, Stack, VirtualNetwork, WindowsVirtualMachine, type App,
} from 'azcdk';

/** Options of the example's stack. */
export interface PostgresPrivateLinkProps {
  /**
   * Take the client VM's size from a `vmSize` template parameter. With false, the template has
   * no such parameter and the VM gets WindowsVirtualMachine's default size.
   * @default true
   */
  readonly vmSizeParameter?: boolean;
}

/** Builds the example's stack `PostgresPrivateLink` in `app`. */
export function postgresPrivateLink(app: App, props: PostgresPrivateLinkProps = {}): Stack {
  const stack = new Stack(app, 'PostgresPrivateLink', {
    description: 'PostgreSQL flexible server reached through a private endpoint and private DNS, with a Windows client VM.',
  });

  const administratorLogin = new Parameter(stack, 'administratorLogin', {
    type: 'string', minLength: 1, maxLength: 63, value: 'mylogin', description: 'PostgreSQL administrator login (cannot be changed later).',
  });
  const administratorLoginPassword = new Parameter(stack, 'administratorLoginPassword', {
    type: 'securestring', minLength: 8, maxLength: 128, description: 'PostgreSQL administrator password.',
  });
  const postgresVersion = new Parameter(stack, 'postgresVersion', {
    type: 'string', defaultValue: '16', allowedValues: ['13', '14', '15', '16', '17', '18'], description: 'PostgreSQL major version.',
  });
  const clientIpAddress = new Parameter(stack, 'clientIpAddress', {
    type: 'string', value: '203.0.113.7', description: 'Public IPv4 address of the operator, admitted by the PostgreSQL firewall.',
  });
  const rdpSourceAddressPrefix = new Parameter(stack, 'rdpSourceAddressPrefix', {
    type: 'string', value: '203.0.113.7/32', description: 'IPv4 CIDR allowed to RDP to the client VM.',
  });
  const vmAdminUsername = new Parameter(stack, 'vmAdminUsername', {
    type: 'string', minLength: 1, maxLength: 20, value: 'azureuser', description: 'Client VM administrator name.',
  });
  const vmAdminPassword = new Parameter(stack, 'vmAdminPassword', {
    type: 'securestring', minLength: 12, maxLength: 123, description: 'Client VM administrator password.',
  });
  // Standard_D2s_v3 is also WindowsVirtualMachine's default: newer sizes (v5) are valid in Azure
  // but missing from the published ARM schema, which template validators check.
  const vmSize = props.vmSizeParameter === false ? undefined : new Parameter(stack, 'vmSize', {
    type: 'string', defaultValue: 'Standard_D2s_v3', description: 'Client VM size (Generation 2 and Trusted Launch capable).',
  });

  // Network: one subnet for the endpoint and the VM; the NSG governs the VM's NIC (endpoint
  // network policies stay disabled, as the document asks).
  const nsg = new NetworkSecurityGroup(stack, 'Nsg', { name: 'myNetworkSecurityGroup' });
  const vnet = new VirtualNetwork(stack, 'Vnet', { name: 'myVirtualNetwork', addressSpace: ['10.0.0.0/16'] });
  const subnet = vnet.addSubnet('mySubnet', {
    addressPrefix: '10.0.0.0/24', networkSecurityGroup: nsg, privateEndpointNetworkPolicies: 'Disabled',
  });

  // The server: HA needs GeneralPurpose or MemoryOptimized.
  const server = new PostgresFlexibleServer(stack, 'Db', {
    version: postgresVersion.value,
    sku: PostgresSku.generalPurpose('Standard_D2ds_v5'),
    storageSizeGb: 128,
    availabilityZone: '1',
    highAvailability: { mode: 'ZoneRedundant', standbyZone: '3' },
    administratorLogin: administratorLogin.value,
    administratorPassword: administratorLoginPassword,
    publicNetworkAccess: true, // only for the operator's firewall rule below; clients in the VNet use the private endpoint
    databases: { appdb: {} },
    firewallRules: { AllowClientIp: { startIpAddress: clientIpAddress.value } },
  });
  const endpoint = server.addPrivateEndpoint(subnet, { name: 'myPrivateEndpoint' });

  const vm = new WindowsVirtualMachine(stack, 'Client', {
    name: 'myVm', subnet, vmSize: vmSize?.value,
    adminUsername: vmAdminUsername.value, adminPassword: vmAdminPassword,
    publicIp: true, allowRdpFrom: rdpSourceAddressPrefix.value,
  });

  new Output(stack, 'postgresFqdn', { value: server.fullyQualifiedDomainName, description: 'Resolves to the private endpoint inside the VNet.' });
  new Output(stack, 'privateEndpointIp', { value: endpoint.privateIpAddress, description: 'Private IP of the PostgreSQL private endpoint.' });
  new Output(stack, 'vmPublicIp', { value: vm.publicIpAddress!, description: 'Public IP of the client VM (RDP).' });
  return stack;
}
