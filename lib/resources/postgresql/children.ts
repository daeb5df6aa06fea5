/**
 * Child resources of a PostgreSQL flexible server: databases, firewall rules, server parameters
 * (configurations) and Microsoft Entra administrators. Typed L1s.
 *
 * The server rejects concurrent writes to its children (`ServerIsBusy`): deploy them one after
 * another (the PostgresFlexibleServer L2 chains them with ordering edges).
 */
import { ArmResource, type Value } from '../../core/index.js';
import type { ChildResourceProps } from '../common.js';
import { literalString, PropertyChecks } from '../validation.js';
import { POSTGRESQL_API_VERSION } from './api-version.js';
import type { ArmPostgresFlexibleServer } from './flexible-server.js';

const IPV4 = /^((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;

/** Props of ArmPostgresDatabase. */
export interface ArmPostgresDatabaseProps extends ChildResourceProps {
  /** Character set. @default Azure's default, 'UTF8' */
  readonly charset?: Value<string>;
  /** Collation. @default Azure's default, 'en_US.utf8' */
  readonly collation?: Value<string>;
}

/** A database of a flexible server (L1). */
export class ArmPostgresDatabase extends ArmResource {
  public static readonly RESOURCE_TYPE = 'Microsoft.DBforPostgreSQL/flexibleServers/databases';
  public static readonly API_VERSION = POSTGRESQL_API_VERSION;
  private readonly typed: ArmPostgresDatabaseProps;

  constructor(server: ArmPostgresFlexibleServer, id: string, props: ArmPostgresDatabaseProps) {
    super(server, id, { type: ArmPostgresDatabase.RESOURCE_TYPE, apiVersion: ArmPostgresDatabase.API_VERSION, name: props.name, parent: server, condition: props.condition });
    this.typed = props;
    this.node.addValidation({
      validate: () => new PropertyChecks(ArmPostgresDatabase.RESOURCE_TYPE)
        .matches('name', props.name, /^[A-Za-z_][A-Za-z0-9_$-]{0,62}$/, 'use 1-63 letters, digits, underscores, hyphens or $, starting with a letter or underscore').errors,
    });
  }

  protected override renderProperties(): Record<string, unknown> {
    return { charset: this.typed.charset, collation: this.typed.collation };
  }
}

/** Props of ArmPostgresFirewallRule. */
export interface ArmPostgresFirewallRuleProps extends ChildResourceProps {
  /** First IPv4 address of the allowed range. */
  readonly startIpAddress: Value<string>;
  /** Last IPv4 address of the allowed range (>= start). */
  readonly endIpAddress: Value<string>;
}

/** A firewall rule of a flexible server (L1). Applies only when public network access is enabled. */
export class ArmPostgresFirewallRule extends ArmResource {
  public static readonly RESOURCE_TYPE = 'Microsoft.DBforPostgreSQL/flexibleServers/firewallRules';
  public static readonly API_VERSION = POSTGRESQL_API_VERSION;
  private readonly typed: ArmPostgresFirewallRuleProps;

  constructor(server: ArmPostgresFlexibleServer, id: string, props: ArmPostgresFirewallRuleProps) {
    super(server, id, { type: ArmPostgresFirewallRule.RESOURCE_TYPE, apiVersion: ArmPostgresFirewallRule.API_VERSION, name: props.name, parent: server, condition: props.condition });
    this.typed = props;
    this.node.addValidation({ validate: () => this.validateProps() });
  }

  protected override renderProperties(): Record<string, unknown> {
    return { startIpAddress: this.typed.startIpAddress, endIpAddress: this.typed.endIpAddress };
  }

  private validateProps(): string[] {
    const c = new PropertyChecks(ArmPostgresFirewallRule.RESOURCE_TYPE);
    c.matches('name', this.typed.name, /^[-\w.]{1,128}$/, 'use 1-128 letters, digits, underscores, periods or hyphens');
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

/** Props of ArmPostgresConfiguration. The name is the server parameter, e.g. `ssl_min_protocol_version`. */
export interface ArmPostgresConfigurationProps extends ChildResourceProps {
  /** The parameter value, as a string. */
  readonly value: Value<string>;
  /** @default 'user-override' */
  readonly source?: Value<string>;
}

/** A server parameter of a flexible server (L1). Static parameters need a server restart. */
export class ArmPostgresConfiguration extends ArmResource {
  public static readonly RESOURCE_TYPE = 'Microsoft.DBforPostgreSQL/flexibleServers/configurations';
  public static readonly API_VERSION = POSTGRESQL_API_VERSION;
  private readonly typed: ArmPostgresConfigurationProps;

  constructor(server: ArmPostgresFlexibleServer, id: string, props: ArmPostgresConfigurationProps) {
    super(server, id, { type: ArmPostgresConfiguration.RESOURCE_TYPE, apiVersion: ArmPostgresConfiguration.API_VERSION, name: props.name, parent: server, condition: props.condition });
    this.typed = props;
    this.node.addValidation({
      validate: () => new PropertyChecks(ArmPostgresConfiguration.RESOURCE_TYPE)
        .matches('name', props.name, /^[a-z_][a-z0-9_.]*$/, 'use a PostgreSQL parameter name (lowercase letters, digits, underscores, periods), e.g. ssl_min_protocol_version').errors,
    });
  }

  protected override renderProperties(): Record<string, unknown> {
    return { value: this.typed.value, source: this.typed.source ?? 'user-override' };
  }
}

/** Props of ArmPostgresAdministrator. The name is the principal's object id. */
export interface ArmPostgresAdministratorProps extends ChildResourceProps {
  /** Display name of the user, group or application. */
  readonly principalName: Value<string>;
  /** 'User' | 'Group' | 'ServicePrincipal'. */
  readonly principalType: 'User' | 'Group' | 'ServicePrincipal' | 'Unknown';
  /** Tenant of the principal. @default the subscription's tenant (set by the L2) */
  readonly tenantId?: Value<string>;
}

/** A Microsoft Entra administrator of a flexible server (L1). */
export class ArmPostgresAdministrator extends ArmResource {
  public static readonly RESOURCE_TYPE = 'Microsoft.DBforPostgreSQL/flexibleServers/administrators';
  public static readonly API_VERSION = POSTGRESQL_API_VERSION;
  private readonly typed: ArmPostgresAdministratorProps;

  constructor(server: ArmPostgresFlexibleServer, id: string, props: ArmPostgresAdministratorProps) {
    super(server, id, { type: ArmPostgresAdministrator.RESOURCE_TYPE, apiVersion: ArmPostgresAdministrator.API_VERSION, name: props.name, parent: server, condition: props.condition });
    this.typed = props;
    this.node.addValidation({
      validate: () => new PropertyChecks(ArmPostgresAdministrator.RESOURCE_TYPE)
        .matches('name', props.name, /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/, "use the principal's object id (a GUID)")
        .oneOf('principalType', props.principalType, ['User', 'Group', 'ServicePrincipal', 'Unknown']).errors,
    });
  }

  protected override renderProperties(): Record<string, unknown> {
    return { principalName: this.typed.principalName, principalType: this.typed.principalType, tenantId: this.typed.tenantId };
  }
}
