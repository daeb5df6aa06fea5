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
  const words: string[] = [];
  for (const component of pathBelowStack) {
    if (component === HIDDEN_ENTIRELY || component === HIDDEN_FROM_HUMANS) continue;
    const clean = ALPHANUMERIC.test(component) ? component : component.replace(/[^A-Za-z0-9]/g, '');
    if (!clean || clean === words[words.length - 1]) continue;
    words.push(clean);
  }
  if (words.length === 0) words.push('resource');
  const joined = words.map((w, i) => (i === 0 ? w[0].toLowerCase() + w.slice(1) : w[0].toUpperCase() + w.slice(1))).join('');
  return /^[0-9]/.test(joined) ? `r${joined}` : joined;
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
