/**
 * Microsoft.Network/privateEndpoints: typed L1.
 */
import type { Construct } from 'constructs';
import { type Expression, type Value } from '../../core/index.js';
import type { TopLevelResourceProps } from '../common.js';
import { PropertyChecks } from '../validation.js';
import { NETWORK_API_VERSION } from './api-version.js';
import { topLevelEnvelope, TypedArmResource } from '../typed-resource.js';

/** A connection from the endpoint to a private-link-enabled resource. */
export interface PrivateLinkServiceConnectionSpec {
  /** Connection name. */
  readonly name: Value<string>;
  /** Resource id of the target (e.g. a PostgreSQL flexible server). */
  readonly privateLinkServiceId: Value<string>;
  /** Sub-resource(s) to reach, e.g. `['postgresqlServer']`. */
  readonly groupIds: readonly string[];
  /** Message for the target's owner (manual approval only). @default none */
  readonly requestMessage?: string;
}

/** Props of ArmPrivateEndpoint. */
export interface ArmPrivateEndpointProps extends TopLevelResourceProps {
  /** Resource id of the subnet the endpoint's NIC is placed in. */
  readonly subnetId: Value<string>;
  /** The connection to the target resource. */
  readonly connection: PrivateLinkServiceConnectionSpec;
  /**
   * Request approval from the target's owner instead of connecting directly (for targets in
   * another tenant, or that you cannot approve yourself).
   * @default false: auto-approved connection
   */
  readonly manualApproval?: boolean;
  /** Name of the endpoint's network interface (1-80 characters). @default Azure generates one */
  readonly customNetworkInterfaceName?: Value<string>;
}

/** A private endpoint (L1). Name: 1-64 letters, digits, '_', '.', '-'; starts with a letter or digit, ends with a letter, digit or '_'. */
export class ArmPrivateEndpoint extends TypedArmResource<ArmPrivateEndpointProps> {
  /** The ARM resource type. */
  public static readonly RESOURCE_TYPE = 'Microsoft.Network/privateEndpoints';
  /** The api-version this class renders and validates against. */
  public static readonly API_VERSION = NETWORK_API_VERSION;

  constructor(scope: Construct, id: string, props: ArmPrivateEndpointProps) {
    super(scope, id, topLevelEnvelope(ArmPrivateEndpoint, props), props);
  }

  /** Resource id of the endpoint's first network interface (runtime). */
  public get attrNetworkInterfaceId(): Expression {
    return this.getRuntimeProperty('properties.networkInterfaces[0].id');
  }

  /** FQDNs and private IPs of the endpoint (runtime), filled when no DNS zone group is used. */
  public get attrCustomDnsConfigs(): Expression {
    return this.getRuntimeProperty('properties.customDnsConfigs');
  }

  protected override renderProperties(): Record<string, unknown> {
    const p = this.typed;
    const connection = {
      name: p.connection.name,
      properties: { privateLinkServiceId: p.connection.privateLinkServiceId, groupIds: [...p.connection.groupIds], requestMessage: p.connection.requestMessage },
    };
    return {
      subnet: { id: p.subnetId },
      customNetworkInterfaceName: p.customNetworkInterfaceName,
      privateLinkServiceConnections: p.manualApproval ? undefined : [connection],
      manualPrivateLinkServiceConnections: p.manualApproval ? [connection] : undefined,
    };
  }

  protected override validateProps(): string[] {
    const c = new PropertyChecks(ArmPrivateEndpoint.RESOURCE_TYPE);
    const p = this.typed;
    c.matches('name', p.name, /^[A-Za-z0-9]([A-Za-z0-9_.-]{0,62}[A-Za-z0-9_])?$/, 'use 1-64 letters, digits, underscores, periods or hyphens, starting with a letter or digit and ending with a letter, digit or underscore');
    c.length('customNetworkInterfaceName', p.customNetworkInterfaceName, 1, 80);
    if (p.connection.groupIds.length === 0) c.add(`connection.groupIds is empty: name the target's sub-resource, e.g. ['postgresqlServer'].`);
    if (p.connection.requestMessage !== undefined && p.connection.requestMessage.length > 140) {
      c.add(`connection.requestMessage has ${p.connection.requestMessage.length} characters; Azure allows 140. Shorten it.`);
    }
    return c.errors;
  }
}
