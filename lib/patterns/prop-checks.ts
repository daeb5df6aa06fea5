/**
 * Runtime checks of the props an L2 construct is given. TypeScript checks them at compile time,
 * but a JavaScript app (or a cast) can pass `version: 16`, `storageSizeGB: 512` or a misspelt key,
 * which would otherwise be written as-is or silently ignored. Each construct describes its props
 * with a Shape (prop-shapes.ts), typed so that it must name every key of the props interface and
 * no other, and mark exactly the required ones: the runtime key lists cannot drift from the types.
 */
import type { IConstruct } from 'constructs';
import { AzcdkError, Expression, Parameter } from '../core/index.js';

/** What one prop must be. */
export type Check =
  /** A string (text with tokens counts). */
  | 'string'
  /** A string or an expression (`Value<string>`, also a version or zone given as a parameter's value). */
  | 'value'
  | 'number'
  | 'boolean'
  /** Checked by the construct itself: constructs, handles, class instances, secrets. */
  | 'checked-elsewhere'
  /** A plain object of known keys. */
  | { readonly object: Shape<object> }
  /** An object whose keys are names and whose values are all of one kind. */
  | { readonly record: Check }
  /** An array whose elements are all of one kind. */
  | { readonly array: Check }
  /** One of several kinds, e.g. `boolean | VmPublicIpOptions`. */
  | { readonly anyOf: readonly Check[] }
  /** A check with an example of a right value for the message. */
  | { readonly check: Check; readonly example: string };

/** A required prop's check. */
export interface Required {
  readonly required: Check;
}

/**
 * The checks of every key of `T`: optional keys map to a Check, required keys to `{ required }`.
 * An object literal typed this way that lacks a key, has one more, or marks one wrongly does not compile.
 */
export type Shape<T> = { readonly [K in keyof T]-?: undefined extends T[K] ? Check : Required };

/** Marks a required prop. */
export function required(check: Check): Required {
  return { required: check };
}

/** A Check with an example of a right value. */
export function example(check: Check, text: string): Check {
  return { check, example: text };
}

/**
 * Throws one error listing every problem of `props` against `shape`: values of the wrong type,
 * with their property path and the expected type, missing required props, and unknown keys with
 * the nearest known one ("did you mean"). `what` names the props in messages, e.g. `addSubnet('a')`;
 * `renamed` maps former prop names to their new ones.
 */
export function checkProps(scope: IConstruct, what: string, props: unknown, shape: Shape<object>, renamed: Readonly<Record<string, string>> = {}): void {
  const problems: string[] = [];
  if (props === undefined) return;
  if (!isPlainObject(props)) problems.push(`${what}: the props are ${describe(props)}: expected an object of props.`);
  else {
    for (const [old, now] of Object.entries(renamed)) {
      if (old in props) problems.push(`${what}: ${old} was renamed to ${now} (every azcdk construct calls its Azure name 'name'): write { ${now}: ... } instead.`);
    }
    const rest = Object.fromEntries(Object.entries(props).filter(([key]) => !(key in renamed)));
    checkObject(rest, shape, '', what, problems);
  }
  if (problems.length) {
    throw new AzcdkError(problems.map((p) => `[${scope.node.path}] ${p}`).join('\n'));
  }
}

function checkObject(value: Record<string, unknown>, shape: Shape<object>, path: string, what: string, problems: string[]): void {
  const entries = shape as Record<string, Check | Required>;
  const known = Object.keys(entries);
  for (const key of Object.keys(value)) {
    if (key in entries) continue;
    const near = nearest(key, known);
    problems.push(
      `${what}: unknown prop ${path}${key}` +
        (near ? `: did you mean ${path}${near}?` : `: the props here are ${known.join(', ')}.`),
    );
  }
  for (const key of known) {
    const entry = entries[key]!;
    const isRequired = typeof entry === 'object' && 'required' in entry;
    const check = isRequired ? (entry as Required).required : (entry as Check);
    const v = value[key];
    if (v === undefined) {
      if (isRequired && check !== 'checked-elsewhere') problems.push(`${what}: ${path}${key} is missing: expected ${expected(check)}.`);
      continue;
    }
    checkValue(v, check, `${path}${key}`, what, problems);
  }
}

function checkValue(v: unknown, check: Check, path: string, what: string, problems: string[]): void {
  if (!matches(v, check)) {
    problems.push(`${what}: ${path} is ${describe(v)}: expected ${expected(check)}.`);
    return;
  }
  const inner = typeof check === 'object' && 'check' in check ? check.check : check;
  if (typeof inner !== 'object') return;
  if ('object' in inner) checkObject(v as Record<string, unknown>, inner.object, `${path}.`, what, problems);
  else if ('record' in inner) for (const [k, x] of Object.entries(v as object)) checkValue(x, inner.record, `${path}.${k}`, what, problems);
  else if ('array' in inner) (v as unknown[]).forEach((x, i) => checkValue(x, inner.array, `${path}[${i}]`, what, problems));
  else if ('anyOf' in inner) {
    const first = inner.anyOf.find((c) => matches(v, c));
    if (first !== undefined) checkValue(v, first, path, what, problems);
  }
}

/** Whether `v` has the outer type `check` asks for (nested values are checked by checkValue). */
function matches(v: unknown, check: Check): boolean {
  if (typeof check === 'string') {
    switch (check) {
      case 'string': return typeof v === 'string';
      case 'value': return typeof v === 'string' || Expression.isExpression(v);
      case 'number': return typeof v === 'number';
      case 'boolean': return typeof v === 'boolean';
      case 'checked-elsewhere': return true;
    }
  }
  if ('check' in check) return matches(v, check.check);
  if ('object' in check || 'record' in check) return isPlainObject(v);
  if ('array' in check) return Array.isArray(v);
  return check.anyOf.some((c) => matches(v, c));
}

/** The expected type, as a message says it. */
function expected(check: Check): string {
  if (typeof check === 'string') {
    return {
      string: 'a string',
      value: "a string or an expression (e.g. a Parameter's .value)",
      number: 'a number',
      boolean: 'true or false',
      'checked-elsewhere': 'a value',
    }[check];
  }
  if ('check' in check) return `${expected(check.check)}, e.g. ${check.example}`;
  if ('object' in check) return `an object with ${Object.keys(check.object).join(', ')}`;
  if ('record' in check) return `an object of names to ${plural(expected(check.record))}`;
  if ('array' in check) return `an array of ${plural(expected(check.array))}`;
  return check.anyOf.map(expected).join(', or ');
}

function plural(text: string): string {
  return text.replace(/^an? (\w+)/, '$1s');
}

/** How a wrong value is shown: the value and what it is. */
function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Parameter.isParameter(v)) return `the Parameter '${v.parameterName}' (pass its .value)`;
  if (Expression.isExpression(v)) return 'an expression';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'string') return `${JSON.stringify(v)} (a string)`;
  if (typeof v === 'number' || typeof v === 'boolean') return `${v} (a ${typeof v})`;
  if (typeof v === 'object') return `an instance of ${(v as object).constructor?.name ?? 'an object'}`;
  return `a ${typeof v}`;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/** The known key nearest to `key`: same letters in another case, or at most a third of its letters off. */
export function nearest(key: string, known: readonly string[]): string | undefined {
  const lower = key.toLowerCase();
  const sameCase = known.find((k) => k.toLowerCase() === lower);
  if (sameCase) return sameCase;
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(key.length / 3)) + 1;
  for (const k of known) {
    const d = distance(lower, k.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [k, d];
  }
  return best;
}

/** Levenshtein distance. */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = row;
  }
  return previous[b.length]!;
}
