/**
 * Microsoft.DBforPostgreSQL/flexibleServers/databases: typed L1.
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

/** Props of ArmPostgresDatabase. */
export interface ArmPostgresDatabaseProps extends ChildResourceProps {
  /** Character set. @default Azure's default, 'UTF8' */
  readonly charset?: Value<string>;
  /** Collation. @default Azure's default, 'en_US.utf8' */
  readonly collation?: Value<string>;
}

/** A database of a flexible server (L1). Name: 1-63 letters, digits, '_', '-'; starts with a letter or '_'. */
export class ArmPostgresDatabase extends TypedArmResource<ArmPostgresDatabaseProps> {
  /** The ARM resource type. */
  public static readonly RESOURCE_TYPE = 'Microsoft.DBforPostgreSQL/flexibleServers/databases';
  /** The api-version this class renders and validates against. */
  public static readonly API_VERSION = POSTGRESQL_API_VERSION;

  constructor(server: ArmPostgresFlexibleServer, id: string, props: ArmPostgresDatabaseProps) {
    super(server, id, childEnvelope(ArmPostgresDatabase, server, props), props);
  }

  protected override validateProps(): string[] {
    // charset and collation: the patterns of the api's schema.
    return new PropertyChecks(ArmPostgresDatabase.RESOURCE_TYPE)
        .matches('name', this.typed.name, /^[A-Za-z_][A-Za-z0-9_-]{0,62}$/, 'use 1-63 letters, digits, underscores or hyphens, starting with a letter or underscore')
        .matches('charset', this.typed.charset, /^[a-zA-Z]+\w*$/, "use a character set name of letters, digits and underscores starting with a letter, e.g. 'UTF8'")
        .matches('collation', this.typed.collation, /^[a-zA-Z-]+([. ]|\w)*$/, "use a collation name that starts with letters or hyphens and goes on with letters, digits, underscores, periods or spaces, e.g. 'en_US.utf8' (not 'en_US.UTF-8')").errors;
  }

  protected override renderProperties(): Record<string, unknown> {
    return { charset: this.typed.charset, collation: this.typed.collation };
  }
}
