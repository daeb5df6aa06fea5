/**
 * The private endpoints of a PostgreSQL flexible server, declared or imported: ids and names
 * numbered per server, the 'postgresqlServer' group, private DNS. Internal: not exported from 'azcdk'.
 */
import type { Construct } from 'constructs';
import type { Value } from '../../core/index.js';
import { slug } from '../physical-names.js';
import type { Subnet } from '../network/subnet.js';
import { PrivateEndpoint } from '../private-link/private-endpoint.js';
import type { IPostgresFlexibleServer, PostgresPrivateEndpointOptions } from './flexible-server-props.js';

/** The `count + 1`-th private endpoint of `server` (declared or imported), as a child of it. */
export function addServerPrivateEndpoint(
  server: Construct & IPostgresFlexibleServer, count: number, subnet: Subnet, options: PostgresPrivateEndpointOptions, tags?: Record<string, Value<string>>,
): PrivateEndpoint {
  const n = count + 1;
  const id = options.id ?? (n === 1 ? 'PrivateEndpoint' : `PrivateEndpoint${n}`);
  // Named after the server, so endpoints of two servers in one resource group do not collide.
  const suffix = n === 1 ? '' : `-${n}`;
  return new PrivateEndpoint(server, id, {
    subnet, name: options.name ?? `pe-${slug(server.node.id, 61 - suffix.length)}${suffix}`,
    target: { resourceId: server.serverId, groupId: 'postgresqlServer', recordName: server.serverName },
    // Location: the endpoint's, which is its VNet's region (not necessarily the server's).
    dns: options.dns, manualApproval: options.manualApproval, tags,
  });
}
