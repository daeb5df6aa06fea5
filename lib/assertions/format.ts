/**
 * Short renderings of values for failure messages: JSON on one line, cut at a readable length.
 * Matchers inside a value read as they are written in a test (`Match.absent()`), not as the
 * fields of the objects that implement them.
 */
import { Matcher } from './matcher.js';

const MAX = 120;

/**
 * `"text"`, `42`, `{"a":1}`, `{"a":Match.absent()}`; long objects and arrays end with `...`
 * (strings are shown whole: the end of an ARM expression is often where it differs);
 * `undefined` reads as "nothing".
 */
export function formatValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return JSON.stringify(value);
  const text = renderValue(value);
  return text.length > MAX ? `${text.slice(0, MAX - 3)}...` : text;
}

/** A value with its type where the type is the point: `string "1"`, `number 1`; `null` and nothing read alone. */
export function formatTyped(value: unknown): string {
  if (value === undefined || value === null) return formatValue(value);
  return `${jsonType(value)} ${formatValue(value)}`;
}

/**
 * The whole one-line rendering (no cut), for matchers' descriptions: JSON, except that matchers
 * print their `describe()`. Keys whose value is undefined are left out, as JSON does.
 */
export function renderValue(value: unknown, seen: Set<unknown> = new Set()): string {
  if (Matcher.isMatcher(value)) return value.describe();
  if (value === undefined) return 'undefined';
  if (value === null || typeof value !== 'object') return stringify(value);
  if (seen.has(value)) return '[Circular]';
  seen.add(value);
  try {
    if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : renderValue(v, seen))).join(',')}]`;
    if (isPlainObject(value)) {
      const entries = Object.entries(value).filter(([, v]) => v !== undefined);
      return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${renderValue(v, seen)}`).join(',')}}`;
    }
    return stringify(value);
  } finally {
    seen.delete(value);
  }
}

function stringify(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** A noun for a value's JSON type: "string", "array", "null", ... */
export function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/** True for `{...}` literals (not arrays, not class instances such as matchers or expressions). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
