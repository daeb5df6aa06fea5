/**
 * Brands: `isX()` checks that work across copies of this library (an app may load its own copy
 * of azcdk beside the CLI's), like `Construct.isConstruct` in the constructs library.
 */

/** Marks every instance of `cls` with the brand (defined once, on the prototype). */
export function addBrand(cls: abstract new (...args: never[]) => unknown, brand: symbol): void {
  Object.defineProperty(cls.prototype, brand, { value: true });
}

/** True if `x` is an object carrying the brand. */
export function hasBrand(x: unknown, brand: symbol): boolean {
  return typeof x === 'object' && x !== null && brand in x;
}
