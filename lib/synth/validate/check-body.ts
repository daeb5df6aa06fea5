/**
 * Checks a resolved resource body against its type's shape from the snapshot: JSON types, closed
 * and open enums, patterns, lengths, ranges, required, read-only and unknown properties. Values
 * known only at deployment (expressions) are skipped, except that a string whose length range is
 * known (length-range.ts) is checked against the type's length limits.
 *
 * A walk over the type graph, interpreted: no schema is compiled, so a synth pays only for the
 * values it has (compiling JSON Schemas with ajv cost 1.2-3.3 s for Microsoft.Network/virtualNetworks
 * alone on this machine; see bench/README.md).
 */
import { Expression } from '../../core/expression.js';
import type { Resolved } from '../resolve.js';
import { lengthRange } from './length-range.js';
import { didYouMean } from './nearest.js';
import { follow, READ_ONLY, REQUIRED, type ResourceTypeEntry, type TypeGraph, type TypeNode, type TypeProperty } from './type-nodes.js';

/** One thing wrong with a body: where (a property path such as `properties.x[0].y`) and what. */
export interface Finding {
  readonly level: 'error' | 'warning';
  readonly where: string;
  readonly message: string;
}

interface Walk {
  readonly graph: TypeGraph;
  /** `Microsoft.Storage/storageAccounts@2025-06-01`, for messages. */
  readonly what: string;
  readonly out: Finding[];
}

/** Checks `body` (name, location, properties, ...) against `entry`'s body type. */
export function checkBody(graph: TypeGraph, entry: ResourceTypeEntry, body: Readonly<Record<string, Resolved>>): Finding[] {
  const walk: Walk = { graph, what: `${entry.name}@${entry.apiVersion}`, out: [] };
  check(walk, body, graph.nodes[entry.body], '');
  return walk.out;
}

function check(w: Walk, value: Resolved, node: TypeNode, where: string): void {
  if (Expression.isExpression(value)) {
    checkExpressionLength(w, value, node, where);
    return;
  }
  switch (node.$type) {
    case 'AnyType':
      return;
    case 'StringType':
      if (typeof value !== 'string') return mismatch(w, value, 'a string', where);
      return checkString(w, value, node, where);
    case 'StringLiteralType':
      if (typeof value !== 'string') return mismatch(w, value, `the string '${node.value}'`, where);
      return checkEnum(w, value, [node.value], undefined, where);
    case 'IntegerType':
      if (typeof value !== 'number' || !Number.isInteger(value)) return mismatch(w, value, 'an integer', where);
      if ((node.minValue !== undefined && value < node.minValue) || (node.maxValue !== undefined && value > node.maxValue)) {
        error(w, where, `${value} is out of range: ${w.what} allows ${range(node.minValue, node.maxValue)}. Use a value in that range.`);
      }
      return;
    case 'BooleanType':
      if (typeof value !== 'boolean') return mismatch(w, value, 'a boolean (true or false)', where);
      return;
    case 'NullType':
      if (value !== null) return mismatch(w, value, 'null', where);
      return;
    case 'ArrayType': {
      if (!Array.isArray(value)) return mismatch(w, value, 'an array', where);
      if ((node.minLength !== undefined && value.length < node.minLength) || (node.maxLength !== undefined && value.length > node.maxLength)) {
        error(w, where, `has ${value.length} item${value.length === 1 ? '' : 's'}: ${w.what} allows ${range(node.minLength, node.maxLength)} items. Add or remove items.`);
      }
      const item = follow(w.graph, node.itemType);
      value.forEach((v, i) => check(w, v, item, `${where}[${i}]`));
      return;
    }
    case 'UnionType':
      return checkUnion(w, value, node.elements.map((e) => follow(w.graph, e)), where);
    case 'ObjectType':
      if (!isObject(value)) return mismatch(w, value, 'an object', where);
      return checkObject(w, value, node.properties, node.additionalProperties && follow(w.graph, node.additionalProperties), where);
    case 'DiscriminatedObjectType': {
      if (!isObject(value)) return mismatch(w, value, 'an object', where);
      const d = node.discriminator;
      const choices = Object.keys(node.elements);
      const chosen = value[d];
      const at = join(where, d);
      if (chosen === undefined || chosen === null) {
        error(w, at, `is not set, but ${w.what} needs it to tell which shape this object has: set it to one of ${quoteAll(choices)}.`);
      } else if (typeof chosen === 'string' && !choices.includes(chosen)) {
        const near = choices.filter((c) => c.toLowerCase() === chosen.toLowerCase());
        error(w, at, `'${chosen}' is not one of the values ${w.what} allows here: ${quoteAll(choices)}.${near.length ? ` Did you mean '${near[0]}'?` : didYouMean(chosen, choices)} Use one of them.`);
      }
      const element = typeof chosen === 'string' && choices.includes(chosen) ? follow(w.graph, node.elements[chosen]) : undefined;
      if (element?.$type === 'ObjectType') {
        return checkObject(w, value, { ...node.baseProperties, ...element.properties }, element.additionalProperties && follow(w.graph, element.additionalProperties), where);
      }
      // The shape is not known (the discriminator is an expression or wrong): check what every shape shares.
      return checkObject(w, value, node.baseProperties, undefined, where, false);
    }
  }
}

