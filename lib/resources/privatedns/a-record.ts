/**
 * Microsoft.Network/privateDnsZones/A: typed L1 record set.
 */
import { type ResourceBase, type Value } from '../../core/index.js';
import type { ChildResourceProps } from '../common.js';
import { IPV4, literalString, PropertyChecks } from '../validation.js';
import { PRIVATE_DNS_API_VERSION } from './api-version.js';
import { childEnvelope, TypedArmResource } from '../typed-resource.js';

/** Props of ArmPrivateDnsARecord. */
export interface ArmPrivateDnsARecordProps extends ChildResourceProps {
  /** IPv4 addresses of the record set (at least one). */
  readonly ipv4Addresses: readonly Value<string>[];
  /** Time to live in seconds, 0-2147483647. @default 3600 */
  readonly ttl?: Value<number>;
}

/** An A record set in a private DNS zone (L1). */
export class ArmPrivateDnsARecord extends TypedArmResource<ArmPrivateDnsARecordProps> {
  /** The ARM resource type. */
  public static readonly RESOURCE_TYPE = 'Microsoft.Network/privateDnsZones/A';
  /** The api-version this class renders and validates against. */
  public static readonly API_VERSION = PRIVATE_DNS_API_VERSION;

  /** @param zone the zone: an ArmPrivateDnsZone, or an ExistingResource for a zone deployed elsewhere */
  constructor(zone: ResourceBase, id: string, props: ArmPrivateDnsARecordProps) {
    super(zone, id, childEnvelope(ArmPrivateDnsARecord, zone, props), props);
  }

  protected override renderProperties(): Record<string, unknown> {
    return { ttl: this.typed.ttl ?? 3600, aRecords: this.typed.ipv4Addresses.map((ipv4Address) => ({ ipv4Address })) };
  }

  protected override validateProps(): string[] {
    const c = new PropertyChecks(ArmPrivateDnsARecord.RESOURCE_TYPE);
    if (this.typed.ipv4Addresses.length === 0) c.add(`ipv4Addresses is empty: an A record set needs at least one address.`);
    for (const ip of this.typed.ipv4Addresses) {
      const v = literalString(ip);
      if (v !== undefined && !IPV4.test(v)) c.add(`'${v}' is not an IPv4 address: use dotted form a.b.c.d with each part 0-255, e.g. 10.0.1.4.`);
    }
    c.intRange('ttl', this.typed.ttl, 0, 2147483647);
    return c.errors;
  }
}
