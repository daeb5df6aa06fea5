/**
 * The two ways an assertion can throw: the template does not match (the test found a problem
 * in the infrastructure), or the assertion itself is wrong (an unknown logical id, a resource
 * type in the wrong case, an undefined pattern). Negations (`expect(stack).not.to...`) are
 * satisfied only by the first: a wrongly written assertion must never pass silently.
 */

import { addBrand } from '../core/brand.js';

const MISMATCH_BRAND = Symbol.for('azcdk.assertions.MismatchError');
const USAGE_BRAND = Symbol.for('azcdk.assertions.AssertionUsageError');

/** The template does not match what the assertion expects. */
export class MismatchError extends Error {
  /** True for mismatches, even from another copy of this library. */
  public static isMismatchError(x: unknown): x is MismatchError {
    return x instanceof Error && MISMATCH_BRAND in x;
  }

  constructor(message: string) {
    super(message);
    this.name = 'MismatchError';
  }
}

/** The assertion is used wrongly: fix the test, not the infrastructure. */
export class AssertionUsageError extends Error {
  /** True for usage errors, even from another copy of this library. */
  public static isAssertionUsageError(x: unknown): x is AssertionUsageError {
    return x instanceof Error && USAGE_BRAND in x;
  }

  constructor(message: string) {
    super(message);
    this.name = 'AssertionUsageError';
  }
}

addBrand(MismatchError, MISMATCH_BRAND);
addBrand(AssertionUsageError, USAGE_BRAND);
