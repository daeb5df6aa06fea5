export * from './api-version.js';
export * from './virtual-machine.js';
