/**
 * Writing an assembly to disk atomically, and comparing one with a folder (`synth --check`).
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import type { Assembly } from '../core/assembly.js';
import { AzcdkError } from '../core/errors.js';
import { MANIFEST_FILE } from './manifest.js';
import { recoverOutputFolder, sideFolder } from './output-folder.js';

/**
 * Writes every file into a fresh sibling folder, then swaps it in place of `outdir`, so readers
 * see either the old folder or the complete new one, and a failure leaves the old one as it was.
 * First recovers from an earlier synth that was stopped while replacing it (see output-folder.ts);
 * returns the notes that recovery made, for the caller to show.
 */
export function writeAssemblyAtomically(assembly: Assembly, outdir: string): string[] {
  const target = resolve(outdir);
  const notes = recoverOutputFolder(target, outdir);
  checkReplaceable(target, outdir);
  const parent = dirname(target);
  try {
    mkdirSync(parent, { recursive: true });
  } catch (error) {
    throw new AzcdkError(`[${outdir}] cannot create the output folder's parent: ${(error as Error).message}. Choose another --out.`);
  }
  const staging = sideFolder(target, 'staging');
  const previous = sideFolder(target, 'previous');
  try {
    try {
      mkdirSync(staging);
      for (const [name, content] of assembly.files) writeFileSync(join(staging, name), content);
      carryOverDotfiles(target, staging);
    } catch (error) {
      throw new AzcdkError(`[${outdir}] cannot write the output: ${(error as Error).message}. Choose another --out.`);
    }
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
  return notes;
}

/**
 * The output folder is replaced as a whole, so it must hold only what an earlier synth wrote
 * (the files its manifest lists, plus dotfiles, which are carried over): never a file, the
 * working directory or one of its parents, or a folder with files of the user's.
 */
function checkReplaceable(target: string, outdir: string): void {
  if (!existsSync(target)) return;
  const cwd = process.cwd();
  if (cwd === target || cwd.startsWith(target + sep)) {
    throw new AzcdkError(`[${outdir}] is the current folder or one of its parents: synth replaces its output folder as a whole. Use a folder of its own, e.g. --out azcdk.out.`);
  }
  if (!statSync(target).isDirectory()) {
    throw new AzcdkError(`[${outdir}] is a file, not a folder: choose another --out.`);
  }
  const entries = readdirSync(target).filter((name) => !name.startsWith('.')).sort();
  if (entries.length === 0) return;
  const written = filesListedIn(join(target, MANIFEST_FILE));
  const foreign = entries.filter((name) => !written.has(name));
  if (foreign.length) {
    const what = written.size
      ? `files synth did not write`
      : existsSync(join(target, MANIFEST_FILE))
        ? `a ${MANIFEST_FILE} that is not an azcdk manifest (not valid JSON, or no stacks), so it is not known as an azcdk output folder`
        : `no ${MANIFEST_FILE}, so it is not an azcdk output folder`;
    throw new AzcdkError(
      `[${outdir}] holds ${what} (${foreign.slice(0, 5).join(', ')}${foreign.length > 5 ? ', ...' : ''}); synth replaces its output folder as a whole and would delete them. ` +
        `Move them elsewhere, or choose an empty or new folder.`,
    );
  }
}

/** Dotfiles in the old folder (.gitkeep, .gitattributes) are the user's: keep them. */
function carryOverDotfiles(from: string, to: string): void {
  if (!existsSync(from)) return;
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    if (entry.name.startsWith('.') && entry.isFile()) copyFileSync(join(from, entry.name), join(to, entry.name));
  }
}

/** The files a previous synth wrote into a folder, from its manifest (empty if there is none). */
function filesListedIn(manifestPath: string): Set<string> {
  try {
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { stacks?: Record<string, Record<string, unknown>> };
    const files = new Set<string>([MANIFEST_FILE]);
    for (const stack of Object.values(manifest.stacks ?? {})) {
      for (const key of ['template', 'parametersFile', 'bicep']) if (typeof stack[key] === 'string') files.add(stack[key] as string);
    }
    return files;
  } catch {
    return new Set();
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
  /** The file's name in the assembly / folder. */
  readonly file: string;
  /** missing: in the assembly, not in the folder; extra: the reverse; changed: contents differ. */
  readonly kind: 'missing' | 'extra' | 'changed';
  /**
   * For changed files: the first differing line, 1-based, with both versions.
   * @default absent for missing and extra files
   */
  readonly detail?: string;
}

/**
 * Compares the assembly with the files in `dir` (only top-level files; dotfiles ignored).
 * A missing `dir` is an empty folder (every file is missing); a `dir` that is a file is an error.
 */
export function compareWithFolder(files: ReadonlyMap<string, string>, dir: string): FileDifference[] {
  if (existsSync(dir) && !statSync(dir).isDirectory()) throw new AzcdkError(`[${dir}] is a file, not a folder: compare with the folder the assembly was written to.`);
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
