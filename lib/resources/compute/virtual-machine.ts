/**
 * Microsoft.Compute/virtualMachines: typed L1.
 */
import type { Construct } from 'constructs';
import { type Expression, type Value } from '../../core/index.js';
import type { TopLevelResourceProps } from '../common.js';
import { literalString, PropertyChecks } from '../validation.js';
import { topLevelEnvelope, TypedArmResource } from '../typed-resource.js';
import { COMPUTE_API_VERSION } from './api-version.js';

/** A marketplace image. */
export interface ImageReferenceSpec {
  /** Image publisher, e.g. `MicrosoftWindowsServer`. */
  readonly publisher: string;
  /** Image offer, e.g. `WindowsServer`. */
  readonly offer: string;
  /** Image SKU, e.g. `2022-datacenter-azure-edition`. */
  readonly sku: string;
  /** Image version, e.g. `20348.2527.240607`. @default 'latest' */
  readonly version?: string;
}

/** Props of ArmVirtualMachine. */
export interface ArmVirtualMachineProps extends TopLevelResourceProps {
  /** VM size, e.g. 'Standard_D2s_v5' (check regional availability). */
  readonly vmSize: Value<string>;
  /** OS profile. */
  readonly osProfile: {
    /** Host name: Windows at most 15 characters, Linux at most 64; not only digits. */
    readonly computerName: Value<string>;
    /** Admin user name: Windows at most 20 characters; not a well-known account (admin, administrator, root, guest, ...). */
    readonly adminUsername: Value<string>;
    /**
     * Admin password: pass a securestring parameter's value.
     * @default none (Linux then disables password authentication; Windows needs one)
     */
    readonly adminPassword?: Value<string>;
    /** 'windows' renders windowsConfiguration, 'linux' linuxConfiguration. */
    readonly osType: 'windows' | 'linux';
    /** Windows automatic updates. @default true */
    readonly enableAutomaticUpdates?: boolean;
  };
  /** The image. */
  readonly imageReference: ImageReferenceSpec;
  /** OS disk storage. @default 'StandardSSD_LRS' */
  readonly osDiskStorageAccountType?: 'Standard_LRS' | 'StandardSSD_LRS' | 'Premium_LRS' | 'StandardSSD_ZRS' | 'Premium_ZRS';
  /** OS disk size in GiB. @default the image's size */
  readonly osDiskSizeGb?: Value<number>;
  /** Resource ids of the NICs; the first is primary. */
  readonly networkInterfaceIds: readonly Value<string>[];
  /**
   * 'TrustedLaunch' (needs a Gen2 image), 'ConfidentialVM' or 'Standard'. Always rendered: since
   * api 2025-11-01 an omitted value reads back as 'Standard'.
   * @default 'TrustedLaunch'
   */
  readonly securityType?: 'TrustedLaunch' | 'ConfidentialVM' | 'Standard';
  /** Boot diagnostics with managed storage. @default true */
  readonly bootDiagnostics?: boolean;
  /** Availability zone, '1'-'3'. @default none */
  readonly zone?: Value<string>;
  /** Encryption at host (the subscription feature must be registered). @default not set */
  readonly encryptionAtHost?: boolean;
}

/** Windows computer names: at most 15 characters. */
export const WINDOWS_COMPUTER_NAME_MAX = 15;

/** A virtual machine (L1). Name: 1-64 letters, digits, '_', '.', '-'; starts with a letter, digit or '_', does not end with '.' or '-'. */
export class ArmVirtualMachine extends TypedArmResource<ArmVirtualMachineProps> {
  /** The ARM resource type. */
  public static readonly RESOURCE_TYPE = 'Microsoft.Compute/virtualMachines';
  /** The api-version this class renders and validates against. */
  public static readonly API_VERSION = COMPUTE_API_VERSION;

  constructor(scope: Construct, id: string, props: ArmVirtualMachineProps) {
    super(scope, id, topLevelEnvelope(ArmVirtualMachine, props, { zones: props.zone === undefined ? undefined : [props.zone] }), props);
  }

  /** The VM's unique id (runtime). */
  public get attrVmId(): Expression {
    return this.getRuntimeProperty('properties.vmId');
  }

