/**
 * Microsoft.Network/privateEndpoints/privateDnsZoneGroups: typed L1. A zone group makes Azure
 * write (and later remove) the endpoint's A records in the given private DNS zones.
 */
import { type Value } from '../../core/index.js';
import type { ChildResourceProps } from '../common.js';
import { PropertyChecks } from '../validation.js';
import { NETWORK_API_VERSION } from './api-version.js';
import type { ArmPrivateEndpoint } from './private-endpoint.js';
import { childEnvelope, TypedArmResource } from '../typed-resource.js';

/** One zone of a zone group. */
export interface PrivateDnsZoneConfigSpec {
  /** Config name, e.g. the zone name with dots replaced by hyphens. */
  readonly name: string;
  /** Resource id of the private DNS zone. */
  readonly privateDnsZoneId: Value<string>;
}

/** Props of ArmPrivateDnsZoneGroup. */
export interface ArmPrivateDnsZoneGroupProps extends Partial<ChildResourceProps> {
  /** 1 to 5 zones. */
  readonly zones: readonly PrivateDnsZoneConfigSpec[];
}

/** A private DNS zone group of a private endpoint (L1). Its name defaults to 'default'. */
export class ArmPrivateDnsZoneGroup extends TypedArmResource<ArmPrivateDnsZoneGroupProps> {
  /** The ARM resource type. */
  public static readonly RESOURCE_TYPE = 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups';
  /** The api-version this class renders and validates against. */
  public static readonly API_VERSION = NETWORK_API_VERSION;

  constructor(endpoint: ArmPrivateEndpoint, id: string, props: ArmPrivateDnsZoneGroupProps) {
    super(endpoint, id, childEnvelope(ArmPrivateDnsZoneGroup, endpoint, { ...props, name: props.name ?? 'default' }), props);
  }

  protected override renderProperties(): Record<string, unknown> {
    return { privateDnsZoneConfigs: this.typed.zones.map((z) => ({ name: z.name, properties: { privateDnsZoneId: z.privateDnsZoneId } })) };
  }

  protected override validateProps(): string[] {
    const c = new PropertyChecks(ArmPrivateDnsZoneGroup.RESOURCE_TYPE);
    const n = this.typed.zones.length;
    if (n < 1 || n > 5) c.add(`has ${n} private DNS zones; a zone group holds 1 to 5. Split them over several endpoints or remove some.`);
    return c.errors;
  }
}
