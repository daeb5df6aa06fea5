/**
 * Template-vs-template diff, offline: what synth produces now against committed templates.
 * Resources are matched by type + name (what Azure identifies them by, case-insensitively);
 * a resource whose construct path stays but whose name changes is a replacement. The values
 * of the parameters files count too: a name or location that reads a changed value is a
 * replacement as well, though the template text is the same.
 */
import type { Manifest } from '../synth/manifest.js';
import { parameterValuesOf, stackNamesOf, templateOf, type AssemblyFiles } from './assembly.js';
import { diffParameterValues, ParameterUses, type ParameterFiles, type ParameterValueDiff } from './parameter-values.js';
import { createOnlyPath, shrunkPath } from '../common/create-only.js';
import { fmtPair } from '../common/value-text.js';

export type { ParameterFiles, ParameterValueDiff } from './parameter-values.js';

/** One changed value inside a resource, parameter or output. */
export interface ValueChange {
  /** Path from the entry's root: `properties.subnets[name='a'].properties.addressPrefix`. */
  readonly path: string;
  readonly kind: 'added' | 'removed' | 'changed';
  readonly before?: unknown;
  readonly after?: unknown;
  /** The create-only property this change touches: the update fails, the resource must be recreated. */
  readonly createOnly?: string;
  /** The grow-only size this change makes smaller (PostgreSQL storage, a disk): refused like a create-only change. */
  readonly shrinks?: string;
}

/** A resource that differs. */
export interface ResourceDiff {
  /** `replaced`: same construct, new name (a new resource is created, the old one orphaned). */
  readonly kind: 'added' | 'removed' | 'changed' | 'replaced';
  readonly type: string;
  /** The name as in the template (now; before for removed resources). */
  readonly name: unknown;
  /** For replaced resources: the committed name. */
  readonly previousName?: unknown;
  /** For resources replaced because a construct id was renamed: the committed construct path. */
  readonly previousPath?: string;
  /** The name as the manifest structures it (see NameValue), for display. @default absent without a manifest */
  readonly structuredName?: unknown;
  /** For replaced resources: the committed manifest's structured name. @default absent without a manifest */
  readonly previousStructuredName?: unknown;
  /** Construct path and logical id, when a manifest knows them. */
  readonly path?: string;
  readonly logicalId?: string;
  /** Property changes (changed resources). */
  readonly changes: readonly ValueChange[];
  readonly dependsOn: { readonly added: readonly string[]; readonly removed: readonly string[] };
  /** Why Azure will not update this resource in place, if so. */
  readonly replacement?: string;
  /** Parameters whose changed value causes the replacement (the template may be unchanged). */
  readonly parameters?: readonly string[];
}

/** A parameter, variable or output that differs. */
export interface EntryDiff {
  readonly name: string;
  readonly kind: 'added' | 'removed' | 'changed';
  readonly before?: unknown;
  readonly after?: unknown;
  readonly changes: readonly ValueChange[];
}

/** Differences of one stack. */
export interface StackDiff {
  readonly stack: string;
  /** added: only in the new synthesis; removed: only in the committed templates. */
  readonly status: 'added' | 'removed' | 'changed' | 'unchanged';
  readonly parameters: readonly EntryDiff[];
  /** Values of the parameters file (`<Stack>.parameters.json`); secure ones are never shown. */
  readonly parameterValues: readonly ParameterValueDiff[];
  readonly variables: readonly EntryDiff[];
  readonly resources: readonly ResourceDiff[];
  readonly outputs: readonly EntryDiff[];
}

/** The whole diff. */
export interface AssemblyDiff {
  readonly stacks: readonly StackDiff[];
  /** Number of differing entries (resources, parameters, parameter values, variables, outputs) in all stacks. */
  readonly differences: number;
  /** Resources that Azure replaces rather than updates. */
  readonly replacements: number;
}

/** One side of the comparison: files plus their manifest (the committed side may lack one). */
export interface DiffSide {
  readonly files: AssemblyFiles;
  readonly manifest?: Manifest;
  /** Where the files are, for messages. */
  readonly where: string;
}

