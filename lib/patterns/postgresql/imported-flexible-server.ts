/**
 * The handle PostgresFlexibleServer.fromServerName() returns: a server this app does not deploy,
 * to put private endpoints in front of. Internal: not exported from 'azcdk'.
 */
import { Construct } from 'constructs';
import type { ExistingResource, Expression, Value } from '../../core/index.js';
import { ArmPostgresFlexibleServer } from '../../resources/postgresql/flexible-server.js';
import { importResource, type ImportLocationOptions } from '../imports.js';
import type { Subnet } from '../network/subnet.js';
import type { PrivateEndpoint } from '../private-link/private-endpoint.js';
import type { IPostgresFlexibleServer, PostgresPrivateEndpointOptions } from './flexible-server-props.js';
import { addServerPrivateEndpoint } from './server-private-endpoint.js';
import { checkProps } from '../prop-checks.js';
import { POSTGRES_ENDPOINT_OPTIONS } from '../prop-shapes.js';

/** A server this app does not deploy: a handle for private endpoints to it. */
export class ImportedPostgresFlexibleServer extends Construct implements IPostgresFlexibleServer {
  public readonly resource: ExistingResource;
  private readonly privateEndpoints: PrivateEndpoint[] = [];

  constructor(scope: Construct, id: string, public readonly serverName: Value<string>, options: ImportLocationOptions) {
    super(scope, id);
    this.resource = importResource(this, 'Resource', ArmPostgresFlexibleServer, serverName, options);
  }

  public get serverId(): Expression {
    return this.resource.id;
  }

  public addPrivateEndpoint(subnet: Subnet, options: PostgresPrivateEndpointOptions = {}): PrivateEndpoint {
    checkProps(this, 'addPrivateEndpoint()', options, POSTGRES_ENDPOINT_OPTIONS);
    const endpoint = addServerPrivateEndpoint(this, this.privateEndpoints.length, subnet, options);
    this.privateEndpoints.push(endpoint);
    return endpoint;
  }
}
