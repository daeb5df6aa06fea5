/**
 * Parameter values for the diff: what `<Stack>.parameters.json` gives each parameter, and which
 * resources a changed value replaces.
 *
 * The template can stay byte for byte the same while the deployment changes completely: with
 * `prefix` going from `demo` to `prod`, `[format('{0}-nsg', parameters('prefix'))]` names a new
 * resource. ARM identifies resources by name, so Azure creates it, and in Incremental mode the
 * old one stays behind. The same goes for create-only properties such as `location`.
 */
import { createOnlyPath } from '../common/create-only.js';
import { displayName } from './display-name.js';
import { fmtPair } from '../common/value-text.js';

/** A value in the parameters files that differs. */
export interface ParameterValueDiff {
  readonly name: string;
  readonly kind: 'added' | 'removed' | 'changed';
  /** The value (or Key Vault reference) as in the file; never set for a secure parameter. */
  readonly before?: unknown;
  readonly after?: unknown;
  /** A securestring or secureObject parameter: its values are never shown. */
  readonly secure?: true;
}

/** The `parameters` objects of a stack's two parameters files (`{ "prefix": { "value": "demo" } }`). */
export interface ParameterFiles {
  readonly before: Readonly<Record<string, unknown>>;
  readonly after: Readonly<Record<string, unknown>>;
}

/** Why changed parameter values replace a resource. */
export interface ParameterReplacement {
  /** The changed parameters involved. */
  readonly parameters: readonly string[];
  readonly reason: string;
}

type Template = Record<string, unknown>;

/** The added, removed and changed values of the parameters files, in the order of the new file. */
export function diffParameterValues(before: Template, after: Template, files: ParameterFiles): ParameterValueDiff[] {
  const secure = secureParameters(before, after);
  const out: ParameterValueDiff[] = [];
  for (const name of [...new Set([...Object.keys(files.after), ...Object.keys(files.before)])]) {
    const hidden = secure.has(name);
    const was = valueOf(files.before[name]);
    const is = valueOf(files.after[name]);
    const kind = !(name in files.after) ? 'removed' : !(name in files.before) ? 'added' : same(was, is) ? undefined : 'changed';
    if (!kind) continue;
    // Secure values must not reach the terminal, CI logs or --json, even if a file holds one.
    if (hidden) out.push({ name, kind, secure: true });
    else out.push({ name, kind, ...(kind !== 'added' ? { before: was } : {}), ...(kind !== 'removed' ? { after: is } : {}) });
  }
  return out;
}

/**
 * Which parameters a deployment gets a different value for (from the parameters file, else the
 * template default), and which resources of the new template read them in their name or a
 * create-only property, directly or through variables.
 */
export class ParameterUses {
  private readonly changed = new Map<string, { readonly before: unknown; readonly after: unknown }>();
  private readonly secure: ReadonlySet<string>;
  private readonly beforeValues: Record<string, unknown> = {};
  private readonly afterValues: Record<string, unknown> = {};
  /** Variables whose value reads changed parameters, with those parameters. */
  private readonly variables = new Map<string, ReadonlySet<string>>();

  constructor(before: Template, after: Template, files: ParameterFiles) {
    this.secure = secureParameters(before, after);
    const declared = isObject(after.parameters) ? Object.keys(after.parameters) : [];
    for (const name of declared) {
      const was = effectiveValue(before, files.before, name);
      const is = effectiveValue(after, files.after, name);
      if (!this.secure.has(name)) {
        this.beforeValues[name] = was;
        this.afterValues[name] = is;
      }
      if (!same(was, is)) this.changed.set(name, { before: was, after: is });
    }
    if (this.changed.size) this.traceVariables(isObject(after.variables) ? after.variables : {});
  }

  /** True if no parameter gets a different value. */
  public get empty(): boolean {
    return this.changed.size === 0;
  }

