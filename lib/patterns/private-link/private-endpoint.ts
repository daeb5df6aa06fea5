/**
 * PrivateEndpoint (L2): a private endpoint to a private-link-enabled resource, with private DNS:
 * a zone group by default (Azure writes and removes the A record), or an A record this template
 * manages (for users who manage DNS themselves), or no DNS at all. Never both.
 */
import { Construct, type IConstruct } from 'constructs';
import { Annotations, Aspects, ExistingResource, Stack, type Expression, type Value } from '../../core/index.js';
import { ArmNetworkInterface } from '../../resources/network/network-interface.js';
import { ArmPrivateDnsZoneGroup } from '../../resources/network/private-dns-zone-group.js';
import { ArmPrivateEndpoint } from '../../resources/network/private-endpoint.js';
import type { ArmPrivateDnsARecord } from '../../resources/privatedns/a-record.js';
import { literalString } from '../../resources/validation.js';
import { importResource, type ImportLocationOptions } from '../imports.js';
import { defaultName } from '../physical-names.js';
import { pathBelowStack } from '../construct-ids.js';
import { refuseDelegatedSubnet, refuseOtherRegion } from '../network/placement.js';
import type { Subnet } from '../network/subnet.js';
import { SERVER_IS_BUSY } from '../postgresql/server-is-busy.js';
import { valueKey } from '../value-key.js';
import { PRIVATE_LINK_ZONES, PrivateDnsZone, SOVEREIGN_PRIVATE_LINK_ZONES, type IPrivateDnsZone } from './private-dns-zone.js';
import { describeZone, resolveZoneInVirtualNetwork } from './zone-resolution.js';
import { checkProps } from '../prop-checks.js';
import { PRIVATE_ENDPOINT_PROPS } from '../prop-shapes.js';

/**
 * Group ids whose service rejects concurrent changes to one resource, with the reason: private
 * endpoints to one such target deploy one after another (ordering edges with this reason).
 */
const SERIALIZED_GROUP_IDS: Readonly<Record<string, string>> = { postgresqlServer: SERVER_IS_BUSY };

/** What the endpoint connects to. */
export interface PrivateLinkTarget {
  /** Resource id of the target. */
  readonly resourceId: Value<string>;
  /** The target's private link sub-resource, e.g. 'postgresqlServer'. */
  readonly groupId: string;
  /**
   * Name of the A record for the target, e.g. the server name. Required by the `aRecord` DNS mode.
   * @default none (an error in `aRecord` mode)
   */
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
  /** How the endpoint's name is resolved: 'zoneGroup', 'aRecord' or 'none'. @default 'zoneGroup' */
  readonly mode?: PrivateEndpointDnsMode;
  /**
   * The zone. For a group id azcdk knows (PRIVATE_LINK_ZONES) its name must be that privatelink
   * zone (or a sovereign cloud's, SOVEREIGN_PRIVATE_LINK_ZONES): the service's public name is a
   * CNAME into it, so any other zone is never consulted and synthesis refuses it.
   * @default the stack-wide zone for the target's group id (e.g.
   * privatelink.postgres.database.azure.com), created on first use and linked to the subnet's VNet
   */
  readonly zone?: IPrivateDnsZone;
  /**
   * Link the zone to the endpoint subnet's VNet (registration disabled). Imported zones are never
   * linked here: for a VNet declared in this app that is a warning, unless this is false.
   * @default true
   */
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

/** A private endpoint, declared here or imported. */
export interface IPrivateEndpoint {
  /** Resource id. */
  readonly privateEndpointId: Expression;
  /** The endpoint's name. */
  readonly privateEndpointName: Value<string>;
}

/** A private endpoint with private DNS. */
export class PrivateEndpoint extends Construct implements IPrivateEndpoint {
  /**
   * Imports an existing private endpoint (e.g. to refer to it in outputs or other resources).
   * Its DNS and connections stay as they are: this template changes nothing about it.
   */
  public static fromPrivateEndpointName(scope: Construct, id: string, name: Value<string>, options: ImportLocationOptions = {}): IPrivateEndpoint {
    const resource = importResource(scope, id, ArmPrivateEndpoint, name, options);
    return { privateEndpointId: resource.id, privateEndpointName: name };
  }

  /**
   * The private endpoints of `scope`'s stack that connect to `resourceId` (compared by what the
   * ids render to, so two imports of one server match), in construct tree order.
   */
  public static targeting(scope: IConstruct, resourceId: Value<string>): PrivateEndpoint[] {
    return [...endpointGroupsOf(Stack.of(scope)).targeting(valueKey(resourceId))];
  }

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

  private serialized = false;

