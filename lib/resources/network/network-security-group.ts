/**
 * Microsoft.Network/networkSecurityGroups: typed L1 with inline security rules.
 */
import type { Construct } from 'constructs';
import { type Value } from '../../core/index.js';
import type { TopLevelResourceProps } from '../common.js';
import { literalNumber, PropertyChecks } from '../validation.js';
import { NETWORK_API_VERSION } from './api-version.js';
import { topLevelEnvelope, TypedArmResource } from '../typed-resource.js';

/** One security rule, in ARM terms. */
export interface SecurityRuleSpec {
  /** Rule name, unique within the NSG: 1-80 letters, digits, '_', '.', '-'. */
  readonly name: string;
  /** 100-4096, unique per direction; lower numbers are evaluated first. */
  readonly priority: Value<number>;
  /** 'Inbound' | 'Outbound'. */
  readonly direction: 'Inbound' | 'Outbound';
  /** 'Allow' | 'Deny'. */
  readonly access: 'Allow' | 'Deny';
  /** 'Tcp' | 'Udp' | 'Icmp' | 'Esp' | 'Ah' | '*'. */
  readonly protocol: 'Tcp' | 'Udp' | 'Icmp' | 'Esp' | 'Ah' | '*';
  /** Source: a CIDR, an IP, a service tag (`Internet`, `VirtualNetwork`, `AzureLoadBalancer`) or `*`. */
  readonly sourceAddressPrefix: Value<string>;
  /** Source ports, e.g. `*` or `1024-65535`. @default '*' */
  readonly sourcePortRange?: Value<string>;
  /** Destination: a CIDR, an IP, a service tag or `*`. @default '*' */
  readonly destinationAddressPrefix?: Value<string>;
  /** Destination ports, e.g. `3389`, `5432` or `*`. */
  readonly destinationPortRange: Value<string>;
  /** Description, at most 140 characters. @default none */
  readonly description?: string;
}

/** Props of ArmNetworkSecurityGroup. */
export interface ArmNetworkSecurityGroupProps extends TopLevelResourceProps {
  /** Security rules; more can be added with addSecurityRule(). @default none (Azure's default rules only) */
  readonly securityRules?: readonly SecurityRuleSpec[];
}

/** A network security group (L1). */
export class ArmNetworkSecurityGroup extends TypedArmResource<ArmNetworkSecurityGroupProps> {
  /** The ARM resource type. */
  public static readonly RESOURCE_TYPE = 'Microsoft.Network/networkSecurityGroups';
  /** The api-version this class renders and validates against. */
  public static readonly API_VERSION = NETWORK_API_VERSION;

  /** Rules rendered inline, in order. */
  public readonly securityRules: SecurityRuleSpec[];

  constructor(scope: Construct, id: string, props: ArmNetworkSecurityGroupProps) {
    super(scope, id, topLevelEnvelope(ArmNetworkSecurityGroup, props), props);
    this.securityRules = [...(props.securityRules ?? [])];
  }

  /** Adds a security rule. */
  public addSecurityRule(rule: SecurityRuleSpec): void {
    this.securityRules.push(rule);
  }

  protected override renderProperties(): Record<string, unknown> {
    return {
      securityRules: this.securityRules.map((r) => ({
        name: r.name,
        properties: {
          description: r.description,
          priority: r.priority,
          direction: r.direction,
          access: r.access,
          protocol: r.protocol,
          sourceAddressPrefix: r.sourceAddressPrefix,
          sourcePortRange: r.sourcePortRange ?? '*',
          destinationAddressPrefix: r.destinationAddressPrefix ?? '*',
          destinationPortRange: r.destinationPortRange,
        },
      })),
    };
  }

  protected override validateProps(): string[] {
    const c = new PropertyChecks(ArmNetworkSecurityGroup.RESOURCE_TYPE);
    const names = new Set<string>();
    const priorities = new Map<string, string>();
    for (const r of this.securityRules) {
      const where = `security rule '${r.name}'`;
      if (names.has(r.name.toLowerCase())) c.add(`${where} is declared twice: rule names must be unique within a network security group.`);
      names.add(r.name.toLowerCase());
      c.matches(`${where} name`, r.name, /^[A-Za-z0-9]([A-Za-z0-9_.-]{0,78}[A-Za-z0-9_])?$/, 'use 1-80 letters, digits, underscores, periods or hyphens');
      c.intRange(`${where} priority`, r.priority, 100, 4096);
      c.oneOf(`${where} direction`, r.direction, ['Inbound', 'Outbound']);
      c.oneOf(`${where} access`, r.access, ['Allow', 'Deny']);
      c.oneOf(`${where} protocol`, r.protocol, ['Tcp', 'Udp', 'Icmp', 'Esp', 'Ah', '*']);
      if (r.description !== undefined && r.description.length > 140) c.add(`${where} description has ${r.description.length} characters; Azure allows 140. Shorten it.`);
      const priority = literalNumber(r.priority);
      if (priority !== undefined) {
        const key = `${r.direction}:${priority}`;
        const other = priorities.get(key);
        if (other) c.add(`${where} has priority ${priority}, which ${direction(r)} rule '${other}' uses too: priorities must be unique per direction. Give one of them another priority.`);
        priorities.set(key, r.name);
      }
    }
    return c.errors;
  }
}

function direction(r: SecurityRuleSpec): string {
  return r.direction.toLowerCase();
}
