/** "Did you mean": the known names nearest to a misspelled one. */

/** Edit distance (insertions, deletions, substitutions), case-insensitive. */
export function editDistance(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const row = [i];
    for (let j = 1; j <= y.length; j++) {
      row[j] = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
    }
    previous = row;
  }
  return previous[y.length];
}

/**
 * Up to `limit` candidates close to `name` (within a third of its length, at least 2 edits, and
 * at most one edit further than the nearest), nearest first, ties in the candidates' order.
 */
export function nearest(name: string, candidates: Iterable<string>, limit = 3): string[] {
  const budget = Math.max(2, Math.floor(name.length / 3));
  const scored: Array<[string, number]> = [];
  for (const c of candidates) {
    if (Math.abs(c.length - name.length) > budget) continue;
    const d = editDistance(name, c);
    if (d <= budget) scored.push([c, d]);
  }
  scored.sort((a, b) => a[1] - b[1]);
  const best = scored.length ? scored[0][1] : 0;
  return scored.filter(([, d]) => d <= best + 1).slice(0, limit).map(([c]) => c);
}

/** ` Did you mean 'a' or 'b'?` (with a leading space), or '' when nothing is close. */
export function didYouMean(name: string, candidates: Iterable<string>): string {
  const near = nearest(name, candidates);
  if (near.length === 0) return '';
  return ` Did you mean ${near.map((n) => `'${n}'`).join(' or ')}?`;
}
