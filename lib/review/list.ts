/**
 * What `azcdk list` prints: one line per stack, or with `long` every resource with its type,
 * name, construct path and dependencies.
 */
import type { Manifest } from '../synth/manifest.js';
import { resourcesOf } from './assembly.js';
import { displayName } from './display-name.js';

/** Lines of the listing of `stacks` (names in the manifest). */
export function listStacks(manifest: Manifest, stacks: readonly string[], long: boolean): string[] {
  const lines: string[] = [];
  const width = Math.max(0, ...stacks.map((s) => s.length));
  for (const name of stacks) {
    const stack = manifest.stacks[name];
    const resources = resourcesOf(stack);
    const counts = [
      count(resources.length, 'resource'),
      count(Object.keys(stack.parameters).length, 'parameter'),
      count(Object.keys(stack.outputs).length, 'output'),
    ].join(', ');
    const after = stack.dependencies.length ? `  (after ${stack.dependencies.join(', ')})` : '';
    lines.push(long ? `${name}  ${stack.scope}  ${counts}${after}` : `${name.padEnd(width)}  ${stack.scope}  ${counts}${after}`);
    if (!long) continue;
    for (const [id, r] of resources) {
      lines.push(`  ${id}  ${r.type}@${r.apiVersion}`);
      lines.push(`      name  ${displayName(r.name)}`);
      lines.push(`      path  ${r.path}`);
      const deps = r.dependsOn ?? [];
      lines.push(`      dependsOn  ${deps.length ? deps.map((d) => `${d.on} (${d.kind}: ${oneLine(d.reason)})`).join(', ') : '-'}`);
    }
  }
  return lines;
}

/** A reason written over several lines stays on its line of the listing: line breaks read as `\n`. */
function oneLine(s: string): string {
  return s.replace(/\r?\n/g, '\\n');
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
