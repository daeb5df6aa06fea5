/**
 * A canonical form for deployment-time expressions, shared by the ARM and Bicep readers, so a
 * template and a Bicep file can be compared by meaning rather than by text.
 *
 * Both readers build expressions through the same constructors below, which normalize what the two
 * languages spell differently: `format('{0}-x', a)` and `'${a}-x'` are one `concat`; `parameters('p')`
 * and `p` one `param`; `reference(resourceId(...), 'v').x` and `sym.properties.x` one `runtime`;
 * `true()` and `true` one literal; nested `and`/`or`/`coalesce` are flattened. Variables are
 * inlined by the readers (Bicep may rename them; the deployment does not depend on their names).
 */

/** A canonical expression. */
export type C =
  | { readonly k: 'lit'; readonly v: string | number | boolean | null }
  | { readonly k: 'arr'; readonly items: readonly C[] }
  | { readonly k: 'obj'; readonly entries: ReadonlyArray<readonly [string, C]> }
  | { readonly k: 'param'; readonly name: string }
  | { readonly k: 'call'; readonly name: string; readonly args: readonly C[] }
  | { readonly k: 'access'; readonly base: C; readonly path: readonly Segment[] }
  | { readonly k: 'concat'; readonly parts: readonly C[] }
  | { readonly k: 'rid'; readonly scope: readonly C[]; readonly type: string; readonly names: readonly C[] }
  | { readonly k: 'runtime'; readonly id: C; readonly apiVersion: string; readonly path: readonly Segment[] };

/** An access step: a key, an index, or a computed index. */
export type Segment = string | number | C;

/** JSON whose expression leaves are `{ '=': <printed canonical expression> }`. */
export type J = null | boolean | number | string | J[] | { [key: string]: J };

export const lit = (v: string | number | boolean | null): C => ({ k: 'lit', v });
export const param = (name: string): C => ({ k: 'param', name });
export const arr = (items: readonly C[]): C => ({ k: 'arr', items });
export const obj = (entries: ReadonlyArray<readonly [string, C]>): C => ({ k: 'obj', entries });

/** A resource id. A group alone is in the deployment's subscription: both spellings are one id. */
export function rid(scope: readonly C[], type: string, names: readonly C[]): C {
  const subscriptionId = access({ k: 'call', name: 'subscription', args: [] }, ['subscriptionId']);
  return { k: 'rid', scope: scope.length === 1 ? [subscriptionId, scope[0]] : scope, type, names };
}

/** A value read from a deployed resource: `path` starts at the top of its GET body (`properties`, `sku`...). */
export function runtime(id: C, apiVersion: string, path: readonly Segment[]): C {
  return { k: 'runtime', id, apiVersion, path };
}

/** Property or index access, merged into runtime reads and earlier accesses. */
export function access(base: C, path: readonly Segment[]): C {
  if (path.length === 0) return base;
  if (base.k === 'runtime') return runtime(base.id, base.apiVersion, [...base.path, ...path]);
  if (base.k === 'access') return { k: 'access', base: base.base, path: [...base.path, ...path] };
  return { k: 'access', base, path };
}

/** String concatenation (interpolation / format): flattened, adjacent literals merged, empty ones dropped. */
export function concat(parts: readonly C[]): C {
  const out: C[] = [];
  const push = (p: C): void => {
    if (p.k === 'concat') return p.parts.forEach(push);
    if (p.k === 'lit' && p.v === '') return;
    const last = out[out.length - 1];
    if (p.k === 'lit' && typeof p.v === 'string' && last?.k === 'lit' && typeof last.v === 'string') out[out.length - 1] = lit(last.v + p.v);
    else out.push(p);
  };
  parts.forEach(push);
  if (out.length === 0) return lit('');
  if (out.length === 1 && (out[0].k !== 'lit' || typeof out[0].v === 'string')) return out[0];
  return { k: 'concat', parts: out };
}

const FLATTENED = new Set(['and', 'or', 'coalesce']);

/**
 * A function call, normalized. `variable` resolves `variables('x')` (ARM) to the variable's value.
 * Function names compare case-insensitively, as in ARM.
 */
