/**
 * WindowsVirtualMachine (L2): a Windows Server VM with a NIC, Trusted Launch, an optional
 * Standard public IP and an NSG rule for RDP from a given range.
 */
import { Construct } from 'constructs';
import { Annotations, Stack, type Expression, type Value } from '../../core/index.js';
import { literalString } from '../../resources/validation.js';
import { ArmVirtualMachine, WINDOWS_COMPUTER_NAME_MAX, type ImageReferenceSpec } from '../../resources/compute/virtual-machine.js';
import { ArmNetworkInterface } from '../../resources/network/network-interface.js';
import { ArmPublicIpAddress } from '../../resources/network/public-ip-address.js';
import { importResource, type ImportLocationOptions } from '../imports.js';
import { defaultName, slug } from '../physical-names.js';
import { Cidr, tryParseIpv4 } from '../network/cidr.js';
import { NetworkSecurityGroup, type INetworkSecurityGroup } from '../network/network-security-group.js';
import { refuseDelegatedSubnet, refuseOtherRegion } from '../network/placement.js';
import type { Subnet } from '../network/subnet.js';
import { secureValue, type SecretValue } from '../secrets.js';
import { checkProps } from '../prop-checks.js';
import { WINDOWS_VM_PROPS } from '../prop-shapes.js';

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
  /** Subnet of the VM's NIC (not a delegated subnet: Azure keeps those for their service). */
  readonly subnet: Subnet;
  /** Admin user name (at most 20 characters; not administrator, admin, root, ...). */
  readonly adminUsername: Value<string>;
  /** Admin password: a securestring Parameter or its `.value` (12-123 characters, 3 of 4 character classes). */
  readonly adminPassword: SecretValue;
  /** VM name (1-64). @default `vm-<id>` */
  readonly name?: Value<string>;
  /** Windows computer name, at most 15 characters. @default the id in lowercase, trimmed to 15 */
  readonly computerName?: Value<string>;
  /**
   * VM size (Gen2 and Trusted Launch capable; check regional availability).
   * The default is Standard_D2s_v3 rather than a newer size such as Standard_D2s_v5: Microsoft's
   * published ARM schema for Microsoft.Compute lists VM sizes in a closed enum that stops before
   * the v4/v5 families, so template validators reject the newer names (Azure itself accepts them).
   * @default 'Standard_D2s_v3'
   */
  readonly vmSize?: Value<string>;
  /** Image. @default WindowsImage.SERVER_2019_DATACENTER_GEN2 */
  readonly image?: ImageReferenceSpec;
  /**
   * A public IP for the VM (also its outbound path in a private subnet). Without one, RDP from the
   * internet cannot reach the VM and, in a private subnet, the VM has no outbound access: both
   * get a warning.
   * @default none
   */
  readonly publicIp?: boolean | VmPublicIpOptions;
  /**
   * Allow RDP (TCP 3389) from this IPv4 range: a rule is added to `networkSecurityGroup`, or to
   * the subnet's NSG, or to a new NSG on the NIC.
   * @default no RDP rule
   */
  readonly allowRdpFrom?: Value<string>;
  /**
   * NSG of the VM: attached to its NIC (unless it is already the subnet's NSG), and it receives
   * the RDP rule.
   * @default the subnet's NSG; with allowRdpFrom and no subnet NSG, a new NSG on the NIC
   */
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

/** Default VM size: Gen2 + Trusted Launch capable, and in the published ARM schema's size list. */
const DEFAULT_VM_SIZE = 'Standard_D2s_v3';

/** A virtual machine, declared here or imported. */
export interface IVirtualMachine {
  /** Resource id. */
  readonly virtualMachineId: Expression;
  /** The VM's name. */
  readonly virtualMachineName: Value<string>;
}

/** A Windows virtual machine with Trusted Launch (secure boot + vTPM) and boot diagnostics. */
export class WindowsVirtualMachine extends Construct implements IVirtualMachine {
  /** Imports an existing virtual machine (e.g. to refer to it in outputs or other resources); this template changes nothing about it. */
  public static fromVirtualMachineName(scope: Construct, id: string, name: Value<string>, options: ImportLocationOptions = {}): IVirtualMachine {
    const resource = importResource(scope, id, ArmVirtualMachine, name, options);
    return { virtualMachineId: resource.id, virtualMachineName: name };
  }

  /** The L1 VM. */
  public readonly resource: ArmVirtualMachine;
  /** The NIC. */
  public readonly networkInterface: ArmNetworkInterface;
  /** The public IP, if any. */
  public readonly publicIp?: ArmPublicIpAddress;
  /** The NSG created for the NIC, if any. */
  public readonly nicSecurityGroup?: NetworkSecurityGroup;
  /** The NSG attached to the NIC (given or created), if any; undefined when only the subnet's NSG applies. */
  public readonly nicNetworkSecurityGroup?: INetworkSecurityGroup;

