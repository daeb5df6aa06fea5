/**
 * VirtualNetwork (L2): a VNet with inline subnets, address-space checks and private subnets by
 * default.
 */
import { Construct } from 'constructs';
import { AzcdkError, Stack, type Expression, type Value } from '../../core/index.js';
import { ArmVirtualNetwork, type PrivateEndpointNetworkPolicies } from '../../resources/network/virtual-network.js';
import { literalString } from '../../resources/validation.js';
import type { ImportLocationOptions } from '../imports.js';
import { defaultName } from '../physical-names.js';
import { Cidr } from './cidr.js';
import { ImportedVirtualNetwork } from './imported-virtual-network.js';
import type { INetworkSecurityGroup } from './network-security-group.js';
import { Subnet, type IVirtualNetwork } from './subnet.js';
import { checkProps } from '../prop-checks.js';
import { SUBNET_OPTIONS, VIRTUAL_NETWORK_PROPS } from '../prop-shapes.js';

/** Options of VirtualNetwork. */
export interface VirtualNetworkProps {
  /** Name (2-64 characters). @default `vnet-<id>` */
  readonly name?: Value<string>;
  /** Address space: IPv4 CIDRs (IPv6 is refused for now). */
  readonly addressSpace: readonly string[];
  /** Location. @default the stack's location */
  readonly location?: Value<string>;
  /** Tags. @default none */
  readonly tags?: Record<string, Value<string>>;
  /** Custom DNS servers. @default Azure-provided DNS (needed for private DNS zones to resolve) */
  readonly dnsServers?: readonly Value<string>[];
}

/** Options of VirtualNetwork.fromVirtualNetworkName. */
export interface VirtualNetworkImportOptions extends ImportLocationOptions {
  /**
   * The VNet's region. Private endpoints placed in its subnets are created in this region (an
   * endpoint must be in its VNet's region), so set it when the VNet is not in the stack's location.
   * @default the stack's location
   */
  readonly location?: Value<string>;
}

/** Options of addSubnet. */
export interface SubnetOptions {
  /** IPv4 CIDR inside the VNet's address space, not overlapping other subnets; /29 or larger. */
  readonly addressPrefix: string;
  /** NSG on the subnet. @default none */
  readonly networkSecurityGroup?: INetworkSecurityGroup;
  /**
   * Whether the subnet's NSG / route table also govern private endpoints in it.
   * @default 'Disabled' (Azure's default: endpoints are reached by the NSG rules of their clients)
   */
  readonly privateEndpointNetworkPolicies?: PrivateEndpointNetworkPolicies;
  /** Network policies for private link services. @default 'Enabled' */
  readonly privateLinkServiceNetworkPolicies?: 'Enabled' | 'Disabled';
  /**
   * Implicit outbound internet access. Off by default (a private subnet, as Azure does for new
   * VNets from api 2025-07-01): VMs need a public IP, NAT gateway or load balancer to reach out.
   * @default false
   */
  readonly defaultOutboundAccess?: boolean;
  /** Delegate the subnet to a service, e.g. 'Microsoft.DBforPostgreSQL/flexibleServers'. @default none */
  readonly delegations?: readonly string[];
  /** Service endpoints. @default none */
  readonly serviceEndpoints?: readonly string[];
}

/** Smallest subnet Azure allows. */
const SMALLEST_SUBNET_PREFIX = 29;

/**
 * A virtual network.
 *
 * ```ts
 * const vnet = new VirtualNetwork(stack, 'Vnet', { addressSpace: ['10.0.0.0/16'] });
 * const subnet = vnet.addSubnet('endpoints', { addressPrefix: '10.0.1.0/24' });
 * ```
 */
export class VirtualNetwork extends Construct implements IVirtualNetwork {
  /** Imports an existing virtual network; use `Subnet.fromSubnetName(vnet, 'name')` for its subnets. */
  public static fromVirtualNetworkName(scope: Construct, id: string, name: Value<string>, options: VirtualNetworkImportOptions = {}): IVirtualNetwork {
    return new ImportedVirtualNetwork(scope, id, name, options);
  }

  /** The L1 resource. */
  public readonly resource: ArmVirtualNetwork;
  /** The address space as given. */
  public readonly addressSpace: readonly string[];
  /** Custom DNS servers as given; empty for Azure-provided DNS. */
  public readonly dnsServers: readonly Value<string>[];
  private readonly subnetsByName = new Map<string, Subnet>();
  private readonly props: VirtualNetworkProps;

  constructor(scope: Construct, id: string, props: VirtualNetworkProps) {
    super(scope, id);
    checkProps(this, 'VirtualNetwork', props, VIRTUAL_NETWORK_PROPS);
    this.props = props;
    this.addressSpace = props.addressSpace;
    this.dnsServers = props.dnsServers ?? [];
    this.resource = new ArmVirtualNetwork(this, 'Resource', {
      name: props.name ?? defaultName(this, 'vnet', 64), location: props.location, tags: props.tags,
      // A missing or non-array addressSpace is reported by validateAddresses (the L1 then says its prefixes are empty).
      addressPrefixes: Array.isArray(props.addressSpace) ? props.addressSpace : [], dnsServers: props.dnsServers,
    });
    this.node.addValidation({ validate: () => this.validateAddresses() });
  }

