/**
 * The checks of PostgresFlexibleServer, as a table: each rule looks at the facts of one server and
 * returns the problem's text (what is wrong and how to fix it) or undefined. Errors fail synth;
 * warnings are said once per server. Internal: not exported from 'azcdk'.
 */
import type { Value } from '../../core/index.js';
import { ArmPostgresFlexibleServer, POSTGRES_VERSIONS } from '../../resources/postgresql/flexible-server.js';
import { literalString } from '../../resources/validation.js';
import { PRIVATE_LINK_ZONES, SOVEREIGN_PRIVATE_LINK_ZONES } from '../private-link/private-dns-zone.js';
import type { PostgresFlexibleServerProps } from './flexible-server-props.js';
import type { PostgresSku } from './sku.js';

/** PostgreSQL major versions azcdk lets you create (PostgresVersion). */
export const SUPPORTED_VERSIONS: readonly string[] = ['13', '14', '15', '16', '17', '18'];

/** Days of the week, in Azure's order (dayOfWeek 0 is Sunday). */
export const DAYS_OF_WEEK = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

/**
 * Zone name endings Azure accepts for VNet integration: public cloud, US Government, China; the
 * private link zones of the three clouds without their 'privatelink' label.
 */
const VNET_INTEGRATION_ZONE_SUFFIXES = [PRIVATE_LINK_ZONES.postgresqlServer, ...SOVEREIGN_PRIVATE_LINK_ZONES.postgresqlServer].map((zone) => zone.slice(zone.indexOf('.')));

/** What the rules look at: the props and what the construct knows at synth. */
export interface ServerFacts {
  /** The props as given. */
  readonly props: PostgresFlexibleServerProps;
  /** The compute SKU (given or default). */
  readonly sku: PostgresSku;
  /** Public network access (given or default). */
  readonly publicAccess: boolean;
  /** Password authentication (given or derived from the login and password). */
  readonly passwordAuth: boolean;
  /** Microsoft Entra authentication. */
  readonly entraAuth: boolean;
  /** Number of Entra administrators. */
  readonly administrators: number;
  /** Names of the firewall rules, in order. */
  readonly firewallRuleNames: readonly Value<string>[];
  /** Whether any private endpoint in the stack targets the server. */
  readonly hasEndpoints: boolean;
}

/** One check of the table. */
export interface ServerRule {
  /** 'error' fails synth; 'warning' is an annotation on the server, said once. */
  readonly level: 'error' | 'warning';
  /** The problem, or undefined when the server follows the rule. */
  readonly check: (server: ServerFacts) => string | undefined;
}

