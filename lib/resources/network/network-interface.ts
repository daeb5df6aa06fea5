/**
 * Microsoft.Network/networkInterfaces: typed L1.
 */
import type { Construct } from 'constructs';
import { type Expression, type Value } from '../../core/index.js';
import { idRef, type TopLevelResourceProps } from '../common.js';
import { PropertyChecks } from '../validation.js';
import { NETWORK_API_VERSION } from './api-version.js';
import { topLevelEnvelope, TypedArmResource } from '../typed-resource.js';

/** One IP configuration of a NIC. */
export interface NicIpConfigurationSpec {
  /** Name, unique within the NIC. */
  readonly name: string;
  /** Resource id of the subnet. */
  readonly subnetId: Value<string>;
  /** 'Dynamic' | 'Static'. @default 'Dynamic' */
  readonly privateIPAllocationMethod?: 'Dynamic' | 'Static';
  /** Private IP, required with 'Static'. @default none */
  readonly privateIPAddress?: Value<string>;
  /** Resource id of a public IP to attach. @default none */
  readonly publicIPAddressId?: Value<string>;
  /** Is this the primary configuration? @default true for the first one */
  readonly primary?: boolean;
}

/** Props of ArmNetworkInterface. */
export interface ArmNetworkInterfaceProps extends TopLevelResourceProps {
  /** At least one IP configuration. */
  readonly ipConfigurations: readonly NicIpConfigurationSpec[];
  /** NSG applied to the NIC. @default none */
  readonly networkSecurityGroupId?: Value<string>;
  /** Accelerated networking (the VM size must support it). @default false */
  readonly enableAcceleratedNetworking?: boolean;
}

/** A network interface (L1). Name: 1-80 letters, digits, '_', '.', '-'; starts with a letter or digit, ends with a letter, digit or '_'. */
export class ArmNetworkInterface extends TypedArmResource<ArmNetworkInterfaceProps> {
  /** The ARM resource type. */
  public static readonly RESOURCE_TYPE = 'Microsoft.Network/networkInterfaces';
  /** The api-version this class renders and validates against. */
  public static readonly API_VERSION = NETWORK_API_VERSION;

  constructor(scope: Construct, id: string, props: ArmNetworkInterfaceProps) {
    super(scope, id, topLevelEnvelope(ArmNetworkInterface, props), props);
  }

  /** Private IP of the first IP configuration (runtime). */
  public get attrPrivateIpAddress(): Expression {
    return this.getRuntimeProperty('properties.ipConfigurations[0].properties.privateIPAddress');
  }

  protected override renderProperties(): Record<string, unknown> {
    const p = this.typed;
    return {
      enableAcceleratedNetworking: p.enableAcceleratedNetworking,
      networkSecurityGroup: idRef(p.networkSecurityGroupId),
      ipConfigurations: p.ipConfigurations.map((ip, i) => ({
        name: ip.name,
        properties: {
          primary: ip.primary ?? i === 0,
          privateIPAllocationMethod: ip.privateIPAllocationMethod ?? 'Dynamic',
          privateIPAddress: ip.privateIPAddress,
          subnet: { id: ip.subnetId },
          publicIPAddress: idRef(ip.publicIPAddressId),
        },
      })),
    };
  }

  protected override validateProps(): string[] {
    const c = new PropertyChecks(ArmNetworkInterface.RESOURCE_TYPE);
    const p = this.typed;
    c.matches('name', p.name, /^[A-Za-z0-9]([A-Za-z0-9_.-]{0,78}[A-Za-z0-9_])?$/, 'use 1-80 letters, digits, underscores, periods or hyphens, starting with a letter or digit and ending with a letter, digit or underscore');
    if (p.ipConfigurations.length === 0) c.add(`ipConfigurations is empty: a network interface needs at least one IP configuration.`);
    for (const ip of p.ipConfigurations) {
      c.oneOf(`ipConfiguration '${ip.name}' privateIPAllocationMethod`, ip.privateIPAllocationMethod, ['Dynamic', 'Static']);
      if (ip.privateIPAllocationMethod === 'Static' && ip.privateIPAddress === undefined) {
        c.add(`ipConfiguration '${ip.name}' is Static but has no privateIPAddress: set privateIPAddress, or use 'Dynamic'.`);
      }
    }
    return c.errors;
  }
}
