/**
 * Secrets in L2 props: they must come from a securestring parameter (the check lives with the
 * L1 resources, which the generated classes share).
 */
export { secureValue, type SecretValue } from '../resources/secure-value.js';
