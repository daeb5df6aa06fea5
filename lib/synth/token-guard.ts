/**
 * The last check before an assembly exists: no raw token (`${AzCdk.Token[n]}`) may reach any file.
 * Every field that takes expressions resolves them, and every literal-only field refuses them; this
 * catches what both missed, naming the file and where in it.
 *
 * JSON files are checked as objects, before they become text: `JSON.stringify` returns a rope that
 * any search flattens into a copy (megabytes for large templates, while the rest of synthesis is
 * still alive); the write flattens it later anyway, when little else is.
 */
import type { Problem } from '../core/errors.js';
import { Tokens } from '../core/tokens.js';
import { jsonPathTo } from './json.js';

/** Adds a problem if the value of JSON file `name` holds a raw token (naming its JSON path). */
export function checkJsonHasNoRawTokens(name: string, value: unknown, problems: Problem[]): void {
  const path = jsonPathTo(value, Tokens.containsToken, (key) => `<key ${JSON.stringify(key)}>`);
  if (path !== undefined) problems.push(leak(name, path.replace(/^\./, '') || '<root>'));
}

/** Adds a problem if text file `name` (Bicep) holds a raw token (naming its line). */
export function checkTextHasNoRawTokens(name: string, text: string, problems: Problem[]): void {
  const at = Tokens.indexOfToken(text);
  if (at >= 0) problems.push(leak(name, `line ${text.slice(0, at).split('\n').length}`));
}

function leak(name: string, where: string): Problem {
  return {
    path: name,
    message:
      `would hold an unresolved token at ${where}: an expression was given to a field that takes only literal values. ` +
      `Pass the value itself there (if the field should take expressions, this is a bug in azcdk: please report it).`,
  };
}
