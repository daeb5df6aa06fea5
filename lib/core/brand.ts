/**
 * Brands: `isX()` checks that work across copies of this library (an app may load its own copy
 * of azcdk beside the CLI's), like `Construct.isConstruct` in the constructs library.
 */

/** The brand of Stack: declared here, once, because Parameter checks it and cannot import Stack (Stack imports Parameter). */
export const STACK_BRAND = Symbol.for('azcdk.Stack');

/** Marks every instance of `cls` with the brand (defined once, on the prototype). */
export function addBrand(cls: abstract new (...args: never[]) => unknown, brand: symbol): void {
  Object.defineProperty(cls.prototype, brand, { value: true });
}

/** True if `x` is an object carrying the brand. */
export function hasBrand(x: unknown, brand: symbol): boolean {
  return typeof x === 'object' && x !== null && brand in x;
}
