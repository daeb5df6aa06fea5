/**
 * Maps what ARM reports (resource type + name) back to construct paths via manifest.json.
 * Names in the template may be expressions; the common cases are evaluated here
 * (parameters(), variables(), format(), concat(), toLower(), toUpper(), and with the deployment
 * context resourceGroup(), subscription(), deployment() and ARM's uniqueString()). When a name
 * cannot be evaluated, a resource is matched by type if that is unambiguous, and the result
 * says so.
 */
import type { ManifestResource } from '../synth/manifest.js';
import { uniqueString } from './unique-string.js';

/** Where the deployment runs: what resourceGroup(), subscription() and deployment() return. */
export interface DeploymentContext {
  readonly subscriptionId: string;
  /** The resource group's name as Azure stores it (uniqueString() is case-sensitive). */
  readonly resourceGroup: string;
  readonly location?: string;
  readonly deploymentName?: string;
}

/** What names are evaluated with. */
export interface NameScope {
  readonly parameters: Readonly<Record<string, unknown>>;
  readonly variables: Readonly<Record<string, unknown>>;
  readonly context?: DeploymentContext;
}

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

  constructor(resources: Readonly<Record<string, ManifestResource>>, parameters: Readonly<Record<string, unknown>>, variables: Readonly<Record<string, unknown>> = {}, context?: DeploymentContext) {
    this.entries = Object.values(resources).map((r) => {
      const name = evaluateName(r.name, { parameters, variables, ...(context ? { context } : {}) });
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

  /** "Network/Vnet" or "Network/Storage, matched by type" for the target, or undefined. */
  describe(target: { readonly type?: string; readonly name?: string; readonly id?: string }): string | undefined {
    const match = this.locate(target);
    return match ? `${match.path}${match.how === 'type' ? ', matched by type' : ''}` : undefined;
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
export function evaluateName(value: unknown, scope: NameScope): string | undefined {
  if (typeof value !== 'string') return undefined;
  if (value.startsWith('[[')) return value.slice(1);
  if (!(value.startsWith('[') && value.endsWith(']'))) return value;
  try {
    const reader = { text: value.slice(1, -1), pos: 0 };
    const result = expression(reader, scope);
    skip(reader);
    return reader.pos === reader.text.length && isScalar(result) ? String(result) : undefined;
  } catch {
    return undefined;
  }
}

type Reader = { text: string; pos: number };
type Scope = NameScope;

function isScalar(v: unknown): v is string | number | boolean {
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
}

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
  let value = call(ident[0].toLowerCase(), args, scope);
  // Property access: resourceGroup().id, subscription().subscriptionId, ...
  for (skip(r); r.text[r.pos] === '.'; skip(r)) {
    r.pos++;
    const key = /^[A-Za-z_]\w*/.exec(r.text.slice(r.pos));
    if (!key) throw new Error('expected a property name');
    r.pos += key[0].length;
    const object = value as Record<string, unknown> | undefined;
    const found = object && typeof object === 'object' ? Object.keys(object).find((k) => k.toLowerCase() === key[0].toLowerCase()) : undefined;
    value = found === undefined ? undefined : object![found];
  }
  if (r.text[r.pos] === '[') throw new Error('index access is not supported');
  return value;
}

function call(name: string, args: readonly unknown[], scope: Scope): unknown {
  if (args.some((a) => a === undefined)) return undefined;
  const lookup = (table: Readonly<Record<string, unknown>>) => {
    const v = table[String(args[0])];
    return isScalar(v) ? v : undefined;
  };
  const ctx = scope.context;
  switch (name) {
    case 'parameters': return lookup(scope.parameters);
    case 'variables': return lookup(scope.variables);
    case 'format': return String(args[0]).replace(/\{(\d+)(:[^}]*)?\}/g, (_, i: string) => String(args[Number(i) + 1]));
    case 'concat': return args.map(String).join('');
    case 'tolower': return String(args[0]).toLowerCase();
    case 'toupper': return String(args[0]).toUpperCase();
    case 'uniquestring': return args.length && args.every((a) => typeof a === 'string') ? uniqueString(...(args as string[])) : undefined;
    case 'resourcegroup':
      return ctx && {
        id: `/subscriptions/${ctx.subscriptionId}/resourceGroups/${ctx.resourceGroup}`, name: ctx.resourceGroup,
        ...(ctx.location ? { location: ctx.location } : {}),
      };
    case 'subscription': return ctx && { id: `/subscriptions/${ctx.subscriptionId}`, subscriptionId: ctx.subscriptionId };
    case 'deployment': return ctx?.deploymentName !== undefined ? { name: ctx.deploymentName } : undefined;
    default: return undefined;
  }
}