/** Compares committed (`before`) and synthesized (`after`) stacks; `stacks` limits the comparison. */
export function diffAssemblies(before: DiffSide, after: DiffSide, stacks?: readonly string[]): AssemblyDiff {
  const names = [...new Set([...stackNamesOf(before.files, before.manifest), ...stackNamesOf(after.files, after.manifest)])]
    .filter((s) => !stacks?.length || stacks.includes(s))
    .sort();
  const result: StackDiff[] = [];
  for (const stack of names) {
    const old = templateOf(before.files, stack, before.manifest, before.where);
    const now = templateOf(after.files, stack, after.manifest, after.where);
    const values = {
      before: parameterValuesOf(before.files, stack, before.manifest, before.where) ?? {},
      after: parameterValuesOf(after.files, stack, after.manifest, after.where) ?? {},
    };
    const diff = diffTemplates(stack, old ?? {}, now ?? {}, pathsOf(before.manifest, stack, old), pathsOf(after.manifest, stack, now), values);
    const status = !old ? 'added' : !now ? 'removed' : count(diff) ? 'changed' : 'unchanged';
    result.push({ ...diff, status });
  }
  return {
    stacks: result,
    differences: result.reduce((n, s) => n + count(s), 0),
    replacements: result.reduce((n, s) => n + s.resources.filter((r) => r.replacement).length, 0),
  };
}

/** Construct path and logical id of each resource of a template, by index (from the manifest). */
type ResourceInfo = { readonly path: string; readonly logicalId: string; readonly name?: unknown };

function pathsOf(manifest: Manifest | undefined, stack: string, template: Record<string, unknown> | undefined): ResourceInfo[] | undefined {
  const resources = manifest?.stacks[stack]?.resources;
  const list = Array.isArray(template?.resources) ? template.resources : undefined;
  if (!resources || !list || Object.keys(resources).length !== list.length) return undefined;
  return Object.entries(resources).map(([logicalId, r]) => ({ logicalId, path: r.path, name: r.name }));
}

function count(d: Omit<StackDiff, 'status'>): number {
  return d.parameters.length + d.parameterValues.length + d.variables.length + d.resources.length + d.outputs.length;
}

type Resource = Record<string, unknown>;

/** Diff of two templates of a stack, with the values of their parameters files when given. */
export function diffTemplates(
  stack: string,
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  beforeInfo?: readonly ResourceInfo[],
  afterInfo?: readonly ResourceInfo[],
  values: ParameterFiles = { before: {}, after: {} },
): Omit<StackDiff, 'status'> {
  const uses = new ParameterUses(before, after, values);
  return {
    stack,
    parameters: diffEntries(before.parameters, after.parameters),
    parameterValues: diffParameterValues(before, after, values),
    variables: diffEntries(before.variables, after.variables),
    resources: diffResources(resourceList(before), resourceList(after), beforeInfo, afterInfo, uses),
    outputs: diffEntries(before.outputs, after.outputs),
  };
}

function resourceList(template: Record<string, unknown>): Resource[] {
  const r = template.resources;
  if (Array.isArray(r)) return r as Resource[];
  return isObject(r) ? (Object.values(r) as Resource[]) : [];
}

/** Azure's identity of a resource: type and name, case-insensitive. */
function keyOf(r: Resource): string {
  return `${String(r.type).toLowerCase()}|${(typeof r.name === 'string' ? r.name : JSON.stringify(r.name)).toLowerCase()}`;
}

