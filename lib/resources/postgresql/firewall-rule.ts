/**
 * Microsoft.DBforPostgreSQL/flexibleServers/firewallRules: typed L1.
 *
 * The server rejects concurrent writes to its children (`ServerIsBusy`): the
 * PostgresFlexibleServer L2 chains them with ordering edges.
 */
import { type Value } from '../../core/index.js';
import type { ChildResourceProps } from '../common.js';
import { IPV4, literalString, PropertyChecks } from '../validation.js';
import { POSTGRESQL_API_VERSION } from './api-version.js';
import type { ArmPostgresFlexibleServer } from './flexible-server.js';
import { childEnvelope, TypedArmResource } from '../typed-resource.js';

/** Props of ArmPostgresFirewallRule. */
export interface ArmPostgresFirewallRuleProps extends ChildResourceProps {
  /** First IPv4 address of the allowed range. */
  readonly startIpAddress: Value<string>;
  /** Last IPv4 address of the allowed range (>= start). */
  readonly endIpAddress: Value<string>;
}

/**
 * A firewall rule of a flexible server (L1). Applies only when public network access is enabled.
 * Name: 1-80 letters, digits, '_', '-'; starts with a letter or digit, does not end with '-'.
 */
export class ArmPostgresFirewallRule extends TypedArmResource<ArmPostgresFirewallRuleProps> {
  /** The ARM resource type. */
  public static readonly RESOURCE_TYPE = 'Microsoft.DBforPostgreSQL/flexibleServers/firewallRules';
  /** The api-version this class renders and validates against. */
  public static readonly API_VERSION = POSTGRESQL_API_VERSION;

  constructor(server: ArmPostgresFlexibleServer, id: string, props: ArmPostgresFirewallRuleProps) {
    super(server, id, childEnvelope(ArmPostgresFirewallRule, server, props), props);
  }

  protected override renderProperties(): Record<string, unknown> {
    return { startIpAddress: this.typed.startIpAddress, endIpAddress: this.typed.endIpAddress };
  }

  protected override validateProps(): string[] {
    const c = new PropertyChecks(ArmPostgresFirewallRule.RESOURCE_TYPE);
    // The schema's pattern is ^[a-zA-Z0-9][-_a-zA-Z0-9]{0,79}(?<!-)$.
    c.matches('name', this.typed.name, /^[A-Za-z0-9]([-_A-Za-z0-9]{0,78}[_A-Za-z0-9])?$/, 'use 1-80 letters, digits, underscores or hyphens, starting with a letter or digit and not ending with a hyphen');
    c.matches('startIpAddress', this.typed.startIpAddress, IPV4, 'use an IPv4 address, e.g. 203.0.113.10');
    c.matches('endIpAddress', this.typed.endIpAddress, IPV4, 'use an IPv4 address, e.g. 203.0.113.10');
    const start = literalString(this.typed.startIpAddress);
    const end = literalString(this.typed.endIpAddress);
    if (start && end && IPV4.test(start) && IPV4.test(end) && ipToNumber(start) > ipToNumber(end)) {
      c.add(`startIpAddress ${start} is after endIpAddress ${end}: swap them.`);
    }
    return c.errors;
  }
}

function ipToNumber(ip: string): number {
  return ip.split('.').reduce((n, octet) => n * 256 + Number(octet), 0);
}
