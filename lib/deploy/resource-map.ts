/**
 * Maps what ARM reports (resource type + name) back to construct paths via manifest.json.
 * The manifest carries names as structured values (NameValue); the common cases are evaluated
 * here (parameters, variables, format(), concat(), toLower(), toUpper(), and with the deployment
 * context resourceGroup(), subscription(), deployment() and ARM's uniqueString()), without
 * parsing template expressions. When a name cannot be evaluated, a resource is matched by type
 * if that is unambiguous, and the result says so.
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

/** What names are evaluated with (variables come with their values in the manifest's names). */
export interface NameScope {
  readonly parameters: Readonly<Record<string, unknown>>;
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

  constructor(resources: Readonly<Record<string, ManifestResource>>, parameters: Readonly<Record<string, unknown>>, context?: DeploymentContext) {
    this.entries = Object.values(resources).map((r) => {
      const name = evaluateName(r.name, { parameters, ...(context ? { context } : {}) });
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

/**
 * Evaluates a manifest name (see NameValue): literal text, parameters, variables, format(),
 * concat(), toLower(), toUpper(), and with the deployment context resourceGroup(), subscription(),
 * deployment() and ARM's uniqueString(). Undefined if beyond our reach (a name written as an
 * `[expression]` string by an older azcdk is one).
 */
export function evaluateName(value: unknown, scope: NameScope): string | undefined {
  if (typeof value === 'string' && value.startsWith('[') && value.endsWith(']')) return undefined;
  const result = evaluate(value, scope);
  return isScalar(result) ? String(result) : undefined;
}

function isScalar(v: unknown): v is string | number | boolean {
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
}

/** The value of a NameValue; undefined for anything outside the supported subset (which makes the name unknown). */
function evaluate(value: unknown, scope: NameScope): unknown {
  if (value === null || typeof value !== 'object') return value;
  const v = value as Record<string, unknown>;
  if (typeof v.parameter === 'string') {
    const given = scope.parameters[v.parameter];
    return isScalar(given) ? given : undefined;
  }
  if (typeof v.variable === 'string') return 'value' in v ? evaluate(v.value, scope) : undefined;
  if (Array.isArray(v.concat)) {
    const parts = v.concat.map((p) => evaluate(p, scope));
    return parts.every(isScalar) ? parts.map(String).join('') : undefined;
  }
  if ('of' in v && Array.isArray(v.path)) {
    let found = evaluate(v.of, scope);
    for (const key of v.path) {
      const object = found as Record<string, unknown> | undefined;
      const name = object && typeof object === 'object' ? Object.keys(object).find((k) => k.toLowerCase() === String(key).toLowerCase()) : undefined;
      found = name === undefined ? undefined : object![name];
    }
    return found;
  }
  if (typeof v.call === 'string' && Array.isArray(v.args)) return call(v.call.toLowerCase(), v.args.map((a) => evaluate(a, scope)), scope);
  return undefined;
}

function call(name: string, args: readonly unknown[], scope: NameScope): unknown {
  if (args.some((a) => a === undefined)) return undefined;
  const ctx = scope.context;
  switch (name) {
    case 'format':
      return String(args[0]).replace(/\{\{|\}\}|\{(\d+)(:[^}]*)?\}/g, (m: string, i?: string) => (m === '{{' ? '{' : m === '}}' ? '}' : String(args[Number(i) + 1])));
    case 'concat': return args.map(String).join('');
    case 'tolower': return String(args[0]).toLowerCase();
    case 'toupper': return String(args[0]).toUpperCase();
    case 'string': return isScalar(args[0]) ? String(args[0]) : undefined;
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
