/**
 * azcdk: the Cloud Development Kit for Azure.
 */
export * from './core/index.js';
export * from './synth/index.js';
