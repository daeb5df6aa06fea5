/**
 * `azcdk list [STACK..] [--long]`: the app's stacks with scope and counts; `--long` adds each
 * resource with type, name, construct path and dependencies.
 */
import type { Argv, CommandModule } from 'yargs';
import type { CliIo } from './io.js';
import { synthesizeForCli, withAppFlags } from './synth.js';

/** Flags of `azcdk list`. */
export interface ListArgs {
  readonly app?: string;
  readonly strict: boolean;
  readonly stack?: string[];
  readonly long: boolean;
}

/** The command. */
export function listCommand(io: CliIo): CommandModule<object, ListArgs> {
  return {
    command: 'list [stack..]',
    aliases: ['ls'],
    describe: 'List stacks with scope and resource counts (--long: every resource)',
    builder: (y) =>
      withAppFlags(y)
        .positional('stack', { type: 'string', array: true, describe: 'Stacks to list (default: all)' })
        .option('long', { alias: 'l', type: 'boolean', default: false, describe: 'Each resource: type, name, construct path, dependencies' }) as unknown as Argv<ListArgs>,
    handler: async (args) => {
      const { assemblyManifest, selectStacks } = await import('../review/assembly.js');
      const { listStacks } = await import('../review/list.js');
      const assembly = await synthesizeForCli({ app: args.app, strict: args.strict }, io);
      const manifest = assemblyManifest(assembly);
      const stacks = selectStacks(Object.keys(manifest.stacks).sort(), args.stack);
      for (const line of listStacks(manifest, stacks, args.long)) io.out(line);
    },
  };
}
