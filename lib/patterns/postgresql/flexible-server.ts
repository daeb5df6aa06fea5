/**
 * PostgresFlexibleServer (L2): Azure Database for PostgreSQL flexible server with secure defaults
 * (no public access, TLS as Azure enforces it, password from a securestring parameter), children
 * (databases, firewall rules, server parameters, Entra administrators) deployed one at a time, and
 * private endpoints with private DNS.
 */
import { Construct, type IConstruct } from 'constructs';
import { Annotations, ArmResource, Aspects, Fn, Stack, type ExistingResource, type Expression, type Value } from '../../core/index.js';
import { ArmPostgresAdministrator } from '../../resources/postgresql/administrator.js';
import { ArmPostgresConfiguration } from '../../resources/postgresql/configuration.js';
import { ArmPostgresDatabase } from '../../resources/postgresql/database.js';
import { ArmPostgresFirewallRule } from '../../resources/postgresql/firewall-rule.js';
import { ArmPostgresFlexibleServer, POSTGRES_VERSIONS, type PostgresStorageTier } from '../../resources/postgresql/flexible-server.js';
import { literalString } from '../../resources/validation.js';
import { globallyUniqueName, slug } from '../names.js';
import { refuseOtherRegion } from '../network/placement.js';
import type { Subnet } from '../network/subnet.js';
import { importResource, type ImportLocationOptions } from '../imports.js';
import { PRIVATE_LINK_ZONES, SOVEREIGN_PRIVATE_LINK_ZONES, type IPrivateDnsZone } from '../private-link/private-dns-zone.js';
import { PrivateEndpoint, type PrivateEndpointDnsOptions } from '../private-link/private-endpoint.js';
import { resolveZoneInVirtualNetwork } from '../private-link/zone-resolution.js';
import { secureValue, type SecretValue } from '../secrets.js';
import { SERVER_IS_BUSY } from './server-is-busy.js';
import { PostgresSku } from './sku.js';

/** PostgreSQL major versions azcdk lets you create (13 is in paid extended support since 31 March 2026). */
export type PostgresVersion = '13' | '14' | '15' | '16' | '17' | '18';
const SUPPORTED_VERSIONS: readonly string[] = ['13', '14', '15', '16', '17', '18'];

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

/** Days of the week, in Azure's order (dayOfWeek 0 is Sunday). */
const DAYS_OF_WEEK = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

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
  readonly serverName?: Value<string>;
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

/**
 * Zone name endings Azure accepts for VNet integration: public cloud, US Government, China; the
 * private link zones of the three clouds without their 'privatelink' label.
 */
const VNET_INTEGRATION_ZONE_SUFFIXES = [PRIVATE_LINK_ZONES.postgresqlServer, ...SOVEREIGN_PRIVATE_LINK_ZONES.postgresqlServer].map((zone) => zone.slice(zone.indexOf('.')));

/**
 * A PostgreSQL flexible server.
 *
 * ```ts
 * const server = new PostgresFlexibleServer(stack, 'Db', {
 *   version: '16', sku: PostgresSku.generalPurpose('Standard_D2ds_v5'), storageSizeGb: 128,
 *   availabilityZone: '1', highAvailability: { mode: 'ZoneRedundant', standbyZone: '3' },
 *   administratorLogin: login.value, administratorPassword: password,
 * });
 * server.addPrivateEndpoint(subnet);
 * ```
 */
export class PostgresFlexibleServer extends Construct implements IPostgresFlexibleServer {
  /** Imports an existing server (e.g. to put a private endpoint in front of it). */
  public static fromServerName(scope: Construct, id: string, serverName: Value<string>, options: ImportLocationOptions = {}): IPostgresFlexibleServer {
    return new ImportedPostgresFlexibleServer(scope, id, serverName, options);
  }

  /** The L1 server. */
  public readonly resource: ArmPostgresFlexibleServer;
  /** The compute SKU. */
  public readonly sku: PostgresSku;
  /** Databases, in order. */
  public readonly databases: ArmPostgresDatabase[] = [];
  /** Firewall rules, in order. */
  public readonly firewallRules: ArmPostgresFirewallRule[] = [];
  /** Server parameters, in order. */
  public readonly configurations: ArmPostgresConfiguration[] = [];
  /** Entra administrators, in order. */
  public readonly administrators: ArmPostgresAdministrator[] = [];
  /** Private endpoints, in order. */
  public readonly privateEndpoints: PrivateEndpoint[] = [];
  private readonly props: PostgresFlexibleServerProps;
  private readonly publicAccess: boolean;
  private readonly problems: string[] = [];
  private warnedUnreachable = false;
  private warnedNoAdministrator = false;
  private chained = false;

