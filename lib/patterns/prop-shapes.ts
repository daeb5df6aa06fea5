/**
 * The Shape of each L2's props (see prop-checks.ts). Each is typed `Shape<Props>`, so a prop added
 * to, renamed in or removed from a props interface fails to compile here until its check follows.
 */
import type { ImageReferenceSpec } from '../resources/compute/virtual-machine.js';
import type { VmPublicIpOptions, WindowsVirtualMachineProps } from './compute/windows-virtual-machine.js';
import type { InboundRuleOptions, NetworkSecurityGroupProps } from './network/network-security-group.js';
import type { SubnetOptions, VirtualNetworkProps } from './network/virtual-network.js';
import type {
  PostgresAdministratorOptions, PostgresDatabaseOptions, PostgresFlexibleServerProps, PostgresHighAvailability,
  PostgresMaintenanceWindow, PostgresPrivateEndpointOptions, PostgresVnetIntegration,
} from './postgresql/flexible-server-props.js';
import type { ARecordOptions, PrivateDnsZoneProps } from './private-link/private-dns-zone.js';
import type { PrivateEndpointDnsOptions, PrivateEndpointProps, PrivateLinkTarget } from './private-link/private-endpoint.js';
import { example, required, type Check, type Shape } from './prop-checks.js';

const TAGS: Check = { record: 'value' };
const ZONE = example('value', "'1'");

const HIGH_AVAILABILITY: Shape<PostgresHighAvailability> = { mode: required(example('string', "'ZoneRedundant'")), standbyZone: ZONE };
const MAINTENANCE_WINDOW: Shape<PostgresMaintenanceWindow> = { day: required(example('string', "'Sunday'")), startHour: required('number'), startMinute: 'number' };
const VNET_INTEGRATION: Shape<PostgresVnetIntegration> = { delegatedSubnet: required('checked-elsewhere'), privateDnsZone: required('checked-elsewhere'), linkVirtualNetwork: 'boolean' };
const DATABASE: Shape<PostgresDatabaseOptions> = { charset: 'string', collation: 'string' };
const FIREWALL_RULE: Shape<NonNullable<PostgresFlexibleServerProps['firewallRules']>[string]> = { startIpAddress: required('value'), endIpAddress: 'value' };

/** PostgresFlexibleServer's props. */
export const POSTGRES_SERVER_PROPS: Shape<PostgresFlexibleServerProps> = {
  name: 'value',
  version: example('value', "'17'"),
  sku: 'checked-elsewhere',
  storageSizeGb: example('number', '128'),
  storageAutoGrow: 'boolean',
  storageTier: example('string', "'P10'"),
  availabilityZone: ZONE,
  highAvailability: { object: HIGH_AVAILABILITY },
  backupRetentionDays: 'number',
  geoRedundantBackup: 'boolean',
  maintenanceWindow: { object: MAINTENANCE_WINDOW },
  administratorLogin: 'value',
  administratorPassword: 'checked-elsewhere',
  passwordAuthentication: 'boolean',
  entraAuthentication: 'boolean',
  publicNetworkAccess: 'boolean',
  vnetIntegration: { object: VNET_INTEGRATION },
  databases: { record: { object: DATABASE } },
  firewallRules: { record: { object: FIREWALL_RULE } },
  configurations: { record: 'value' },
  location: 'value',
  tags: TAGS,
};

/** PostgresFlexibleServer.addAdministrator's options. */
export const POSTGRES_ADMINISTRATOR_OPTIONS: Shape<PostgresAdministratorOptions> = {
  objectId: required('string'), principalName: required('value'), principalType: required(example('string', "'User'")), tenantId: 'value',
};

const ENDPOINT_DNS: Shape<PrivateEndpointDnsOptions> = { mode: example('string', "'zoneGroup'"), zone: 'checked-elsewhere', linkVirtualNetwork: 'boolean' };

/** addPrivateEndpoint's options (PostgreSQL). */
export const POSTGRES_ENDPOINT_OPTIONS: Shape<PostgresPrivateEndpointOptions> = {
  id: 'string', name: 'value', dns: { object: ENDPOINT_DNS }, manualApproval: 'boolean',
};

const TARGET: Shape<PrivateLinkTarget> = { resourceId: required('value'), groupId: required(example('string', "'postgresqlServer'")), recordName: 'value' };

/** PrivateEndpoint's props. */
export const PRIVATE_ENDPOINT_PROPS: Shape<PrivateEndpointProps> = {
  subnet: required('checked-elsewhere'),
  target: required({ object: TARGET }),
  name: 'value',
  networkInterfaceName: 'string',
  manualApproval: 'boolean',
  dns: { object: ENDPOINT_DNS },
  location: 'value',
  tags: TAGS,
};

/** PrivateDnsZone's props. */
export const PRIVATE_DNS_ZONE_PROPS: Shape<PrivateDnsZoneProps> = { zoneName: required(example('string', "'privatelink.postgres.database.azure.com'")), tags: TAGS };

/** PrivateDnsZone.addARecord's options. */
export const A_RECORD_OPTIONS: Shape<ARecordOptions> = { recordName: required('value'), ipv4Addresses: required({ array: 'value' }), ttl: 'number' };

/** VirtualNetwork's props. */
export const VIRTUAL_NETWORK_PROPS: Shape<VirtualNetworkProps> = {
  name: 'value',
  addressSpace: required({ array: example('string', "'10.0.0.0/16'") }),
  location: 'value',
  tags: TAGS,
  dnsServers: { array: 'value' },
};

/** VirtualNetwork.addSubnet's options. */
export const SUBNET_OPTIONS: Shape<SubnetOptions> = {
  addressPrefix: required(example('string', "'10.0.0.0/24'")),
  networkSecurityGroup: 'checked-elsewhere',
  privateEndpointNetworkPolicies: example('string', "'Disabled'"),
  privateLinkServiceNetworkPolicies: example('string', "'Enabled'"),
  defaultOutboundAccess: 'boolean',
  delegations: { array: 'string' },
  serviceEndpoints: { array: 'string' },
};

/** NetworkSecurityGroup's props. */
export const NETWORK_SECURITY_GROUP_PROPS: Shape<NetworkSecurityGroupProps> = { name: 'value', location: 'value', tags: TAGS };

/** allowInbound / denyInbound options. */
export const INBOUND_RULE_OPTIONS: Shape<InboundRuleOptions> = {
  from: required('value'),
  port: required({ anyOf: ['number', 'string'] }),
  protocol: example('string', "'Tcp'"),
  to: 'value',
  priority: 'number',
  description: 'string',
};

const IMAGE: Shape<ImageReferenceSpec> = { publisher: required('string'), offer: required('string'), sku: required('string'), version: 'string' };
const PUBLIC_IP: Shape<VmPublicIpOptions> = { sku: example('string', "'Standard'"), domainNameLabel: 'value' };

/** WindowsVirtualMachine's props. */
export const WINDOWS_VM_PROPS: Shape<WindowsVirtualMachineProps> = {
  subnet: required('checked-elsewhere'),
  adminUsername: required('value'),
  adminPassword: required('checked-elsewhere'),
  name: 'value',
  computerName: 'value',
  vmSize: 'value',
  image: { object: IMAGE },
  publicIp: { anyOf: ['boolean', { object: PUBLIC_IP }] },
  allowRdpFrom: 'value',
  networkSecurityGroup: 'checked-elsewhere',
  osDiskType: example('string', "'StandardSSD_LRS'"),
  zone: example('string', "'1'"),
  location: 'value',
  tags: TAGS,
};
