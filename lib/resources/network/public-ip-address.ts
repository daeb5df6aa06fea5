/**
 * Microsoft.Network/publicIPAddresses: typed L1. Basic SKU public IPs were retired on
 * 30 September 2025, so this class refuses them.
 */
import type { Construct } from 'constructs';
import { type Expression, type Value } from '../../core/index.js';
import type { TopLevelResourceProps } from '../common.js';
import { literalString, PropertyChecks } from '../validation.js';
import { NETWORK_API_VERSION } from './api-version.js';
import { topLevelEnvelope, TypedArmResource } from '../typed-resource.js';

/** Props of ArmPublicIpAddress. */
export interface ArmPublicIpAddressProps extends TopLevelResourceProps {
  /** SKU: 'Standard' or 'StandardV2' ('Basic' is retired and refused). @default 'Standard' */
  readonly skuName?: string;
  /** 'Regional' | 'Global'. @default 'Regional' */
  readonly skuTier?: 'Regional' | 'Global';
  /** 'Static' | 'Dynamic' (Standard requires Static). @default 'Static' */
  readonly allocationMethod?: 'Static' | 'Dynamic';
  /** 'IPv4' | 'IPv6'. @default 'IPv4' */
  readonly ipVersion?: 'IPv4' | 'IPv6';
  /** DNS label: `<label>.<region>.cloudapp.azure.com`; 3-63 lowercase letters, digits, hyphens. @default none */
  readonly domainNameLabel?: Value<string>;
  /** Availability zones, e.g. ['1', '2', '3']. @default none (no zone pinning) */
  readonly zones?: Value<string>[];
  /** Idle timeout in minutes, 4-30. @default 4 (Azure) */
  readonly idleTimeoutInMinutes?: Value<number>;
}

/** A public IP address (L1). */
export class ArmPublicIpAddress extends TypedArmResource<ArmPublicIpAddressProps> {
  /** The ARM resource type. */
  public static readonly RESOURCE_TYPE = 'Microsoft.Network/publicIPAddresses';
  /** The api-version this class renders and validates against. */
  public static readonly API_VERSION = NETWORK_API_VERSION;

  constructor(scope: Construct, id: string, props: ArmPublicIpAddressProps) {
    super(scope, id, topLevelEnvelope(ArmPublicIpAddress, props, {
      sku: { name: props.skuName ?? 'Standard', tier: props.skuTier ?? 'Regional' }, zones: props.zones,
    }), props);
  }

  /** The allocated IP address (runtime). */
  public get attrIpAddress(): Expression {
    return this.getRuntimeProperty('properties.ipAddress');
  }

  /** The FQDN when a domainNameLabel is set (runtime). */
  public get attrFqdn(): Expression {
    return this.getRuntimeProperty('properties.dnsSettings.fqdn');
  }

  protected override renderProperties(): Record<string, unknown> {
    const p = this.typed;
    return {
      publicIPAllocationMethod: p.allocationMethod ?? 'Static',
      publicIPAddressVersion: p.ipVersion ?? 'IPv4',
      idleTimeoutInMinutes: p.idleTimeoutInMinutes,
      dnsSettings: p.domainNameLabel === undefined ? undefined : { domainNameLabel: p.domainNameLabel },
    };
  }

  protected override validateProps(): string[] {
    const c = new PropertyChecks(ArmPublicIpAddress.RESOURCE_TYPE);
    const p = this.typed;
    if (literalString(p.skuName)?.toLowerCase() === 'basic') {
      c.add(`skuName 'Basic' is refused: Basic SKU public IPs were retired on 30 September 2025 and can no longer be created. Use skuName 'Standard' (the default).`);
    } else {
      c.oneOf('skuName', p.skuName, ['Standard', 'StandardV2']);
    }
    c.oneOf('skuTier', p.skuTier, ['Regional', 'Global']);
    if ((p.skuName ?? 'Standard') !== 'Basic' && p.allocationMethod === 'Dynamic') {
      c.add(`allocationMethod 'Dynamic' is not allowed with a Standard public IP: use 'Static' (the default).`);
    }
    c.matches('domainNameLabel', p.domainNameLabel, /^[a-z][a-z0-9-]{1,61}[a-z0-9]$/, 'use 3-63 lowercase letters, digits and hyphens, starting with a letter and ending with a letter or digit');
    c.intRange('idleTimeoutInMinutes', p.idleTimeoutInMinutes, 4, 30);
    return c.errors;
  }
}
