#!/usr/bin/env node
/**
 * `npm run update-types`: refreshes the committed snapshot of Azure resource types in types/az/
 * from Bicep's type tables (the NuGet package Azure.Bicep.Types.Az).
 *
 *   npm run update-types                       # keep every default api-version in lock.json
 *   npm run update-types -- --bump T1 T2       # re-pick the default of these types
 *   npm run update-types -- --bump-all         # re-pick every default (newest stable, else newest preview)
 *
 * Needs dotnet only to download the package (tools/bicep-cli/bicep-cli.csproj restores it into
 * .cache/nuget); reading it is done here (ecma335.mjs). Users and CI never run this: they read
 * the committed snapshot.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { readManifestResources } from './ecma335.mjs';
import { cmp, compareApiVersions, isStable, normalizeGraph, pickDefault, refIndex, scopesOf, serializeDocs, serializeGraph, splitDocs } from './normalize.mjs';
import { compress, SNAPSHOT_DIR, writeTree } from './snapshot-files.mjs';

const PACKAGE = 'Azure.Bicep.Types.Az';
const VERSION = '0.2.972';
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const out = path.join(root, SNAPSHOT_DIR);

const args = process.argv.slice(2);
const bumpAll = args.includes('--bump-all');
const bump = new Set(args.includes('--bump') ? args.slice(args.indexOf('--bump') + 1).filter((a) => !a.startsWith('--')).map((t) => t.toLowerCase()) : []);

const resources = loadResources();
const index = JSON.parse(inflate(resources, 'index.json'));

// Every type (keyed by lower-case name: 71 names differ only in case) and its versions.
const types = new Map();
for (const [key, ref] of Object.entries(index.resources)) {
  const at = key.lastIndexOf('@');
  const name = key.slice(0, at);
  const apiVersion = key.slice(at + 1);
  const [file, fragment] = ref.$ref.split('#');
  const lower = name.toLowerCase();
  if (!types.has(lower)) types.set(lower, new Map());
  const versions = types.get(lower);
  if (!versions.has(apiVersion)) versions.set(apiVersion, { name, file, node: refIndex({ $ref: `#${fragment}` }) });
}

const lockFile = path.join(out, 'lock.json');
const previous = fs.existsSync(lockFile) ? JSON.parse(fs.readFileSync(lockFile, 'utf8')) : { defaults: {} };
const lockedByLower = new Map(Object.entries(previous.defaults).map(([t, v]) => [t.toLowerCase(), v]));
const defaults = new Map();
for (const [lower, versions] of types) {
  const locked = bumpAll || bump.has(lower) ? undefined : lockedByLower.get(lower);
  defaults.set(lower, pickDefault([...versions.keys()], locked));
}

// Groups: one file per namespace and api-version, holding that version of each type for which
// it is the default or a stable version. Descriptions (for the L1 generator's doc comments) are
// kept only for groups that hold some type's default version.
const groups = new Map();
const withDocs = new Set();
for (const [lower, versions] of types) {
  const namespace = lower.split('/')[0];
  for (const [apiVersion, entry] of versions) {
    if (!isStable(apiVersion) && apiVersion !== defaults.get(lower)) continue;
    const key = `${namespace}/${apiVersion}`;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(entry);
    if (apiVersion === defaults.get(lower)) withDocs.add(key);
  }
}

const files = new Map();
const fileCache = new Map();
const typeTables = (file) => {
  if (!fileCache.has(file)) fileCache.set(file, JSON.parse(inflate(resources, file)));
  return fileCache.get(file);
};
let stats = { entries: 0, nodes: 0, shapes: 0, docs: 0 };
for (const key of [...groups.keys()].sort(cmp)) {
  const nodes = [];
  const offsets = new Map();
  const graphTypes = [];
  for (const entry of groups.get(key)) {
    if (!offsets.has(entry.file)) {
      offsets.set(entry.file, nodes.length);
      const offset = nodes.length;
      for (const node of typeTables(entry.file)) nodes.push(relink(node, offset));
    }
    const resourceType = typeTables(entry.file)[entry.node];
    if (resourceType.$type !== 'ResourceType') throw new Error(`${entry.file}#/${entry.node} is a ${resourceType.$type}, not a ResourceType`);
    graphTypes.push({ name: entry.name, apiVersion: key.split('/')[1], ...scopesOf(resourceType), body: offsets.get(entry.file) + refIndex(resourceType.body) });
  }
  const { shapes, docs } = splitDocs(normalizeGraph({ nodes, types: graphTypes }));
  const shapesText = serializeGraph(shapes);
  const docsText = serializeDocs(docs);
  files.set(`${key}.json.br`, compress(shapesText));
  if (withDocs.has(key)) files.set(`${key}.docs.json.br`, compress(docsText));
  stats.entries += shapes.types.length;
  stats.nodes += shapes.nodes.length;
  stats.shapes += shapesText.length;
  if (withDocs.has(key)) stats.docs += docsText.length;
  if (fileCache.size > 40) fileCache.clear();
}

// Every known api-version of every type, and the defaults.
const sortedTypes = [...types.keys()].sort(cmp);
const canonicalName = (lower) => types.get(lower).get(defaults.get(lower)).name;
const versionsText = `{\n${sortedTypes.map((lower) => `${JSON.stringify(canonicalName(lower))}:${JSON.stringify([...types.get(lower).keys()].sort(compareApiVersions))}`).join(',\n')}\n}\n`;
files.set('versions.json.br', compress(versionsText));
const lock = { package: PACKAGE, version: VERSION, defaults: Object.fromEntries(sortedTypes.map((lower) => [canonicalName(lower), defaults.get(lower)])) };
files.set('lock.json', Buffer.from(JSON.stringify(lock, null, 2) + '\n'));

writeTree(out, files);
const size = (pred) => [...files].filter(([f]) => pred(f)).reduce((a, [, b]) => a + b.length, 0);
console.log(JSON.stringify({
  types: types.size, apiVersionEntries: [...types.values()].reduce((a, m) => a + m.size, 0), files: files.size,
  snapshotEntries: stats.entries, nodes: stats.nodes,
  shapesBytes: stats.shapes, shapesCompressed: size((f) => f.endsWith('.json.br') && !f.endsWith('.docs.json.br')),
  docsBytes: stats.docs, docsCompressed: size((f) => f.endsWith('.docs.json.br')),
  versionsBytes: versionsText.length, versionsCompressed: files.get('versions.json.br').length,
}, null, 2));

/** The package's manifest resources by name, restoring the package first if needed. */
function loadResources() {
  const lib = path.join(root, '.cache/nuget', PACKAGE.toLowerCase(), VERSION, 'lib');
  if (!fs.existsSync(lib)) {
    const r = spawnSync('dotnet', ['restore', 'tools/bicep-cli/bicep-cli.csproj', '--packages', '.cache/nuget'], { cwd: root, stdio: 'inherit' });
    if (r.status !== 0) throw new Error(`dotnet restore failed (exit ${r.status}): ${PACKAGE} ${VERSION} is needed from NuGet.`);
  }
  const framework = fs.readdirSync(lib).sort(cmp)[0];
  const dll = fs.readFileSync(path.join(lib, framework, `${PACKAGE}.dll`));
  return new Map(readManifestResources(dll).map((r) => [r.name, r.data]));
}

/** An embedded file: resource names are the lower-cased relative path plus `.deflated` (raw deflate). */
function inflate(resources, file) {
  const data = resources.get(`${file.toLowerCase()}.deflated`);
  if (!data) throw new Error(`${PACKAGE} has no embedded ${file}`);
  return zlib.inflateRawSync(data).toString('utf8');
}

/** A node with its local links moved by `offset` (files are concatenated into one array). */
function relink(node, offset) {
  return JSON.parse(JSON.stringify(node), (_, v) => (v && typeof v === 'object' && typeof v.$ref === 'string' ? { $ref: `#/${refIndex(v) + offset}` } : v));
}
