/**
 * PrivateEndpoint (L2): a private endpoint to a private-link-enabled resource, with private DNS:
 * a zone group by default (Azure writes and removes the A record), or an A record this template
 * manages (for users who manage DNS themselves), or no DNS at all. Never both.
 */
import { Construct } from 'constructs';
import { ExistingResource, Stack, type Expression, type Value } from '../../core/index.js';
import { ArmNetworkInterface } from '../../resources/network/network-interface.js';
import { ArmPrivateDnsZoneGroup } from '../../resources/network/private-dns-zone-group.js';
import { ArmPrivateEndpoint } from '../../resources/network/private-endpoint.js';
import type { ArmPrivateDnsARecord } from '../../resources/privatedns/a-record.js';
import { defaultName } from '../names.js';
import type { Subnet } from '../network/subnet.js';
import { PRIVATE_LINK_ZONES, PrivateDnsZone, type IPrivateDnsZone } from './private-dns-zone.js';

/** What the endpoint connects to. */
export interface PrivateLinkTarget {
  /** Resource id of the target. */
  readonly resourceId: Value<string>;
  /** The target's private link sub-resource, e.g. 'postgresqlServer'. */
  readonly groupId: string;
  /** Name of the A record for the target (the A-record DNS mode), e.g. the server name. */
  readonly recordName?: Value<string>;
}

/**
 * Private DNS for the endpoint.
 * - `zoneGroup` (default): a privateDnsZoneGroups child named 'default' pointing at the zone;
 *   Azure keeps the A record in step with the endpoint.
 * - `aRecord`: this template writes the A record itself, with the endpoint NIC's private IP.
 * - `none`: no DNS (you resolve the name some other way).
 */
export type PrivateEndpointDnsMode = 'zoneGroup' | 'aRecord' | 'none';

/** DNS options. */
export interface PrivateEndpointDnsOptions {
  /** @default 'zoneGroup' */
  readonly mode?: PrivateEndpointDnsMode;
  /**
   * The zone. @default the stack-wide zone for the target's group id (e.g.
   * privatelink.postgres.database.azure.com), created on first use and linked to the subnet's VNet
   */
  readonly zone?: IPrivateDnsZone;
  /** Link the zone to the endpoint subnet's VNet (registration disabled). @default true */
  readonly linkVirtualNetwork?: boolean;
}

/** Options of PrivateEndpoint. */
export interface PrivateEndpointProps {
  /** Subnet for the endpoint's NIC (not a delegated subnet). */
  readonly subnet: Subnet;
  /** The target resource. */
  readonly target: PrivateLinkTarget;
  /** Endpoint name (1-64). @default `pe-<id>` */
  readonly name?: Value<string>;
  /** Name of the endpoint's NIC. @default `<endpoint name>-nic` */
  readonly networkInterfaceName?: string;
  /** Ask the target's owner to approve the connection. @default false (auto-approved) */
  readonly manualApproval?: boolean;
  /** Private DNS. @default a zone group in the service's privatelink zone */
  readonly dns?: PrivateEndpointDnsOptions;
  /**
   * Location: a private endpoint must be in the region of its subnet's VNet, so leave this unset
   * unless the VNet handle does not know its region.
   * @default the location of the subnet's virtual network
   */
  readonly location?: Value<string>;
  /** Tags. @default none */
  readonly tags?: Record<string, Value<string>>;
}

/** A private endpoint with private DNS. */
export class PrivateEndpoint extends Construct {
  /** The L1 endpoint. */
  public readonly resource: ArmPrivateEndpoint;
  /** The zone group, in 'zoneGroup' mode. */
  public readonly zoneGroup?: ArmPrivateDnsZoneGroup;
  /** The A record, in 'aRecord' mode. */
  public readonly aRecord?: ArmPrivateDnsARecord;
  /** The private DNS zone, unless mode is 'none'. */
  public readonly zone?: IPrivateDnsZone;
  /** A handle to the endpoint's NIC (Azure creates it with the endpoint). */
  public readonly networkInterface: ExistingResource;
  /** The resource the endpoint connects to. */
  public readonly target: PrivateLinkTarget;

