/**
 * Per-property checks shared by the typed L1 resources. Every check skips values that are only
 * known at deployment time (expressions, or strings holding tokens): synthesis cannot judge them,
 * and ARM will.
 */
import { Expression, Tokens } from '../core/index.js';

/** A dotted IPv4 address, each part 0-255 (the pattern of Azure's schemas). */
export const IPV4 = /^((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;

/** True if `v` is only known at deployment time (an expression or a string with tokens). */
export function isUnresolved(v: unknown): boolean {
  return Expression.isExpression(v) || (typeof v === 'string' && Tokens.containsToken(v));
}

/** A literal string, or undefined when the value is absent or unresolved. */
export function literalString(v: unknown): string | undefined {
  return typeof v === 'string' && !Tokens.containsToken(v) ? v : undefined;
}

/** A literal number, or undefined when the value is absent or unresolved. */
export function literalNumber(v: unknown): number | undefined {
  return typeof v === 'number' ? v : undefined;
}

/**
 * Collects property problems of one resource. Messages name the property, the value, the rule
 * and the fix; the construct path is added by synthesis.
 */
export class PropertyChecks {
  /** The problems found so far, one message each. */
  public readonly errors: string[] = [];

  constructor(private readonly resourceType: string) {}

  /** Adds a free-form problem. */
  public add(message: string): this {
    this.errors.push(message);
    return this;
  }

  /** The value must be one of `allowed` (case-sensitive, as ARM enums are). */
  public oneOf(prop: string, value: unknown, allowed: readonly string[]): this {
    const v = literalString(value);
    if (v !== undefined && !allowed.includes(v)) {
      this.errors.push(`${prop} '${v}' is not valid for ${this.resourceType}: use one of ${allowed.map((a) => `'${a}'`).join(', ')}.`);
    }
    return this;
  }

  /** The value must be an integer within [min, max]. */
  public intRange(prop: string, value: unknown, min: number, max: number): this {
    const v = literalNumber(value);
    if (v !== undefined && (!Number.isInteger(v) || v < min || v > max)) {
      this.errors.push(`${prop} ${v} is out of range for ${this.resourceType}: use an integer from ${min} to ${max}.`);
    }
    return this;
  }

  /** The string must match `pattern`; `rule` describes it in words. */
  public matches(prop: string, value: unknown, pattern: RegExp, rule: string): this {
    const v = literalString(value);
    if (v !== undefined && !pattern.test(v)) {
      this.errors.push(`${prop} '${v}' is not valid for ${this.resourceType}: ${rule}.`);
    }
    return this;
  }

  /** The string length must be within [min, max]. */
  public length(prop: string, value: unknown, min: number, max: number): this {
    const v = literalString(value);
    if (v !== undefined && (v.length < min || v.length > max)) {
      this.errors.push(`${prop} '${v}' has ${v.length} characters; ${this.resourceType} needs ${min} to ${max}: ${v.length > max ? 'shorten' : 'lengthen'} it.`);
    }
    return this;
  }
}
