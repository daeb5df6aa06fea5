/**
 * Keeps secure parameter values out of everything azcdk prints or writes, including messages
 * that come back from Azure (some ARM errors quote the value they reject).
 */

/** Replaces known secret values with `***`. */
export class Redactor {
  private readonly secrets: string[] = [];

  /** Adds values to hide (empty strings are ignored; longer ones are replaced first). */
  add(values: Iterable<string>): void {
    for (const v of values) if (v && !this.secrets.includes(v)) this.secrets.push(v);
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
}