function checkString(w: Walk, value: string, node: Extract<TypeNode, { $type: 'StringType' }>, where: string): void {
  const { minLength, maxLength } = lengthLimits(node);
  if ((minLength !== undefined && value.length < minLength) || (maxLength !== undefined && value.length > maxLength)) {
    const fix = maxLength !== undefined && value.length > maxLength ? 'Shorten it' : 'Lengthen it';
    error(w, where, `'${value}' is ${value.length} character${value.length === 1 ? '' : 's'} long: ${w.what} allows ${range(minLength, maxLength)} characters. ${fix}.`);
  }
  const pattern = node.pattern === undefined ? undefined : compiled(node.pattern);
  if (pattern && !pattern.test(value)) {
    error(w, where, `'${value}' does not match the pattern ${node.pattern} that ${w.what} requires. Change the value to match it.`);
  }
}

/**
 * A union: closed enums (literals only) and open enums (literals and a string) are the only
 * shapes in Bicep's tables; anything else passes if one of its members does.
 */
function checkUnion(w: Walk, value: Resolved, members: TypeNode[], where: string): void {
  const literals = members.filter((m) => m.$type === 'StringLiteralType').map((m) => (m as { value: string }).value);
  const open = members.find((m) => m.$type === 'StringType') as Extract<TypeNode, { $type: 'StringType' }> | undefined;
  if (literals.length + (open ? 1 : 0) === members.length) {
    if (typeof value !== 'string') return mismatch(w, value, `a string (${open ? 'for example ' : 'one of '}${quoteAll(literals)})`, where);
    if (open && !literals.includes(value)) checkString(w, value, open, where);
    return checkEnum(w, value, literals, open, where);
  }
  for (const m of members) {
    const trial: Walk = { ...w, out: [] };
    check(trial, value, m, where);
    if (trial.out.every((f) => f.level !== 'error')) return;
  }
  error(w, where, `matches none of the shapes ${w.what} allows here. Check the value against the type's documentation.`);
}

function checkEnum(w: Walk, value: string, literals: readonly string[], open: unknown, where: string): void {
  if (literals.includes(value)) return;
  const sameCase = literals.find((l) => l.toLowerCase() === value.toLowerCase());
  if (sameCase !== undefined) {
    warning(w, where, `'${value}' differs only in case from '${sameCase}', the value ${w.what} defines. Write '${sameCase}'.`);
  } else if (open) {
    warning(w, where, `'${value}' is not one of the values ${w.what} knows: ${quoteAll(literals)}.${didYouMean(value, literals)} Azure may accept a value newer than azcdk's type tables; check the spelling.`);
  } else {
    error(w, where, `'${value}' is not one of the values ${w.what} allows: ${quoteAll(literals)}.${didYouMean(value, literals)} Use one of them.`);
  }
}

function checkObject(
  w: Walk, value: Readonly<Record<string, Resolved>>, properties: Readonly<Record<string, TypeProperty>>, additional: TypeNode | undefined,
  where: string, closed = true,
): void {
  for (const key of Object.keys(value)) {
    const v = value[key];
    if (v === undefined) continue;
    const at = join(where, key);
    const p = properties[key];
    if (p) {
      if (p.flags & READ_ONLY) {
        warning(w, at, `is read-only in ${w.what} (Azure sets it), so the value given is ignored. Remove it.`);
        continue;
      }
      check(w, v, follow(w.graph, p.type), at);
    } else if (additional) {
      check(w, v, additional, at);
    } else if (closed) {
      const names = Object.keys(properties).filter((k) => !(properties[k].flags & READ_ONLY));
      warning(w, at, `is not a property of ${w.what}.${didYouMean(key, names)} Fix the name; if Azure added the property after azcdk's type tables, this warning can be ignored (it fails synthesis with --strict).`);
    }
  }
  for (const key of Object.keys(properties)) {
    const flags = properties[key].flags;
    if (flags & REQUIRED && !(flags & READ_ONLY) && (value[key] === undefined)) {
      // A warning, as in Bicep (BCP035): the tables mark some properties required that Azure fills in.
      warning(w, join(where, key), `is required by ${w.what} but not set: Azure refuses the resource without it unless it fills it in. Set it.`);
    }
  }
}

