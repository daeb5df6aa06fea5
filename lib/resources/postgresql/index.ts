export * from './api-version.js';
export * from './flexible-server.js';
export * from './database.js';
export * from './firewall-rule.js';
export * from './configuration.js';
export * from './administrator.js';
