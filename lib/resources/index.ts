/**
 * Typed L1 resources: one class per ARM resource type at a fixed api-version.
 */
export * from './network/index.js';
export * from './privatedns/index.js';
export * from './postgresql/index.js';
export * from './compute/index.js';
export { isUnresolved, PropertyChecks } from './validation.js';
export { TypedArmResource, topLevelEnvelope, childEnvelope, type TypedResourceClass } from './typed-resource.js';
export { GeneratedResource, importGenerated, type ExistingOf, type GeneratedImportOptions, type GeneratedResourceCommonProps, type GeneratedTypeSpec, type ResourceOfType, type SecureValue } from './generated-resource.js';
