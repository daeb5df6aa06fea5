export * from './sku.js';
export * from './flexible-server.js';
