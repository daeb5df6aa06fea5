/**
 * Writing an assembly to disk atomically, and comparing one with a folder (`synth --check`).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Assembly } from '../core/assembly.js';

/**
 * Writes every file into a fresh sibling folder, then swaps it in place of `outdir`, so readers
 * see either the old folder or the complete new one, and a failure leaves the old one as it was.
 */
export function writeAssemblyAtomically(assembly: Assembly, outdir: string): void {
  const target = resolve(outdir);
  const parent = dirname(target);
  mkdirSync(parent, { recursive: true });
  const unique = `${process.pid}-${Date.now().toString(36)}`;
  const staging = join(parent, `.${basename(target)}.staging-${unique}`);
  const previous = join(parent, `.${basename(target)}.previous-${unique}`);
  try {
    mkdirSync(staging);
    for (const [name, content] of assembly.files) writeFileSync(join(staging, name), content);
    const hadPrevious = existsSync(target);
    if (hadPrevious) renameSync(target, previous);
    try {
      renameSync(staging, target);
    } catch (error) {
      if (hadPrevious) renameSync(previous, target);
      throw error;
    }
    if (hadPrevious) rmSync(previous, { recursive: true, force: true });
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

/** Reads an assembly's files back from a folder (used for shell-command apps). */
export function readAssemblyFiles(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const name of readdirSync(dir).sort()) files.set(name, readFileSync(join(dir, name), 'utf8'));
  return files;
}

/** One difference between an assembly and a folder. */
export interface FileDifference {
  readonly file: string;
  readonly kind: 'missing' | 'extra' | 'changed';
  /** For changed files: the first differing line, 1-based, with both versions. */
  readonly detail?: string;
}

/** Compares the assembly with the files in `dir` (only top-level files; dotfiles ignored). */
export function compareWithFolder(files: ReadonlyMap<string, string>, dir: string): FileDifference[] {
  const differences: FileDifference[] = [];
  const onDisk = existsSync(dir) ? readdirSync(dir, { withFileTypes: true }).filter((e) => e.isFile() && !e.name.startsWith('.')).map((e) => e.name) : [];
  for (const [name, content] of files) {
    if (!onDisk.includes(name)) {
      differences.push({ file: name, kind: 'missing' });
      continue;
    }
    const existing = readFileSync(join(dir, name), 'utf8');
    if (existing !== content) differences.push({ file: name, kind: 'changed', detail: firstDifference(existing, content) });
  }
  for (const name of onDisk.sort()) if (!files.has(name)) differences.push({ file: name, kind: 'extra' });
  return differences;
}

function firstDifference(before: string, after: string): string {
  const a = before.split('\n');
  const b = after.split('\n');
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] !== b[i]) return `line ${i + 1}: committed ${JSON.stringify(a[i] ?? '<end of file>')}, synth ${JSON.stringify(b[i] ?? '<end of file>')}`;
  }
  return 'line endings differ';
}