  constructor(scope: Construct, id: string, props: PostgresFlexibleServerProps = {}) {
    super(scope, id);
    this.props = props;
    this.sku = props.sku ?? PostgresSku.generalPurpose('Standard_D2ds_v5');
    this.publicAccess = props.publicNetworkAccess ?? false;
    const password = props.administratorPassword === undefined ? undefined : secureValue(props.administratorPassword, 'administratorPassword');
    if (password && 'error' in password) this.problems.push(password.error);
    const passwordAuth = this.passwordAuthEnabled;
    const integration = props.vnetIntegration;

    this.resource = new ArmPostgresFlexibleServer(this, 'Resource', {
      name: props.serverName ?? globallyUniqueName(this, 63),
      location: props.location,
      tags: props.tags,
      sku: { name: this.sku.name, tier: this.sku.tier },
      version: props.version ?? '17',
      administratorLogin: props.administratorLogin,
      administratorLoginPassword: password && 'value' in password ? password.value : undefined,
      authConfig: {
        activeDirectoryAuth: this.entraEnabled ? 'Enabled' : 'Disabled',
        passwordAuth: passwordAuth ? 'Enabled' : 'Disabled',
        tenantId: this.entraEnabled ? Fn.subscription().get('tenantId') : undefined,
      },
      availabilityZone: props.availabilityZone,
      highAvailability: props.highAvailability
        ? { mode: props.highAvailability.mode, standbyAvailabilityZone: props.highAvailability.mode === 'ZoneRedundant' ? props.highAvailability.standbyZone : undefined }
        : { mode: 'Disabled' },
      storage: { storageSizeGB: props.storageSizeGb ?? 32, autoGrow: props.storageAutoGrow ? 'Enabled' : 'Disabled', tier: props.storageTier },
      backup: { backupRetentionDays: props.backupRetentionDays ?? 7, geoRedundantBackup: props.geoRedundantBackup ? 'Enabled' : 'Disabled' },
      maintenanceWindow: props.maintenanceWindow && {
        customWindow: 'Enabled',
        // An unknown day is reported by validateServer (left out here, so the L1 does not report it twice).
        dayOfWeek: DAYS_OF_WEEK.includes(props.maintenanceWindow.day) ? DAYS_OF_WEEK.indexOf(props.maintenanceWindow.day) : undefined,
        startHour: props.maintenanceWindow.startHour,
        startMinute: props.maintenanceWindow.startMinute ?? 0,
      },
      network: integration
        ? { publicNetworkAccess: 'Disabled', delegatedSubnetResourceId: integration.delegatedSubnet.subnetId, privateDnsZoneArmResourceId: integration.privateDnsZone.privateDnsZoneId }
        : { publicNetworkAccess: this.publicAccess ? 'Enabled' : 'Disabled' },
    });

    if (integration) {
      refuseOtherRegion(this, integration.delegatedSubnet, props.location ?? Stack.of(this).location, 'VNet-integrated servers');
      // The server registers its A record in the zone: the zone must resolve in the VNet first.
      const link = resolveZoneInVirtualNetwork(integration.privateDnsZone, integration.delegatedSubnet.virtualNetwork, {
        scope: this, described: `the VNet-integrated server ${this.node.path}`, resolves: "the server's name",
        unlinkedEffect: "cannot resolve the server's name (a VNet-integrated server has no public address)", linkOptOut: 'vnetIntegration.linkVirtualNetwork: false',
      }, integration.linkVirtualNetwork ?? true);
      if (link) this.resource.addDependency(link, 'a VNet-integrated server needs its private DNS zone linked to the VNet');
    }
    if (literalString(props.version) === '13') {
      Annotations.of(this).addWarning(`version '13' is in paid extended support since 31 March 2026 (extra charges per vCore until its retirement): use version '16' or '17', or plan the major version upgrade.`);
    }

    for (const [name, options] of Object.entries(props.databases ?? {})) this.addDatabase(name, options);
    for (const [name, rule] of Object.entries(props.firewallRules ?? {})) this.addFirewallRule(name, rule.startIpAddress, rule.endIpAddress);
    for (const [name, value] of Object.entries(props.configurations ?? {})) this.addConfiguration(name, value);

    this.node.addValidation({ validate: () => this.validateServer() });
    // Serialize the children just before synthesis, when all of them are known.
    Aspects.of(this).add({ visit: (node: IConstruct) => node === this && this.chainChildren() });
  }