export function call(name: string, args: readonly C[], variable: (name: string) => C): C {
  const lower = name.toLowerCase();
  const str = (c: C | undefined): string | undefined => (c?.k === 'lit' && typeof c.v === 'string' ? c.v : undefined);
  switch (lower) {
    case 'parameters':
      if (args.length === 1 && str(args[0]) !== undefined) return param(str(args[0])!);
      break;
    case 'variables':
      if (args.length === 1 && str(args[0]) !== undefined) return variable(str(args[0])!);
      break;
    case 'true':
    case 'false':
      if (args.length === 0) return lit(lower === 'true');
      break;
    case 'null':
      if (args.length === 0) return lit(null);
      break;
    case 'json': {
      const text = str(args[0]);
      if (args.length === 1 && text !== undefined && /^(-?\d+(\.\d+)?([eE][-+]?\d+)?|null)$/.test(text.trim())) return lit(JSON.parse(text));
      break;
    }
    case 'createarray':
      return arr(args);
    case 'createobject':
      // Keys are strings, or expressions that evaluate to one (keyed as objectKey() spells them).
      if (args.length % 2 === 0 && args.every((a, i) => i % 2 === 1 || str(a) !== undefined || (a.k !== 'lit' && a.k !== 'arr' && a.k !== 'obj'))) {
        const entries: Array<[string, C]> = [];
        for (let i = 0; i < args.length; i += 2) entries.push([objectKey(args[i]), args[i + 1]]);
        return obj(entries);
      }
      break;
    case 'concat':
      // concat() of strings is an interpolation (the Bicep writer writes it as one; Bicep compiles that to format()).
      if (args.length > 0 && args.every(isStringValued)) return concat(args);
      break;
    case 'format': {
      const parts = str(args[0]) !== undefined ? parseFormat(str(args[0])!, args.slice(1)) : undefined;
      if (parts) return concat(parts);
      break;
    }
    case 'resourceid': {
      const typeIndex = args.findIndex((a) => /^[A-Za-z][\w.]*\/[\w/]+$/.test(str(a) ?? ''));
      if (typeIndex >= 0) return rid(args.slice(0, typeIndex), str(args[typeIndex])!, args.slice(typeIndex + 1));
      break;
    }
    case 'extensionresourceid': {
      // Bicep's id of a resource in another group: extensionResourceId('/subscriptions/S/resourceGroups/G', type, names...).
      const scope = args.length >= 3 ? splitName(args[0]) : [];
      const type = str(args[1]);
      if (scope.length === 5 && str(scope[0]) === '' && str(scope[1])?.toLowerCase() === 'subscriptions' && str(scope[3])?.toLowerCase() === 'resourcegroups' && type) {
        return rid([scope[2], scope[4]], type, args.slice(2));
      }
      break;
    }
    case 'reference': {
      const version = str(args[1]);
      const full = args.length === 3 && str(args[2])?.toLowerCase() === 'full';
      if (version !== undefined && (args.length === 2 || full)) return runtime(args[0], version, full ? [] : ['properties']);
      break;
    }
  }
  if (lower === 'coalesce' && args.length === 1) return args[0]; // coalesce(x) is x
  if (FLATTENED.has(lower)) return { k: 'call', name: lower, args: args.flatMap((a) => (a.k === 'call' && a.name === lower ? a.args : [a])) };
  return { k: 'call', name: lower, args };
}

/** Calls that always give a string. */
const STRING_FUNCTIONS = new Set(['tolower', 'toupper', 'string', 'guid', 'uniquestring', 'format', 'substring', 'replace', 'base64', 'trim']);

/** A string literal, an interpolation, a parameter (its type is not known here) or a call that gives a string. */
function isStringValued(c: C): boolean {
  return (c.k === 'lit' && typeof c.v === 'string') || c.k === 'concat' || c.k === 'param' || (c.k === 'call' && STRING_FUNCTIONS.has(c.name));
}

/** `{0}-x{{y}}` with arguments -> concat parts; undefined if the format uses specifiers like `{0:N2}`. */
function parseFormat(format: string, args: readonly C[]): C[] | undefined {
  const parts: C[] = [];
  let text = '';
  for (let i = 0; i < format.length; i++) {
    const c = format[i];
    if ((c === '{' || c === '}') && format[i + 1] === c) {
      text += c;
      i++;
    } else if (c === '{') {
      const end = format.indexOf('}', i);
      const index = Number(format.slice(i + 1, end));
      if (end < 0 || !/^\d+$/.test(format.slice(i + 1, end)) || index >= args.length) return undefined;
      parts.push(lit(text), args[index]);
      text = '';
      i = end;
    } else if (c === '}') {
      return undefined;
    } else {
      text += c;
    }
  }
  parts.push(lit(text));
  return parts;
}

