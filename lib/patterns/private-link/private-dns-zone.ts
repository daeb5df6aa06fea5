/**
 * PrivateDnsZone (L2): a private DNS zone with VNet links (registration off) and A records.
 */
import { Construct } from 'constructs';
import { Stack, type Expression, type ResourceBase, type Value } from '../../core/index.js';
import { ArmPrivateDnsARecord } from '../../resources/privatedns/a-record.js';
import { ArmPrivateDnsZone } from '../../resources/privatedns/private-dns-zone.js';
import { ArmVirtualNetworkLink } from '../../resources/privatedns/virtual-network-link.js';
import type { IVirtualNetwork } from '../network/subnet.js';
import { importResource, type ImportLocationOptions } from '../imports.js';
import { literalString } from '../../resources/validation.js';
import { slug } from '../physical-names.js';
import { pathBelowStack, uniqueChildId } from '../construct-ids.js';
import { checkProps } from '../prop-checks.js';
import { A_RECORD_OPTIONS, PRIVATE_DNS_ZONE_PROPS } from '../prop-shapes.js';

/** Private DNS zone names of private link sub-resources (Azure public cloud). */
export const PRIVATE_LINK_ZONES: Readonly<Record<string, string>> = {
  /** Azure Database for PostgreSQL flexible server. */
  postgresqlServer: 'privatelink.postgres.database.azure.com',
};

/** The same zones in the sovereign clouds (Azure US Government, Azure operated by 21Vianet). */
export const SOVEREIGN_PRIVATE_LINK_ZONES: Readonly<Record<string, readonly string[]>> = {
  /** Azure Database for PostgreSQL flexible server: US Government, then China. */
  postgresqlServer: ['privatelink.postgres.database.usgovcloudapi.net', 'privatelink.postgres.database.chinacloudapi.cn'],
};

/** A private DNS zone, declared here or imported. */
export interface IPrivateDnsZone {
  /** Resource id. */
  readonly privateDnsZoneId: Expression;
  /** The zone name, e.g. privatelink.postgres.database.azure.com. */
  readonly zoneName: Value<string>;
  /** The resource (declared L1 or existing), parent of records and links. */
  readonly resource: ResourceBase;
  /** Links the zone to a VNet (once per VNet). Imported zones return undefined: their owner manages links. */
  linkVirtualNetwork(vnet: IVirtualNetwork): ArmVirtualNetworkLink | undefined;
}

/** Options of PrivateDnsZone. */
export interface PrivateDnsZoneProps {
  /** The zone name. For private endpoints use the service's privatelink zone (PRIVATE_LINK_ZONES). */
  readonly zoneName: string;
  /** Tags. @default none */
  readonly tags?: Record<string, Value<string>>;
}

/** Options of an A record. */
export interface ARecordOptions {
  /** Record name relative to the zone, e.g. the server name. */
  readonly recordName: Value<string>;
  /** IPv4 addresses. */
  readonly ipv4Addresses: readonly Value<string>[];
  /** TTL in seconds. @default 3600 */
  readonly ttl?: number;
}

/** A private DNS zone (location 'global'). */
export class PrivateDnsZone extends Construct implements IPrivateDnsZone {
  /**
   * The zone named `zoneName` shared by the whole stack: created on first use, so several
   * endpoints of one stack share one zone (two zones with the same name cannot coexist in a
   * resource group).
   */
  public static forZoneName(scope: Construct, zoneName: string): PrivateDnsZone {
    const stack = Stack.of(scope);
    const id = `PrivateDnsZone-${slug(zoneName, 200)}`;
    const found = stack.node.tryFindChild(id);
    return found instanceof PrivateDnsZone ? found : new PrivateDnsZone(stack, id, { zoneName });
  }

  /**
   * Imports a zone that exists already (its links and records are managed elsewhere).
   *
   * azcdk creates no VNet links in an imported zone, and a PrivateEndpoint warns when its
   * VNet, declared in this app, would need one. Linking is not offered because it is rarely
   * right: a zone in another resource group or subscription (the usual central DNS) cannot
   * take a child from this resource-group deployment at all; a zone in this resource group is
   * imported because someone else owns it, and Azure links a VNet to a zone only once, so a
   * link made here would clash with the owner's, and deleting this stack would cut DNS for
   * everyone else in the VNet. If this template should own the zone and its links, declare it
   * with `new PrivateDnsZone` (a PUT of an existing zone keeps its records).
   */
  public static fromZoneName(scope: Construct, id: string, zoneName: Value<string>, options: ImportLocationOptions = {}): IPrivateDnsZone {
    const resource = importResource(scope, id, ArmPrivateDnsZone, zoneName, options);
    return { privateDnsZoneId: resource.id, zoneName, resource, linkVirtualNetwork: () => undefined };
  }

  /** The L1 resource. */
  public readonly resource: ArmPrivateDnsZone;
  /** The zone name. */
  public readonly zoneName: string;
  private readonly links = new Map<IVirtualNetwork, ArmVirtualNetworkLink>();
  private readonly linkNames = new Set<string>();

  constructor(scope: Construct, id: string, props: PrivateDnsZoneProps) {
    super(scope, id);
    checkProps(this, 'PrivateDnsZone', props, PRIVATE_DNS_ZONE_PROPS);
    this.zoneName = props.zoneName;
    this.resource = new ArmPrivateDnsZone(this, 'Resource', { name: props.zoneName, tags: props.tags });
  }

  /** Resource id. */
  public get privateDnsZoneId(): Expression {
    return this.resource.id;
  }

  /**
   * Links the zone to a VNet so its VMs resolve the zone's records, with auto-registration off
   * (privatelink zones hold records written by endpoints, not VM names). Idempotent per VNet.
   */
  public linkVirtualNetwork(vnet: IVirtualNetwork): ArmVirtualNetworkLink {
    let link = this.links.get(vnet);
    if (!link) {
      // The VNet's path below its stack: two VNets may share a construct id under different parents.
      link = new ArmVirtualNetworkLink(this.resource, uniqueChildId(this.resource, `Link-${pathBelowStack(vnet)}`), {
        name: this.linkName(vnet), virtualNetworkId: vnet.virtualNetworkId, registrationEnabled: false,
      });
      this.links.set(vnet, link);
    }
    return link;
  }

  /**
   * `link-<VNet name>`: VNet names are unique per resource group, so two stacks that link their
   * own VNets to one zone of a shared resource group get two links instead of overwriting one.
   * A name known only at deployment stays an expression; two literal names that clash (VNets of
   * one name in two resource groups) get `-2`, `-3`, ...
   */
  private linkName(vnet: IVirtualNetwork): Value<string> {
    const vnetName = vnet.resource.shortName;
    const literal = literalString(vnetName);
    if (literal === undefined) return `link-${vnetName}`; // an expression: rendered as format('link-{0}', ...)
    let name = `link-${literal}`;
    for (let n = 2; this.linkNames.has(name.toLowerCase()); n++) name = `link-${literal}-${n}`;
    this.linkNames.add(name.toLowerCase());
    return name;
  }

  /** Adds an A record set. */
  public addARecord(id: string, options: ARecordOptions): ArmPrivateDnsARecord {
    checkProps(this, `addARecord('${id}')`, options, A_RECORD_OPTIONS);
    return new ArmPrivateDnsARecord(this.resource, id, { name: options.recordName, ipv4Addresses: options.ipv4Addresses, ttl: options.ttl });
  }
}
