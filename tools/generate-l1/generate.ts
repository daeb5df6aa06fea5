/**
 * The generated L1 code, from the committed snapshot only (types/az, read with
 * lib/synth/validate/snapshot.ts): one module per provider namespace, a class per type that
 * Azure can deploy (writable at its default api-version). Pure: the same snapshot gives the same
 * bytes, which test/generate-l1 checks against the committed lib/generated.
 */
import { defaultApiVersions, lookUpType, typeDocs } from '../../lib/synth/validate/snapshot.js';
import { writeModule, type ModuleType } from './module-writer.js';

/** Where the generated modules live, relative to the repository root. */
export const GENERATED_DIR = 'lib/generated';

/** The writable types of every namespace at their default api-versions, namespaces sorted (lower case). */
export function writableTypes(): Map<string, { namespace: string; types: ModuleType[] }> {
  const byNamespace = new Map<string, { namespace: string; types: ModuleType[] }>();
  const docs = new Map<string, ReturnType<typeof typeDocs>>();
  const defaults = defaultApiVersions();
  for (const type of Object.keys(defaults)) {
    const apiVersion = defaults[type];
    const found = lookUpType(type, apiVersion);
    // Two names of the tables are no ARM type names azcdk accepts (api-version-sets,
    // billingPeriods/Microsoft.Consumption): no class for them.
    if (found.kind === 'malformed') continue;
    if (found.kind !== 'found') throw new Error(`types/az/lock.json names ${type}@${apiVersion}, which the snapshot does not hold: run npm run update-types`);
    if (found.entry.writableScopes === 0) continue;
    const namespace = type.split('/')[0];
    const key = namespace.toLowerCase();
    const docsKey = `${key}/${apiVersion}`;
    if (!docs.has(docsKey)) docs.set(docsKey, typeDocs(key, apiVersion));
    if (!byNamespace.has(key)) byNamespace.set(key, { namespace, types: [] });
    byNamespace.get(key)!.types.push({ entry: found.entry, graph: found.graph, docs: docs.get(docsKey)! });
  }
  return new Map([...byNamespace].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Every generated file by its path relative to the repository root. */
export function generateAll(): Map<string, string> {
  const files = new Map<string, string>();
  for (const [key, { namespace, types }] of writableTypes()) {
    const { js, dts } = writeModule(namespace, types);
    files.set(`${GENERATED_DIR}/${key}.js`, js);
    files.set(`${GENERATED_DIR}/${key}.d.ts`, dts);
  }
  return files;
}