  constructor(scope: Construct, id: string, props: PrivateEndpointProps) {
    super(scope, id);
    checkProps(this, 'PrivateEndpoint', props, PRIVATE_ENDPOINT_PROPS);
    endpointsDeclared++;
    this.target = props.target;
    const subnet = props.subnet;
    refuseDelegatedSubnet(this, subnet, 'private endpoints');
    if (props.location !== undefined) refuseOtherRegion(this, subnet, props.location, 'private endpoints');
    const name = props.name ?? defaultName(this, 'pe', 64);
    const nicName = props.networkInterfaceName ?? `${typeof name === 'string' ? name : defaultName(this, 'pe', 60)}-nic`;
    this.resource = new ArmPrivateEndpoint(this, 'Resource', {
      name, location: props.location ?? props.subnet.virtualNetwork.location, tags: props.tags, subnetId: props.subnet.subnetId, customNetworkInterfaceName: nicName, manualApproval: props.manualApproval,
      connection: { name: typeof name === 'string' ? `${name}-conn` : 'connection', privateLinkServiceId: props.target.resourceId, groupIds: [props.target.groupId] },
    });
    // Referencing the NIC by its custom name avoids a nested reference() through the endpoint.
    this.networkInterface = new ExistingResource(this, 'Nic', { type: ArmNetworkInterface.RESOURCE_TYPE, apiVersion: ArmNetworkInterface.API_VERSION, name: nicName });
    // Ordering against the other endpoints to the same target, once all of them are known.
    Aspects.of(this).add({ visit: (node: IConstruct) => node === this && this.serializeAfterEarlierEndpoints() });

    const mode = props.dns?.mode ?? 'zoneGroup';
    if (mode === 'none') return;
    const zoneName = PRIVATE_LINK_ZONES[props.target.groupId];
    if (!props.dns?.zone && !zoneName) {
      Annotations.of(this).addError(`azcdk does not know the private DNS zone of group id '${props.target.groupId}': pass dns.zone, or dns.mode 'none'.`);
      return;
    }
    const zone = props.dns?.zone ?? PrivateDnsZone.forZoneName(this, zoneName);
    this.zone = zone;
    if (props.dns?.zone) this.node.addValidation({ validate: () => this.checkZoneName(zone) });
    resolveZoneInVirtualNetwork(zone, props.subnet.virtualNetwork, {
      scope: this, described: `the private endpoint ${this.node.path}`, resolves: "the endpoint's target to its private IP",
      unlinkedEffect: 'resolve the public address instead of the private endpoint', linkOptOut: 'dns.linkVirtualNetwork: false',
    }, props.dns?.linkVirtualNetwork ?? true);
    if (mode === 'zoneGroup') {
      this.zoneGroup = new ArmPrivateDnsZoneGroup(this.resource, 'DnsZoneGroup', {
        zones: [{ name: (typeof zone.zoneName === 'string' ? zone.zoneName : 'zone').replace(/\./g, '-'), privateDnsZoneId: zone.privateDnsZoneId }],
      });
    } else {
      if (!(zone instanceof PrivateDnsZone)) {
        Annotations.of(this).addError(`dns.mode 'aRecord' writes a record into the zone, so the zone must be declared in this app (a PrivateDnsZone), not imported.`);
        return;
      }
      if (props.target.recordName === undefined) {
        Annotations.of(this).addError(`dns.mode 'aRecord' needs target.recordName (the host name to register, e.g. the server name).`);
        return;
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

  /** The endpoint's name. */
  public get privateEndpointName(): Value<string> {
    return this.resource.name;
  }

  /**
   * Orders this endpoint after the previous endpoint to the same target when the target's
   * service takes one change at a time (PostgreSQL: ServerIsBusy), and warns when an earlier
   * endpoint to the same target registers in the same zone.
   */
  private serializeAfterEarlierEndpoints(): void {
    if (this.serialized) return;
    this.serialized = true;
    const groups = endpointGroupsOf(Stack.of(this));
    const reason = SERIALIZED_GROUP_IDS[this.target.groupId];
    const previous = groups.previous(this);
    // A declared PostgresFlexibleServer orders the first endpoint after its other children.
    if (reason && previous) this.resource.addDependency(previous.resource, reason);
    const zone = this.zone;
    if (!zone) return;
    const rival = groups.rival(this);
    if (rival) {
      Annotations.of(this).addWarning(
        `connects to the same target as ${rival.node.path} (group id '${this.target.groupId}') and registers in the same ${describeZone(zone)}: ` +
          `both write the A record of the target's name, so the endpoint deployed last wins and clients may resolve the other endpoint's IP. ` +
          `Use one private endpoint per target per DNS zone (VNets peered with the endpoint's VNet and linked to the zone reach it too), ` +
          `or give each endpoint its own zone (dns.zone: a zone of the same name in another resource group, PrivateDnsZone.fromZoneName) linked only to that endpoint's VNet.`,
      );
    }
  }

  /** A declared zone must be the one the target's public name points into (a CNAME to privatelink.<...>). */
  private checkZoneName(zone: IPrivateDnsZone): string[] {
    const given = literalString(zone.zoneName);
    const expected = PRIVATE_LINK_ZONES[this.target.groupId];
    if (given === undefined || expected === undefined) return [];
    const accepted = [expected, ...(SOVEREIGN_PRIVATE_LINK_ZONES[this.target.groupId] ?? [])];
    if (accepted.includes(given.toLowerCase())) return [];
    const sovereign = accepted.slice(1).map((z) => `'${z}'`).join(', ');
    return [
      `dns.zone '${given}' is not the private link zone of group id '${this.target.groupId}': the target's public name is a CNAME into ${expected}, ` +
        `so clients never look up records in '${given}' and keep resolving the public address. ` +
        `Use a zone named '${expected}' (or leave dns.zone unset for the stack's zone)${sovereign ? `; in sovereign clouds ${sovereign}` : ''}.`,
    ];
  }
}

/** PrivateEndpoints constructed so far: endpoint groups built before the last one are stale. */
let endpointsDeclared = 0;

/**
 * The private endpoints of a stack grouped by target, in construct tree order: built with one walk
 * of the stack and reused by every endpoint and server (a walk each made synthesis quadratic).
 */
class EndpointGroups {
  private readonly byTarget = new Map<string, PrivateEndpoint[]>();
  private readonly position = new Map<PrivateEndpoint, { readonly targetKey: string; readonly index: number }>();
  /** The first endpoint of each target per group id and zone: the one a later endpoint competes with for the A record. */
  private firstInZone?: Map<string, PrivateEndpoint>;

  constructor(stack: Stack, public readonly builtAfter: number) {
    for (const c of stack.node.findAll()) {
      if (!(c instanceof PrivateEndpoint)) continue;
      const targetKey = valueKey(c.target.resourceId);
      const group = this.byTarget.get(targetKey) ?? [];
      this.byTarget.set(targetKey, group);
      this.position.set(c, { targetKey, index: group.length });
      group.push(c);
    }
  }

  /** The endpoints to the target whose valueKey is `targetKey`. */
  public targeting(targetKey: string): readonly PrivateEndpoint[] {
    return this.byTarget.get(targetKey) ?? [];
  }

  /** The endpoint to the same target just before `endpoint`. */
  public previous(endpoint: PrivateEndpoint): PrivateEndpoint | undefined {
    const at = this.position.get(endpoint);
    return at && at.index > 0 ? this.byTarget.get(at.targetKey)![at.index - 1] : undefined;
  }

  /** The first earlier endpoint to the same target, of the same group id, registering in the same zone. */
  public rival(endpoint: PrivateEndpoint): PrivateEndpoint | undefined {
    const at = this.position.get(endpoint);
    const zoneKey = at && this.zoneKeyOf(endpoint, at.targetKey);
    const first = zoneKey === undefined ? undefined : this.firstInZones().get(zoneKey);
    return first !== undefined && first !== endpoint ? first : undefined;
  }

  /** Built on first use: endpoints know their zone only once constructed. */
  private firstInZones(): Map<string, PrivateEndpoint> {
    if (this.firstInZone) return this.firstInZone;
    this.firstInZone = new Map();
    for (const [targetKey, group] of this.byTarget) {
      for (const endpoint of group) {
        const zoneKey = this.zoneKeyOf(endpoint, targetKey);
        if (zoneKey !== undefined && !this.firstInZone.has(zoneKey)) this.firstInZone.set(zoneKey, endpoint);
      }
    }
    return this.firstInZone;
  }

  private zoneKeyOf(endpoint: PrivateEndpoint, targetKey: string): string | undefined {
    return endpoint.zone && JSON.stringify([targetKey, endpoint.target.groupId, valueKey(endpoint.zone.privateDnsZoneId)]);
  }
}

const endpointGroups = new WeakMap<Stack, EndpointGroups>();

/** The stack's endpoint groups, rebuilt when an endpoint was constructed since the last build. */
function endpointGroupsOf(stack: Stack): EndpointGroups {
  const built = endpointGroups.get(stack);
  if (built && built.builtAfter === endpointsDeclared) return built;
  const groups = new EndpointGroups(stack, endpointsDeclared);
  endpointGroups.set(stack, groups);
  return groups;
}
