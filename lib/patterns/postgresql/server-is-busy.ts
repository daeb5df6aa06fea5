/**
 * Why azcdk deploys a PostgreSQL server's children and private endpoints one at a time: shared by
 * the server, which chains its children, and PrivateEndpoint, which chains endpoints to one server.
 */
export const SERVER_IS_BUSY = 'PostgreSQL rejects concurrent changes to a server and its children (ServerIsBusy)';
