/**
 * azcdk: the Cloud Development Kit for Azure.
 */
export * from './core/index.js';
export * from './synth/index.js';
export * from './resources/index.js';
export * from './patterns/index.js';
