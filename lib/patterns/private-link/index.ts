export * from './private-dns-zone.js';
export * from './private-endpoint.js';
