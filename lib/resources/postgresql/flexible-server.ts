/**
 * Microsoft.DBforPostgreSQL/flexibleServers: typed L1.
 */
import type { Construct } from 'constructs';
import { type Expression, type Value } from '../../core/index.js';
import type { TopLevelResourceProps } from '../common.js';
import { literalString, PropertyChecks } from '../validation.js';
import { POSTGRESQL_API_VERSION } from './api-version.js';
import { topLevelEnvelope, TypedArmResource } from '../typed-resource.js';

/** Compute tiers. */
export type PostgresTier = 'Burstable' | 'GeneralPurpose' | 'MemoryOptimized';
/** Major versions the 2025-08-01 api accepts. */
export const POSTGRES_VERSIONS = ['11', '12', '13', '14', '15', '16', '17', '18'] as const;
/** Storage sizes (GiB) Azure offers for Premium_LRS (SSD v1) storage. */
export const POSTGRES_STORAGE_SIZES_GB = [32, 64, 128, 256, 512, 1024, 2048, 4096, 8192, 16384, 32767] as const;
/** Performance tiers of Premium_LRS storage, from slowest to fastest (the api's enum). */
export const POSTGRES_STORAGE_TIERS = ['P1', 'P2', 'P3', 'P4', 'P6', 'P10', 'P15', 'P20', 'P30', 'P40', 'P50', 'P60', 'P70', 'P80'] as const;
/** A performance tier of Premium_LRS storage. */
export type PostgresStorageTier = (typeof POSTGRES_STORAGE_TIERS)[number];
/**
 * The baseline (default) tier of each Premium_LRS size. A size may use its baseline or a faster
 * tier, up to P50 for sizes up to 4096 GiB; P60-P80 are for larger disks only (Azure managed disk rules).
 */
const BASELINE_STORAGE_TIER: Readonly<Record<number, PostgresStorageTier>> = {
  32: 'P4', 64: 'P6', 128: 'P10', 256: 'P15', 512: 'P20', 1024: 'P30', 2048: 'P40', 4096: 'P50', 8192: 'P60', 16384: 'P70', 32767: 'P80',
};

/** The tiers a Premium_LRS disk of `sizeGb` may use (its baseline first), or undefined for a size Azure does not offer. */
export function storageTiersFor(sizeGb: number): PostgresStorageTier[] | undefined {
  const baseline = BASELINE_STORAGE_TIER[sizeGb];
  if (!baseline) return undefined;
  const fastest = sizeGb > 4096 ? 'P80' : 'P50';
  return POSTGRES_STORAGE_TIERS.slice(POSTGRES_STORAGE_TIERS.indexOf(baseline), POSTGRES_STORAGE_TIERS.indexOf(fastest) + 1);
}

