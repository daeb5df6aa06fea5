/**
 * Reading synthesized output (in memory or a committed folder) for the review commands:
 * the manifest and each stack's template.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Assembly } from '../core/assembly.js';
import { AzcdkError, UsageError } from '../core/errors.js';
import { jsonErrorPosition } from '../common/json-position.js';
import type { Manifest, ManifestStack } from '../synth/manifest.js';

/** Name of the manifest in an assembly folder. */
const MANIFEST = 'manifest.json';

/** Synthesized files by name (`manifest.json`, `<Stack>.json`, ...). */
export type AssemblyFiles = ReadonlyMap<string, string>;

/** The manifest of an assembly, or undefined if it has none (a folder of bare templates). */
export function manifestOf(files: AssemblyFiles, where: string): Manifest | undefined {
  const text = files.get(MANIFEST);
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as Manifest;
  } catch (error) {
    throw new AzcdkError(`[${where}/${MANIFEST}] is not valid JSON: ${(error as Error).message}. Re-run 'azcdk synth' into it.`);
  }
}

/** The manifest of a fresh synthesis (always present). */
export function assemblyManifest(assembly: Assembly): Manifest {
  return manifestOf(assembly.files, 'synth')!;
}

/** Stack names: the manifest's, or else every `<Name>.json` that is not a parameters file. */
export function stackNamesOf(files: AssemblyFiles, manifest: Manifest | undefined): string[] {
  if (manifest) return Object.keys(manifest.stacks).sort();
  return [...files.keys()]
    .filter((f) => f.endsWith('.json') && f !== MANIFEST && !f.endsWith('.parameters.json'))
    .map((f) => f.slice(0, -'.json'.length))
    .sort();
}

/** A stack's template object, or undefined if the files have none for it. */
export function templateOf(files: AssemblyFiles, stack: string, manifest: Manifest | undefined, where: string): Record<string, unknown> | undefined {
  const file = manifest?.stacks[stack]?.template ?? `${stack}.json`;
  const text = files.get(file);
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch (error) {
    throw new AzcdkError(`[${where}/${file}] is not valid JSON: ${(error as Error).message}.`);
  }
}

/**
 * The `parameters` of a stack's parameters file (`{ "prefix": { "value": "demo" } }`), or undefined
 * if the files have none for it. A file that is not valid JSON is reported by position only: it
 * may hold values that must not be shown.
 */
export function parameterValuesOf(files: AssemblyFiles, stack: string, manifest: Manifest | undefined, where: string): Record<string, unknown> | undefined {
  const file = manifest?.stacks[stack]?.parametersFile ?? `${stack}.parameters.json`;
  const text = files.get(file);
  if (text === undefined) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new AzcdkError(`[${where}/${file}] is not valid JSON (${jsonErrorPosition(text)}; its content is not shown). Re-run 'azcdk synth' into it.`);
  }
  const parameters = (parsed as { parameters?: unknown } | null)?.parameters;
  if (parameters === undefined) return {};
  if (parameters === null || typeof parameters !== 'object' || Array.isArray(parameters)) {
    throw new AzcdkError(`[${where}/${file}] "parameters" must be an object of {"NAME": {"value": ...}} (deploymentParameters format). Re-run 'azcdk synth' into it.`);
  }
  return parameters as Record<string, unknown>;
}

/** Reads the top-level `.json` files of a folder (a committed `templates/<app>/` or an `azcdk.out/`). */
export function readJsonFiles(dir: string): Map<string, string> {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new AzcdkError(`[${dir}] is not a folder.`);
  const files = new Map<string, string>();
  for (const name of readdirSync(dir).sort()) {
    if (name.endsWith('.json') && !name.startsWith('.')) files.set(name, readFileSync(join(dir, name), 'utf8'));
  }
  return files;
}

/** Picks stacks by name; an unknown name is a UsageError (exit 2) naming the stacks there are. */
export function selectStacks(all: readonly string[], wanted: readonly string[] | undefined): string[] {
  if (!wanted || wanted.length === 0) return [...all];
  const unknown = wanted.filter((w) => !all.includes(w));
  if (unknown.length) throw new UsageError(`No stack named ${unknown.map((u) => `'${u}'`).join(', ')}; the app has: ${all.join(', ') || 'none'}.`);
  return all.filter((s) => wanted.includes(s));
}

/** Resources of a manifest stack (dependsOn may be omitted when empty). */
export function resourcesOf(stack: ManifestStack): Array<[string, ManifestStack['resources'][string]]> {
  return Object.entries(stack.resources);
}
