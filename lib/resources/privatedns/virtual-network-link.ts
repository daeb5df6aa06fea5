/**
 * Microsoft.Network/privateDnsZones/virtualNetworkLinks: typed L1. A link makes the zone
 * resolvable from a virtual network.
 */
import { type ResourceBase, type Value } from '../../core/index.js';
import type { ChildResourceProps } from '../common.js';
import { PropertyChecks } from '../validation.js';
import { PRIVATE_DNS_API_VERSION } from './api-version.js';
import { childEnvelope, TypedArmResource } from '../typed-resource.js';

/** Props of ArmVirtualNetworkLink. */
export interface ArmVirtualNetworkLinkProps extends ChildResourceProps {
  /** Resource id of the linked virtual network. */
  readonly virtualNetworkId: Value<string>;
  /**
   * Auto-register the VNet's VMs in the zone. Must stay false for privatelink zones (their
   * records are written by private endpoints).
   * @default false
   */
  readonly registrationEnabled?: Value<boolean>;
  /** 'Default' | 'NxDomainRedirect' (fall back to public DNS on NXDOMAIN). @default Azure's default, 'Default' */
  readonly resolutionPolicy?: 'Default' | 'NxDomainRedirect';
  /** Tags. @default none */
  readonly tags?: Record<string, Value<string>>;
}

/**
 * A virtual network link of a private DNS zone (L1). Its location is always 'global'.
 * Name: 1-80 letters, digits, '_', '.', '-'; starts with a letter or digit, ends with a letter, digit or '_'.
 */
export class ArmVirtualNetworkLink extends TypedArmResource<ArmVirtualNetworkLinkProps> {
  /** The ARM resource type. */
  public static readonly RESOURCE_TYPE = 'Microsoft.Network/privateDnsZones/virtualNetworkLinks';
  /** The api-version this class renders and validates against. */
  public static readonly API_VERSION = PRIVATE_DNS_API_VERSION;

  /** @param zone the zone: an ArmPrivateDnsZone, or an ExistingResource for a zone deployed elsewhere */
  constructor(zone: ResourceBase, id: string, props: ArmVirtualNetworkLinkProps) {
    super(zone, id, childEnvelope(ArmVirtualNetworkLink, zone, props, { location: 'global', tags: props.tags, taggable: true }), props);
  }

  protected override renderProperties(): Record<string, unknown> {
    const p = this.typed;
    return { registrationEnabled: p.registrationEnabled ?? false, resolutionPolicy: p.resolutionPolicy, virtualNetwork: { id: p.virtualNetworkId } };
  }

  protected override validateProps(): string[] {
    const c = new PropertyChecks(ArmVirtualNetworkLink.RESOURCE_TYPE);
    c.matches('name', this.typed.name, /^[A-Za-z0-9]([A-Za-z0-9_.-]{0,78}[A-Za-z0-9_])?$/, 'use 1-80 letters, digits, underscores, periods or hyphens, starting with a letter or digit and ending with a letter, digit or underscore');
    c.oneOf('resolutionPolicy', this.typed.resolutionPolicy, ['Default', 'NxDomainRedirect']);
    return c.errors;
  }
}