/** Props of ArmPostgresFlexibleServer (property names as in ARM). */
export interface ArmPostgresFlexibleServerProps extends TopLevelResourceProps {
  /** Compute size and tier, e.g. `{ name: 'Standard_D2ds_v5', tier: 'GeneralPurpose' }`. */
  readonly sku: {
    /** Compute size, e.g. `Standard_B1ms`, `Standard_D2ds_v5` (check regional availability). */
    readonly name: Value<string>;
    /** 'Burstable' | 'GeneralPurpose' | 'MemoryOptimized'; must suit the size. */
    readonly tier: PostgresTier | Expression;
  };
  /** Major version, '11'-'18'. @default Azure's default for the api-version */
  readonly version?: Value<string>;
  /**
   * Administrator login: 1-63 characters, not a reserved name (azure_superuser, azure_pg_admin,
   * admin, administrator, root, guest, public) nor starting with `pg_`; immutable after creation.
   * @default none (Entra-only servers)
   */
  readonly administratorLogin?: Value<string>;
  /** Administrator password: pass a securestring parameter's value. @default none */
  readonly administratorLoginPassword?: Value<string>;
  /** Which authentication methods are enabled. @default Azure's default (password only) */
  readonly authConfig?: {
    /** Microsoft Entra authentication: 'Enabled' | 'Disabled'. @default Azure's default, 'Disabled' */
    readonly activeDirectoryAuth?: 'Enabled' | 'Disabled';
    /** Password authentication: 'Enabled' | 'Disabled'. @default Azure's default, 'Enabled' */
    readonly passwordAuth?: 'Enabled' | 'Disabled';
    /** Tenant of the Entra administrators. @default Azure's default, the subscription's tenant */
    readonly tenantId?: Value<string>;
  };
  /** Primary availability zone: '1', '2' or '3'. @default Azure picks one */
  readonly availabilityZone?: Value<string>;
  /** High availability. @default Disabled */
  readonly highAvailability?: {
    /** 'Disabled' | 'SameZone' | 'ZoneRedundant' (not available on Burstable). */
    readonly mode: 'Disabled' | 'SameZone' | 'ZoneRedundant' | Expression;
    /** The standby's zone, '1', '2' or '3'. @default Azure picks one */
    readonly standbyAvailabilityZone?: Value<string>;
  };
  /**
   * Storage. `storageSizeGB` for Premium_LRS must be one of POSTGRES_STORAGE_SIZES_GB; `tier`
   * (Premium_LRS only) the size's baseline tier or a faster one it allows (storageTiersFor).
   * @default Azure's default (32 GiB Premium_LRS at its baseline tier, P4)
   */
  readonly storage?: {
    /** Size in GiB: one of POSTGRES_STORAGE_SIZES_GB for Premium_LRS, 32-65536 for PremiumV2_LRS; can only grow. @default Azure's default, 32 */
    readonly storageSizeGB?: Value<number>;
    /** Grow the storage automatically when it nears full: 'Enabled' | 'Disabled'. @default Azure's default, 'Disabled' */
    readonly autoGrow?: 'Enabled' | 'Disabled';
    /** 'Premium_LRS' | 'PremiumV2_LRS' | 'UltraSSD_LRS'. @default Azure's default, 'Premium_LRS' */
    readonly type?: 'Premium_LRS' | 'PremiumV2_LRS' | 'UltraSSD_LRS';
    /** Performance tier, Premium_LRS only: the size's baseline or a faster one (storageTiersFor). @default the size's baseline tier */
    readonly tier?: PostgresStorageTier | Expression;
    /** Maximum IOPS; required for PremiumV2_LRS and UltraSSD_LRS. @default Azure's default for the storage */
    readonly iops?: Value<number>;
    /** Maximum throughput in MB/s; required for PremiumV2_LRS and UltraSSD_LRS. @default Azure's default for the storage */
    readonly throughput?: Value<number>;
  };
  /** Backups: retention 7-35 days; geo-redundancy is fixed at creation. @default 7 days, not geo-redundant */
  readonly backup?: {
    /** Days backups are kept, 7-35. @default Azure's default, 7 */
    readonly backupRetentionDays?: Value<number>;
    /** Geo-redundant backups: 'Enabled' | 'Disabled'; set at creation only. @default Azure's default, 'Disabled' */
    readonly geoRedundantBackup?: 'Enabled' | 'Disabled';
  };
  /**
   * Networking. `delegatedSubnetResourceId` (VNet integration) excludes private endpoints.
   * @default Azure's default (public access mode)
   */
  readonly network?: {
    /** 'Enabled' | 'Disabled'; not for VNet-integrated servers. @default Azure's default ('Enabled' without a delegated subnet) */
    readonly publicNetworkAccess?: 'Enabled' | 'Disabled';
    /** Delegated subnet for VNet integration; set at creation only. @default none (no VNet integration) */
    readonly delegatedSubnetResourceId?: Value<string>;
    /** Private DNS zone for VNet integration; set at creation only. @default none */
    readonly privateDnsZoneArmResourceId?: Value<string>;
  };
  /** Maintenance window: `customWindow: 'Enabled'` with dayOfWeek 0-6 (0 = Sunday), startHour 0-23, startMinute 0-59 (UTC). @default system-managed */
  readonly maintenanceWindow?: {
    /** 'Enabled' for the window below, 'Disabled' for a system-managed one. */
    readonly customWindow: 'Enabled' | 'Disabled';
    /** Day of the week, 0-6 (0 = Sunday). @default Azure's default */
    readonly dayOfWeek?: number;
    /** Start hour, 0-23 (UTC). @default Azure's default */
    readonly startHour?: number;
    /** Start minute, 0-59. @default Azure's default */
    readonly startMinute?: number;
  };
  /** How the server is created. @default Azure's default ('Default', a new server) */
  readonly createMode?: 'Default' | 'Create' | 'Update' | 'PointInTimeRestore' | 'GeoRestore' | 'Replica' | 'ReviveDropped';
}

