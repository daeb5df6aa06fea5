/**
 * The length range of a string known only at deployment, from what synthesis does know about
 * its parts: parameters' minLength/maxLength and allowedValues, fixed-length functions
 * (uniqueString 13, guid 36), literal text. Used to report names that will be too long (or too
 * short) whatever the parameters' values, as Bicep's compiler does.
 */
import { Expression, type AnyExpression } from '../../core/expression.js';
import { Parameter } from '../../core/parameter.js';
import type { Resolved } from '../resolve.js';

/** Lengths a value can have; `max` undefined when unbounded. `why` names the parts that bound it. */
export interface LengthRange {
  readonly min: number;
  readonly max?: number;
  readonly why: readonly string[];
}

const UNKNOWN: LengthRange = { min: 0, why: [] };

/** Functions whose result always has one length. */
const FIXED_LENGTH: Readonly<Record<string, number>> = { uniquestring: 13, guid: 36, newguid: 36 };
/** Functions whose result is as long as their first argument. */
const SAME_LENGTH = new Set(['tolower', 'toupper', 'string']);

/** The length range of a resolved value, or undefined if it is not a string. */
export function lengthRange(value: Resolved): LengthRange | undefined {
  if (typeof value === 'string') return { min: value.length, max: value.length, why: [] };
  if (!Expression.isExpression(value)) return undefined;
  const e = value as AnyExpression;
  switch (e.kind) {
    case 'literal':
      return typeof e.value === 'string' ? lengthRange(e.value) : UNKNOWN;
    case 'interpolation':
      return sumOf(e.parts as readonly Resolved[]);
    case 'parameter': {
      const p = e.parameter;
      if (!Parameter.isParameter(p)) return UNKNOWN;
      const allowed = p.props.allowedValues?.filter((v): v is string => typeof v === 'string');
      if (allowed?.length) {
        const lengths = allowed.map((v) => v.length);
        return { min: Math.min(...lengths), max: Math.max(...lengths), why: [`parameter '${p.parameterName}' allows ${lengths.length === 1 ? 'one value' : 'values'} of ${Math.min(...lengths)} to ${Math.max(...lengths)} characters`] };
      }
      const { minLength, maxLength } = p.props;
      if (minLength === undefined && maxLength === undefined) return UNKNOWN;
      const bounds = [minLength !== undefined ? `minLength ${minLength}` : '', maxLength !== undefined ? `maxLength ${maxLength}` : ''].filter(Boolean).join(', ');
      return { min: minLength ?? 0, max: maxLength, why: [`parameter '${p.parameterName}' has ${bounds}`] };
    }
    case 'call': {
      const name = e.name.toLowerCase();
      const fixed = FIXED_LENGTH[name];
      if (fixed !== undefined) return { min: fixed, max: fixed, why: [`${e.name}() gives ${fixed} characters`] };
      if (SAME_LENGTH.has(name) && e.args.length === 1) return lengthRange(e.args[0] as Resolved) ?? UNKNOWN;
      if (name === 'take' && e.args.length === 2 && typeof e.args[1] === 'number') {
        const inner = lengthRange(e.args[0] as Resolved) ?? UNKNOWN;
        const n = e.args[1];
        return { min: Math.min(inner.min, n), max: inner.max === undefined ? n : Math.min(inner.max, n), why: inner.why };
      }
      if (name === 'concat' && e.args.every((a) => lengthRange(a as Resolved) !== undefined)) return sumOf(e.args as readonly Resolved[]);
      return UNKNOWN;
    }
    default:
      return UNKNOWN;
  }
}

/** The range of a string made of `parts` one after the other (an interpolation, concat()). */
function sumOf(parts: readonly Resolved[]): LengthRange {
  let min = 0;
  let max: number | undefined = 0;
  const why: string[] = [];
  for (const part of parts) {
    const r = lengthRange(part) ?? UNKNOWN;
    min += r.min;
    max = max === undefined || r.max === undefined ? undefined : max + r.max;
    why.push(...r.why);
  }
  return { min, max, why };
}
