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

  /**
   * Adds values to hide, with the forms Azure and templates derive from them (derivedForms, for
   * values of MIN_DERIVED_LENGTH or more); values shorter than MIN_REDACTABLE_LENGTH are ignored; longer ones are replaced first.
   */
  add(values: Iterable<string>): void {
    for (const v of values) {
      if (v.length < MIN_REDACTABLE_LENGTH) continue;
      for (const form of [v, ...(v.length >= MIN_DERIVED_LENGTH ? derivedForms(v) : [])]) if (!this.secrets.includes(form)) this.secrets.push(form);
    }
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

/**
 * Secrets this long or longer are also replaced in their derived forms (Azure's password rules ask
 * for 8 or more characters): the lower-case form of a shorter one could be an ordinary word.
 */
export const MIN_DERIVED_LENGTH = 8;

/** Shortest piece of a secret's base64 inside a longer base64 text that is still replaced. */
const MIN_BASE64_CORE = 8;

/**
 * What a template or a provider may turn a secret into before Azure quotes it back in an error or
 * a what-if: lower and upper case (toLower/toUpper, case-insensitive services), base64 (base64(),
 * customData, basic auth headers; standard and URL-safe alphabets, with and without padding) and
 * URL encoding (uriComponent(), connection strings). Base64 is also matched when the secret sits
 * at any byte offset inside a longer encoded text (`base64('user:' + password)`): the part of the
 * encoding that only the secret's bytes decide, if it is at least MIN_BASE64_CORE characters.
 */
export function derivedForms(secret: string): string[] {
  const bytes = Buffer.from(secret, 'utf8');
  const forms = new Set([secret.toLowerCase(), secret.toUpperCase(), encodeURIComponent(secret)]);
  const urlSafe = (b64: string) => b64.replace(/\+/g, '-').replace(/\//g, '_');
  const whole = bytes.toString('base64');
  for (const form of [whole, whole.replace(/=+$/, '')]) forms.add(form).add(urlSafe(form));
  for (let offset = 0; offset < 3; offset++) {
    const encoded = Buffer.concat([Buffer.alloc(offset), bytes]).toString('base64');
    // Characters decided by the padding bytes before, or by whatever follows the secret, are cut.
    const core = encoded.slice(offset === 0 ? 0 : 4, Math.floor((offset + bytes.length) / 3) * 4);
    if (core.length >= MIN_BASE64_CORE) forms.add(core).add(urlSafe(core));
  }
  forms.delete(secret);
  return [...forms].filter((f) => f.length >= MIN_REDACTABLE_LENGTH);
}
