/**
 * Microsoft.Network/virtualNetworks: typed L1, with subnets inline (separate subnet resources
 * make a redeploy of the VNet delete them).
 */
import type { Construct } from 'constructs';
import { type Value } from '../../core/index.js';
import { idRef, type TopLevelResourceProps } from '../common.js';
import { PropertyChecks } from '../validation.js';
import { NETWORK_API_VERSION } from './api-version.js';
import { topLevelEnvelope, TypedArmResource } from '../typed-resource.js';

/** How network policies apply to private endpoints in a subnet. */
export type PrivateEndpointNetworkPolicies = 'Disabled' | 'Enabled' | 'NetworkSecurityGroupEnabled' | 'RouteTableEnabled';

/** One inline subnet, in ARM terms. */
export interface SubnetSpec {
  /** Subnet name: 1-80 characters, letters, digits, '_', '.', '-'; starts with a letter or digit, ends with a letter, digit or '_'. */
  readonly name: string;
  /** The subnet's IPv4 CIDR, e.g. `10.0.1.0/24`; inside the VNet's address space. */
  readonly addressPrefix: Value<string>;
  /** NSG applied to the subnet. @default none */
  readonly networkSecurityGroupId?: Value<string>;
  /** Route table of the subnet. @default none */
  readonly routeTableId?: Value<string>;
  /** NAT gateway for outbound traffic. @default none */
  readonly natGatewayId?: Value<string>;
  /**
   * Whether NSGs / route tables apply to private endpoints in the subnet.
   * @default Azure's default, 'Disabled'
   */
  readonly privateEndpointNetworkPolicies?: PrivateEndpointNetworkPolicies;
  /** Network policies for private link services: 'Enabled' | 'Disabled'. @default Azure's default, 'Enabled' */
  readonly privateLinkServiceNetworkPolicies?: 'Enabled' | 'Disabled';
  /**
   * Implicit outbound internet access for VMs without a public IP, NAT gateway or load balancer.
   * @default Azure's default for the api-version (2025-07-01: false, a private subnet)
   */
  readonly defaultOutboundAccess?: Value<boolean>;
  /** Services the subnet is delegated to, e.g. `Microsoft.DBforPostgreSQL/flexibleServers`. @default none */
  readonly delegations?: readonly string[];
  /** Service endpoints, e.g. `Microsoft.Storage`. @default none */
  readonly serviceEndpoints?: readonly string[];
}

/** Props of ArmVirtualNetwork. */
export interface ArmVirtualNetworkProps extends TopLevelResourceProps {
  /** The address space: one or more IPv4 CIDRs. At least one. */
  readonly addressPrefixes: readonly Value<string>[];
  /** Inline subnets; more can be added with addSubnet(). @default none */
  readonly subnets?: readonly SubnetSpec[];
  /** Private endpoint VNet policies: 'Disabled' | 'Basic'. @default Azure's default, 'Disabled' */
  readonly privateEndpointVNetPolicies?: 'Disabled' | 'Basic';
  /** DNS servers of the VNet. @default Azure-provided DNS */
  readonly dnsServers?: readonly Value<string>[];
}

const SUBNET_NAME = /^[A-Za-z0-9]([A-Za-z0-9_.-]{0,78}[A-Za-z0-9_])?$/;
const VNET_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,62}[A-Za-z0-9_]$/;

/** A virtual network (L1). Name: 2-64 letters, digits, '_', '.', '-'; starts with a letter or digit, ends with a letter, digit or '_'. */
export class ArmVirtualNetwork extends TypedArmResource<ArmVirtualNetworkProps> {
  /** The ARM resource type. */
  public static readonly RESOURCE_TYPE = 'Microsoft.Network/virtualNetworks';
  /** The api-version this class renders and validates against. */
  public static readonly API_VERSION = NETWORK_API_VERSION;
  /** The subnet child type (for references to inline subnets). */
  public static readonly SUBNET_TYPE = 'Microsoft.Network/virtualNetworks/subnets';