  protected override renderProperties(): Record<string, unknown> {
    const p = this.typed;
    const os = p.osProfile;
    const securityType = p.securityType ?? 'TrustedLaunch';
    return {
      hardwareProfile: { vmSize: p.vmSize },
      osProfile: {
        computerName: os.computerName,
        adminUsername: os.adminUsername,
        adminPassword: os.adminPassword,
        windowsConfiguration: os.osType === 'windows' ? { enableAutomaticUpdates: os.enableAutomaticUpdates ?? true, provisionVMAgent: true } : undefined,
        linuxConfiguration: os.osType === 'linux' ? { disablePasswordAuthentication: os.adminPassword === undefined, provisionVMAgent: true } : undefined,
      },
      storageProfile: {
        imageReference: { ...p.imageReference, version: p.imageReference.version ?? 'latest' },
        osDisk: {
          createOption: 'FromImage',
          caching: 'ReadWrite',
          deleteOption: 'Delete',
          diskSizeGB: p.osDiskSizeGb,
          managedDisk: { storageAccountType: p.osDiskStorageAccountType ?? 'StandardSSD_LRS' },
        },
      },
      networkProfile: {
        networkInterfaces: p.networkInterfaceIds.map((id, i) => ({ id, properties: { primary: i === 0, deleteOption: 'Delete' } })),
      },
      securityProfile: {
        securityType,
        encryptionAtHost: p.encryptionAtHost,
        uefiSettings: securityType === 'Standard' ? undefined : { secureBootEnabled: true, vTpmEnabled: true },
      },
      diagnosticsProfile: { bootDiagnostics: { enabled: p.bootDiagnostics ?? true } },
    };
  }

  protected override validateProps(): string[] {
    const c = new PropertyChecks(ArmVirtualMachine.RESOURCE_TYPE);
    const p = this.typed;
    c.matches('name', p.name, /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,62}[A-Za-z0-9_]$|^[A-Za-z0-9_]$/, 'use 1-64 letters, digits, underscores, periods or hyphens, not ending with a period or hyphen');
    const computerName = literalString(p.osProfile.computerName);
    if (computerName !== undefined) {
      const max = p.osProfile.osType === 'windows' ? WINDOWS_COMPUTER_NAME_MAX : 64;
      if (computerName.length > max) {
        c.add(`osProfile.computerName '${computerName}' has ${computerName.length} characters; a ${p.osProfile.osType === 'windows' ? 'Windows' : 'Linux'} computer name allows ${max}. Pass a shorter computerName (e.g. '${computerName.replace(/[^A-Za-z0-9-]/g, '').slice(0, max)}').`);
      }
      if (/^\d+$/.test(computerName)) c.add(`osProfile.computerName '${computerName}' is only digits: include at least one letter.`);
      if (p.osProfile.osType === 'windows' && /[\\/"[\]:|<>+=;,?*@&~!#$%^(){}'._ ]/.test(computerName)) {
        c.add(`osProfile.computerName '${computerName}' has characters Windows does not allow: use letters, digits and hyphens.`);
      }
    }
    const user = literalString(p.osProfile.adminUsername);
    if (user !== undefined) {
      if (user.length > 20 && p.osProfile.osType === 'windows') c.add(`osProfile.adminUsername '${user}' has ${user.length} characters; Windows allows 20. Choose a shorter name.`);
      if (DISALLOWED_ADMIN_NAMES.includes(user.toLowerCase())) c.add(`osProfile.adminUsername '${user}' is not allowed by Azure: choose a name that is not a well-known account (administrator, admin, root, user, guest, ...).`);
    }
    const secure = p.securityType ?? 'TrustedLaunch';
    const sku = p.imageReference.sku.toLowerCase();
    if (secure === 'TrustedLaunch' && (sku === '2019-datacenter' || sku === '2016-datacenter' || sku === '2022-datacenter')) {
      c.add(`imageReference.sku '${p.imageReference.sku}' is a Generation 1 image, which cannot use Trusted Launch: use its Gen2 sku (e.g. '2019-datacenter-gensecond') or securityType 'Standard'.`);
    }
    return c.errors;
  }
}

/** Admin user names Azure refuses for VMs. */
const DISALLOWED_ADMIN_NAMES = [
  'administrator', 'admin', 'user', 'user1', 'test', 'user2', 'test1', 'user3', 'admin1', '1', '123', 'a', 'actuser', 'adm', 'admin2',
  'aspnet', 'backup', 'console', 'david', 'guest', 'john', 'owner', 'root', 'server', 'sql', 'support', 'support_388945a0', 'sys', 'test2',
  'test3', 'user4', 'user5',
];
