/**
 * L2 constructs: resources with secure defaults, cross-property rules and imports.
 */
export * from './network/index.js';
export * from './postgresql/index.js';
export * from './private-link/index.js';
export * from './compute/index.js';
export type { ImportLocationOptions } from './imports.js';
export { secureValue, type SecretValue } from './secrets.js';
export { slug, defaultName, globallyUniqueName } from './physical-names.js';
