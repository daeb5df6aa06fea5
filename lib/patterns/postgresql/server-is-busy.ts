/**
 * Why azcdk deploys a PostgreSQL server's children and private endpoints one at a time: shared by
 * the server, which chains its children, and PrivateEndpoint, which chains endpoints to one server
 * (each creates a private endpoint connection, a child of the server). PostgreSQL answers a write
 * to a server that is still busy with an earlier one with the error code ServerIsBusy. Kept short:
 * it is the comment of the Bicep file's dependsOn entries (the manifest adds `: deploy after <path>`).
 */
export const SERVER_IS_BUSY = 'serialize child writes (ServerIsBusy)';