/** Prints a canonical expression (deterministic; used for comparison and readable diffs). */
export function print(c: C): string {
  switch (c.k) {
    case 'lit':
      return JSON.stringify(c.v);
    case 'arr':
      return `[${c.items.map(print).join(', ')}]`;
    case 'obj':
      return `{${c.entries.map(([k, v]) => `${JSON.stringify(k)}: ${print(v)}`).join(', ')}}`;
    case 'param':
      return `param(${c.name})`;
    case 'call':
      return `${c.name}(${c.args.map(print).join(', ')})`;
    case 'access':
      return print(c.base) + printPath(c.path);
    case 'concat':
      return `str(${c.parts.map(print).join(', ')})`;
    case 'rid':
      return `resourceId(${[...c.scope.map(print), JSON.stringify(c.type), ...c.names.map(print)].join(', ')})`;
    case 'runtime':
      return `runtime(${print(c.id)}, ${JSON.stringify(c.apiVersion)})${printPath(c.path)}`;
  }
}

function printPath(path: readonly Segment[]): string {
  return path.map((s) => (typeof s === 'string' ? `.${s}` : typeof s === 'number' ? `[${s}]` : `[${print(s)}]`)).join('');
}

/** A canonical expression as JSON: literals, arrays and objects stay JSON, the rest become `{ '=': printed }`. */
export function toJ(c: C): J {
  switch (c.k) {
    case 'lit':
      return c.v;
    case 'arr':
      return c.items.map(toJ);
    case 'obj':
      return Object.fromEntries(c.entries.map(([k, v]) => [k, toJ(v)]));
    default:
      return { '=': print(c) };
  }
}

/** The deployment a template or Bicep file describes, in canonical form. */
export interface Deployment {
  readonly description?: string;
  readonly parameters: Record<string, CanonicalParameter>;
  /** Variable values (names may differ between the two languages), printed and sorted. */
  readonly variables: string[];
  /** Declared resources by `type name`. */
  readonly resources: Record<string, CanonicalResource>;
  readonly outputs: Record<string, { readonly type: string; readonly value: J; readonly description?: string }>;
}

export interface CanonicalParameter {
  readonly type: string;
  readonly defaultValue?: J;
  readonly allowedValues?: J[];
  readonly minValue?: number;
  readonly maxValue?: number;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly description?: string;
}

export interface CanonicalResource {
  /** Printed resource id, as dependsOn entries print it. */
  readonly id: string;
  readonly type: string;
  readonly apiVersion: string;
  readonly name: J;
  readonly condition?: J;
  /** location, tags, sku, kind, identity, zones, plan, properties. */
  readonly body: Record<string, J>;
  /** Printed resource ids of the direct dependencies, sorted. */
  readonly dependsOn: string[];
}

/** The key a resource is matched by: its type and its canonical full name. */
export function resourceKey(type: string, name: C): string {
  return `${type.toLowerCase()} ${print(name)}`;
}

/** Drops undefined values so deep-equality does not see `{ a: undefined }` and `{}` as different. */
export function compact<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/** The segments of a full resource name (`a/b/c`), split at literal slashes. */
export function splitName(name: C): C[] {
  const segments: C[][] = [[]];
  for (const part of name.k === 'concat' ? name.parts : [name]) {
    if (part.k === 'lit' && typeof part.v === 'string') {
      part.v.split('/').forEach((text, i) => {
        if (i > 0) segments.push([]);
        segments[segments.length - 1].push(lit(text));
      });
    } else {
      segments[segments.length - 1].push(part);
    }
  }
  return segments.map(concat);
}

/**
 * The canonical key of an object entry: literal keys as they are, keys that are expressions
 * (ARM "[expr]", Bicep '${expr}') as a marked print of the expression, so both readers agree.
 */
export function objectKey(key: C): string {
  return key.k === 'lit' && typeof key.v === 'string' ? key.v : `\u0000${print(key)}`;
}
