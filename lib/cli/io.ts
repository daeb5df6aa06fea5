/**
 * What a command may touch of the outside world: working directory, stdout/stderr, TTY state.
 * Tests pass their own to capture output.
 */
import { isAbsolute, relative, resolve } from 'node:path';
import type { CliIo } from '../common/console-io.js';

export type { CliIo } from '../common/console-io.js';

/** The real process's io. */
export function processIo(): CliIo {
  const cwd = process.cwd();
  return {
    cwd,
    out: (line) => process.stdout.write(line + '\n'),
    err: (line) => process.stderr.write(line + '\n'),
    resolve: (p) => resolve(cwd, p),
    interactive: Boolean(process.stdin.isTTY && process.stdout.isTTY),
    stdoutIsTerminal: Boolean(process.stdout.isTTY),
  };
}

/**
 * Whether to colour stdout: `--color` / `--no-color` when given; otherwise only when stdout is a
 * terminal and NO_COLOR is unset or empty (https://no-color.org). `azcdk diff < /dev/null` on a
 * terminal is coloured; `azcdk diff | less` is not.
 */
export function useColour(flag: boolean | undefined, io: CliIo): boolean {
  if (flag !== undefined) return flag;
  const env = io.env ?? process.env;
  return io.stdoutIsTerminal && !env.NO_COLOR;
}

/** A path as the user would write it: relative when inside `cwd`, absolute otherwise. */
export function displayPath(cwd: string, path: string): string {
  const rel = relative(cwd, path);
  if (rel === '') return '.';
  return rel.startsWith('..') || isAbsolute(rel) ? path : rel;
}
