/**
 * The last check before an assembly exists: no raw token (`${AzCdk.Token[n]}`) may reach any file.
 * Every field that takes expressions resolves them, and every literal-only field refuses them; this
 * catches what both missed, naming the file and where in it.
 */
import type { Problem } from '../core/errors.js';
import { Tokens } from '../core/tokens.js';

/** Adds a problem for every file that holds a raw token. */
export function checkNoRawTokens(files: ReadonlyMap<string, string>, problems: Problem[]): void {
  for (const [name, text] of files) {
    if (!Tokens.containsToken(text)) continue; // one scan per file: the usual case
    problems.push({
      path: name,
      message:
        `would hold an unresolved token at ${whereIn(name, text)}: an expression was given to a field that takes only literal values. ` +
        `Pass the value itself there (if the field should take expressions, this is a bug in azcdk: please report it).`,
    });
  }
}

/** The JSON path (`parameters.o.value.<key>`) or the Bicep line of the first token. */
function whereIn(name: string, text: string): string {
  if (name.endsWith('.json')) {
    const path = firstTokenPath(JSON.parse(text), '');
    if (path !== undefined) return path || '<root>';
  }
  const line = text.slice(0, text.indexOf('${AzCdk.Token[')).split('\n').length;
  return `line ${line}`;
}

function firstTokenPath(value: unknown, path: string): string | undefined {
  if (typeof value === 'string') return Tokens.containsToken(value) ? path : undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = firstTokenPath(value[i], `${path}[${i}]`);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (typeof value === 'object' && value !== null) {
    for (const [key, v] of Object.entries(value)) {
      const at = path ? `${path}.${key}` : key;
      if (Tokens.containsToken(key)) return `${path ? `${path}.` : ''}<key ${JSON.stringify(key)}>`;
      const found = firstTokenPath(v, at);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}
