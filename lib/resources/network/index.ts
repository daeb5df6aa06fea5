export * from './api-version.js';
export * from './virtual-network.js';
export * from './network-security-group.js';
export * from './private-endpoint.js';
export * from './private-dns-zone-group.js';
export * from './network-interface.js';
export * from './public-ip-address.js';
