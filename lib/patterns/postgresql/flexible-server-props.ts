/**
 * The props and interfaces of PostgresFlexibleServer: what a user passes to the construct and what
 * a declared or imported server offers.
 */
import type { Expression, Value } from '../../core/index.js';
import type { PostgresStorageTier } from '../../resources/postgresql/flexible-server.js';
import type { Subnet } from '../network/subnet.js';
import type { IPrivateDnsZone } from '../private-link/private-dns-zone.js';
import type { PrivateEndpoint, PrivateEndpointDnsOptions } from '../private-link/private-endpoint.js';
import type { SecretValue } from '../secrets.js';
import type { DAYS_OF_WEEK } from './flexible-server-rules.js';
import type { PostgresSku } from './sku.js';

/** PostgreSQL major versions azcdk lets you create (13 is in paid extended support since 31 March 2026). */
export type PostgresVersion = '13' | '14' | '15' | '16' | '17' | '18';

/** High availability. */
export interface PostgresHighAvailability {
  /** 'ZoneRedundant' (standby in another zone) or 'SameZone'. Not available on the Burstable tier. */
  readonly mode: 'ZoneRedundant' | 'SameZone';
  /** Zone of the standby, for ZoneRedundant: needs availabilityZone, and must differ from it. @default Azure picks */
  readonly standbyZone?: '1' | '2' | '3';
}

/** A database. */
export interface PostgresDatabaseOptions {
  /** Character set, e.g. 'UTF8'. @default 'UTF8' */
  readonly charset?: string;
  /** Collation, e.g. 'en_US.utf8' (not 'en_US.UTF-8'). @default 'en_US.utf8' */
  readonly collation?: string;
}

/** A Microsoft Entra administrator. */
export interface PostgresAdministratorOptions {
  /** Object id of the user, group or service principal. */
  readonly objectId: string;
  /** Its display name. */
  readonly principalName: Value<string>;
  /** 'User' | 'Group' | 'ServicePrincipal'. */
  readonly principalType: 'User' | 'Group' | 'ServicePrincipal';
  /** Tenant of the principal. @default the subscription's tenant */
  readonly tenantId?: Value<string>;
}

/** A weekly window (UTC) in which Azure applies planned maintenance to the server. */
export interface PostgresMaintenanceWindow {
  /** Day of the week. */
  readonly day: (typeof DAYS_OF_WEEK)[number];
  /** Start hour, 0-23 (UTC). */
  readonly startHour: number;
  /** Start minute, 0-59. @default 0 */
  readonly startMinute?: number;
}

/** VNet integration of a PostgresFlexibleServer. */
export interface PostgresVnetIntegration {
  /** A subnet delegated to 'Microsoft.DBforPostgreSQL/flexibleServers', holding nothing else. */
  readonly delegatedSubnet: Subnet;
  /**
   * The zone the server registers its name in: a name ending in .postgres.database.azure.com
   * (US Government: .postgres.database.usgovcloudapi.net; China: .postgres.database.chinacloudapi.cn),
   * e.g. private.postgres.database.azure.com.
   */
  readonly privateDnsZone: IPrivateDnsZone;
  /**
   * Link the zone to the delegated subnet's VNet (registration disabled), so clients there resolve
   * the server. Imported zones are never linked here: for a VNet declared in this app that is a
   * warning, unless this is false.
   * @default true
   */
  readonly linkVirtualNetwork?: boolean;
}