function diffResources(
  before: Resource[],
  after: Resource[],
  beforeInfo?: readonly ResourceInfo[],
  afterInfo?: readonly ResourceInfo[],
  uses?: ParameterUses,
): ResourceDiff[] {
  const oldByKey = new Map(before.map((r, i) => [keyOf(r), i]));
  const newKeys = new Set(after.map(keyOf));
  const out: ResourceDiff[] = [];
  const removed = new Set(before.map((_, i) => i).filter((i) => !newKeys.has(keyOf(before[i]))));
  /** Resources without a partner yet: their place in `out` and their index in `after`. */
  const added: Array<{ at: number; i: number }> = [];
  after.forEach((r, i) => {
    const info = afterInfo?.[i];
    const j = oldByKey.get(keyOf(r));
    if (j !== undefined) {
      const d = diffResource(before[j], r, info);
      // Same template name, but it may read a parameter whose value changes.
      const byValue = uses?.replacementOf(r, info?.name);
      if (byValue) {
        const base = d ?? { kind: 'changed', type: String(r.type), name: r.name, ...where(info), changes: [], dependsOn: { added: [], removed: [] } };
        out.push({ ...base, parameters: byValue.parameters, replacement: base.replacement ? `${byValue.reason}; ${base.replacement}` : byValue.reason });
      } else if (d) {
        out.push(d);
      }
      return;
    }
    // Same construct (path), same type, other name: Azure sees a new resource.
    const renamed = info && [...removed].find((k) => beforeInfo?.[k]?.path === info.path && String(before[k].type).toLowerCase() === String(r.type).toLowerCase());
    if (renamed !== undefined) {
      removed.delete(renamed);
      out.push(replaced(before[renamed], r, beforeInfo?.[renamed], info, 'the name changes'));
      return;
    }
    added.push({ at: out.length, i });
    out.push({ kind: 'added', type: String(r.type), name: r.name, ...where(info), changes: [], dependsOn: { added: [], removed: [] } });
  });
  // A construct id renamed (`Db` -> `Database`): the resources below it have new paths, and the
  // names derived from their paths change, so each is a new resource replacing an old one. An
  // added resource is paired with the one removed resource of its type whose path differs in
  // that one segment only, when neither has another such partner.
  const renamedId = (k: number, i: number) =>
    String(before[k].type).toLowerCase() === String(after[i].type).toLowerCase() ? oneSegmentRenamed(beforeInfo?.[k]?.path, afterInfo?.[i]?.path) : undefined;
  for (const { at, i } of added) {
    const partners = [...removed].filter((k) => renamedId(k, i));
    if (partners.length !== 1 || added.some((a) => a.i !== i && renamedId(partners[0], a.i))) continue;
    const k = partners[0];
    const { from, to } = renamedId(k, i)!;
    removed.delete(k);
    out[at] = {
      ...replaced(before[k], after[i], beforeInfo?.[k], afterInfo?.[i], `the construct id '${from}' became '${to}' (${beforeInfo![k].path} -> ${afterInfo![i].path}), and the name with it`, 'To keep the resource, keep the old id, or give the resource its old name explicitly'),
      previousPath: beforeInfo![k].path,
    };
  }
  for (const i of removed) {
    out.push({
      kind: 'removed', type: String(before[i].type), name: before[i].name, ...where(beforeInfo?.[i]), changes: [], dependsOn: { added: [], removed: [] },
    });
  }
  return out;
}

/** The diff of a resource Azure sees as new, replacing the committed one, and why. */
function replaced(old: Resource, now: Resource, oldInfo: ResourceInfo | undefined, info: ResourceInfo | undefined, why: string, advice = ''): ResourceDiff {
  const [was, is] = fmtPair(old.name, now.name);
  return {
    ...diffResource(old, now, info, true)!,
    kind: 'replaced',
    previousName: old.name,
    ...(oldInfo?.name !== undefined ? { previousStructuredName: oldInfo.name } : {}),
    replacement:
      `${why}, so Azure creates a new resource ${is}; in Incremental mode the old ${was} ` +
      `stays behind as an orphan (delete it yourself, or deploy in Complete mode)${advice ? `. ${advice}` : ''}`,
  };
}

/** The one segment in which two construct paths of the same depth differ, if exactly one does. */
function oneSegmentRenamed(before: string | undefined, after: string | undefined): { from: string; to: string } | undefined {
  if (before === undefined || after === undefined) return undefined;
  const a = before.split('/');
  const b = after.split('/');
  if (a.length !== b.length) return undefined;
  const differing = a.map((_, j) => j).filter((j) => a[j] !== b[j]);
  return differing.length === 1 ? { from: a[differing[0]], to: b[differing[0]] } : undefined;
}

function where(info: ResourceInfo | undefined): { path?: string; logicalId?: string; structuredName?: unknown } {
  return info ? { path: info.path, logicalId: info.logicalId, ...(info.name !== undefined ? { structuredName: info.name } : {}) } : {};
}