  /** Resource id. */
  public get virtualNetworkId(): Expression {
    return this.resource.id;
  }

  /** The VNet's name. */
  public get virtualNetworkName(): Value<string> {
    return this.resource.name;
  }

  /** The VNet's region (its `location` prop, else the stack's location). */
  public get location(): Value<string> {
    return this.props.location ?? Stack.of(this).location;
  }

  /** The subnets declared so far. */
  public get subnets(): Subnet[] {
    return [...this.subnetsByName.values()];
  }

  /** Declares a subnet inline in this VNet and returns its handle. */
  public addSubnet(name: string, options: SubnetOptions): Subnet {
    checkProps(this, `addSubnet('${name}')`, options, SUBNET_OPTIONS);
    if (this.subnetsByName.has(name)) {
      throw new AzcdkError(`[${this.node.path}] subnet '${name}' is already declared: use vnet.subnets to find it, or pick another name.`);
    }
    const child = this.node.tryFindChild(name);
    if (child instanceof Subnet) {
      throw new AzcdkError(`[${this.node.path}] subnet '${name}' was imported with Subnet.fromSubnetName before addSubnet('${name}') declared it: call addSubnet first and use the handle it returns (or vnet.subnets) instead of importing a subnet of a VNet declared in this app.`);
    }
    if (child) {
      throw new AzcdkError(`[${this.node.path}] subnet name '${name}' is the id of another construct in this virtual network: pick another subnet name.`);
    }
    this.resource.addSubnet({
      name, addressPrefix: options.addressPrefix, networkSecurityGroupId: options.networkSecurityGroup?.networkSecurityGroupId,
      privateEndpointNetworkPolicies: options.privateEndpointNetworkPolicies ?? 'Disabled',
      privateLinkServiceNetworkPolicies: options.privateLinkServiceNetworkPolicies ?? 'Enabled',
      defaultOutboundAccess: options.defaultOutboundAccess ?? false,
      delegations: options.delegations, serviceEndpoints: options.serviceEndpoints,
    });
    const subnet = new Subnet(this, name, {
      virtualNetwork: this, subnetName: name, addressPrefix: options.addressPrefix, networkSecurityGroup: options.networkSecurityGroup,
      privateEndpointNetworkPolicies: options.privateEndpointNetworkPolicies ?? 'Disabled', delegations: options.delegations,
      defaultOutboundAccess: options.defaultOutboundAccess ?? false,
    });
    this.subnetsByName.set(name, subnet);
    return subnet;
  }

  private validateAddresses(): string[] {
    // A JavaScript app can leave out the required prop (or misspell it) or give a single string.
    const given: unknown = this.addressSpace;
    if (!Array.isArray(given)) {
      return [given === undefined
        ? `addressSpace is missing: give the VNet's IPv4 ranges, e.g. addressSpace: ['10.0.0.0/16'].`
        : `addressSpace must be an array of IPv4 CIDRs, e.g. ['10.0.0.0/16'], not ${typeof given === 'string' ? `the string '${given}'` : typeof given}.`];
    }
    const errors: string[] = [];
    const space: Cidr[] = [];
    for (const entry of this.addressSpace) {
      // Ranges known only at deployment time (parameters) are left to ARM.
      const text = literalString(entry);
      if (text === undefined) continue;
      const parsed = Cidr.tryParse(text);
      if (typeof parsed === 'string') errors.push(`addressSpace: ${parsed}`);
      else space.push(parsed);
    }
    for (let i = 0; i < space.length; i++) {
      for (let j = i + 1; j < space.length; j++) {
        if (space[i].overlaps(space[j])) errors.push(`addressSpace ranges ${space[i]} and ${space[j]} overlap: list each range once, without overlaps.`);
      }
    }
    const placed: Array<{ name: string; cidr: Cidr }> = [];
    for (const subnet of this.subnets) {
      const text = literalString(subnet.addressPrefix);
      if (text === undefined) continue;
      const parsed = Cidr.tryParse(text);
      if (typeof parsed === 'string') {
        errors.push(`subnet '${subnet.subnetName}': ${parsed}`);
        continue;
      }
      if (parsed.prefixLength > SMALLEST_SUBNET_PREFIX) {
        errors.push(`subnet '${subnet.subnetName}' (${parsed}) is smaller than /${SMALLEST_SUBNET_PREFIX}, the smallest subnet Azure allows: use a /${SMALLEST_SUBNET_PREFIX} or larger range.`);
      }
      if (space.length === this.addressSpace.length && !space.some((s) => s.contains(parsed))) {
        errors.push(`subnet '${subnet.subnetName}' (${parsed}) is outside the address space of the virtual network (${space.join(', ')}): choose a range inside it, or add a range containing it to addressSpace.`);
      }
      for (const other of placed) {
        if (other.cidr.overlaps(parsed)) {
          errors.push(`subnet '${subnet.subnetName}' (${parsed}) overlaps subnet '${other.name}' (${other.cidr}): subnets of a virtual network must not overlap. Choose a free range.`);
        }
      }
      placed.push({ name: subnet.subnetName, cidr: parsed });
    }
    return errors;
  }
}
