export * from './windows-virtual-machine.js';
