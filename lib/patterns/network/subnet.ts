/**
 * Subnet (L2 handle): a subnet declared inline in a VirtualNetwork, or imported. References to it
 * go through an ExistingResource child of the VNet, so `subnet.subnetId` renders
 * `resourceId('Microsoft.Network/virtualNetworks/subnets', vnet, subnet)` and makes the user
 * depend on the VNet (when the VNet is declared in the same stack).
 */
import { Construct, type IConstruct } from 'constructs';
import { AzcdkError, ExistingResource, type Expression, type ResourceBase, type Value } from '../../core/index.js';
import { ArmVirtualNetwork, type PrivateEndpointNetworkPolicies } from '../../resources/network/virtual-network.js';
import type { INetworkSecurityGroup } from './network-security-group.js';

/** A virtual network, declared here or imported. */
export interface IVirtualNetwork extends IConstruct {
  /** Resource id. */
  readonly virtualNetworkId: Expression;
  /** The VNet's name. */
  readonly virtualNetworkName: Value<string>;
  /** The VNet's region: private endpoints and NICs in its subnets must be in this region. */
  readonly location: Value<string>;
  /** The resource (declared L1 or existing), parent of subnet handles. */
  readonly resource: ResourceBase;
}

/** Options of a subnet handle. */
export interface SubnetHandleProps {
  /** The VNet holding the subnet. */
  readonly virtualNetwork: IVirtualNetwork;
  /** Subnet name. */
  readonly subnetName: string;
  /** Address prefix, when known. @default unknown (imported subnet) */
  readonly addressPrefix?: string;
  /** NSG on the subnet, when declared with it. @default none known */
  readonly networkSecurityGroup?: INetworkSecurityGroup;
  /** Private endpoint network policies, when declared here. @default unknown (imported subnet) */
  readonly privateEndpointNetworkPolicies?: PrivateEndpointNetworkPolicies;
  /** Services the subnet is delegated to, e.g. `Microsoft.DBforPostgreSQL/flexibleServers`. @default [] */
  readonly delegations?: readonly string[];
  /** Implicit outbound internet access, when declared here. @default unknown (imported subnet) */
  readonly defaultOutboundAccess?: boolean;
}

/** A subnet. */
export class Subnet extends Construct {
  /**
   * Imports a subnet of an imported (or declared) virtual network by name.
   * The handle is created under the VNet's construct, with the subnet name as id.
   */
  public static fromSubnetName(virtualNetwork: IVirtualNetwork, subnetName: string): Subnet {
    const existing = virtualNetwork.node.tryFindChild(subnetName);
    if (existing instanceof Subnet) return existing;
    if (existing) {
      throw new AzcdkError(`[${virtualNetwork.node.path}] cannot import subnet '${subnetName}': the virtual network construct already has a child with that id. Import the subnet from a VNet handle of its own (VirtualNetwork.fromVirtualNetworkName).`);
    }
    // Handles live under the VNet's construct, so the same subnet is imported once.
    return new Subnet(virtualNetwork as Construct, subnetName, { virtualNetwork, subnetName });
  }

  /** The VNet. */
  public readonly virtualNetwork: IVirtualNetwork;
  /** The subnet's name. */
  public readonly subnetName: string;
  /** Address prefix, when known at synth time. */
  public readonly addressPrefix?: string;
  /** The subnet's NSG, when declared with it. */
  public readonly networkSecurityGroup?: INetworkSecurityGroup;
  /** Private endpoint network policies, when declared here. */
  public readonly privateEndpointNetworkPolicies?: PrivateEndpointNetworkPolicies;
  /** Services the subnet is delegated to. */
  public readonly delegations: readonly string[];
  /**
   * Implicit outbound internet access: false for a private subnet, undefined when unknown
   * (imported subnets).
   */
  public readonly defaultOutboundAccess?: boolean;
  /** The reference handle: an ExistingResource child of the VNet resource. */
  public readonly resource: ExistingResource;

  constructor(scope: Construct, id: string, props: SubnetHandleProps) {
    super(scope, id);
    this.virtualNetwork = props.virtualNetwork;
    this.subnetName = props.subnetName;
    this.addressPrefix = props.addressPrefix;
    this.networkSecurityGroup = props.networkSecurityGroup;
    this.privateEndpointNetworkPolicies = props.privateEndpointNetworkPolicies;
    this.delegations = props.delegations ?? [];
    this.defaultOutboundAccess = props.defaultOutboundAccess;
    this.resource = new ExistingResource(this, 'Resource', {
      type: ArmVirtualNetwork.SUBNET_TYPE, apiVersion: ArmVirtualNetwork.API_VERSION, name: props.subnetName, parent: props.virtualNetwork.resource,
    });
  }

  /** Resource id; using it makes the user depend on the VNet. */
  public get subnetId(): Expression {
    return this.resource.id;
  }
}