  /** Resource id. */
  public get serverId(): Expression {
    return this.resource.id;
  }

  /** Server name. */
  public get serverName(): Value<string> {
    return this.resource.name;
  }

  /** `<name>.postgres.database.azure.com` (runtime). Inside a linked VNet it resolves to the private endpoint. */
  public get fullyQualifiedDomainName(): Expression {
    return this.resource.attrFullyQualifiedDomainName;
  }

  private get entraEnabled(): boolean {
    return this.props.entraAuthentication ?? false;
  }

  private get passwordAuthEnabled(): boolean {
    return this.props.passwordAuthentication ?? (this.props.administratorLogin !== undefined || this.props.administratorPassword !== undefined);
  }

  /** Adds a database. */
  public addDatabase(name: string, options: PostgresDatabaseOptions = {}): ArmPostgresDatabase {
    const twice = this.declaredTwice(this.databases, 'database', name, 'databases or addDatabase()');
    if (twice) return twice;
    const db = new ArmPostgresDatabase(this.resource, `Database-${name}`, { name, charset: options.charset ?? 'UTF8', collation: options.collation ?? 'en_US.utf8' });
    this.databases.push(db);
    return db;
  }

  /**
   * Allows a public IPv4 range (needs publicNetworkAccess: true). 0.0.0.0-0.0.0.0 means "any
   * Azure service" and 0.0.0.0-255.255.255.255 the whole internet: both get a warning.
   */
  public addFirewallRule(name: string, startIpAddress: Value<string>, endIpAddress: Value<string> = startIpAddress): ArmPostgresFirewallRule {
    const start = literalString(startIpAddress);
    const end = literalString(endIpAddress);
    if (start === '0.0.0.0' && end === '0.0.0.0') {
      Annotations.of(this).addWarning(`firewall rule '${name}' (0.0.0.0-0.0.0.0) admits every Azure service, including resources of other Azure customers: admit the public addresses of your own services instead, or connect through a private endpoint.`);
    } else if (start === '0.0.0.0' && end === '255.255.255.255') {
      Annotations.of(this).addWarning(`firewall rule '${name}' (0.0.0.0-255.255.255.255) admits the whole internet: admit only your own address range (e.g. startIpAddress '203.0.113.7'), or connect through a private endpoint.`);
    }
    const twice = this.declaredTwice(this.firewallRules, 'firewall rule', name, 'firewallRules or addFirewallRule()');
    if (twice) return twice;
    const rule = new ArmPostgresFirewallRule(this.resource, `FirewallRule-${name}`, { name, startIpAddress, endIpAddress });
    this.firewallRules.push(rule);
    return rule;
  }

  /** Sets a server parameter, e.g. `addConfiguration('ssl_min_protocol_version', 'TLSv1.3')`. */
  public addConfiguration(name: string, value: Value<string>): ArmPostgresConfiguration {
    const twice = this.declaredTwice(this.configurations, 'server parameter', name, 'configurations or addConfiguration()');
    if (twice) return twice;
    const configuration = new ArmPostgresConfiguration(this.resource, `Configuration-${name}`, { name, value });
    this.configurations.push(configuration);
    return configuration;
  }

  /** Adds a Microsoft Entra administrator (needs entraAuthentication: true). */
  public addAdministrator(options: PostgresAdministratorOptions): ArmPostgresAdministrator {
    const twice = this.declaredTwice(this.administrators, 'Entra administrator', options.objectId, 'addAdministrator()');
    if (twice) return twice;
    const admin = new ArmPostgresAdministrator(this.resource, `Administrator-${options.objectId}`, {
      name: options.objectId, principalName: options.principalName, principalType: options.principalType,
      tenantId: options.tenantId ?? Fn.subscription().get('tenantId'),
    });
    this.administrators.push(admin);
    return admin;
  }

  /**
   * The child among `children` that is already named `name` (Azure compares child names without
   * case, so both would be one resource), recorded as a problem; undefined for a new name.
   */
  private declaredTwice<T extends ArmResource>(children: readonly T[], kind: string, name: string, where: string): T | undefined {
    const existing = children.find((c) => literalString(c.shortName)?.toLowerCase() === name.toLowerCase());
    if (existing) {
      const other = existing.shortName === name ? '' : ` (as '${existing.shortName}' too: Azure compares the names without case)`;
      this.problems.push(`${kind} '${name}' is declared twice${other}, in ${where}: both would be one Azure resource. Declare it once.`);
    }
    return existing;
  }

