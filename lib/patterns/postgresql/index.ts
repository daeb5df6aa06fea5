export * from './sku.js';
export * from './flexible-server-props.js';
export * from './flexible-server.js';
