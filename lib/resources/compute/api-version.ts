/** The Microsoft.Compute api-version of the typed compute resources (covered by the ARM schemas we check against). */
export const COMPUTE_API_VERSION = '2026-03-01';
