/**
 * Narrowing an assembly to some of its stacks (`azcdk synth A B`, `app.synth({ stacks })`),
 * using the manifest as the list of each stack's files.
 */
import type { Assembly } from '../core/assembly.js';
import { AzcdkError, UsageError } from '../core/errors.js';
import { stableJson } from './json.js';
import { MANIFEST_FILE, type Manifest, type ManifestStack } from './manifest.js';

/**
 * The assembly with only the named stacks (all of them when `names` is empty or undefined).
 * An unknown name is a UsageError (the CLI exits 2) naming the stacks the app has.
 */
export function selectStacks(assembly: Assembly, names: readonly string[] | undefined): Assembly {
  if (!names || names.length === 0) return assembly;
  const manifest = readManifest(assembly.files);
  const all = Object.keys(manifest.stacks);
  const unknown = names.filter((name) => !all.includes(name));
  if (unknown.length) {
    throw new UsageError(`No stack named ${unknown.map((s) => `'${s}'`).join(', ')}; the app has: ${all.join(', ') || 'none'}.`);
  }
  const files = new Map<string, string>();
  const stacks: Record<string, ManifestStack> = {};
  for (const name of all.filter((s) => names.includes(s))) {
    const entry = manifest.stacks[name];
    stacks[name] = entry;
    for (const file of stackFiles(entry)) {
      const content = assembly.files.get(file);
      if (content !== undefined) files.set(file, content);
    }
  }
  files.set(MANIFEST_FILE, stableJson({ version: manifest.version, stacks }));
  const annotations = assembly.annotations.filter((a) => Object.keys(stacks).some((s) => a.path === s || a.path.startsWith(`${s}/`)));
  return { files, stackNames: Object.keys(stacks), annotations };
}

/** The manifest among an assembly's files, parsed. */
export function readManifest(files: ReadonlyMap<string, string>): Manifest {
  const text = files.get(MANIFEST_FILE);
  if (text === undefined) throw new AzcdkError(`the synthesized output has no ${MANIFEST_FILE}.`);
  return JSON.parse(text) as Manifest;
}

/** The files a manifest entry names. */
export function stackFiles(entry: ManifestStack): string[] {
  return [entry.template, entry.parametersFile, entry.bicep];
}
