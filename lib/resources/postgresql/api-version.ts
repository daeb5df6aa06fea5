/** The Microsoft.DBforPostgreSQL api-version of the typed PostgreSQL resources. */
export const POSTGRESQL_API_VERSION = '2025-08-01';