function diffResource(before: Resource, after: Resource, info: ResourceInfo | undefined, renamed = false): ResourceDiff | undefined {
  const type = String(after.type);
  const changes: ValueChange[] = [];
  const strip = (r: Resource) => {
    const { dependsOn: _d, ...rest } = r;
    if (renamed) delete rest.name;
    return rest;
  };
  diffValues(strip(before), strip(after), [], changes);
  const withCreateOnly = changes.map((c) => {
    // Adding or removing a create-only property counts too: `zones: ['1']` added to a public IP,
    // or taken away from a zonal one, is a change Azure refuses just like a changed value.
    const path = c.path === '' ? [] : splitPath(c.path);
    const createOnly = createOnlyPath(type, path);
    if (createOnly && touches(c, createOnly.split('.').slice(path.length))) return { ...c, createOnly };
    const shrinks = c.kind === 'changed' ? shrunkPath(type, path, c.before, c.after) : undefined;
    return shrinks ? { ...c, shrinks } : c;
  });
  const oldDeps = new Set(strings(before.dependsOn));
  const newDeps = new Set(strings(after.dependsOn));
  const dependsOn = { added: [...newDeps].filter((d) => !oldDeps.has(d)), removed: [...oldDeps].filter((d) => !newDeps.has(d)) };
  if (!renamed && !withCreateOnly.length && !dependsOn.added.length && !dependsOn.removed.length) return undefined;
  const fixed = [...new Set(withCreateOnly.filter((c) => c.createOnly).map((c) => c.createOnly!))];
  const shrunk = withCreateOnly.filter((c) => c.shrinks).map((c) => c.shrinks!);
  const reasons = [
    ...(fixed.length ? [`${fixed.join(', ')} cannot change after creation: if the deployed value differs, Azure rejects the update`] : []),
    ...(shrunk.length ? [`${shrunk.join(', ')} can only grow: Azure rejects a smaller value`] : []),
  ];
  return {
    kind: 'changed', type, name: after.name, ...where(info), changes: withCreateOnly, dependsOn,
    ...(reasons.length ? { replacement: `${reasons.join('; ')}; delete and recreate the resource (or give it a new name)` } : {}),
  };
}

function diffEntries(before: unknown, after: unknown): EntryDiff[] {
  const a = isObject(before) ? before : {};
  const b = isObject(after) ? after : {};
  const out: EntryDiff[] = [];
  for (const name of [...new Set([...Object.keys(a), ...Object.keys(b)])]) {
    if (!(name in b)) out.push({ name, kind: 'removed', before: a[name], changes: [] });
    else if (!(name in a)) out.push({ name, kind: 'added', after: b[name], changes: [] });
    else {
      const changes: ValueChange[] = [];
      diffValues(a[name], b[name], [], changes);
      if (changes.length) out.push({ name, kind: 'changed', before: a[name], after: b[name], changes });
    }
  }
  return out;
}

/**
 * Records the differences between two JSON values. Arrays of objects that all have a unique
 * `name` (subnets, security rules) are matched by name, so inserting one does not shift the rest.
 */
export function diffValues(before: unknown, after: unknown, path: string[], out: ValueChange[]): void {
  if (deepEqual(before, after)) return;
  const at = path.join('');
  if (isObject(before) && isObject(after)) {
    for (const key of [...new Set([...Object.keys(before), ...Object.keys(after)])]) {
      const p = [...path, path.length ? `.${key}` : key];
      if (!(key in after)) out.push({ path: p.join(''), kind: 'removed', before: before[key] });
      else if (!(key in before)) out.push({ path: p.join(''), kind: 'added', after: after[key] });
      else diffValues(before[key], after[key], p, out);
    }
    return;
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    const oldNames = namesOf(before);
    const newNames = namesOf(after);
    if (oldNames && newNames) {
      for (const name of [...new Set([...oldNames.keys(), ...newNames.keys()])]) {
        const p = [...path, `[name='${name}']`];
        if (!newNames.has(name)) out.push({ path: p.join(''), kind: 'removed', before: oldNames.get(name) });
        else if (!oldNames.has(name)) out.push({ path: p.join(''), kind: 'added', after: newNames.get(name) });
        else diffValues(oldNames.get(name), newNames.get(name), p, out);
      }
      return;
    }
    if (before.length === after.length) {
      before.forEach((v, i) => diffValues(v, after[i], [...path, `[${i}]`], out));
      return;
    }
  }
  out.push({ path: at, kind: 'changed', before, after });
}

function namesOf(list: unknown[]): Map<string, unknown> | undefined {
  const names = new Map<string, unknown>();
  for (const item of list) {
    if (!isObject(item) || typeof item.name !== 'string' || names.has(item.name)) return undefined;
    names.set(item.name, item);
  }
  return list.length ? names : undefined;
}

/**
 * True if a change reaches the create-only property `rest` levels below its own path: `properties`
 * added as a whole touches `properties.administratorLogin` only if the added object has it.
 */
function touches(c: ValueChange, rest: readonly string[]): boolean {
  const has = (v: unknown) => rest.reduce<unknown>((at, key) => (isObject(at) ? at[key] : undefined), v) !== undefined;
  return rest.length === 0 || has(c.before) || has(c.after);
}

/** `properties.subnets[name='a'].x` -> `['properties', 'subnets', ...]` (for the create-only table). */
function splitPath(path: string): string[] {
  return path.split(/\.|\[[^\]]*\]/).filter(Boolean);
}

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.map(String) : [];
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function deepEqual(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