  constructor(scope: Construct, id: string, props: PrivateEndpointProps) {
    super(scope, id);
    this.target = props.target;
    const subnet = props.subnet;
    this.node.addValidation({
      validate: () =>
        subnet.delegations.length > 0
          ? [`subnet '${subnet.subnetName}' is delegated to ${subnet.delegations.join(', ')}; private endpoints cannot be placed in a delegated subnet. Use a subnet without delegations.`]
          : [],
    });
    const name = props.name ?? defaultName(this, 'pe', 64);
    const nicName = props.networkInterfaceName ?? `${typeof name === 'string' ? name : defaultName(this, 'pe', 60)}-nic`;
    this.resource = new ArmPrivateEndpoint(this, 'Resource', {
      name, location: props.location ?? props.subnet.virtualNetwork.location, tags: props.tags, subnetId: props.subnet.subnetId, customNetworkInterfaceName: nicName, manualApproval: props.manualApproval,
      connection: { name: typeof name === 'string' ? `${name}-conn` : 'connection', privateLinkServiceId: props.target.resourceId, groupIds: [props.target.groupId] },
    });
    // Referencing the NIC by its custom name avoids a nested reference() through the endpoint.
    this.networkInterface = new ExistingResource(this, 'Nic', { type: ArmNetworkInterface.RESOURCE_TYPE, apiVersion: ArmNetworkInterface.API_VERSION, name: nicName });

    const mode = props.dns?.mode ?? 'zoneGroup';
    if (mode === 'none') return;
    const zoneName = PRIVATE_LINK_ZONES[props.target.groupId];
    if (!props.dns?.zone && !zoneName) {
      throw new Error(`[${this.node.path}] azcdk does not know the private DNS zone of group id '${props.target.groupId}': pass dns.zone, or dns.mode 'none'.`);
    }
    const zone = props.dns?.zone ?? PrivateDnsZone.forZoneName(this, zoneName);
    this.zone = zone;
    if (props.dns?.linkVirtualNetwork ?? true) zone.linkVirtualNetwork(props.subnet.virtualNetwork);
    if (mode === 'zoneGroup') {
      this.zoneGroup = new ArmPrivateDnsZoneGroup(this.resource, 'DnsZoneGroup', {
        zones: [{ name: (typeof zone.zoneName === 'string' ? zone.zoneName : 'zone').replace(/\./g, '-'), privateDnsZoneId: zone.privateDnsZoneId }],
      });
    } else {
      if (!(zone instanceof PrivateDnsZone)) {
        throw new Error(`[${this.node.path}] dns.mode 'aRecord' writes a record into the zone, so the zone must be declared in this app (a PrivateDnsZone), not imported.`);
      }
      if (props.target.recordName === undefined) {
        throw new Error(`[${this.node.path}] dns.mode 'aRecord' needs target.recordName (the host name to register, e.g. the server name).`);
      }
      this.aRecord = zone.addARecord(`Record-${pathBelowStack(this)}`, { recordName: props.target.recordName, ipv4Addresses: [this.privateIpAddress] });
      this.aRecord.addDependency(this.resource, 'the A record reads the private IP of the NIC that the private endpoint creates');
    }
  }

  /** Private IP of the endpoint (runtime, read from its NIC). */
  public get privateIpAddress(): Expression {
    return this.networkInterface.getRuntimeProperty('properties.ipConfigurations[0].properties.privateIPAddress');
  }

  /** Resource id of the endpoint. */
  public get privateEndpointId(): Expression {
    return this.resource.id;
  }
}

/** `Db-PrivateEndpoint` for `Stack/Db/PrivateEndpoint`: unique within a stack, used as a construct id. */
function pathBelowStack(c: Construct): string {
  const depth = Stack.of(c).node.scopes.length;
  return c.node.scopes.slice(depth).map((s) => s.node.id).join('-');
}