  constructor(scope: Construct, id: string, props: WindowsVirtualMachineProps) {
    super(scope, id);
    checkProps(this, 'WindowsVirtualMachine', props, WINDOWS_VM_PROPS);
    const password = secureValue(props.adminPassword, 'adminPassword', 'a Windows virtual machine');
    if ('error' in password) Annotations.of(this).addError(password.error);
    refuseDelegatedSubnet(this, props.subnet, "a virtual machine's network interface");
    refuseOtherRegion(this, props.subnet, props.location ?? Stack.of(this).location, "a virtual machine's network interface");

    if (props.publicIp) {
      const options = props.publicIp === true ? {} : props.publicIp;
      this.publicIp = new ArmPublicIpAddress(this, 'PublicIp', {
        name: defaultName(this, 'pip', 80), location: props.location, tags: props.tags, skuName: options.sku ?? 'Standard', domainNameLabel: options.domainNameLabel,
        zones: props.zone ? [props.zone] : undefined,
      });
    }

    const subnetNsg = props.subnet.networkSecurityGroup;
    let nsg = props.networkSecurityGroup ?? subnetNsg;
    if (props.allowRdpFrom !== undefined) {
      if (!nsg) {
        this.nicSecurityGroup = new NetworkSecurityGroup(this, 'Nsg', { name: defaultName(this, 'nsg', 80), location: props.location, tags: props.tags });
        nsg = this.nicSecurityGroup;
      }
      if (!(nsg instanceof NetworkSecurityGroup)) {
        Annotations.of(this).addError(`allowRdpFrom needs an NSG declared in this app to add the rule to, but the NSG is imported: pass networkSecurityGroup (a NetworkSecurityGroup), or add the rule to the imported NSG yourself.`);
      } else {
        nsg.allowInbound(`Allow-RDP-${slug(id, 60)}`, { from: props.allowRdpFrom, port: 3389, description: `RDP to the virtual machine ${id}` });
      }
      if (!this.publicIp && !isPrivateSource(props.allowRdpFrom)) {
        Annotations.of(this).addWarning(
          `allowRdpFrom admits RDP from ${describe(props.allowRdpFrom)}, but the VM has no public IP, so connections from the internet cannot reach it and the rule is useless: ` +
            `set publicIp: true, or reach the VM privately (Azure Bastion, VPN, peering) and allow RDP from that private range instead.`,
        );
      }
    }
    // An NSG given for the VM goes on its NIC, unless the subnet's NSG is that very NSG.
    this.nicNetworkSecurityGroup = nsg !== undefined && nsg !== subnetNsg ? nsg : undefined;
    if (!this.publicIp && props.subnet.defaultOutboundAccess === false) {
      Annotations.of(this).addWarning(
        `the VM has no outbound internet access: subnet '${props.subnet.subnetName}' is private (defaultOutboundAccess: false, the default from Network api 2025-07-01) and the VM has no public IP, ` +
          `so Windows activation, updates and extensions cannot reach the internet. Set publicIp: true, or defaultOutboundAccess: true on the subnet, or give the subnet a NAT gateway.`,
      );
    }

    this.networkInterface = new ArmNetworkInterface(this, 'Nic', {
      name: defaultName(this, 'nic', 80), location: props.location, tags: props.tags,
      networkSecurityGroupId: this.nicNetworkSecurityGroup?.networkSecurityGroupId,
      ipConfigurations: [{ name: 'ipconfig1', subnetId: props.subnet.subnetId, publicIPAddressId: this.publicIp?.id }],
    });

    this.resource = new ArmVirtualMachine(this, 'Resource', {
      name: props.name ?? defaultName(this, 'vm', 64),
      location: props.location,
      tags: props.tags,
      vmSize: props.vmSize ?? DEFAULT_VM_SIZE,
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
  }

  /** Resource id of the VM. */
  public get virtualMachineId(): Expression {
    return this.resource.id;
  }

  /** The VM's name. */
  public get virtualMachineName(): Value<string> {
    return this.resource.name;
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

/** Private (RFC 1918) IPv4 ranges: sources a VM without a public IP can still be reached from. */
const PRIVATE_RANGES = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'].map((text) => Cidr.parse(text));

/**
 * True when an RDP source is known to be inside the private network (the VirtualNetwork tag, or
 * a literal RFC 1918 address or range); false for internet ranges, tags like Internet, and values
 * only known at deployment time (a parameter usually holds the operator's public address).
 */
function isPrivateSource(source: Value<string>): boolean {
  const text = literalString(source)?.trim();
  if (text === undefined) return false;
  if (text.toLowerCase() === 'virtualnetwork') return true;
  const cidr = text.includes('/') ? Cidr.tryParse(text) : undefined;
  if (cidr !== undefined) return typeof cidr !== 'string' && PRIVATE_RANGES.some((range) => range.contains(cidr));
  const address = tryParseIpv4(text);
  return typeof address === 'number' && PRIVATE_RANGES.some((range) => range.network <= address && address <= range.last);
}

/** A source for messages: the literal, or 'a value known at deployment time'. */
function describe(source: Value<string>): string {
  const text = literalString(source);
  return text === undefined ? 'a range known only at deployment time' : `'${text}'`;
}
