/**
 * `Capture`: a matcher that remembers the value it matched, to check it further or reuse it.
 */
import { AssertionUsageError } from './errors.js';
import { formatValue, isPlainObject, jsonType } from './format.js';
import { MatchResult, type CaptureSink } from './match-result.js';
import { Matcher } from './matcher.js';
import { asMatcher } from './matchers.js';

/**
 * Captures the values at its place in a pattern. Values are kept only from successful matches;
 * when several resources match, `next()` moves to the following one. As in AWS CDK, only
 * non-null values are captured: a null (or a missing key) is a mismatch, so `asString()` and the
 * others never have to explain a null. To check for null, put `null` in the pattern instead.
 *
 * @example
 * const subnets = new Capture();
 * template.hasResourceProperties('Microsoft.Network/virtualNetworks', { subnets });
 * expect(subnets.asArray()).to.have.length(2);
 */
export class Capture extends Matcher implements CaptureSink {
  /** Name shown in messages. */
  public readonly name = 'Capture';
  private readonly inner?: Matcher;
  private readonly values: unknown[] = [];
  private index = 0;

  /** @param pattern the captured value must also match this. @default any value but null or nothing */
  constructor(pattern?: unknown) {
    super();
    if (pattern === null) throw new AssertionUsageError('Capture: a null pattern could never be captured (a Capture takes only non-null values); put null in the pattern itself.');
    this.inner = pattern === undefined ? undefined : asMatcher(pattern, { partialObjects: true }, 'Capture');
  }

  public override describe(): string {
    return this.inner ? `new Capture(${this.inner.describe()})` : 'new Capture()';
  }

  /** Matches any non-null value (that also matches the pattern, if given) and records it. */
  public test(actual: unknown): MatchResult {
    const result = new MatchResult(actual);
    if (actual === undefined) return result.recordFailure({ matcher: this, path: [], message: 'missing: expected a value to capture' });
    if (actual === null) return result.recordFailure({ matcher: this, path: [], message: 'expected a value to capture, got null (a Capture takes only non-null values)' });
    if (this.inner) {
      const inner = this.inner.test(actual);
      if (!inner.isSuccess) return inner;
    }
    return result.recordCapture(this, actual);
  }

  /** @internal called by MatchResult.finalize(). */
  public _record(value: unknown): void {
    this.values.push(value);
  }

  /** Moves to the next captured value; false if there is none. */
  public next(): boolean {
    if (this.index + 1 >= this.values.length) return false;
    this.index++;
    return true;
  }

  /** How many values were captured. */
  public get count(): number {
    return this.values.length;
  }

  /** The current value, whatever its type. */
  public asValue(): unknown {
    if (this.values.length === 0) {
      throw new Error('Capture has no value: no successful match used it (did the assertion fail, or was it run at all?).');
    }
    return this.values[this.index];
  }

  /** The current value as a string; throws if it is not one. */
  public asString(): string {
    return this.typed('string', (v): v is string => typeof v === 'string');
  }

  /** The current value as a number; throws if it is not one. */
  public asNumber(): number {
    return this.typed('number', (v): v is number => typeof v === 'number');
  }

  /** The current value as a boolean; throws if it is not one. */
  public asBoolean(): boolean {
    return this.typed('boolean', (v): v is boolean => typeof v === 'boolean');
  }

  /** The current value as an array; throws if it is not one. */
  public asArray(): unknown[] {
    return this.typed('array', (v): v is unknown[] => Array.isArray(v));
  }

  /** The current value as a plain object; throws if it is not one. */
  public asObject(): Record<string, unknown> {
    return this.typed('object', (v): v is Record<string, unknown> => isPlainObject(v));
  }

  private typed<T>(expected: string, is: (v: unknown) => v is T): T {
    const value = this.asValue();
    if (!is(value)) throw new Error(`Captured value is expected to be ${expected} but found ${jsonType(value)}. Value is ${formatValue(value)}`);
    return value;
  }
}
