/**
 * Why azcdk deploys a PostgreSQL server's children and private endpoints one at a time: shared by
 * the server, which chains its children, and PrivateEndpoint, which chains endpoints to one server
 * (each creates a private endpoint connection, a child of the server). PostgreSQL answers a write
 * to a server that is still busy with an earlier one with the error code ServerIsBusy. The reason
 * names no resource (the edge's target is the manifest's `on`, the dependsOn entry's symbol in
 * Bicep) and is kept short: it is the comment of the Bicep file's dependsOn entries.
 */
export const SERVER_IS_BUSY = 'serialize child writes (ServerIsBusy)';