  /**
   * Adds a private endpoint in `subnet`, with private DNS (by default the
   * privatelink.postgres.database.azure.com zone, linked to the subnet's VNet, and a zone group).
   */
  public addPrivateEndpoint(subnet: Subnet, options: PostgresPrivateEndpointOptions = {}): PrivateEndpoint {
    const endpoint = addServerPrivateEndpoint(this, this.privateEndpoints.length, subnet, options, this.props.tags);
    this.privateEndpoints.push(endpoint);
    return endpoint;
  }

  /**
   * Chains children: databases -> firewall rules -> configurations -> administrators -> the first
   * private endpoint; each endpoint orders itself after the previous one to this server.
   */
  private chainChildren(): void {
    if (this.chained) return;
    this.chained = true;
    const chain: ArmResource[] = [...this.databases, ...this.firewallRules, ...this.configurations, ...this.administrators, ...this.connectedEndpoints().slice(0, 1).map((e) => e.resource)];
    for (let i = 1; i < chain.length; i++) {
      chain[i].addDependency(chain[i - 1], SERVER_IS_BUSY);
    }
  }

  /**
   * Private endpoints to this server, in construct tree order: those addPrivateEndpoint() made,
   * and any PrivateEndpoint elsewhere in the stack whose target is this server's id.
   */
  private connectedEndpoints(): PrivateEndpoint[] {
    return PrivateEndpoint.targeting(this, this.serverId);
  }

