/** The api-version of the typed private DNS resources. */
export const PRIVATE_DNS_API_VERSION = '2024-06-01';
