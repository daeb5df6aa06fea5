export * from './cidr.js';
export * from './network-security-group.js';
export * from './subnet.js';
export * from './virtual-network.js';
