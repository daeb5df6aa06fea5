/**
 * Reads the committed snapshot of Azure resource types (types/az, written by `npm run
 * update-types`), lazily: one namespace at one api-version at a time, and the list of every
 * known api-version only when a type or version is not found. A hello-world synth reads one or
 * two small files.
 */
import { existsSync, readFileSync } from 'node:fs';
import { brotliDecompressSync } from 'node:zlib';
import { editDistance } from './nearest.js';
import type { ResourceTypeEntry, TypeGraph } from './type-nodes.js';

/** The snapshot folder: types/az at the package root (three levels above dist/lib/synth/validate). */
const SNAPSHOT = new URL('../../../../types/az/', import.meta.url);

/** What the snapshot knows about `type@apiVersion`. */
export type Lookup =
  | { readonly kind: 'found'; readonly graph: TypeGraph; readonly entry: ResourceTypeEntry }
  /** A type or api-version not shaped as ARM's (ArmResource reports that itself). */
  | { readonly kind: 'malformed' }
  /** A provider namespace the snapshot does not know, nor one a typo away: a private or newer provider. */
  | { readonly kind: 'unknown-namespace' }
  /** Known type, but this version is a preview that is not shipped (only stable and default versions are). */
  | { readonly kind: 'not-shipped'; readonly name: string; readonly versions: readonly string[] }
  | { readonly kind: 'unknown-version'; readonly name: string; readonly versions: readonly string[] }
  | { readonly kind: 'unknown-type'; readonly known: readonly string[] };

const API_VERSION = /^\d{4}-\d{2}-\d{2}(-[A-Za-z0-9]+)?$/;
const graphs = new Map<string, TypeGraph | null>();
const lookups = new Map<string, Lookup>();
let versions: Map<string, { name: string; versions: string[] }> | undefined;

/** Looks a resource type up (type names are case-insensitive, api-versions are not); cached. */
export function lookUpType(type: string, apiVersion: string): Lookup {
  const key = `${type.toLowerCase()}@${apiVersion}`;
  let found = lookups.get(key);
  if (!found) lookups.set(key, (found = lookUp(type, apiVersion)));
  return found;
}

function lookUp(type: string, apiVersion: string): Lookup {
  if (!/^\w[\w.]*(\/\w+)+$/.test(type) || !API_VERSION.test(apiVersion)) return { kind: 'malformed' };
  const lower = type.toLowerCase();
  const namespace = lower.split('/')[0];
  const graph = loadGraph(namespace, apiVersion);
  const entry = graph?.types.find((t) => t.name.toLowerCase() === lower);
  if (graph && entry) return { kind: 'found', graph, entry };
  const all = knownVersions();
  const known = all.get(lower);
  if (!known) {
    const names = [...all.values()].map((v) => v.name);
    // A misspelled namespace is reported (a typo or two, by its length); any other is not ours to judge.
    const namespaces = new Set(names.map((n) => n.split('/')[0].toLowerCase()));
    const typo = Math.floor(namespace.length / 8);
    if (!namespaces.has(namespace) && ![...namespaces].some((n) => editDistance(n, namespace) <= typo)) return { kind: 'unknown-namespace' };
    return { kind: 'unknown-type', known: names };
  }
  if (known.versions.includes(apiVersion)) return { kind: 'not-shipped', name: known.name, versions: known.versions };
  return { kind: 'unknown-version', name: known.name, versions: known.versions };
}

function loadGraph(namespace: string, apiVersion: string): TypeGraph | undefined {
  // Both parts become a file name: only the shapes the snapshot uses are looked for.
  const key = `${namespace}/${apiVersion}`;
  if (!graphs.has(key)) {
    const file = new URL(`${key}.json.br`, SNAPSHOT);
    graphs.set(key, existsSync(file) ? (JSON.parse(brotliDecompressSync(readFileSync(file)).toString('utf8')) as TypeGraph) : null);
  }
  return graphs.get(key) ?? undefined;
}

function knownVersions(): Map<string, { name: string; versions: string[] }> {
  if (!versions) {
    const all = JSON.parse(brotliDecompressSync(readFileSync(new URL('versions.json.br', SNAPSHOT))).toString('utf8')) as Record<string, string[]>;
    versions = new Map(Object.entries(all).map(([name, v]) => [name.toLowerCase(), { name, versions: v }]));
  }
  return versions;
}

/** The default api-version of every type (types/az/lock.json), by the type's canonical name: what the generated L1 classes use. */
export function defaultApiVersions(): Readonly<Record<string, string>> {
  return (JSON.parse(readFileSync(new URL('lock.json', SNAPSHOT), 'utf8')) as { defaults: Record<string, string> }).defaults;
}

/**
 * The property descriptions of one snapshot file (only default api-versions have them): entry i
 * holds node i's descriptions by property name, or 0 when it has none. For the L1 generator;
 * validation never reads them.
 */
export function typeDocs(namespace: string, apiVersion: string): ReadonlyArray<Readonly<Record<string, string>> | 0> {
  const file = new URL(`${namespace.toLowerCase()}/${apiVersion}.docs.json.br`, SNAPSHOT);
  return existsSync(file) ? (JSON.parse(brotliDecompressSync(readFileSync(file)).toString('utf8')) as Array<Record<string, string> | 0>) : [];
}
