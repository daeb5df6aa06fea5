/**
 * The stacks to deploy: read from a synthesized assembly (in memory or an azcdk.out/ folder)
 * and put in dependency order (a stack after the stacks it depends on).
 */
import { AzcdkError, UsageError } from '../core/errors.js';
import type { Manifest, ManifestStack } from '../synth/manifest.js';
import { MANIFEST_FILE } from '../synth/synthesize.js';
import type { ParameterValue } from './client.js';
import { jsonErrorPosition } from '../common/json-position.js';
import { synthesizedValues, type TemplateParameter } from './parameters.js';

/** One synthesized stack, ready to deploy. */
export interface StackArtifact {
  readonly name: string;
  readonly manifest: ManifestStack;
  /** The ARM template (parsed). */
  readonly template: { readonly parameters?: Record<string, TemplateParameter>; readonly variables?: Record<string, unknown> } & Record<string, unknown>;
  /** Values from `<Stack>.parameters.json`. */
  readonly parameters: Readonly<Record<string, ParameterValue>>;
}

/** Reads every stack of an assembly. `origin` names where the files came from, for messages. */
export function readStacks(files: ReadonlyMap<string, string>, origin: string): StackArtifact[] {
  const manifestText = files.get(MANIFEST_FILE);
  if (manifestText === undefined) throw new AzcdkError(`[${origin}] has no ${MANIFEST_FILE}. Run 'azcdk synth' first, or point --from at a synth output folder.`);
  const manifest = parse(manifestText, `${origin}/${MANIFEST_FILE}`) as Manifest;
  return Object.entries(manifest.stacks ?? {}).map(([name, entry]) => {
    const templateText = files.get(entry.template);
    if (templateText === undefined) throw new AzcdkError(`[${origin}] ${MANIFEST_FILE} names template '${entry.template}' for stack ${name}, but the file is missing. Run 'azcdk synth' again.`);
    const paramsText = entry.parametersFile ? files.get(entry.parametersFile) : undefined;
    return {
      name,
      manifest: entry,
      template: parse(templateText, `${origin}/${entry.template}`) as StackArtifact['template'],
      parameters: paramsText === undefined ? {} : synthesizedValues(parse(paramsText, `${origin}/${entry.parametersFile}`)),
    };
  });
}

/**
 * Picks the stacks to deploy, in dependency order.
 * @param names stacks named on the command line
 * @param all `--all`
 */
export function selectStacks(stacks: readonly StackArtifact[], names: readonly string[], all: boolean): StackArtifact[] {
  const byName = new Map(stacks.map((s) => [s.name, s]));
  const available = stacks.map((s) => s.name).join(', ') || '(none)';
  if (all && names.length) throw new UsageError(`Name stacks or pass --all, not both.`);
  let chosen: StackArtifact[];
  if (all) chosen = [...stacks];
  else if (names.length) {
    const parameterLike = names.findIndex((n) => n.includes('=') && !byName.has(n));
    if (parameterLike >= 0) {
      // Not echoed: NAME=VALUE without -p is often a password.
      throw new UsageError(`Stack argument ${parameterLike + 1} contains '=' and looks like a parameter: pass it with -p (--parameters NAME=VALUE). It is not shown here in case it holds a secret. The app has: ${available}.`);
    }
    const unknown = names.filter((n) => !byName.has(n));
    if (unknown.length) throw new UsageError(`No stack named ${unknown.map((n) => `'${n}'`).join(', ')}. The app has: ${available}.`);
    chosen = names.map((n) => byName.get(n)!);
  } else if (stacks.length === 1) chosen = [...stacks];
  else throw new UsageError(stacks.length ? `The app has ${stacks.length} stacks (${available}): name the ones to deploy, or pass --all.` : 'The app has no stacks to deploy.');
  return dependencyOrder(chosen, byName);
}

function dependencyOrder(chosen: readonly StackArtifact[], byName: ReadonlyMap<string, StackArtifact>): StackArtifact[] {
  const selected = new Set(chosen.map((s) => s.name));
  const out: StackArtifact[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (s: StackArtifact, trail: string[]) => {
    if (state.get(s.name) === 'done') return;
    if (state.get(s.name) === 'visiting') throw new AzcdkError(`Stacks depend on each other in a cycle: ${[...trail, s.name].join(' -> ')}. Remove one of the cross-stack references.`);
    state.set(s.name, 'visiting');
    for (const dep of s.manifest.dependencies ?? []) {
      const d = byName.get(dep);
      if (d && selected.has(dep)) visit(d, [...trail, s.name]);
    }
    state.set(s.name, 'done');
    out.push(s);
  };
  for (const s of [...chosen].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) visit(s, []);
  return out;
}

/** Dependencies of `stack` that are not among the selected ones (to warn about). */
export function unselectedDependencies(stack: StackArtifact, selected: readonly StackArtifact[]): string[] {
  const names = new Set(selected.map((s) => s.name));
  return (stack.manifest.dependencies ?? []).filter((d) => !names.has(d));
}

function parse(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new AzcdkError(`[${file}] is not valid JSON (${jsonErrorPosition(text)}). Run 'azcdk synth' again.`);
  }
}
