/**
 * The CLI: yargs wiring, one command per file. Exit codes: 0 ok, 1 failure, 2 usage.
 * Commands that need heavy modules (the Azure SDK) import them inside their handlers, so
 * `azcdk synth` starts fast.
 */
import { createRequire } from 'node:module';
import type YargsFactory from 'yargs';
import { AzcdkError } from '../core/errors.js';
import { ExitCode, UsageError } from './errors.js';
import { processIo, type CliIo } from './io.js';
import { diffCommand } from './diff.js';
import { graphCommand } from './graph.js';
import { listCommand } from './list.js';
import { synthCommand } from './synth.js';
import { deployCommand } from './deploy.js';
import { initCommand } from './init.js';
import { VERSION } from './version.js';

/**
 * yargs' CommonJS build: its ES module build lays out help with cliui's stand-in for wrap-ansi,
 * which cuts lines every N characters ("wit h progress", "SV G"); the CommonJS build uses
 * wrap-ansi itself and wraps at word boundaries.
 */
const yargs = createRequire(import.meta.url)('yargs') as typeof YargsFactory;

/** Runs the CLI with the given arguments; resolves to the exit code. */
export async function runCli(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  const parser = yargs([...argv])
    .scriptName('azcdk')
    .usage('$0 <command> [options]')
    .command(initCommand(io))
    .command(synthCommand(io))
    .command(deployCommand(io))
    .command(listCommand(io))
    .command(graphCommand(io))
    .command(diffCommand(io))
    .demandCommand(1, 'Name a command, e.g. azcdk synth')
    .check(refuseEmptyValues)
    .strict()
    .version(VERSION)
    .help()
    .alias('h', 'help')
    .wrap(Math.min(100, process.stdout.columns ?? 100))
    .exitProcess(false)
    .fail((message, error) => {
      // Throwing stops yargs before any handler runs.
      // yargs reports some usage mistakes (a flag without its value) as a YError.
      if (error && error.name !== 'YError') throw error;
      throw new UsageError(`${message ?? error?.message}\nRun 'azcdk --help' for usage.`);
    });
  try {
    // With a callback, yargs hands the text of --help and --version here instead of printing it,
    // so it goes through io like every other output (and tests run it in-process).
    let shown = '';
    await parser.parseAsync([...argv], {}, (_error, _args, output) => {
      shown = output;
    });
    if (shown) io.out(shown);
    return ExitCode.ok;
  } catch (error) {
    if (UsageError.isUsageError(error)) {
      io.err(error.message);
      return ExitCode.usage;
    }
    if (AzcdkError.isAzcdkError(error)) {
      io.err(error.message);
      return ExitCode.failure;
    }
    io.err(`azcdk failed unexpectedly: ${error instanceof Error ? error.stack : String(error)}`);
    return ExitCode.failure;
  }
}

/**
 * `--app` with nothing after it (or `--app ''`) parses as an empty string, which no option of
 * ours accepts: say so instead of running with a path or command that is not there.
 */
function refuseEmptyValues(argv: Record<string, unknown>): true {
  const empty = Object.keys(argv).filter((key) => {
    const v = argv[key];
    const blank = (x: unknown) => typeof x === 'string' && x.trim() === '';
    return key !== '_' && key !== '$0' && (blank(v) || (Array.isArray(v) && v.some(blank)));
  });
  // yargs stores each option under its name, its camelCase form and its aliases: name the flag once.
  const shown = empty.filter((key) => !/[A-Z]/.test(key)).sort((a, b) => b.length - a.length)[0] ?? empty[0];
  if (shown !== undefined) throw new UsageError(`${shown.length === 1 ? '-' : '--'}${shown} needs a value.\nRun 'azcdk --help' for usage.`);
  return true;
}
