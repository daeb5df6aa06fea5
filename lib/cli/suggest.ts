/**
 * Commands that messages suggest: written so that running them as printed does what the message
 * says (the same app, the same folder), never the default app of azcdk.json by accident.
 */
import { relative } from 'node:path';
import type { AppSource } from './load-app.js';

/** `azcdk synth [--app APP] --out DIR`, with `--app` when the app was not taken from azcdk.json. */
export function suggestSynth(source: AppSource, out: string, cwd: string): string {
  const app = source.origin !== '--app' ? undefined : source.kind === 'file' ? relative(cwd, source.value) || source.value : source.value;
  return ['azcdk synth', ...(app === undefined ? [] : ['--app', shellWord(app)]), '--out', shellWord(out)].join(' ');
}

/** A word as a POSIX shell reads it: as it is when it is safe, else in single quotes. */
function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}