  /** Subnets rendered inline, in order. */
  public readonly subnets: SubnetSpec[];

  constructor(scope: Construct, id: string, props: ArmVirtualNetworkProps) {
    super(scope, id, topLevelEnvelope(ArmVirtualNetwork, props), props);
    this.subnets = [...(props.subnets ?? [])];
  }

  /** Adds an inline subnet. */
  public addSubnet(subnet: SubnetSpec): void {
    this.subnets.push(subnet);
  }

  /** The VNet's resource GUID (runtime). */
  public get attrResourceGuid() {
    return this.getRuntimeProperty('properties.resourceGuid');
  }

  protected override renderProperties(): Record<string, unknown> {
    const p = this.typed;
    return {
      // Not an array only in a JavaScript app that left it out: validateProps reports it.
      addressSpace: { addressPrefixes: Array.isArray(p.addressPrefixes) ? [...p.addressPrefixes] : [] },
      dhcpOptions: p.dnsServers ? { dnsServers: [...p.dnsServers] } : undefined,
      privateEndpointVNetPolicies: p.privateEndpointVNetPolicies,
      subnets: this.subnets.map((s) => ({
        name: s.name,
        properties: {
          addressPrefix: s.addressPrefix,
          networkSecurityGroup: idRef(s.networkSecurityGroupId),
          routeTable: idRef(s.routeTableId),
          natGateway: idRef(s.natGatewayId),
          privateEndpointNetworkPolicies: s.privateEndpointNetworkPolicies,
          privateLinkServiceNetworkPolicies: s.privateLinkServiceNetworkPolicies,
          defaultOutboundAccess: s.defaultOutboundAccess,
          delegations: s.delegations?.map((serviceName) => ({ name: serviceName.replace(/[^A-Za-z0-9]/g, '-'), properties: { serviceName } })),
          serviceEndpoints: s.serviceEndpoints?.map((service) => ({ service })),
        },
      })),
    };
  }

  protected override validateProps(): string[] {
    const c = new PropertyChecks(ArmVirtualNetwork.RESOURCE_TYPE);
    c.matches('name', this.typed.name, VNET_NAME, 'use 2-64 letters, digits, underscores, periods or hyphens, starting with a letter or digit and ending with a letter, digit or underscore');
    // A JavaScript app can leave the required prop out: a message, not a TypeError.
    if (!Array.isArray(this.typed.addressPrefixes)) c.add(`addressPrefixes is missing or not an array: give the VNet's address ranges, e.g. ['10.0.0.0/16'].`);
    else if (this.typed.addressPrefixes.length === 0) c.add(`addressPrefixes is empty: a virtual network needs at least one address range, e.g. ['10.0.0.0/16'].`);
    c.oneOf('privateEndpointVNetPolicies', this.typed.privateEndpointVNetPolicies, ['Disabled', 'Basic']);
    const seen = new Set<string>();
    for (const s of this.subnets) {
      c.matches(`subnet name`, s.name, SUBNET_NAME, 'use 1-80 letters, digits, underscores, periods or hyphens, starting with a letter or digit and ending with a letter, digit or underscore');
      if (seen.has(s.name.toLowerCase())) c.add(`subnet '${s.name}' is declared twice: subnet names must be unique within a virtual network.`);
      seen.add(s.name.toLowerCase());
      c.oneOf(`subnet '${s.name}' privateEndpointNetworkPolicies`, s.privateEndpointNetworkPolicies, ['Disabled', 'Enabled', 'NetworkSecurityGroupEnabled', 'RouteTableEnabled']);
      c.oneOf(`subnet '${s.name}' privateLinkServiceNetworkPolicies`, s.privateLinkServiceNetworkPolicies, ['Enabled', 'Disabled']);
    }
    return c.errors;
  }
}
