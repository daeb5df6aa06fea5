/**
 * The base of every pattern: a Matcher tests a value and says where and why it does not match.
 */
import type { MatchResult } from './match-result.js';

const MATCHER_BRAND = Symbol.for('azcdk.assertions.Matcher');

/** A pattern that tests values. Subclass it for custom matchers. */
export abstract class Matcher {
  /** True for matchers, even from another copy of this library. */
  public static isMatcher(x: unknown): x is Matcher {
    return x !== null && typeof x === 'object' && MATCHER_BRAND in x;
  }

  /** Name shown in messages, e.g. `objectLike`. */
  public abstract readonly name: string;

  constructor() {
    Object.defineProperty(this, MATCHER_BRAND, { value: true });
  }

  /**
   * Tests `actual`; never throws for a mismatch, records it in the result instead, as in AWS CDK:
   * `new MatchResult(actual).recordFailure({ matcher: this, path: [], message: '...' })`.
   */
  public abstract test(actual: unknown): MatchResult;

  /**
   * How the matcher reads in failure messages, as it would be written in a test:
   * `Match.stringLikeRegexp(/^pg-/m)`, `Match.not(Match.objectLike({"a":1}))`.
   * Override it in custom matchers; patterns containing this matcher print it.
   * @default the matcher's `name`
   */
  public describe(): string {
    return this.name;
  }

  /** Same as `describe()`, so a matcher reads well in template strings too. */
  public toString(): string {
    return this.describe();
  }
}
