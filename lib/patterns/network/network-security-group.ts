/**
 * NetworkSecurityGroup (L2): an NSG with a rule helper that assigns priorities and checks
 * sources, plus imports of existing NSGs.
 */
import { Construct } from 'constructs';
import { Annotations, type Expression, type Value } from '../../core/index.js';
import { ArmNetworkSecurityGroup, type SecurityRuleSpec } from '../../resources/network/network-security-group.js';
import { literalString } from '../../resources/validation.js';
import { defaultName } from '../physical-names.js';
import { importResource, type ImportLocationOptions } from '../imports.js';
import { Cidr, tryParseIpv4 } from './cidr.js';
import { checkProps } from '../prop-checks.js';
import { INBOUND_RULE_OPTIONS, NETWORK_SECURITY_GROUP_PROPS } from '../prop-shapes.js';

/** An NSG, declared here or imported. */
export interface INetworkSecurityGroup {
  /** Resource id. */
  readonly networkSecurityGroupId: Expression;
  /** Construct path, for messages. */
  readonly node: Construct['node'];
}

/** Options of NetworkSecurityGroup. */
export interface NetworkSecurityGroupProps {
  /** Name (1-80 characters). @default `nsg-<id>` */
  readonly name?: Value<string>;
  /** Location. @default the stack's location */
  readonly location?: Value<string>;
  /** Tags. @default none */
  readonly tags?: Record<string, Value<string>>;
}

/** A rule for allowInbound / denyInbound. */
export interface InboundRuleOptions {
  /** Source: an IPv4 CIDR or address, a service tag (`VirtualNetwork`, `AzureLoadBalancer`, `Internet`), `*`, or a parameter. */
  readonly from: Value<string>;
  /** Destination port or range, e.g. 3389, '5432', '1024-65535', '*'. */
  readonly port: number | string;
  /** Protocol: 'Tcp' | 'Udp' | 'Icmp' | 'Esp' | 'Ah' | '*'. @default 'Tcp' */
  readonly protocol?: SecurityRuleSpec['protocol'];
  /** Destination prefix. @default '*' */
  readonly to?: Value<string>;
  /** Priority 100-4096. @default the next free multiple of 10 from 100 */
  readonly priority?: number;
  /** Description, at most 140 characters. @default none */
  readonly description?: string;
}

/** Remote management ports that must not face the internet: SSH and RDP. */
const MANAGEMENT_PORTS = [22, 3389];
const ANYWHERE = new Set(['*', 'internet', '0.0.0.0/0', 'any']);

/**
 * A network security group.
 *
 * ```ts
 * const nsg = new NetworkSecurityGroup(stack, 'Nsg');
 * nsg.allowInbound('Allow-RDP', { from: rdpSource.value, port: 3389 });
 * ```
 */
export class NetworkSecurityGroup extends Construct implements INetworkSecurityGroup {
  /** Imports an NSG that exists already. */
  public static fromNetworkSecurityGroupName(scope: Construct, id: string, name: Value<string>, options: ImportLocationOptions = {}): INetworkSecurityGroup {
    const resource = importResource(scope, id, ArmNetworkSecurityGroup, name, options);
    return { networkSecurityGroupId: resource.id, node: resource.node };
  }

  /** The L1 resource. */
  public readonly resource: ArmNetworkSecurityGroup;

  constructor(scope: Construct, id: string, props: NetworkSecurityGroupProps = {}) {
    super(scope, id);
    checkProps(this, 'NetworkSecurityGroup', props, NETWORK_SECURITY_GROUP_PROPS);
    this.resource = new ArmNetworkSecurityGroup(this, 'Resource', { name: props.name ?? defaultName(this, 'nsg', 80), location: props.location, tags: props.tags });
    this.node.addValidation({ validate: () => this.validateRules() });
  }

  /** Resource id. */
  public get networkSecurityGroupId(): Expression {
    return this.resource.id;
  }

  /** Allows inbound traffic from `from` to `port`. */
  public allowInbound(name: string, options: InboundRuleOptions): void {
    this.addInbound(name, 'Allow', options);
  }

  /** Denies inbound traffic from `from` to `port`. */
  public denyInbound(name: string, options: InboundRuleOptions): void {
    this.addInbound(name, 'Deny', options);
  }

  /** Adds a rule in ARM terms (priority given explicitly). */
  public addRule(rule: SecurityRuleSpec): void {
    this.resource.addSecurityRule(rule);
    this.warnIfOpenToInternet(rule);
  }

  private addInbound(name: string, access: 'Allow' | 'Deny', o: InboundRuleOptions): void {
    checkProps(this, `${access === 'Allow' ? 'allowInbound' : 'denyInbound'}('${name}')`, o, INBOUND_RULE_OPTIONS);
    this.addRule({
      name, access, direction: 'Inbound', priority: o.priority ?? this.nextPriority('Inbound'), protocol: o.protocol ?? 'Tcp',
      sourceAddressPrefix: o.from, destinationAddressPrefix: o.to ?? '*', destinationPortRange: String(o.port), description: o.description,
    });
  }

  private nextPriority(direction: 'Inbound' | 'Outbound'): number {
    const used = this.resource.securityRules.filter((r) => r.direction === direction).map((r) => (typeof r.priority === 'number' ? r.priority : 0));
    const highest = Math.max(90, ...used);
    return Math.ceil((highest + 1) / 10) * 10;
  }

  private validateRules(): string[] {
    const errors: string[] = [];
    for (const rule of this.resource.securityRules) {
      for (const prefix of [rule.sourceAddressPrefix, rule.destinationAddressPrefix]) {
        const text = literalString(prefix);
        if (text === undefined) continue;
        if (text.includes('/')) {
          const parsed = Cidr.tryParse(text);
          if (typeof parsed === 'string') errors.push(`security rule '${rule.name}': ${parsed}`);
        } else if (/^[\d.]+$/.test(text)) {
          // Digits and dots: meant as an IPv4 address (service tags are words).
          const parsed = tryParseIpv4(text);
          if (typeof parsed === 'string') errors.push(`security rule '${rule.name}': ${parsed}`);
        }
      }
    }
    return errors;
  }

  private warnIfOpenToInternet(rule: SecurityRuleSpec): void {
    const source = literalString(rule.sourceAddressPrefix)?.toLowerCase();
    const range = literalString(rule.destinationPortRange)?.trim();
    if (rule.access !== 'Allow' || rule.direction !== 'Inbound' || !source || !ANYWHERE.has(source) || range === undefined) return;
    if (rule.protocol !== 'Tcp' && rule.protocol !== '*') return;
    const exposed = MANAGEMENT_PORTS.filter((port) => portRangeIncludes(range, port));
    if (exposed.length === 0) return;
    const what = range === String(exposed[0]) ? `port ${range}` : `ports ${range} (including ${exposed.join(' and ')})`;
    Annotations.of(this).addWarning(`security rule '${rule.name}' opens ${what} to the whole internet: restrict 'from' to your own address range (e.g. '203.0.113.7/32').`);
  }
}

/** True if an NSG port spec ('3389', '3000-4000', '*') includes `port`. */
function portRangeIncludes(range: string, port: number): boolean {
  if (range === '*') return true;
  const match = /^(\d+)(?:\s*-\s*(\d+))?$/.exec(range);
  if (!match) return false;
  const low = Number(match[1]);
  const high = match[2] === undefined ? low : Number(match[2]);
  return low <= port && port <= high;
}
