/**
 * Values in diff and what-if output, one line each. A single value (added, removed) may be cut; the two
 * sides of a change are shown around their first difference, so they never read the same.
 */

/** Longest rendering of one value. */
const LIMIT = 100;
/** Characters shown before the first difference when a changed value is windowed. */
const CONTEXT = 30;

/** JSON of a value on one line, cut at LIMIT characters with `...`; undefined reads as `nothing`. */
export function fmt(v: unknown, limit = LIMIT): string {
  const s = JSON.stringify(v) ?? 'nothing';
  return s.length > limit ? s.slice(0, limit - 3) + '...' : s;
}

/**
 * Both sides of a changed value. Short ones are shown whole; when either is longer than
 * `limit`, each side shows the same window: from a little before the first differing character,
 * `...` marking what is left out. The window starts at or before the difference and reaches past
 * it, so the two texts always differ where the values do.
 */
export function fmtPair(before: unknown, after: unknown, limit = LIMIT): [string, string] {
  const a = JSON.stringify(before) ?? 'nothing';
  const b = JSON.stringify(after) ?? 'nothing';
  if (a.length <= limit && b.length <= limit) return [a, b];
  let first = 0;
  while (first < a.length && first < b.length && a[first] === b[first]) first++;
  const start = Math.max(0, first - Math.min(CONTEXT, Math.floor(limit / 3)));
  const window = (s: string) => (start > 0 ? '...' : '') + s.slice(start, start + limit) + (start + limit < s.length ? '...' : '');
  return [window(a), window(b)];
}