/** Server names: 3-63 lowercase letters, digits and hyphens, not starting or ending with a hyphen. */
export const POSTGRES_SERVER_NAME = /^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/;

/** A PostgreSQL flexible server (L1). Name: 3-63 lowercase letters, digits and hyphens, not starting or ending with a hyphen; globally unique (`<name>.postgres.database.azure.com`). */
export class ArmPostgresFlexibleServer extends TypedArmResource<ArmPostgresFlexibleServerProps> {
  /** The ARM resource type. */
  public static readonly RESOURCE_TYPE = 'Microsoft.DBforPostgreSQL/flexibleServers';
  /** The api-version this class renders and validates against. */
  public static readonly API_VERSION = POSTGRESQL_API_VERSION;

  constructor(scope: Construct, id: string, props: ArmPostgresFlexibleServerProps) {
    super(scope, id, topLevelEnvelope(ArmPostgresFlexibleServer, props, { sku: { name: props.sku.name, tier: props.sku.tier } }), props);
  }

  /** The typed props, as given. */
  public get serverProps(): ArmPostgresFlexibleServerProps {
    return this.typed;
  }

  /** `<name>.postgres.database.azure.com` (runtime). */
  public get attrFullyQualifiedDomainName(): Expression {
    return this.getRuntimeProperty('properties.fullyQualifiedDomainName');
  }

  /** The server's state, e.g. 'Ready' (runtime). */
  public get attrState(): Expression {
    return this.getRuntimeProperty('properties.state');
  }

  protected override renderProperties(): Record<string, unknown> {
    const p = this.serverProps;
    return {
      version: p.version,
      administratorLogin: p.administratorLogin,
      administratorLoginPassword: p.administratorLoginPassword,
      authConfig: p.authConfig,
      availabilityZone: p.availabilityZone,
      highAvailability: p.highAvailability,
      storage: p.storage,
      backup: p.backup,
      network: p.network,
      maintenanceWindow: p.maintenanceWindow,
      createMode: p.createMode,
    };
  }

