/**
 * Keeps secure parameter values out of everything azcdk prints or writes, including messages
 * that come back from Azure (some ARM errors quote the value they reject).
 *
 * Text (lines, error messages) is redacted by substring: there is no structure to go by. A
 * secret of a few characters would then replace parts of ordinary words ("a" turns
 * "privateEndpointIp" into "priv***teEndpointIp") and, by the gaps, reveal itself. So values
 * shorter than MIN_REDACTABLE_LENGTH are not redacted by substring: a securestring that short
 * is refused when it is given (parameters.ts; Azure's password rules ask for 8 or more anyway),
 * and short strings inside a secureObject are left to the structural masking of what-if
 * (what-if-secrets.ts) and to ARM, which never returns secure values. JSON that azcdk writes is
 * redacted structurally (redactValue): inside string values only, never in keys or property paths.
 */

/** Secrets shorter than this are not replaced by substring (see above). */
export const MIN_REDACTABLE_LENGTH = 4;

/** Keys whose values are template structure (what-if property paths, change types), never secrets. */
const STRUCTURE_KEYS = new Set(['path', 'propertyChangeType', 'changeType', 'matchedBy']);

/** Replaces known secret values with `***`. */
export class Redactor {
  private readonly secrets: string[] = [];

  /** Adds values to hide (those shorter than MIN_REDACTABLE_LENGTH are ignored; longer ones are replaced first). */
  add(values: Iterable<string>): void {
    for (const v of values) if (v.length >= MIN_REDACTABLE_LENGTH && !this.secrets.includes(v)) this.secrets.push(v);
    this.secrets.sort((a, b) => b.length - a.length);
  }

  /** The text with every secret replaced, also in its JSON-escaped form. */
  redact(text: string): string {
    let out = text;
    for (const s of this.secrets) {
      out = out.split(s).join('***');
      const escaped = JSON.stringify(s).slice(1, -1);
      if (escaped !== s) out = out.split(escaped).join('***');
    }
    return out;
  }

  /**
   * A copy of a JSON value with secrets replaced inside its string values (a value equal to a
   * secret, or containing one). Keys, and the values of structure keys (what-if `path`), are
   * left as they are.
   */
  redactValue(value: unknown): unknown {
    if (typeof value === 'string') return this.redact(value);
    if (Array.isArray(value)) return value.map((v) => this.redactValue(v));
    if (value && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, STRUCTURE_KEYS.has(k) && typeof v === 'string' ? v : this.redactValue(v)]));
    }
    return value;
  }
}
