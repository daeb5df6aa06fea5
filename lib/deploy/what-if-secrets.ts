/**
 * Keeps secrets out of what-if results, by where they are rather than what they are. Azure's
 * what-if compares against the resource as its provider reports it, and some providers echo
 * write-only secrets in `before` (Azure/arm-template-whatif#309): an earlier deployment's password,
 * or another stack's, which this run cannot know and so cannot redact by value. Two rules, applied
 * to every property change (before and after) and every full resource payload:
 *
 * 1. A property the template feeds from a securestring/secureObject parameter (directly, or
 *    through a variable that uses one) is secure in every resource of that type, with everything
 *    below it.
 * 2. A property whose name looks like a secret (see SECRET_NAME) is secure wherever it appears,
 *    also in resources the template does not declare (Complete mode deletes, ignored resources).
 *
 * Secure values are replaced by SECURE. Value redaction of this run's secrets (redact.ts) still
 * runs on everything printed and written, as a second net.
 */
import type { PropertyChange, ResourceChange } from './client.js';
import { isSecureType, type TemplateParameter } from './parameters.js';
import { parseResourceId } from './resource-map.js';

/** What a secure value is shown as. */
export const SECURE = '(secure)';

/**
 * Property names that look like secrets: password, secret, passphrase, credential, connection
 * string anywhere in the name; token, key or keys at its end (adminPassword,
 * administratorLoginPassword, clientSecret, primaryKey, sasToken, ...). Names with "public" in
 * them (publicKey, sshPublicKeys) are not secrets.
 */
const SECRET_NAME = /password|passwd|secret|passphrase|credential|connectionstring|(token|key|keys)$/i;

/** True if a property of this name is treated as a secret in what-if output. */
export function looksSecret(name: string): boolean {
  return SECRET_NAME.test(name) && !/public/i.test(name);
}

/** Lower-case property paths (dots, array indices left out) fed from secure parameters, by lower-case resource type. */
export type SecurePaths = ReadonlyMap<string, ReadonlySet<string>>;

interface TemplateShape {
  readonly parameters?: Readonly<Record<string, TemplateParameter>>;
  readonly variables?: Readonly<Record<string, unknown>>;
  readonly resources?: unknown;
}

/** The template's property paths that carry secure parameter values, per resource type. */
export function securePropertyPaths(template: unknown): SecurePaths {
  const t = (template ?? {}) as TemplateShape;
  const secureParams = new Set(Object.entries(t.parameters ?? {}).filter(([, p]) => isSecureType(p.type ?? '')).map(([n]) => n.toLowerCase()));
  const out = new Map<string, Set<string>>();
  if (!secureParams.size) return out;
  const variables = t.variables ?? {};
  const secureVariables = new Set<string>();
  // Variables may use each other: repeat until nothing new turns up.
  for (let changed = true; changed; ) {
    changed = false;
    for (const [name, value] of Object.entries(variables)) {
      if (!secureVariables.has(name.toLowerCase()) && usesSecure(value, secureParams, secureVariables)) {
        secureVariables.add(name.toLowerCase());
        changed = true;
      }
    }
  }
  const visit = (resources: unknown, parentType?: string) => {
    if (!Array.isArray(resources)) return;
    for (const r of resources as Array<Record<string, unknown>>) {
      if (!r || typeof r !== 'object' || typeof r.type !== 'string') continue;
      const type = (parentType && !r.type.includes('/') ? `${parentType}/${r.type}` : r.type).toLowerCase();
      const paths = out.get(type) ?? new Set<string>();
      for (const [key, value] of Object.entries(r)) {
        if (key === 'resources' || key === 'dependsOn' || key === 'type' || key === 'apiVersion') continue;
        collect(value, [key.toLowerCase()], secureParams, secureVariables, paths);
      }
      if (paths.size) out.set(type, paths);
      visit(r.resources, type);
    }
  };
  visit(t.resources);
  return out;
}

function collect(value: unknown, path: string[], params: ReadonlySet<string>, variables: ReadonlySet<string>, out: Set<string>): void {
  if (typeof value === 'string') {
    if (usesSecure(value, params, variables)) out.add(path.join('.'));
  } else if (Array.isArray(value)) {
    for (const v of value) collect(v, path, params, variables, out);
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) collect(v, [...path, k.toLowerCase()], params, variables, out);
  }
}

const REFERENCE = /\b(parameters|variables)\s*\(\s*'([^']*)'\s*\)/gi;

/** True if an ARM expression (somewhere in `value`) reads a secure parameter or variable. */
function usesSecure(value: unknown, params: ReadonlySet<string>, variables: ReadonlySet<string>): boolean {
  if (typeof value === 'string') {
    if (!value.startsWith('[') || value.startsWith('[[')) return false;
    for (const m of value.matchAll(REFERENCE)) {
      const name = m[2].toLowerCase();
      if (m[1].toLowerCase() === 'parameters' ? params.has(name) : variables.has(name)) return true;
    }
    return false;
  }
  if (Array.isArray(value)) return value.some((v) => usesSecure(v, params, variables));
  if (value && typeof value === 'object') return Object.values(value).some((v) => usesSecure(v, params, variables));
  return false;
}

/** What-if changes with secure values replaced by SECURE (new objects; the input is left as it is). */
export function maskWhatIf(changes: readonly ResourceChange[], paths: SecurePaths): ResourceChange[] {
  return changes.map((c) => {
    const type = parseResourceId(c.resourceId)?.type.toLowerCase();
    const secure = (segments: readonly string[]) => isSecurePath(segments, type ? paths.get(type) : undefined);
    return {
      ...c,
      ...(c.before !== undefined ? { before: mask(c.before, [], secure) } : {}),
      ...(c.after !== undefined ? { after: mask(c.after, [], secure) } : {}),
      ...(c.delta ? { delta: maskDelta(c.delta, [], secure) } : {}),
    };
  });
}

type IsSecure = (segments: readonly string[]) => boolean;

function maskDelta(delta: readonly PropertyChange[], parent: readonly string[], secure: IsSecure): PropertyChange[] {
  return delta.map((d) => {
    const segments = [...parent, ...pathSegments(d.path)];
    return {
      ...d,
      ...(d.before !== undefined ? { before: mask(d.before, segments, secure) } : {}),
      ...(d.after !== undefined ? { after: mask(d.after, segments, secure) } : {}),
      ...(d.children ? { children: maskDelta(d.children, segments, secure) } : {}),
    };
  });
}

/** The value with everything at a secure path replaced; `at` is the value's own path. */
function mask(value: unknown, at: readonly string[], secure: IsSecure): unknown {
  if (value === undefined || value === null) return value;
  if (at.length && secure(at)) return SECURE;
  if (Array.isArray(value)) return value.map((v) => mask(v, at, secure));
  if (typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, mask(v, [...at, k.toLowerCase()], secure)]));
  }
  return value;
}

function isSecurePath(segments: readonly string[], templatePaths: ReadonlySet<string> | undefined): boolean {
  const last = segments.at(-1);
  if (last !== undefined && looksSecret(last)) return true;
  if (!templatePaths) return false;
  // The path itself, or anything above it, is fed from a secure parameter.
  for (let i = 1; i <= segments.length; i++) if (templatePaths.has(segments.slice(0, i).join('.'))) return true;
  return false;
}

/** `properties.subnets[0].name` or `0` (an array element of the parent) as lower-case segments without indices. */
function pathSegments(path: string): string[] {
  return path
    .split('.')
    .map((s) => s.replace(/\[\d+\]/g, '').toLowerCase())
    .filter((s) => s !== '' && !/^\d+$/.test(s));
}
