/**
 * Maps what ARM reports (resource type + name) back to construct paths via manifest.json.
 * Names in the template may be expressions; the simple cases are evaluated here
 * (parameters(), variables(), format(), concat(), toLower(), toUpper() over literals). When a
 * name cannot be evaluated, a resource is matched by type if that is unambiguous, and the
 * result says so.
 */
import type { ManifestResource } from '../synth/manifest.js';

/** Where an ARM resource comes from in the app. */
export interface ConstructMatch {
  readonly path: string;
  /** 'name': the evaluated name matched; 'type': the only candidate of its type. */
  readonly how: 'name' | 'type';
}

/** Lookup from ARM targets to construct paths for one stack. */
export class ResourceMap {
  /** Resources whose name could not be evaluated, for a note to the user. */
  readonly unevaluated: ReadonlyArray<{ readonly path: string; readonly name: unknown }>;
  private readonly entries: ReadonlyArray<{ type: string; name?: string; path: string }>;

  constructor(resources: Readonly<Record<string, ManifestResource>>, parameters: Readonly<Record<string, unknown>>, variables: Readonly<Record<string, unknown>> = {}) {
    this.entries = Object.values(resources).map((r) => {
      const name = evaluateName(r.name, { parameters, variables });
      return { type: r.type.toLowerCase(), path: r.path, ...(name !== undefined ? { name: name.toLowerCase() } : {}) };
    });
    this.unevaluated = Object.values(resources).filter((_, i) => this.entries[i].name === undefined).map((r) => ({ path: r.path, name: r.name }));
  }

  /** The construct that declares the resource, if known. */
  locate(target: { readonly type?: string; readonly name?: string; readonly id?: string }): ConstructMatch | undefined {
    const fromId = target.id ? parseResourceId(target.id) : undefined;
    const type = (target.type ?? fromId?.type)?.toLowerCase();
    const name = (target.name ?? fromId?.name)?.toLowerCase();
    if (!type) return undefined;
    const sameType = this.entries.filter((e) => e.type === type);
    const exact = sameType.find((e) => e.name !== undefined && e.name === name);
    if (exact) return { path: exact.path, how: 'name' };
    const unknown = sameType.filter((e) => e.name === undefined);
    return unknown.length === 1 ? { path: unknown[0].path, how: 'type' } : undefined;
  }
}

/** Type and (slash-joined) name of a resource id `/subscriptions/.../providers/Ns/t1/n1/t2/n2`. */
export function parseResourceId(id: string): { type: string; name: string } | undefined {
  const m = /\/providers\/([^/]+)\/(.+)$/i.exec(id);
  if (!m) return undefined;
  const parts = m[2].split('/');
  if (parts.length % 2) return undefined;
  const types = parts.filter((_, i) => i % 2 === 0);
  const names = parts.filter((_, i) => i % 2 === 1);
  return { type: [m[1], ...types].join('/'), name: names.join('/') };
}

/** Evaluates a template name (literal or simple "[expression]"); undefined if beyond our reach. */
export function evaluateName(value: unknown, scope: { parameters: Readonly<Record<string, unknown>>; variables: Readonly<Record<string, unknown>> }): string | undefined {
  if (typeof value !== 'string') return undefined;
  if (value.startsWith('[[')) return value.slice(1);
  if (!(value.startsWith('[') && value.endsWith(']'))) return value;
  try {
    const reader = { text: value.slice(1, -1), pos: 0 };
    const result = expression(reader, scope);
    skip(reader);
    return reader.pos === reader.text.length && result !== undefined ? String(result) : undefined;
  } catch {
    return undefined;
  }
}

type Reader = { text: string; pos: number };
type Scope = { parameters: Readonly<Record<string, unknown>>; variables: Readonly<Record<string, unknown>> };

function skip(r: Reader): void {
  while (r.text[r.pos] === ' ') r.pos++;
}

/** Returns undefined for anything outside the supported subset (which makes the name unknown). */
function expression(r: Reader, scope: Scope): unknown {
  skip(r);
  if (r.text[r.pos] === "'") {
    let out = '';
    r.pos++;
    for (;;) {
      const c = r.text[r.pos++];
      if (c === undefined) throw new Error('unterminated string');
      if (c === "'") {
        if (r.text[r.pos] === "'") { out += "'"; r.pos++; continue; }
        return out;
      }
      out += c;
    }
  }
  const num = /^-?\d+/.exec(r.text.slice(r.pos));
  if (num) { r.pos += num[0].length; return Number(num[0]); }
  const ident = /^[A-Za-z_]\w*/.exec(r.text.slice(r.pos));
  if (!ident) throw new Error('unexpected token');
  r.pos += ident[0].length;
  skip(r);
  if (r.text[r.pos++] !== '(') throw new Error('expected (');
  const args: unknown[] = [];
  skip(r);
  if (r.text[r.pos] === ')') r.pos++;
  else {
    for (;;) {
      args.push(expression(r, scope));
      skip(r);
      const c = r.text[r.pos++];
      if (c === ')') break;
      if (c !== ',') throw new Error('expected , or )');
    }
  }
  skip(r);
  if (r.text[r.pos] === '.' || r.text[r.pos] === '[') throw new Error('property access is not supported');
  if (args.some((a) => a === undefined)) return undefined;
  const lookup = (table: Readonly<Record<string, unknown>>) => {
    const v = table[String(args[0])];
    return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : undefined;
  };
  switch (ident[0].toLowerCase()) {
    case 'parameters': return lookup(scope.parameters);
    case 'variables': return lookup(scope.variables);
    case 'format': return String(args[0]).replace(/\{(\d+)(:[^}]*)?\}/g, (_, i: string) => String(args[Number(i) + 1]));
    case 'concat': return args.map(String).join('');
    case 'tolower': return String(args[0]).toLowerCase();
    case 'toupper': return String(args[0]).toUpperCase();
    default: return undefined;
  }
}