  /**
   * Why `resource` (of the new template, same name expression as before) is replaced, if it is.
   * @param structuredName the manifest's structured name of the resource, to show it with the parameters' values
   */
  public replacementOf(resource: Record<string, unknown>, structuredName?: unknown): ParameterReplacement | undefined {
    if (this.empty) return undefined;
    const inName = this.read(resource.name);
    if (inName.length) {
      const was = displayName(structuredName ?? resource.name, this.beforeValues);
      const is = displayName(structuredName ?? resource.name, this.afterValues);
      const names = was !== is && !inName.some((p) => this.secure.has(p));
      return {
        parameters: inName,
        reason:
          `the name uses ${this.describe(inName)}, so Azure creates a new resource${names ? ` ${JSON.stringify(is)}` : ''}; ` +
          `in Incremental mode the old${names ? ` ${JSON.stringify(was)}` : ' one'} stays behind as an orphan (delete it yourself, or deploy in Complete mode)`,
      };
    }
    const type = String(resource.type);
    const fixed = new Map<string, Set<string>>();
    const { name: _n, dependsOn: _d, type: _t, apiVersion: _a, ...rest } = resource;
    visitStrings(rest, [], (path, text) => {
      const params = this.read(text);
      const createOnly = params.length ? createOnlyPath(type, path) : undefined;
      if (createOnly) fixed.set(createOnly, new Set([...(fixed.get(createOnly) ?? []), ...params]));
    });
    if (!fixed.size) return undefined;
    return {
      parameters: [...new Set([...fixed.values()].flatMap((s) => [...s]))],
      reason: [...fixed]
        .map(([path, params]) => `${path} uses ${this.describe([...params])} and cannot change after creation: if the deployed value differs, Azure rejects the update; delete and recreate the resource (or give it a new name)`)
        .join('; '),
    };
  }

  /** Changed parameters an ARM expression reads, directly or through variables. */
  private read(value: unknown): string[] {
    if (typeof value !== 'string' || !isExpression(value)) return [];
    const found = new Set(reads(value, 'parameters', this.changed.keys()));
    for (const v of reads(value, 'variables', this.variables.keys())) for (const p of this.variables.get(v)!) found.add(p);
    return [...found];
  }

  /** Variables read changed parameters directly or through other variables: iterate until nothing is added. */
  private traceVariables(variables: Record<string, unknown>): void {
    for (let grew = true; grew; ) {
      grew = false;
      for (const [name, value] of Object.entries(variables)) {
        const text = JSON.stringify(value) ?? '';
        const params = new Set(reads(text, 'parameters', this.changed.keys()));
        for (const v of reads(text, 'variables', this.variables.keys())) for (const p of this.variables.get(v)!) params.add(p);
        if (params.size > (this.variables.get(name)?.size ?? 0)) {
          this.variables.set(name, params);
          grew = true;
        }
      }
    }
  }

  /** `parameter 'prefix' ("demo" -> "prod")`; a secure parameter's values stay hidden. */
  private describe(params: readonly string[]): string {
    const one = (p: string) => {
      const c = this.changed.get(p)!;
      if (this.secure.has(p)) return `'${p}' (secure value changes)`;
      const [before, after] = fmtPair(c.before, c.after, 60);
      return `'${p}' (${before} -> ${after})`;
    };
    return `parameter${params.length === 1 ? '' : 's'} ${params.map(one).join(', ')}`;
  }
}

/** Names of securestring / secureObject parameters on either side. */
function secureParameters(...templates: Template[]): Set<string> {
  const names = new Set<string>();
  for (const t of templates) {
    if (!isObject(t.parameters)) continue;
    for (const [name, p] of Object.entries(t.parameters)) {
      const type = isObject(p) && typeof p.type === 'string' ? p.type.toLowerCase() : '';
      if (type === 'securestring' || type === 'secureobject') names.add(name);
    }
  }
  return names;
}

/** The value a deployment with this parameters file gets: the file's, else the template default. */
function effectiveValue(template: Template, file: Readonly<Record<string, unknown>>, name: string): unknown {
  if (name in file) return valueOf(file[name]);
  const p = isObject(template.parameters) ? template.parameters[name] : undefined;
  return isObject(p) ? p.defaultValue : undefined;
}

/** A parameters file entry's value; a Key Vault reference stands as the whole entry. */
function valueOf(entry: unknown): unknown {
  return isObject(entry) && 'value' in entry ? entry.value : entry;
}

/** Names among `names` that `text` reads with `fn('name')` (ARM function and parameter names ignore case). */
function reads(text: string, fn: 'parameters' | 'variables', names: Iterable<string>): string[] {
  return [...names].filter((n) => new RegExp(`\\b${fn}\\(\\s*'${n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}'\\s*\\)`, 'i').test(text));
}

/** Calls `visit` with the path (object keys; array positions left out, as in the create-only table) of every string. */
function visitStrings(value: unknown, path: string[], visit: (path: string[], text: string) => void): void {
  if (typeof value === 'string') visit(path, value);
  else if (Array.isArray(value)) value.forEach((v) => visitStrings(v, path, visit));
  else if (isObject(value)) for (const [k, v] of Object.entries(value)) visitStrings(v, [...path, k], visit);
}

function isExpression(s: string): boolean {
  return s.startsWith('[') && !s.startsWith('[[') && s.endsWith(']');
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
