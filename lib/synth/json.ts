/**
 * Stable JSON text: 2-space indent, LF, final newline. Key order is the insertion order the
 * writers choose; nothing here depends on time, locale or the machine.
 */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n';
}

/** Compares strings by code unit, independent of the machine's locale (unlike localeCompare). */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
