/**
 * `azcdk synth`: run the app, write templates, parameter files and manifest atomically,
 * or with `--check DIR` verify that DIR holds exactly what synth would write.
 */
import type { Argv, CommandModule } from 'yargs';
import type { Annotation } from '../core/annotations.js';
import type { Assembly } from '../core/assembly.js';
import { existsSync, statSync } from 'node:fs';
import { AzcdkError, UsageError } from '../core/errors.js';
import { compareWithFolder, writeAssemblyAtomically } from '../synth/write-assembly.js';
import { selectStacks } from '../synth/select-stacks.js';
import { checkBicepFiles, findBicepForCheck } from './bicep-check.js';
import { recoverOutputFolder, refuseFileAsFolder } from '../synth/output-folder.js';
import { findAppSource, synthesizeApp, type AppSource } from './load-app.js';
import { suggestSynth } from './suggest.js';
import { displayPath, type CliIo } from './io.js';

/** Flags of `azcdk synth`. */
export interface SynthArgs {
  readonly app?: string;
  readonly out: string;
  readonly stack?: string[];
  readonly check?: string;
  readonly strict: boolean;
  readonly bicepCheck: boolean;
  readonly bicepPath?: string;
}

/** `--app` and `--strict`: every command that runs the app (list, graph and diff write nothing). */
export function withAppFlags<T>(y: Argv<T>) {
  return y
    .option('app', { type: 'string', describe: 'The app: a .ts/.js file, or a shell command (default: "app" in azcdk.json)' })
    .option('strict', { type: 'boolean', default: false, describe: 'Fail on warnings too' });
}

/** `--app`, `--strict` and `--out`: commands that write the synthesized output (synth, deploy). */
export function withAppOptions<T>(y: Argv<T>) {
  return withAppFlags(y).option('out', { type: 'string', default: 'azcdk.out', requiresArg: true, describe: 'Output folder' });
}

/** Runs the app and returns its assembly, printing annotations; fails on warnings with --strict. */
export async function synthesizeForCli(args: { app?: string; stack?: string[]; strict: boolean }, io: CliIo): Promise<Assembly> {
  return (await synthesizeWholeApp(args, io)).selected;
}

/**
 * Runs the app: the whole assembly (what the output folder always holds) and the stacks named in
 * `args.stack` (all when none are), whose annotations are printed and, with --strict, fail.
 */
export async function synthesizeWholeApp(args: { app?: string; stack?: string[]; strict: boolean }, io: CliIo): Promise<{ whole: Assembly; selected: Assembly; source: AppSource }> {
  const source = findAppSource(args.app, io.cwd);
  const whole = await synthesizeApp(source);
  const selected = selectStacks(whole, args.stack);
  printAnnotations(selected.annotations, io);
  const warnings = selected.annotations.filter((a) => a.level === 'warning');
  if (args.strict && warnings.length) {
    throw new AzcdkError(`--strict: ${warnings.length} warning${warnings.length === 1 ? '' : 's'} (above) fail synthesis. Fix them or drop --strict.`);
  }
  return { whole, selected, source };
}

/** The folder `--check` names; a file there is a usage error (exit 2), like an unknown flag. A missing folder is checked as empty. */
function checkFolder(check: string, io: CliIo): string {
  const dir = io.resolve(check);
  if (existsSync(dir) && !statSync(dir).isDirectory()) {
    throw new UsageError(`--check ${check}: ${dir} is a file, not a folder. Pass the folder synth wrote (e.g. --check templates/my-app).`);
  }
  return dir;
}

/**
 * Before the app runs: `--out` naming a file is a usage error (exit 2), and an output folder a
 * stopped synth left moved aside is put back (so a failing app leaves it as it was).
 */
export function prepareOutFolder(out: string, outdir: string, io: CliIo): void {
  refuseFileAsFolder('--out', out, outdir);
  for (const note of recoverOutputFolder(outdir, out)) io.err(note);
}

function printAnnotations(annotations: readonly Annotation[], io: CliIo): void {
  for (const a of annotations) io.err(`${a.level}: [${a.path}] ${a.message}`);
}

/** The command. */
export function synthCommand(io: CliIo): CommandModule<object, SynthArgs> {
  return {
    command: 'synth [stack..]',
    describe: 'Synthesize ARM templates, parameter files and manifest.json',
    // `--stack NAME` works too: yargs fills the positional from the option of the same name.
    builder: (y) =>
      withAppOptions(y)
        .positional('stack', { type: 'string', array: true, describe: 'Stacks to synthesize (default: all)' })
        .option('check', { type: 'string', describe: 'Do not write; fail if DIR differs from what synth would write' })
        .option('bicep-check', {
          type: 'boolean', default: false,
          describe: 'Compile the Bicep files with the Bicep CLI (AZCDK_BICEP, PATH or ~/.azure/bin) and print its findings by construct path',
        })
        .option('bicep-path', { type: 'string', requiresArg: true, describe: 'The bicep executable for --bicep-check' }) as unknown as Argv<SynthArgs>,
    // The output folder always holds the whole app (other stacks' files, and the manifest that lists
    // them as dependencies, stay true); naming stacks narrows what is printed and checked.
    handler: async (args) => {
      const checkDir = args.check === undefined ? undefined : checkFolder(args.check, io);
      // Found before the app runs: a missing compiler should not cost a synth.
      const bicep = args.bicepCheck ? findBicepForCheck(args.bicepPath, io) : undefined;
      const outdir = io.resolve(args.out);
      if (args.check === undefined) prepareOutFolder(args.out, outdir, io);
      const { whole, selected, source } = await synthesizeWholeApp(args, io);
      const others = whole.stackNames.filter((name) => !selected.stackNames.includes(name));
      if (args.check !== undefined) {
        const checked = new Set([...selected.files.keys()]);
        const differences = compareWithFolder(whole.files, checkDir!).filter((d) => d.kind === 'extra' || checked.has(d.file));
        if (differences.length) {
          for (const d of differences) io.err(`${d.kind}: ${d.file}${d.detail ? ` (${d.detail})` : ''}`);
          throw new AzcdkError(
            `[${args.check}] differs from what synth writes (${differences.length} file${differences.length === 1 ? '' : 's'}). ` +
              `Run '${suggestSynth(source, args.check, io.cwd)}' and commit the result.`,
          );
        }
        io.out(`${args.check} is up to date (${checked.size} files${others.length ? ` of ${selected.stackNames.join(', ')} and the manifest` : ''}).`);
        if (bicep) await checkBicepFiles(bicep, selected, whole, checkDir!, io, { strict: args.strict });
        return;
      }
      for (const note of writeAssemblyAtomically(whole, outdir)) io.err(note);
      const rest = others.length ? ` (with ${others.join(', ')}: the folder always holds the whole app)` : '';
      io.out(`Synthesized ${selected.stackNames.join(', ')} into ${displayPath(io.cwd, outdir)}/${rest}`);
      if (bicep) await checkBicepFiles(bicep, selected, whole, outdir, io, { strict: args.strict });
    },
  };
}
