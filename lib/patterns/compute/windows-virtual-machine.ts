/**
 * WindowsVirtualMachine (L2): a Windows Server VM with a NIC, Trusted Launch, an optional
 * Standard public IP and an NSG rule for RDP from a given range.
 */
import { Construct } from 'constructs';
import { type Expression, type Value } from '../../core/index.js';
import { ArmVirtualMachine, WINDOWS_COMPUTER_NAME_MAX, type ImageReferenceSpec } from '../../resources/compute/virtual-machine.js';
import { ArmNetworkInterface } from '../../resources/network/network-interface.js';
import { ArmPublicIpAddress } from '../../resources/network/public-ip-address.js';
import { defaultName, slug } from '../names.js';
import { NetworkSecurityGroup, type INetworkSecurityGroup } from '../network/network-security-group.js';
import type { Subnet } from '../network/subnet.js';
import { secureValue, type SecretValue } from '../secrets.js';

/** Marketplace images for WindowsVirtualMachine. */
export const WindowsImage = {
  /** Windows Server 2019 Datacenter, Generation 2 (Trusted Launch capable). */
  SERVER_2019_DATACENTER_GEN2: { publisher: 'MicrosoftWindowsServer', offer: 'WindowsServer', sku: '2019-datacenter-gensecond', version: 'latest' },
  /** Windows Server 2022 Datacenter Azure Edition, Generation 2. */
  SERVER_2022_DATACENTER_AZURE_EDITION: { publisher: 'MicrosoftWindowsServer', offer: 'WindowsServer', sku: '2022-datacenter-azure-edition', version: 'latest' },
} as const satisfies Record<string, ImageReferenceSpec>;

/** Public IP options. */
export interface VmPublicIpOptions {
  /** SKU: 'Standard' ('Basic' is retired and refused). @default 'Standard' */
  readonly sku?: string;
  /** DNS label. @default none */
  readonly domainNameLabel?: Value<string>;
}

/** Options of WindowsVirtualMachine. */
export interface WindowsVirtualMachineProps {
  /** Subnet of the VM's NIC. */
  readonly subnet: Subnet;
  /** Admin user name (at most 20 characters; not administrator, admin, root, ...). */
  readonly adminUsername: Value<string>;
  /** Admin password: a securestring Parameter or its `.value` (12-123 characters, 3 of 4 character classes). */
  readonly adminPassword: SecretValue;
  /** VM name (1-64). @default `vm-<id>` */
  readonly name?: Value<string>;
  /** Windows computer name, at most 15 characters. @default the id in lowercase, trimmed to 15 */
  readonly computerName?: Value<string>;
  /** VM size (Gen2 and Trusted Launch capable). @default 'Standard_D2s_v5' */
  readonly vmSize?: Value<string>;
  /** Image. @default WindowsImage.SERVER_2019_DATACENTER_GEN2 */
  readonly image?: ImageReferenceSpec;
  /** A public IP for the VM (also its outbound path in a private subnet). @default none */
  readonly publicIp?: boolean | VmPublicIpOptions;
  /**
   * Allow RDP (TCP 3389) from this IPv4 range: a rule is added to `networkSecurityGroup`, or to
   * the subnet's NSG, or to a new NSG on the NIC.
   * @default no RDP rule
   */
  readonly allowRdpFrom?: Value<string>;
  /** NSG that receives the RDP rule. @default the subnet's NSG when it is a NetworkSecurityGroup, else a new NSG on the NIC */
  readonly networkSecurityGroup?: INetworkSecurityGroup;
  /** OS disk type. @default 'StandardSSD_LRS' */
  readonly osDiskType?: 'Standard_LRS' | 'StandardSSD_LRS' | 'Premium_LRS';
  /** Availability zone. @default none */
  readonly zone?: '1' | '2' | '3';
  /** Location. @default the stack's location */
  readonly location?: Value<string>;
  /** Tags. @default none */
  readonly tags?: Record<string, Value<string>>;
}

/** A Windows virtual machine with Trusted Launch (secure boot + vTPM) and boot diagnostics. */
export class WindowsVirtualMachine extends Construct {
  /** The L1 VM. */
  public readonly resource: ArmVirtualMachine;
  /** The NIC. */
  public readonly networkInterface: ArmNetworkInterface;
  /** The public IP, if any. */
  public readonly publicIp?: ArmPublicIpAddress;
  /** The NSG created for the NIC, if any. */
  public readonly nicSecurityGroup?: NetworkSecurityGroup;
  private readonly problems: string[] = [];

  constructor(scope: Construct, id: string, props: WindowsVirtualMachineProps) {
    super(scope, id);
    const password = secureValue(props.adminPassword, 'adminPassword');
    if ('error' in password) this.problems.push(password.error);

    if (props.publicIp) {
      const options = props.publicIp === true ? {} : props.publicIp;
      this.publicIp = new ArmPublicIpAddress(this, 'PublicIp', {
        name: defaultName(this, 'pip', 80), location: props.location, tags: props.tags, skuName: options.sku ?? 'Standard', domainNameLabel: options.domainNameLabel,
        zones: props.zone ? [props.zone] : undefined,
      });
    }

    let nsg = props.networkSecurityGroup ?? props.subnet.networkSecurityGroup;
    if (props.allowRdpFrom !== undefined) {
      if (!nsg) {
        this.nicSecurityGroup = new NetworkSecurityGroup(this, 'Nsg', { name: defaultName(this, 'nsg', 80), location: props.location, tags: props.tags });
        nsg = this.nicSecurityGroup;
      }
      if (!(nsg instanceof NetworkSecurityGroup)) {
        throw new Error(`[${this.node.path}] allowRdpFrom needs an NSG declared in this app to add the rule to, but the NSG is imported: pass networkSecurityGroup (a NetworkSecurityGroup), or add the rule to the imported NSG yourself.`);
      }
      nsg.allowInbound(`Allow-RDP-${slug(id, 60)}`, { from: props.allowRdpFrom, port: 3389, description: `RDP to the virtual machine ${id}` });
    }

    this.networkInterface = new ArmNetworkInterface(this, 'Nic', {
      name: defaultName(this, 'nic', 80), location: props.location, tags: props.tags,
      networkSecurityGroupId: this.nicSecurityGroup?.networkSecurityGroupId,
      ipConfigurations: [{ name: 'ipconfig1', subnetId: props.subnet.subnetId, publicIPAddressId: this.publicIp?.id }],
    });

    this.resource = new ArmVirtualMachine(this, 'Resource', {
      name: props.name ?? defaultName(this, 'vm', 64),
      location: props.location,
      tags: props.tags,
      vmSize: props.vmSize ?? 'Standard_D2s_v5',
      zone: props.zone,
      osProfile: {
        osType: 'windows',
        computerName: props.computerName ?? slug(id, WINDOWS_COMPUTER_NAME_MAX),
        adminUsername: props.adminUsername,
        adminPassword: 'value' in password ? password.value : undefined,
      },
      imageReference: props.image ?? WindowsImage.SERVER_2019_DATACENTER_GEN2,
      osDiskStorageAccountType: props.osDiskType,
      networkInterfaceIds: [this.networkInterface.id],
      securityType: 'TrustedLaunch',
    });
    this.node.addValidation({ validate: () => this.problems });
  }

  /** The VM's public IP address (runtime), if it has one. */
  public get publicIpAddress(): Expression | undefined {
    return this.publicIp?.attrIpAddress;
  }

  /** The VM's private IP address (runtime). */
  public get privateIpAddress(): Expression {
    return this.networkInterface.attrPrivateIpAddress;
  }
}