/** Options of PostgresFlexibleServer. */
export interface PostgresFlexibleServerProps {
  /**
   * Server name: 3-63 lowercase letters, digits, hyphens; globally unique (it becomes
   * `<name>.postgres.database.azure.com`).
   * @default `<id in lowercase>-<uniqueString(resourceGroup().id)>`
   */
  readonly name?: Value<string>;
  /** Major version. @default '17' */
  readonly version?: PostgresVersion | Expression;
  /** Compute. @default PostgresSku.generalPurpose('Standard_D2ds_v5') */
  readonly sku?: PostgresSku;
  /** Storage in GiB: 32, 64, 128, 256, 512, 1024, 2048, 4096, 8192, 16384 or 32767. @default 32 */
  readonly storageSizeGb?: number;
  /** Grow storage automatically when it fills up. @default false */
  readonly storageAutoGrow?: boolean;
  /**
   * Performance tier (IOPS and throughput) of the storage: the size's baseline or a faster tier
   * it allows, e.g. 'P30' for 128 GiB (P10-P50; P60-P80 only above 4096 GiB). Billed at the tier's rate.
   * @default the size's baseline tier (P4 for 32 GiB, P10 for 128 GiB, ...)
   */
  readonly storageTier?: PostgresStorageTier;
  /** Primary availability zone. @default Azure picks */
  readonly availabilityZone?: '1' | '2' | '3' | Expression;
  /**
   * High availability (GeneralPurpose and MemoryOptimized only).
   * Off by default, unlike Azure Verified Modules (ZoneRedundant): it doubles the compute cost and
   * fails on Burstable skus and in regions without zones, so you opt in.
   * @default none (no standby)
   */
  readonly highAvailability?: PostgresHighAvailability;
  /** Backup retention, 7-35 days. @default 7 */
  readonly backupRetentionDays?: number;
  /**
   * Geo-redundant backups (fixed at creation; needs a paired region).
   * Off by default, unlike Azure Verified Modules (Enabled): regions without a pair refuse it, and it cannot be turned off later.
   * @default false
   */
  readonly geoRedundantBackup?: boolean;
  /**
   * A custom weekly maintenance window, so planned maintenance (a restart of about a minute) lands
   * when you choose. Azure Verified Modules default to Sunday 01:00; azcdk leaves the choice to
   * you, since a good hour depends on your users' time zone.
   * @default system-managed: Azure picks a time and notifies five days ahead
   */
  readonly maintenanceWindow?: PostgresMaintenanceWindow;
  /** Administrator login (immutable). Required with password authentication. @default none */
  readonly administratorLogin?: Value<string>;
  /** Administrator password: a securestring Parameter or its `.value`; a plain string is refused. @default none */
  readonly administratorPassword?: SecretValue;
  /** Password authentication. @default true when administratorLogin or administratorPassword is given */
  readonly passwordAuthentication?: boolean;
  /**
   * Microsoft Entra authentication (needed for addAdministrator).
   * Off by default, unlike Azure Verified Modules (Entra only): Entra sign-in needs an administrator from your tenant (addAdministrator), which azcdk cannot pick for you.
   * @default false
   */
  readonly entraAuthentication?: boolean;
  /**
   * Public network access (then firewall rules decide who gets in). Private endpoints work either
   * way; without them, a server with public access disabled is unreachable.
   * @default false
   */
  readonly publicNetworkAccess?: boolean;
  /**
   * VNet integration instead of private endpoints: a subnet delegated to
   * 'Microsoft.DBforPostgreSQL/flexibleServers', plus the private DNS zone to register in.
   * Excludes private endpoints and public access.
   * @default none
   */
  readonly vnetIntegration?: PostgresVnetIntegration;
  /** Databases by name. @default none */
  readonly databases?: Record<string, PostgresDatabaseOptions>;
  /** Firewall rules by name: start and end IPv4 (public access only). @default none */
  readonly firewallRules?: Record<string, {
    /** First IPv4 address allowed. */
    readonly startIpAddress: Value<string>;
    /** Last IPv4 address allowed (not before the start). @default startIpAddress (a single address) */
    readonly endIpAddress?: Value<string>;
  }>;
  /** Server parameters by name, e.g. `{ ssl_min_protocol_version: 'TLSv1.3' }`. @default none */
  readonly configurations?: Record<string, Value<string>>;
  /** Location. @default the stack's location */
  readonly location?: Value<string>;
  /** Tags. @default none */
  readonly tags?: Record<string, Value<string>>;
}

/** Options of addPrivateEndpoint. */
export interface PostgresPrivateEndpointOptions {
  /** Construct id. @default 'PrivateEndpoint', then 'PrivateEndpoint2', ... */
  readonly id?: string;
  /** Endpoint name (unique in the resource group). @default `pe-<server id>`, then `pe-<server id>-2`, ... */
  readonly name?: Value<string>;
  /** Private DNS. @default a zone group in privatelink.postgres.database.azure.com, linked to the subnet's VNet */
  readonly dns?: PrivateEndpointDnsOptions;
  /** Ask for manual approval. @default false */
  readonly manualApproval?: boolean;
}

/** A PostgreSQL flexible server, declared here or imported. */
export interface IPostgresFlexibleServer {
  /** Resource id. */
  readonly serverId: Expression;
  /** Server name. */
  readonly serverName: Value<string>;
  /**
   * Adds a private endpoint in `subnet`, with private DNS (by default the
   * privatelink.postgres.database.azure.com zone, linked to the subnet's VNet, and a zone group).
   * Endpoints to one server deploy one after another (ServerIsBusy).
   */
  addPrivateEndpoint(subnet: Subnet, options?: PostgresPrivateEndpointOptions): PrivateEndpoint;
}

