/**
 * Logical ids: the stable, readable identifier of a resource within its stack (manifest key,
 * Bicep symbolic name). They come from the construct path, never from Azure names.
 */
import { createHash } from 'node:crypto';

const HIDDEN_FROM_HUMANS = 'Resource';
const HIDDEN_ENTIRELY = 'Default';
const ALPHANUMERIC = /^[A-Za-z0-9]+$/;

/**
 * The human part of a logical id: the path below the stack in lowerCamelCase, with `Default`
 * components dropped, `Resource` components hidden and repeated components merged
 * (`Db/Resource` -> `db`, `Db/Endpoint/DnsZone` -> `dbEndpointDnsZone`).
 */
export function humanLogicalId(pathBelowStack: readonly string[]): string {
  const components: string[] = [];
  for (const component of pathBelowStack) {
    if (component === HIDDEN_ENTIRELY || component === HIDDEN_FROM_HUMANS) continue;
    // Punctuation separates words: 'Database-appdb' -> 'DatabaseAppdb', 'my.zone.com' -> 'MyZoneCom'.
    const words = ALPHANUMERIC.test(component) ? [component] : component.split(/[^A-Za-z0-9]+/).filter(Boolean);
    const clean = words.map(capitalize).join('');
    if (!clean || clean === components[components.length - 1]) continue;
    components.push(clean);
  }
  if (components.length === 0) components.push('Resource');
  const joined = components.join('');
  const id = joined[0].toLowerCase() + joined.slice(1);
  return /^[0-9]/.test(id) ? `r${id}` : id;
}

function capitalize(word: string): string {
  return word[0].toUpperCase() + word.slice(1);
}

/** A short, stable hash of a construct path (used to tell apart colliding logical ids). */
export function pathHash(pathBelowStack: readonly string[]): string {
  const relevant = pathBelowStack.filter((c) => c !== HIDDEN_ENTIRELY).join('/');
  return createHash('md5').update(relevant).digest('hex').slice(0, 8).toUpperCase();
}

/**
 * Allocates unique logical ids: the human part when it is unique, `human_HASH` for every member
 * of a group that would collide (so no id depends on the order resources were created in).
 */
export function allocateLogicalIds(paths: ReadonlyArray<readonly string[]>, overrides: ReadonlyArray<string | undefined>): string[] {
  const human = paths.map((p, i) => overrides[i] ?? humanLogicalId(p));
  const count = new Map<string, number>();
  for (const h of human) count.set(h, (count.get(h) ?? 0) + 1);
  return human.map((h, i) => (overrides[i] === undefined && count.get(h)! > 1 ? `${h}_${pathHash(paths[i])}` : h));
}
