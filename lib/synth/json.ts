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

/**
 * Where in a JSON value the first string, or object key, that `matches` is, as a path suffix:
 * `''` for the value itself, `.a[0].b`, `.a.<key>` for a key (`keyLabel` names it otherwise).
 * The path is built only on the way back from a match, so a search that finds nothing allocates none.
 */
export function jsonPathTo(value: unknown, matches: (text: string) => boolean, keyLabel: (key: string) => string = () => '<key>'): string | undefined {
  if (typeof value === 'string') return matches(value) ? '' : undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = jsonPathTo(value[i], matches, keyLabel);
      if (found !== undefined) return `[${i}]${found}`;
    }
    return undefined;
  }
  if (typeof value === 'object' && value !== null) {
    for (const key in value) {
      if (matches(key)) return `.${keyLabel(key)}`;
      const found = jsonPathTo((value as Record<string, unknown>)[key], matches, keyLabel);
      if (found !== undefined) return `.${key}${found}`;
    }
  }
  return undefined;
}
