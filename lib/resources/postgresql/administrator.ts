/**
 * Microsoft.DBforPostgreSQL/flexibleServers/administrators: typed L1.
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
export class ArmPostgresAdministrator extends TypedArmResource<ArmPostgresAdministratorProps> {
  /** The ARM resource type. */
  public static readonly RESOURCE_TYPE = 'Microsoft.DBforPostgreSQL/flexibleServers/administrators';
  /** The api-version this class renders and validates against. */
  public static readonly API_VERSION = POSTGRESQL_API_VERSION;

  constructor(server: ArmPostgresFlexibleServer, id: string, props: ArmPostgresAdministratorProps) {
    super(server, id, childEnvelope(ArmPostgresAdministrator, server, props), props);
  }

  protected override validateProps(): string[] {
    return new PropertyChecks(ArmPostgresAdministrator.RESOURCE_TYPE)
        .matches('name', this.typed.name, /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/, "use the principal's object id (a GUID)")
        .oneOf('principalType', this.typed.principalType, ['User', 'Group', 'ServicePrincipal', 'Unknown']).errors;
  }

  protected override renderProperties(): Record<string, unknown> {
    return { principalName: this.typed.principalName, principalType: this.typed.principalType, tenantId: this.typed.tenantId };
  }
}