/** An expression: only its length can be known (length-range.ts), and only strings have limits. */
function checkExpressionLength(w: Walk, value: Resolved, node: TypeNode, where: string): void {
  if (node.$type !== 'StringType') return;
  const { minLength, maxLength } = lengthLimits(node);
  if (minLength === undefined && maxLength === undefined) return;
  const r = lengthRange(value);
  if (!r || (r.max === undefined && r.min === 0)) return;
  const why = r.why.length ? ` (${r.why.join('; ')})` : '';
  const allows = `${w.what} allows ${range(minLength, maxLength)} characters`;
  if (maxLength !== undefined && r.max !== undefined && r.max > maxLength) {
    const level = r.min > maxLength ? error : warning;
    const size = r.min === r.max ? `is ${r.max} characters long` : `can be ${r.max} characters long`;
    level(w, where, `${size}${why}, but ${allows}. Shorten the fixed text or lower the parameters' maxLength.`);
  } else if (maxLength !== undefined && r.max === undefined && r.min > maxLength) {
    error(w, where, `is at least ${r.min} characters long${why}, but ${allows}. Shorten the fixed text.`);
  } else if (minLength !== undefined && r.max !== undefined && r.max < minLength) {
    error(w, where, `is at most ${r.max} characters long${why}, but ${allows}. Lengthen the fixed text or raise the parameters' minLength.`);
  }
}

/** Length limits, also when the pattern holds them (`^[a-z0-9-]{3,24}$`, as Key Vault names have). */
function lengthLimits(node: Extract<TypeNode, { $type: 'StringType' }>): { minLength?: number; maxLength?: number } {
  let { minLength, maxLength } = node;
  const m = node.pattern === undefined ? null : /^\^(\[[^\]]*\]|\\[wd]|\.)\{(\d+),(\d+)\}\$$/.exec(node.pattern);
  if (m) {
    minLength = Math.max(minLength ?? 0, Number(m[2]));
    maxLength = Math.min(maxLength ?? Infinity, Number(m[3]));
  }
  return { minLength, maxLength };
}

const patterns = new Map<string, RegExp | null>();

/** The pattern as a JS RegExp (all of Bicep's compile without flags); null for one that does not, which is skipped as Bicep does. */
function compiled(pattern: string): RegExp | null {
  let r = patterns.get(pattern);
  if (r === undefined) {
    try {
      r = new RegExp(pattern);
    } catch {
      r = null;
    }
    patterns.set(pattern, r);
  }
  return r;
}

function mismatch(w: Walk, value: Resolved, expected: string, where: string): void {
  error(w, where, `is ${describeValue(value)}, but ${w.what} expects ${expected} here. Give ${expected}.`);
}

function describeValue(value: Resolved): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `the string '${value}'`;
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'boolean') return `the boolean ${value}`;
  return 'an object';
}

function range(min: number | undefined, max: number | undefined): string {
  if (min !== undefined && max !== undefined) return min === max ? `exactly ${min}` : `${min} to ${max}`;
  return min !== undefined ? `at least ${min}` : `at most ${max}`;
}

function quoteAll(values: readonly string[]): string {
  return values.map((v) => `'${v}'`).join(', ');
}

function isObject(value: Resolved): value is { [key: string]: Resolved } {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !Expression.isExpression(value);
}

function join(where: string, key: string): string {
  const part = /^[A-Za-z_$][\w$]*$/.test(key) ? key : `['${key}']`;
  return where === '' ? key : part.startsWith('[') ? `${where}${part}` : `${where}.${part}`;
}

function error(w: Walk, where: string, message: string): void {
  w.out.push({ level: 'error', where, message });
}

function warning(w: Walk, where: string, message: string): void {
  w.out.push({ level: 'warning', where, message });
}
