/**
 * The scenario of "Azure Database for PostgreSQL Flexible Server networking with Private Link",
 * done right: a VNet with a subnet whose private endpoint network policies are disabled, an NSG,
 * a flexible server with zone-redundant HA on a tier that supports it (the document's Burstable +
 * HA cannot deploy), a private endpoint (the document put server flags on it), the
 * privatelink.postgres.database.azure.com zone with a VNet link and a zone group (instead of a
 * hand-made A record), a firewall rule for the operator's IP, and a Windows client VM.
 *
 *   node dist/bin/azcdk.js synth --app examples/postgres-private-link/app.ts --out templates/postgres-private-link
 */
import {
  App, NetworkSecurityGroup, Output, Parameter, PostgresFlexibleServer, PostgresSku, Stack, VirtualNetwork, WindowsVirtualMachine,
} from 'azcdk';

const app = new App();
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
const vmSize = new Parameter(stack, 'vmSize', {
  type: 'string', defaultValue: 'Standard_D2s_v5', description: 'Client VM size (Generation 2 and Trusted Launch capable).',
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
  name: 'myVm', subnet, vmSize: vmSize.value,
  adminUsername: vmAdminUsername.value, adminPassword: vmAdminPassword,
  publicIp: true, allowRdpFrom: rdpSourceAddressPrefix.value,
});

new Output(stack, 'postgresFqdn', { value: server.fullyQualifiedDomainName, description: 'Resolves to the private endpoint inside the VNet.' });
new Output(stack, 'privateEndpointIp', { value: endpoint.privateIpAddress, description: 'Private IP of the PostgreSQL private endpoint.' });
new Output(stack, 'vmPublicIp', { value: vm.publicIpAddress!, description: 'Public IP of the client VM (RDP).' });
