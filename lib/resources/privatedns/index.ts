export * from './api-version.js';
export * from './private-dns-zone.js';
export * from './virtual-network-link.js';
export * from './a-record.js';
