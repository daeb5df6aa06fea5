/**
 * The output folder as a place on disk: the side folders synth works in while replacing it,
 * what an interrupted synth leaves there and how the next run recovers, and `--out` naming a file.
 *
 * Node has no atomic exchange of two folders, so replacing the output folder takes two renames
 * (old → `.NAME.previous-*`, staging → NAME). A process killed between them leaves no NAME, with
 * the old folder complete under its `.previous-*` name; a process killed while writing leaves a
 * `.staging-*` folder. The next run puts the old folder back and removes the rest, so at every
 * instant a complete output folder exists, under its name or under one the next run restores.
 */
import { existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { UsageError } from '../core/errors.js';

/** The two kinds of side folders, both hidden siblings of the output folder. */
export type SideFolderKind = 'staging' | 'previous';

/** A fresh side folder's path for this process: `.NAME.<kind>-<pid>-<time>` beside `target`. */
export function sideFolder(target: string, kind: SideFolderKind, unique = `${process.pid}-${Date.now().toString(36)}`): string {
  return join(dirname(target), `.${basename(target)}.${kind}-${unique}`);
}

interface Leftover {
  readonly name: string;
  readonly path: string;
  readonly kind: SideFolderKind;
  readonly pid: number;
  readonly time: number;
}

/** The side folders of `target` that processes no longer running left behind. */
function leftovers(target: string): Leftover[] {
  const parent = dirname(target);
  if (!existsSync(parent) || !statSync(parent).isDirectory()) return [];
  const pattern = new RegExp(`^\\.${escapeRegExp(basename(target))}\\.(staging|previous)-(\\d+)-([0-9a-z]+)$`);
  const found: Leftover[] = [];
  for (const name of readdirSync(parent)) {
    const m = pattern.exec(name);
    if (!m) continue;
    const pid = Number(m[2]);
    if (isProcessRunning(pid)) continue; // another synth at work right now (or this one): not ours to touch
    found.push({ name, path: join(parent, name), kind: m[1] as SideFolderKind, pid, time: parseInt(m[3]!, 36) });
  }
  return found;
}

/**
 * Recovers from a synth that was stopped while replacing `target`: when `target` is missing, the
 * newest old folder it had moved aside is put back; the other side folders of stopped runs are
 * removed. Returns one line per thing done, for the CLI to print (none when there was nothing).
 */
export function recoverOutputFolder(target: string, shown: string): string[] {
  const found = leftovers(target);
  const notes: string[] = [];
  if (!existsSync(target)) {
    const previous = found.filter((l) => l.kind === 'previous').sort((a, b) => b.time - a.time)[0];
    if (previous) {
      renameSync(previous.path, target);
      found.splice(found.indexOf(previous), 1);
      notes.push(`note: [${shown}] restored from ${previous.name}, where a synth that was stopped while replacing it had moved it.`);
    }
  }
  for (const l of found) rmSync(l.path, { recursive: true, force: true });
  if (found.length) {
    notes.push(`note: [${shown}] removed ${found.length} folder${found.length === 1 ? '' : 's'} a stopped synth left beside it (${found.map((l) => l.name).join(', ')}).`);
  }
  return notes;
}

/**
 * `--out` (or another flag naming a folder to write) that is a file, or lies under a file, is a
 * usage error (exit 2), found before the app runs.
 */
export function refuseFileAsFolder(flag: string, value: string, resolved: string): void {
  for (let p = resolved; ; p = dirname(p)) {
    if (existsSync(p)) {
      if (statSync(p).isDirectory()) return;
      const where = p === resolved ? `${resolved} is a file` : `${p} is a file, so ${resolved} cannot be a folder`;
      throw new UsageError(`${flag} ${value}: ${where}, not a folder. Name a folder for the output (e.g. ${flag} azcdk.out).`);
    }
    if (dirname(p) === p) return;
  }
}

/** Whether a process with this id is running (this process counts as running). */
export function isProcessRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** `text` as a regular expression that matches it literally. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