/** The rules, in the order their messages are reported. */
export const SERVER_RULES: readonly ServerRule[] = [
  { level: 'error', check: ({ sku }) => sku.check() },
  {
    level: 'error',
    check: ({ props: p, sku }) => p.highAvailability && !sku.supportsHighAvailability
      ? `high availability (${p.highAvailability.mode}) is not available on the Burstable tier (sku ${sku.name}); Azure fails the deployment with HANotSupportedForBurstableSkuWithMoreInfo. ` +
        `Use a GeneralPurpose or MemoryOptimized sku (e.g. PostgresSku.generalPurpose('Standard_D2ds_v5')), or remove highAvailability.`
      : undefined,
  },
  {
    level: 'error',
    // Azure then picks the primary's zone itself, and nothing keeps it out of the standby's.
    check: ({ props: p }) => {
      const standby = p.highAvailability?.mode === 'ZoneRedundant' ? p.highAvailability.standbyZone : undefined;
      return standby !== undefined && p.availabilityZone === undefined
        ? `highAvailability.standbyZone '${standby}' is set but availabilityZone is not: Azure then picks the primary's zone, which can be zone '${standby}' too, so zone-redundant HA would not get the placement the template asks for. Set availabilityZone to another zone (e.g. '${standby === '1' ? '2' : '1'}'), or remove standbyZone and let Azure place both.`
        : undefined;
    },
  },
  {
    level: 'error',
    check: ({ props: p }) => {
      const zone = literalString(p.availabilityZone);
      return p.highAvailability?.mode === 'ZoneRedundant' && zone !== undefined && p.highAvailability.standbyZone === zone
        ? `highAvailability.standbyZone '${zone}' equals availabilityZone '${zone}': zone-redundant HA puts the standby in another zone. Choose a different standbyZone (e.g. '${zone === '3' ? '1' : '3'}'), or use mode 'SameZone'.`
        : undefined;
    },
  },
  {
    level: 'error',
    check: ({ props: p }) => p.highAvailability?.mode === 'SameZone' && p.highAvailability.standbyZone !== undefined
      ? `highAvailability.standbyZone is set with mode 'SameZone': the standby is always in the primary's zone. Remove standbyZone, or use mode 'ZoneRedundant'.`
      : undefined,
  },
  {
    level: 'error',
    // Values the api does not know at all are reported by the L1; here: versions it knows but that are retired.
    check: ({ props: p }) => typeof p.version === 'string' && (POSTGRES_VERSIONS as readonly string[]).includes(p.version) && !SUPPORTED_VERSIONS.includes(p.version)
      ? `version '${p.version}' is retired: Azure no longer creates flexible servers with it. Use one of ${SUPPORTED_VERSIONS.join(', ')} (16 or 17 recommended; 13 is in paid extended support).`
      : undefined,
  },
  {
    level: 'error',
    check: ({ props: p }) => p.maintenanceWindow && !DAYS_OF_WEEK.includes(p.maintenanceWindow.day)
      ? `maintenanceWindow.day '${p.maintenanceWindow.day}' is not a day of the week: use one of ${DAYS_OF_WEEK.join(', ')}.`
      : undefined,
  },
  {
    level: 'error',
    check: ({ props: p, passwordAuth }) => {
      if (p.administratorLogin === undefined && p.administratorPassword !== undefined) {
        return `administratorPassword is set but administratorLogin is missing: set administratorLogin (the administrator's user name; it cannot be changed later), or remove administratorPassword and use Microsoft Entra authentication (entraAuthentication: true with addAdministrator()).`;
      }
      return passwordAuth && (p.administratorLogin === undefined || p.administratorPassword === undefined)
        ? `password authentication is enabled but ${p.administratorLogin === undefined ? 'administratorLogin' : 'administratorPassword'} is missing: set administratorLogin and administratorPassword (a securestring parameter), or set passwordAuthentication: false and use Entra administrators.`
        : undefined;
    },
  },
  {
    level: 'error',
    check: ({ passwordAuth, entraAuth }) => !passwordAuth && !entraAuth
      ? `both password and Microsoft Entra authentication are disabled, so nobody could sign in: set administratorLogin and administratorPassword, or entraAuthentication: true with addAdministrator().`
      : undefined,
  },
  {
    // A warning, not an error: Azure creates the server, and an administrator may be added outside this template (portal, CLI, another pipeline).
    level: 'warning',
    check: ({ passwordAuth, entraAuth, administrators }) => !passwordAuth && entraAuth && administrators === 0
      ? `Microsoft Entra is the only sign-in method (password authentication is disabled) and the server has no Entra administrator, so nobody can sign in: add one with addAdministrator({ objectId, principalName, principalType }), or enable password authentication (administratorLogin and administratorPassword).`
      : undefined,
  },
  {
    level: 'error',
    check: ({ administrators, entraAuth }) => administrators > 0 && !entraAuth
      ? `has Entra administrators but Microsoft Entra authentication is disabled: set entraAuthentication: true.`
      : undefined,
  },
  {
    level: 'error',
    check: ({ props: p, firewallRuleNames, publicAccess }) => {
      if (firewallRuleNames.length === 0 || (publicAccess && !p.vnetIntegration)) return undefined;
      const names = firewallRuleNames.map((name) => `'${name}'`).join(', ');
      return p.vnetIntegration
        ? `firewall rules (${names}) do not apply to a VNet-integrated server (it has no public endpoint): remove them and control access with NSGs on the delegated subnet.`
        : `firewall rules (${names}) have no effect because public network access is disabled: set publicNetworkAccess: true to admit those addresses, or remove the rules and connect through a private endpoint.`;
    },
  },
  {
    level: 'error',
    check: ({ props: p, hasEndpoints }) => p.vnetIntegration && hasEndpoints
      ? `uses VNet integration (delegated subnet '${p.vnetIntegration.delegatedSubnet.subnetName}') and a private endpoint: Azure allows private endpoints only on servers in public access mode. Remove vnetIntegration, or remove the private endpoint.`
      : undefined,
  },
  {
    level: 'error',
    check: ({ props: p }) => p.vnetIntegration && p.publicNetworkAccess ? `publicNetworkAccess: true cannot be combined with VNet integration: remove one of them.` : undefined,
  },
  {
    level: 'error',
    check: ({ props: p }) => {
      const zoneName = p.vnetIntegration && literalString(p.vnetIntegration.privateDnsZone.zoneName);
      return zoneName !== undefined && !VNET_INTEGRATION_ZONE_SUFFIXES.some((suffix) => zoneName.toLowerCase().endsWith(suffix))
        ? `vnetIntegration.privateDnsZone '${zoneName}' does not end with .postgres.database.azure.com, so Azure refuses it for a VNet-integrated server: use a zone such as 'private.postgres.database.azure.com' (sovereign clouds: ${VNET_INTEGRATION_ZONE_SUFFIXES.slice(1).map((x) => `'…${x}'`).join(', ')}).`
        : undefined;
    },
  },
  {
    level: 'error',
    check: ({ props: p }) => p.vnetIntegration && !p.vnetIntegration.delegatedSubnet.delegations.includes(ArmPostgresFlexibleServer.RESOURCE_TYPE)
      ? `vnetIntegration.delegatedSubnet '${p.vnetIntegration.delegatedSubnet.subnetName}' is not delegated to ${ArmPostgresFlexibleServer.RESOURCE_TYPE}: add delegations: ['${ArmPostgresFlexibleServer.RESOURCE_TYPE}'] to the subnet.`
      : undefined,
  },
  {
    level: 'warning',
    check: ({ props: p, publicAccess, hasEndpoints }) => !publicAccess && !p.vnetIntegration && !hasEndpoints
      ? `the server has no private endpoint, no VNet integration and public network access disabled, so nothing can reach it: call addPrivateEndpoint(subnet), or set publicNetworkAccess: true with firewall rules.`
      : undefined,
  },
];