  protected override validateProps(): string[] {
    const c = new PropertyChecks(ArmPostgresFlexibleServer.RESOURCE_TYPE);
    const p = this.serverProps;
    c.matches('name', p.name, POSTGRES_SERVER_NAME, 'use 3-63 lowercase letters, digits and hyphens, not starting or ending with a hyphen (it becomes <name>.postgres.database.azure.com)');
    c.oneOf('sku.tier', p.sku.tier, ['Burstable', 'GeneralPurpose', 'MemoryOptimized']);
    const version = literalString(p.version);
    if (version !== undefined && !(POSTGRES_VERSIONS as readonly string[]).includes(version)) {
      c.add(`version '${version}' is not a PostgreSQL major version that flexible servers support (api ${POSTGRESQL_API_VERSION}): use one of ${POSTGRES_VERSIONS.join(', ')}; for a new server 16 or 17 (PostgresFlexibleServer refuses retired versions).`);
    }
    c.oneOf('availabilityZone', p.availabilityZone, ['1', '2', '3']);
    c.oneOf('highAvailability.mode', p.highAvailability?.mode, ['Disabled', 'SameZone', 'ZoneRedundant']);
    c.oneOf('highAvailability.standbyAvailabilityZone', p.highAvailability?.standbyAvailabilityZone, ['1', '2', '3']);
    const size = p.storage?.storageSizeGB;
    if (typeof size === 'number' && (p.storage?.type ?? 'Premium_LRS') === 'Premium_LRS' && !(POSTGRES_STORAGE_SIZES_GB as readonly number[]).includes(size)) {
      const next = POSTGRES_STORAGE_SIZES_GB.find((s) => s >= size);
      c.add(`storage.storageSizeGB ${size} is not a size Azure offers for Premium_LRS storage: use one of ${POSTGRES_STORAGE_SIZES_GB.join(', ')} GiB${next ? ` (e.g. ${next})` : ''}.`);
    }
    if (typeof size === 'number' && p.storage?.type === 'PremiumV2_LRS') c.intRange('storage.storageSizeGB', size, 32, 65536);
    this.checkStorageTier(c);
    c.intRange('backup.backupRetentionDays', p.backup?.backupRetentionDays, 7, 35);
    c.oneOf('maintenanceWindow.customWindow', p.maintenanceWindow?.customWindow, ['Enabled', 'Disabled']);
    c.intRange('maintenanceWindow.dayOfWeek', p.maintenanceWindow?.dayOfWeek, 0, 6);
    c.intRange('maintenanceWindow.startHour', p.maintenanceWindow?.startHour, 0, 23);
    c.intRange('maintenanceWindow.startMinute', p.maintenanceWindow?.startMinute, 0, 59);
    c.oneOf('network.publicNetworkAccess', p.network?.publicNetworkAccess, ['Enabled', 'Disabled']);
    c.length('administratorLogin', p.administratorLogin, 1, 63);
    const login = literalString(p.administratorLogin)?.toLowerCase();
    if (login && ['azure_superuser', 'azure_pg_admin', 'admin', 'administrator', 'root', 'guest', 'public'].includes(login)) {
      c.add(`administratorLogin '${login}' is reserved by Azure Database for PostgreSQL: choose another login name.`);
    } else if (login?.startsWith('pg_')) {
      c.add(`administratorLogin '${login}' starts with 'pg_', which PostgreSQL reserves: choose another login name.`);
    }
    return c.errors;
  }

  /** A performance tier exists only for Premium_LRS, and must suit the size: its baseline or faster, P60-P80 only above 4096 GiB. */
  private checkStorageTier(c: PropertyChecks): void {
    const storage = this.serverProps.storage;
    const tier = literalString(storage?.tier);
    if (tier === undefined) return;
    if (!(POSTGRES_STORAGE_TIERS as readonly string[]).includes(tier)) {
      c.oneOf('storage.tier', tier, POSTGRES_STORAGE_TIERS);
      return;
    }
    const type = literalString(storage?.type) ?? 'Premium_LRS';
    if (type !== 'Premium_LRS') {
      c.add(`storage.tier '${tier}' is set on ${type} storage: performance tiers exist only for Premium_LRS (${type} sets iops and throughput instead). Remove tier, or use type Premium_LRS.`);
      return;
    }
    const size = storage?.storageSizeGB ?? 32;
    const allowed = typeof size === 'number' ? storageTiersFor(size) : undefined;
    if (!allowed || allowed.includes(tier as PostgresStorageTier)) return; // an unknown size is reported on its own
    const reason = POSTGRES_STORAGE_TIERS.indexOf(tier as PostgresStorageTier) < POSTGRES_STORAGE_TIERS.indexOf(allowed[0])
      ? `is below ${allowed[0]}, the baseline tier of ${size} GiB`
      : `is for disks larger than 4096 GiB`;
    c.add(`storage.tier '${tier}' ${reason}, so Azure refuses it for ${size} GiB of Premium_LRS storage: use one of ${allowed.join(', ')} (or leave tier unset for ${allowed[0]}), or change storageSizeGB.`);
  }
}
