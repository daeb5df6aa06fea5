/**
 * `azcdk diff [STACK..] [--against DIR] [--json] [--fail]`: offline review of what synth
 * produces now against the committed templates and parameters files, resource by resource.
 *
 * The committed templates are found, in order: `--against DIR`; `"templates"` in azcdk.json;
 * `templates/<app>/` where <app> is the app's folder name (`examples/hello/app.ts` -> `hello`),
 * the layout of this repository; `templates/` itself if it holds templates.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import type { Argv, CommandModule } from 'yargs';
import { AzcdkError, UsageError } from '../core/errors.js';
import { displayPath, useColour, type CliIo } from './io.js';
import { findAppSource, PROJECT_FILE, type AppSource } from './load-app.js';
import { synthesizeForCli, withAppFlags } from './synth.js';
import { suggestSynth } from './suggest.js';

/** Flags of `azcdk diff`. */
export interface DiffArgs {
  readonly app?: string;
  readonly strict: boolean;
  readonly stack?: string[];
  readonly against?: string;
  readonly json: boolean;
  readonly fail: boolean;
  readonly color?: boolean;
}

/** The command. */
export function diffCommand(io: CliIo): CommandModule<object, DiffArgs> {
  return {
    command: 'diff [stack..]',
    describe: 'Compare what synth produces now with the committed templates and parameter values (added, removed, changed, replaced resources)',
    builder: (y) =>
      withAppFlags(y)
        .positional('stack', { type: 'string', array: true, describe: 'Stacks to compare (default: all)' })
        .option('against', { type: 'string', describe: 'Folder of committed templates (default: "templates" in azcdk.json, else templates/<app>/, else templates/)' })
        .option('json', { type: 'boolean', default: false, describe: 'Print the differences as JSON, for tools' })
        .option('fail', { type: 'boolean', default: false, describe: 'Exit 1 if there are differences (like git diff --exit-code)' })
        .option('color', { type: 'boolean', describe: 'Colour the output (default: when stdout is a terminal, unless NO_COLOR is set)' }) as unknown as Argv<DiffArgs>,
    handler: async (args) => {
      const source = findAppSource(args.app, io.cwd);
      const baseline = findBaseline(args.against, source, io);
      const { readJsonFiles, manifestOf, assemblyManifest, selectStacks, stackNamesOf } = await import('../review/assembly.js');
      const { diffAssemblies } = await import('../review/diff.js');
      const { formatDiff, COLOURS, PLAIN } = await import('../review/diff-format.js');
      const assembly = await synthesizeForCli({ app: args.app, strict: args.strict }, io);
      const where = displayPath(io.cwd, baseline);
      const committed = readJsonFiles(baseline);
      const before = { files: committed, manifest: manifestOf(committed, where), where };
      const after = { files: assembly.files, manifest: assemblyManifest(assembly), where: 'synth' };
      const all = [...new Set([...stackNamesOf(before.files, before.manifest), ...assembly.stackNames])].sort();
      const diff = diffAssemblies(before, after, selectStacks(all, args.stack));
      if (args.json) {
        io.out(JSON.stringify({ against: where, ...diff }, null, 2));
      } else {
        const colour = useColour(args.color, io);
        io.out(`Comparing synth with ${where}/`);
        for (const line of formatDiff(diff, colour ? COLOURS : PLAIN)) io.out(line);
      }
      if (args.fail && diff.differences > 0) {
        throw new AzcdkError(`azcdk diff --fail: ${diff.differences} difference${diff.differences === 1 ? '' : 's'} with ${where}/.`);
      }
    },
  };
}

/** The folder of committed templates to compare with (see the file comment for the order). */
export function findBaseline(against: string | undefined, source: AppSource, io: CliIo): string {
  if (against !== undefined) {
    const dir = io.resolve(against);
    // A wrong flag value: a usage error (exit 2), like an unknown flag.
    if (!existsSync(dir)) throw new UsageError(`--against ${against}: no such folder (${dir}). Write it with '${suggestSynth(source, against, io.cwd)}', or pass the folder of the committed templates.`);
    if (!statSync(dir).isDirectory()) throw new UsageError(`--against ${against}: ${dir} is a file, not a folder. Pass the folder that holds the committed templates.`);
    return dir;
  }
  const projectFile = join(io.cwd, PROJECT_FILE);
  const configured = existsSync(projectFile) ? (JSON.parse(readFileSync(projectFile, 'utf8')) as { templates?: unknown }).templates : undefined;
  if (typeof configured === 'string') {
    const dir = resolve(io.cwd, configured);
    if (!existsSync(dir)) throw new AzcdkError(`[${projectFile}] "templates": "${configured}" does not exist. Write it with '${suggestSynth(source, configured, io.cwd)}'.`);
    return dir;
  }
  const tried: string[] = [];
  if (source.kind === 'file') {
    const stem = basename(source.value, extname(source.value));
    const name = ['app', 'main', 'index'].includes(stem) ? basename(dirname(source.value)) : stem;
    const dir = join(io.cwd, 'templates', name);
    tried.push(relative(io.cwd, dir));
    if (hasTemplates(dir)) return dir;
  }
  const root = join(io.cwd, 'templates');
  tried.push('templates');
  if (hasTemplates(root)) return root;
  throw new AzcdkError(
    `No committed templates to compare with: looked in ${tried.map((t) => `${t}/`).join(' and ')}. ` +
      `Run '${suggestSynth(source, tried[0], io.cwd)}' and commit the result, or pass --against DIR.`,
  );
}

function hasTemplates(dir: string): boolean {
  return existsSync(dir) && statSync(dir).isDirectory() && readdirSync(dir).some((f) => f.endsWith('.json'));
}
