/**
 * Matching a pattern against the entries of a template section (resources, parameters,
 * outputs) and explaining a miss with the closest candidates.
 */
import type { MatchResult } from './match-result.js';
import type { Matcher } from './matcher.js';

/** One entry of a section: `key` identifies it (logical id or name), `label` is shown in messages. */
export interface SectionEntry {
  /** Identifies the entry: logical id or name. */
  readonly key: string;
  /** How the entry is named in messages. */
  readonly label: string;
  /** The entry's value in the template. */
  readonly value: unknown;
}

/** Results of matching every entry. */
export interface SectionMatch {
  readonly matches: readonly SectionEntry[];
  readonly misses: ReadonlyArray<{ readonly entry: SectionEntry; readonly result: MatchResult }>;
}

/** Tests every entry; successful matches hand their captures over. */
export function matchSection(entries: readonly SectionEntry[], matcher: Matcher): SectionMatch {
  const matches: SectionEntry[] = [];
  const misses: Array<{ entry: SectionEntry; result: MatchResult }> = [];
  for (const entry of entries) {
    const result = matcher.test(entry.value);
    if (result.isSuccess) {
      result.finalize();
      matches.push(entry);
    } else {
      misses.push({ entry, result });
    }
  }
  return { matches, misses };
}

/** How many candidates a failure message shows. */
const CLOSEST = 3;

/**
 * "The closest match:" and the per-path mismatches of up to three candidates, closest first
 * (ties keep template order).
 */
export function describeClosest(misses: SectionMatch['misses'], prefix: readonly string[] = []): string {
  const ranked = [...misses].sort((a, b) => a.result.failCost - b.result.failCost).slice(0, CLOSEST);
  const lines = [ranked.length === 1 ? 'The closest match:' : `The ${ranked.length} closest matches:`];
  for (const { entry, result } of ranked) {
    const n = result.failures.length;
    lines.push(`  ${entry.label} (${n} mismatch${n === 1 ? '' : 'es'}):`);
    for (const line of result.renderMismatches(prefix)) lines.push(`    ${line}`);
  }
  return lines.join('\n');
}

/** "1 resource", "3 resources". */
export function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