  private validateServer(): string[] {
    const errors = [...this.problems];
    const p = this.props;
    const skuProblem = this.sku.check();
    if (skuProblem) errors.push(skuProblem);
    if (p.highAvailability && !this.sku.supportsHighAvailability) {
      errors.push(
        `high availability (${p.highAvailability.mode}) is not available on the Burstable tier (sku ${this.sku.name}); Azure fails the deployment with HANotSupportedForBurstableSkuWithMoreInfo. ` +
          `Use a GeneralPurpose or MemoryOptimized sku (e.g. PostgresSku.generalPurpose('Standard_D2ds_v5')), or remove highAvailability.`,
      );
    }
    const zone = literalString(p.availabilityZone);
    const standby = p.highAvailability?.mode === 'ZoneRedundant' ? p.highAvailability.standbyZone : undefined;
    if (standby !== undefined && p.availabilityZone === undefined) {
      // Azure then picks the primary's zone itself, and nothing keeps it out of the standby's.
      errors.push(`highAvailability.standbyZone '${standby}' is set but availabilityZone is not: Azure then picks the primary's zone, which can be zone '${standby}' too, so zone-redundant HA would not get the placement the template asks for. Set availabilityZone to another zone (e.g. '${standby === '1' ? '2' : '1'}'), or remove standbyZone and let Azure place both.`);
    }
    if (p.highAvailability?.mode === 'ZoneRedundant' && zone !== undefined && p.highAvailability.standbyZone === zone) {
      errors.push(`highAvailability.standbyZone '${zone}' equals availabilityZone '${zone}': zone-redundant HA puts the standby in another zone. Choose a different standbyZone (e.g. '${zone === '3' ? '1' : '3'}'), or use mode 'SameZone'.`);
    }
    if (p.highAvailability?.mode === 'SameZone' && p.highAvailability.standbyZone !== undefined) {
      errors.push(`highAvailability.standbyZone is set with mode 'SameZone': the standby is always in the primary's zone. Remove standbyZone, or use mode 'ZoneRedundant'.`);
    }
    // Values the api does not know at all are reported by the L1; here: versions it knows but that are retired.
    if (typeof p.version === 'string' && (POSTGRES_VERSIONS as readonly string[]).includes(p.version) && !SUPPORTED_VERSIONS.includes(p.version)) {
      errors.push(`version '${p.version}' is retired: Azure no longer creates flexible servers with it. Use one of ${SUPPORTED_VERSIONS.join(', ')} (16 or 17 recommended; 13 is in paid extended support).`);
    }
    if (p.maintenanceWindow && !DAYS_OF_WEEK.includes(p.maintenanceWindow.day)) {
      errors.push(`maintenanceWindow.day '${p.maintenanceWindow.day}' is not a day of the week: use one of ${DAYS_OF_WEEK.join(', ')}.`);
    }
    const passwordAuth = this.passwordAuthEnabled;
    if (p.administratorLogin === undefined && p.administratorPassword !== undefined) {
      errors.push(`administratorPassword is set but administratorLogin is missing: set administratorLogin (the administrator's user name; it cannot be changed later), or remove administratorPassword and use Microsoft Entra authentication (entraAuthentication: true with addAdministrator()).`);
    } else if (passwordAuth && (p.administratorLogin === undefined || p.administratorPassword === undefined)) {
      errors.push(`password authentication is enabled but ${p.administratorLogin === undefined ? 'administratorLogin' : 'administratorPassword'} is missing: set administratorLogin and administratorPassword (a securestring parameter), or set passwordAuthentication: false and use Entra administrators.`);
    }
    if (!passwordAuth && !this.entraEnabled) {
      errors.push(`both password and Microsoft Entra authentication are disabled, so nobody could sign in: set administratorLogin and administratorPassword, or entraAuthentication: true with addAdministrator().`);
    }
    // A warning, not an error: Azure creates the server, and an administrator may be added outside this template (portal, CLI, another pipeline).
    if (!passwordAuth && this.entraEnabled && this.administrators.length === 0 && !this.warnedNoAdministrator) {
      this.warnedNoAdministrator = true;
      Annotations.of(this).addWarning(`Microsoft Entra is the only sign-in method (password authentication is disabled) and the server has no Entra administrator, so nobody can sign in: add one with addAdministrator({ objectId, principalName, principalType }), or enable password authentication (administratorLogin and administratorPassword).`);
    }
    if (this.administrators.length > 0 && !this.entraEnabled) {
      errors.push(`has Entra administrators but Microsoft Entra authentication is disabled: set entraAuthentication: true.`);
    }
    if (this.firewallRules.length > 0 && (!this.publicAccess || p.vnetIntegration)) {
      const names = this.firewallRules.map((r) => `'${r.shortName}'`).join(', ');
      errors.push(
        p.vnetIntegration
          ? `firewall rules (${names}) do not apply to a VNet-integrated server (it has no public endpoint): remove them and control access with NSGs on the delegated subnet.`
          : `firewall rules (${names}) have no effect because public network access is disabled: set publicNetworkAccess: true to admit those addresses, or remove the rules and connect through a private endpoint.`,
      );
    }
    // One walk of the stack for both checks below.
    const hasEndpoints = this.connectedEndpoints().length > 0;
    if (p.vnetIntegration) {
      if (hasEndpoints) {
        errors.push(`uses VNet integration (delegated subnet '${p.vnetIntegration.delegatedSubnet.subnetName}') and a private endpoint: Azure allows private endpoints only on servers in public access mode. Remove vnetIntegration, or remove the private endpoint.`);
      }
      if (p.publicNetworkAccess) errors.push(`publicNetworkAccess: true cannot be combined with VNet integration: remove one of them.`);
      const zoneName = literalString(p.vnetIntegration.privateDnsZone.zoneName);
      if (zoneName !== undefined && !VNET_INTEGRATION_ZONE_SUFFIXES.some((suffix) => zoneName.toLowerCase().endsWith(suffix))) {
        errors.push(`vnetIntegration.privateDnsZone '${zoneName}' does not end with .postgres.database.azure.com, so Azure refuses it for a VNet-integrated server: use a zone such as 'private.postgres.database.azure.com' (sovereign clouds: ${VNET_INTEGRATION_ZONE_SUFFIXES.slice(1).map((x) => `'…${x}'`).join(', ')}).`);
      }
      const delegations = p.vnetIntegration.delegatedSubnet.delegations;
      if (!delegations.includes(ArmPostgresFlexibleServer.RESOURCE_TYPE)) {
        errors.push(`vnetIntegration.delegatedSubnet '${p.vnetIntegration.delegatedSubnet.subnetName}' is not delegated to ${ArmPostgresFlexibleServer.RESOURCE_TYPE}: add delegations: ['${ArmPostgresFlexibleServer.RESOURCE_TYPE}'] to the subnet.`);
      }
    }
    if (!this.publicAccess && !p.vnetIntegration && !hasEndpoints && !this.warnedUnreachable) {
      this.warnedUnreachable = true;
      Annotations.of(this).addWarning(`the server has no private endpoint, no VNet integration and public network access disabled, so nothing can reach it: call addPrivateEndpoint(subnet), or set publicNetworkAccess: true with firewall rules.`);
    }
    return errors;
  }
}

/** A server this app does not deploy: a handle for private endpoints to it. */
class ImportedPostgresFlexibleServer extends Construct implements IPostgresFlexibleServer {
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
    const endpoint = addServerPrivateEndpoint(this, this.privateEndpoints.length, subnet, options);
    this.privateEndpoints.push(endpoint);
    return endpoint;
  }
}

/** The `count + 1`-th private endpoint of `server` (declared or imported), as a child of it. */
function addServerPrivateEndpoint(
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
