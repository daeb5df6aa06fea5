/**
 * The scenario of "Azure Database for PostgreSQL Flexible Server networking with Private Link",
 * done right: a VNet with a subnet whose private endpoint network policies are disabled, an NSG,
 * a flexible server with zone-redundant HA on a tier that supports it (the document's Burstable +
 * HA cannot deploy), a private endpoint (the document put server flags on it), the
 * privatelink.postgres.database.azure.com zone with a VNet link and a zone group (instead of a
 * hand-made A record), a firewall rule for the operator's IP, and a Windows client VM.
 *
 *   node dist/bin/azcdk.js synth --app examples/postgres-private-link/app.ts --out templates/postgres-private-link
 */
import { App } from 'azcdk';
import { postgresPrivateLink } from './stack.js';

postgresPrivateLink(new App());
