/**
 * PostgresFlexibleServer (L2): Azure Database for PostgreSQL flexible server with secure defaults
 * (no public access, TLS as Azure enforces it, password from a securestring parameter), children
 * (databases, firewall rules, server parameters, Entra administrators) deployed one at a time, and
 * private endpoints with private DNS.
 */
import { Construct, type IConstruct } from 'constructs';
import { Annotations, ArmResource, Aspects, Fn, Stack, type Expression, type Value } from '../../core/index.js';
import { ArmPostgresAdministrator } from '../../resources/postgresql/administrator.js';
import { ArmPostgresConfiguration } from '../../resources/postgresql/configuration.js';
import { ArmPostgresDatabase } from '../../resources/postgresql/database.js';
import { ArmPostgresFirewallRule } from '../../resources/postgresql/firewall-rule.js';
import { ArmPostgresFlexibleServer } from '../../resources/postgresql/flexible-server.js';
import { literalString } from '../../resources/validation.js';
import { globallyUniqueName } from '../physical-names.js';
import { refuseOtherRegion } from '../network/placement.js';
import type { Subnet } from '../network/subnet.js';
import type { ImportLocationOptions } from '../imports.js';
import { PrivateEndpoint } from '../private-link/private-endpoint.js';
import { resolveZoneInVirtualNetwork } from '../private-link/zone-resolution.js';
import { secureValue } from '../secrets.js';
import type { IPostgresFlexibleServer, PostgresAdministratorOptions, PostgresDatabaseOptions, PostgresFlexibleServerProps, PostgresPrivateEndpointOptions } from './flexible-server-props.js';
import { DAYS_OF_WEEK, SERVER_RULES, type ServerFacts, type ServerRule } from './flexible-server-rules.js';
import { ImportedPostgresFlexibleServer } from './imported-flexible-server.js';
import { SERVER_IS_BUSY } from './server-is-busy.js';
import { addServerPrivateEndpoint } from './server-private-endpoint.js';
import { PostgresSku } from './sku.js';
import { checkProps } from '../prop-checks.js';
import { POSTGRES_ADMINISTRATOR_OPTIONS, POSTGRES_ENDPOINT_OPTIONS, POSTGRES_SERVER_PROPS } from '../prop-shapes.js';

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
  /** Warning rules already said on this server. */
  private readonly warned = new Set<ServerRule>();
  private chained = false;

  constructor(scope: Construct, id: string, props: PostgresFlexibleServerProps = {}) {
    super(scope, id);
    // serverName was the name prop's name before every construct's Azure name became `name`.
    checkProps(this, 'PostgresFlexibleServer', props, POSTGRES_SERVER_PROPS, { serverName: 'name' });
    this.props = props;
    this.sku = props.sku ?? PostgresSku.generalPurpose('Standard_D2ds_v5');
    this.publicAccess = props.publicNetworkAccess ?? false;
    const password = props.administratorPassword === undefined ? undefined : secureValue(props.administratorPassword, 'administratorPassword');
    if (password && 'error' in password) this.problems.push(password.error);
    const passwordAuth = this.passwordAuthEnabled;
    const integration = props.vnetIntegration;

    this.resource = new ArmPostgresFlexibleServer(this, 'Resource', {
      name: props.name ?? globallyUniqueName(this, 63),
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
    checkProps(this, 'addAdministrator()', options, POSTGRES_ADMINISTRATOR_OPTIONS);
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
    checkProps(this, 'addPrivateEndpoint()', options, POSTGRES_ENDPOINT_OPTIONS);
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

  /** The problems of the server: its recorded problems, then the errors of SERVER_RULES; their warnings go on the server, once. */
  private validateServer(): string[] {
    const facts: ServerFacts = {
      props: this.props, sku: this.sku, publicAccess: this.publicAccess, passwordAuth: this.passwordAuthEnabled, entraAuth: this.entraEnabled,
      administrators: this.administrators.length, firewallRuleNames: this.firewallRules.map((r) => r.shortName),
      // One walk of the stack for every rule.
      hasEndpoints: this.connectedEndpoints().length > 0,
    };
    const errors = [...this.problems];
    for (const rule of SERVER_RULES) {
      const problem = rule.check(facts);
      if (problem === undefined) continue;
      if (rule.level === 'error') errors.push(problem);
      else if (!this.warned.has(rule)) {
        this.warned.add(rule);
        Annotations.of(this).addWarning(problem);
      }
    }
    return errors;
  }
}
