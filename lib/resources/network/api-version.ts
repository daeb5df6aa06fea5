/** The Microsoft.Network api-version of the typed network resources (covered by the ARM schemas we check against). */
export const NETWORK_API_VERSION = '2025-07-01';
