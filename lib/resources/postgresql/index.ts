export * from './api-version.js';
export * from './flexible-server.js';
export * from './children.js';
