export * from './virtual-machine.js';
