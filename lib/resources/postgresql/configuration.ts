/**
 * Microsoft.DBforPostgreSQL/flexibleServers/configurations: typed L1.
 *
 * The server rejects concurrent writes to its children (`ServerIsBusy`): the
 * PostgresFlexibleServer L2 chains them with ordering edges.
 */
import { type Value } from '../../core/index.js';
import type { ChildResourceProps } from '../common.js';
import { PropertyChecks } from '../validation.js';
import { POSTGRESQL_API_VERSION } from './api-version.js';
import type { ArmPostgresFlexibleServer } from './flexible-server.js';
import { childEnvelope, TypedArmResource } from '../typed-resource.js';

/** Props of ArmPostgresConfiguration. The name is the server parameter, e.g. `ssl_min_protocol_version`. */
export interface ArmPostgresConfigurationProps extends ChildResourceProps {
  /** The parameter value, as a string. */
  readonly value: Value<string>;
  /** Where the value comes from, as Azure records it. @default 'user-override' */
  readonly source?: Value<string>;
}

/** A server parameter of a flexible server (L1). Static parameters need a server restart. */
export class ArmPostgresConfiguration extends TypedArmResource<ArmPostgresConfigurationProps> {
  /** The ARM resource type. */
  public static readonly RESOURCE_TYPE = 'Microsoft.DBforPostgreSQL/flexibleServers/configurations';
  /** The api-version this class renders and validates against. */
  public static readonly API_VERSION = POSTGRESQL_API_VERSION;

  constructor(server: ArmPostgresFlexibleServer, id: string, props: ArmPostgresConfigurationProps) {
    super(server, id, childEnvelope(ArmPostgresConfiguration, server, props), props);
  }

  protected override validateProps(): string[] {
    return new PropertyChecks(ArmPostgresConfiguration.RESOURCE_TYPE)
        .matches('name', this.typed.name, /^[a-z_][a-z0-9_.]*$/, 'use a PostgreSQL parameter name (lowercase letters, digits, underscores, periods), e.g. ssl_min_protocol_version').errors;
  }

  protected override renderProperties(): Record<string, unknown> {
    return { value: this.typed.value, source: this.typed.source ?? 'user-override' };
  }
}
