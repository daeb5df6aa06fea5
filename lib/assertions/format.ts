/**
 * Short renderings of values for failure messages: JSON on one line, cut at a readable length.
 */

const MAX = 120;

/**
 * `"text"`, `42`, `{"a":1}`; long objects and arrays end with `...` (strings are shown whole:
 * the end of an ARM expression is often where it differs); `undefined` reads as "nothing".
 */
export function formatValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return JSON.stringify(value);
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > MAX ? `${text.slice(0, MAX - 3)}...` : text;
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
