/**
 * Microsoft.Network/privateDnsZones: typed L1. Private DNS zones are global resources.
 */
import type { Construct } from 'constructs';
import { type Value } from '../../core/index.js';
import { PropertyChecks } from '../validation.js';
import { PRIVATE_DNS_API_VERSION } from './api-version.js';
import { topLevelEnvelope, TypedArmResource } from '../typed-resource.js';

/** Props of ArmPrivateDnsZone. */
export interface ArmPrivateDnsZoneProps {
  /** The zone name, e.g. `privatelink.postgres.database.azure.com`: 2-34 labels, each 1-63 letters, digits or hyphens; at most 253 characters. */
  readonly name: Value<string>;
  /** Tags. @default none */
  readonly tags?: Record<string, Value<string>>;
  /** Deploy only when this is true. @default always deployed */
  readonly condition?: Value<boolean>;
}

/** A private DNS zone (L1). Its location is always 'global'. */
export class ArmPrivateDnsZone extends TypedArmResource<ArmPrivateDnsZoneProps> {
  /** The ARM resource type. */
  public static readonly RESOURCE_TYPE = 'Microsoft.Network/privateDnsZones';
  /** The api-version this class renders and validates against. */
  public static readonly API_VERSION = PRIVATE_DNS_API_VERSION;

  constructor(scope: Construct, id: string, props: ArmPrivateDnsZoneProps) {
    super(scope, id, topLevelEnvelope(ArmPrivateDnsZone, props, { location: 'global' }), props);
  }

  protected override renderProperties(): Record<string, unknown> {
    return {};
  }

  protected override validateProps(): string[] {
    const c = new PropertyChecks(ArmPrivateDnsZone.RESOURCE_TYPE);
    c.matches('name', this.typed.name, /^(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/, 'use a DNS name with at least two labels of 1-63 letters, digits or hyphens, e.g. privatelink.postgres.database.azure.com');
    return c.errors;
  }
}
