/**
 * `azcdk deploy`: deploy synthesized stacks to a resource group with the Azure SDK. The SDK is
 * imported inside the handler so other commands never load it.
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Argv, CommandModule } from 'yargs';
import { AzcdkError } from '../core/errors.js';
import { chooseAuthentication } from '../deploy/credentials.js';
import type { DeployOptions, InterruptAction } from '../deploy/deployer.js';
import { parseParameterArgs } from '../deploy/parameters.js';
import type { DeployIo } from '../deploy/prompt.js';
import { processInterrupts, terminalPrompter } from './terminal.js';
import { Redactor } from '../deploy/redact.js';
import { readStacks, selectStacks } from '../deploy/stacks.js';
import { readAssemblyFiles, writeAssemblyAtomically } from '../synth/write-assembly.js';
import { MANIFEST_FILE } from '../synth/synthesize.js';
import { UsageError } from './errors.js';
import { displayPath, type CliIo } from './io.js';
import { PROJECT_FILE } from './load-app.js';
import { prepareOutFolder, synthesizeForCli, withAppOptions } from './synth.js';

/** Flags of `azcdk deploy`. */
export interface DeployArgs {
  readonly stacks?: string[];
  readonly all: boolean;
  readonly 'resource-group': string;
  readonly subscription?: string;
  readonly location?: string;
  readonly parameters?: string[];
  readonly mode: 'Incremental' | 'Complete';
  readonly 'validate-only': boolean;
  readonly 'what-if': boolean;
  readonly 'what-if-json'?: string;
  readonly yes: boolean;
  readonly wait: boolean;
  readonly 'deployment-name'?: string;
  readonly attach?: string;
  readonly 'outputs-file'?: string;
  readonly endpoint?: string;
  readonly 'on-interrupt': InterruptAction;
  readonly 'poll-interval': number;
  readonly from?: string;
  readonly app?: string;
  readonly out: string;
  readonly strict: boolean;
}

/** Flags that take one value: repeating one is a mistake, not a list (yargs would make it one). */
const SINGLE_VALUE_FLAGS = [
  'all', 'resource-group', 'subscription', 'location', 'mode', 'validate-only', 'what-if', 'what-if-json', 'yes', 'wait',
  'deployment-name', 'attach', 'outputs-file', 'endpoint', 'on-interrupt', 'poll-interval', 'from', 'app', 'out', 'strict',
] as const;

/** The command. `io` may be a DeployIo (prompter, interrupts, env) in tests. */
export function deployCommand(io: CliIo): CommandModule<object, DeployArgs> {
  return {
    command: 'deploy [stacks..]',
    describe: 'Deploy stacks to a resource group: validate, what-if, confirm, deploy with progress, outputs',
    builder: (y) =>
      withAppOptions(y)
        .positional('stacks', { type: 'string', array: true, describe: 'Stacks to deploy (default: the only stack)' })
        .option('all', { type: 'boolean', default: false, describe: 'Deploy every stack, in dependency order' })
        .option('resource-group', { alias: 'g', type: 'string', demandOption: true, describe: 'Target resource group' })
        .option('subscription', { type: 'string', describe: 'Subscription id (default: $AZURE_SUBSCRIPTION_ID)' })
        .option('location', { alias: 'l', type: 'string', describe: 'Create the resource group in this location if it does not exist' })
        .option('parameters', { alias: 'p', type: 'string', array: true, describe: 'NAME=VALUE, NAME=@FILE, NAME=@env:VAR or @params.json (deploymentParameters format); later ones win' })
        .option('mode', { type: 'string', choices: ['Incremental', 'Complete'], default: 'Incremental', describe: 'Complete deletes resources in the group that the template does not declare (asks first)' })
        .option('validate-only', { type: 'boolean', default: false, describe: 'Validate, then stop' })
        .option('what-if', { type: 'boolean', default: false, describe: 'Validate and show what would change, then stop' })
        .option('what-if-json', { type: 'string', describe: 'Also write the what-if result as JSON to FILE (for PR comments, job summaries); without --what-if, azcdk then confirms and deploys as usual' })
        .option('yes', { alias: 'y', type: 'boolean', default: false, describe: 'Deploy without asking for confirmation (required when stdin is not a terminal)' })
        .option('wait', { type: 'boolean', default: true, describe: 'Wait for the deployment; --no-wait submits it and prints how to follow it' })
        .option('deployment-name', { alias: 'n', type: 'string', describe: 'Deployment name (default: <stack>-<UTC time>-<random>, unique per run)' })
        .option('attach', { type: 'string', describe: 'Follow deployment NAME sent earlier (e.g. with --no-wait) instead of deploying: progress, result, outputs, --outputs-file' })
        .option('outputs-file', { type: 'string', describe: 'Write outputs as JSON {stack: {output: value}} to FILE' })
        .option('endpoint', { type: 'string', describe: 'ARM endpoint (other clouds, or a local ARM-compatible endpoint with $AZCDK_TOKEN)' })
        .option('on-interrupt', { type: 'string', choices: ['ask', 'cancel', 'leave'], default: 'ask', describe: 'On Ctrl-C once the deployment is sent: ask (on a terminal; otherwise leave), cancel the deployment, or leave it running' })
        .option('poll-interval', { type: 'number', default: 5, describe: "Least seconds between status and progress polls (Azure's Retry-After wins when longer)" })
        .option('from', { type: 'string', describe: 'Deploy this synth output folder as it is, without running the app' })
        .check((a) => {
          for (const flag of SINGLE_VALUE_FLAGS) {
            if (Array.isArray(a[flag])) throw new UsageError(`--${flag} was given ${(a[flag] as unknown[]).length} times; it takes one value. Pass it once.`);
          }
          if (!(Number(a['poll-interval']) > 0)) throw new UsageError('--poll-interval must be a positive number of seconds.');
          if (a['validate-only'] && a['what-if']) throw new UsageError('--validate-only stops before what-if; pass one of --validate-only and --what-if.');
          if (!a.wait && a['outputs-file'] !== undefined) {
            throw new UsageError(`--no-wait returns before the deployment has outputs, so --outputs-file would write nothing. Drop --no-wait, or follow the deployment later with 'azcdk deploy STACK -g ${a['resource-group']} --attach NAME --outputs-file ${a['outputs-file']}'.`);
          }
          if (a.attach !== undefined) {
            const clash = (['validate-only', 'what-if', 'what-if-json', 'deployment-name'] as const).find((f) => a[f] !== undefined && a[f] !== false) ?? (!a.wait ? 'no-wait' : undefined);
            if (clash) throw new UsageError(`--attach follows a deployment that was already sent, so --${clash} does not apply to it; pass one of --attach and --${clash}.`);
          }
          if (a['validate-only'] && a['what-if-json'] !== undefined) throw new UsageError('--validate-only stops before what-if, so --what-if-json would write nothing; pass one of them (--what-if --what-if-json FILE stops after writing the what-if).');
          return true;
        }) as unknown as Argv<DeployArgs>,
    handler: async (args) => {
      const deployIo = io as DeployIo;
      const redactor = new Redactor();
      try {
        await runDeploy(args, deployIo, redactor);
      } catch (error) {
        // Messages may quote what ARM echoed back; never let a secure value through.
        if (AzcdkError.isAzcdkError(error)) {
          const message = redactor.redact(error.message);
          throw UsageError.isUsageError(error) ? new UsageError(message) : new AzcdkError(message);
        }
        throw new AzcdkError(redactor.redact(`azcdk deploy failed unexpectedly: ${error instanceof Error ? error.stack : String(error)}`));
      }
    },
  };
}

async function runDeploy(args: DeployArgs, io: DeployIo, redactor: Redactor): Promise<void> {
  const env = io.env ?? process.env;
  const subscriptionId = args.subscription ?? env.AZURE_SUBSCRIPTION_ID;
  if (!subscriptionId) throw new UsageError('No subscription: pass --subscription ID or set AZURE_SUBSCRIPTION_ID (az account show --query id -o tsv).');
  const authentication = chooseAuthentication(args.endpoint, env);
  const parameters = parseParameterArgs(args.parameters ?? [], { resolve: (p) => io.resolve(p), env });

  const safe: CliIo = { cwd: io.cwd, interactive: io.interactive, stdoutIsTerminal: io.stdoutIsTerminal, resolve: (p) => io.resolve(p), out: (l) => io.out(redactor.redact(l)), err: (l) => io.err(redactor.redact(l)) };
  const stacks = selectStacks(await loadStacks(args, safe), args.stacks ?? [], args.all);

  const { createArmResourcesClient } = await import('../deploy/arm-resources-client.js');
  const { deployStacks } = await import('../deploy/deployer.js');
  const client = await createArmResourcesClient({
    subscriptionId,
    authentication,
    pollIntervalMs: args['poll-interval'] * 1000,
    ...(args.endpoint ? { endpoint: args.endpoint } : {}),
    onRetry: (message) => safe.err(`note: ${message}`),
    ...(io.sleep ? { sleep: (ms: number) => io.sleep!(ms) } : {}),
    ...(io.clock ? { clock: io.clock } : {}),
  });
  const options: DeployOptions = {
    resourceGroup: args['resource-group'],
    ...(args.location ? { location: args.location } : {}),
    mode: args.mode,
    parameters,
    validateOnly: args['validate-only'],
    whatIfOnly: args['what-if'],
    ...(args['what-if-json'] ? { whatIfJson: io.resolve(args['what-if-json']) } : {}),
    yes: args.yes,
    noWait: !args.wait,
    ...(args['deployment-name'] !== undefined ? { deploymentName: args['deployment-name'] } : {}),
    ...(args.attach !== undefined ? { attach: args.attach } : {}),
    ...(args['outputs-file'] ? { outputsFile: io.resolve(args['outputs-file']) } : {}),
    onInterrupt: args['on-interrupt'],
    progressIntervalMs: args['poll-interval'] * 1000,
    subscriptionId,
  };
  // Questions need only stdin to be a terminal (they are written to stderr); the live view needs
  // a terminal on both ends (io.interactive). Tests say so through DeployIo.canPrompt.
  const canPrompt = io.prompter ? (io.canPrompt ?? io.interactive) : Boolean(process.stdin.isTTY);
  await deployStacks(stacks, options, {
    client,
    io: safe,
    redactor,
    canPrompt,
    ...(io.prompter ? { prompter: io.prompter } : canPrompt ? { prompter: terminalPrompter() } : {}),
    interrupts: io.interrupts ?? processInterrupts(),
  });
}

/** The synthesized stacks: from --from DIR, else by running the app (written to --out like synth). */
async function loadStacks(args: DeployArgs, io: CliIo) {
  if (args.from !== undefined) {
    const dir = io.resolve(args.from);
    if (!existsSync(dir)) throw new UsageError(`--from ${args.from}: ${dir} does not exist. Point it at an 'azcdk synth' output folder (azcdk.out by default), or run 'azcdk synth' first.`);
    if (!statSync(dir).isDirectory()) throw new UsageError(`--from ${args.from}: ${dir} is a file, not a folder. Point it at an 'azcdk synth' output folder (the folder that holds ${MANIFEST_FILE}).`);
    if (!existsSync(join(dir, MANIFEST_FILE))) throw new UsageError(`--from ${args.from}: ${dir} has no ${MANIFEST_FILE}. Point it at an 'azcdk synth' output folder.`);
    return readStacks(readAssemblyFiles(dir), args.from);
  }
  const existing = io.resolve(args.out);
  if (args.app === undefined && !existsSync(io.resolve(PROJECT_FILE)) && existsSync(join(existing, MANIFEST_FILE))) {
    io.err(`note: no app to synthesize (no --app, no ${PROJECT_FILE}); deploying the existing ${args.out}/.`);
    return readStacks(readAssemblyFiles(existing), args.out);
  }
  const outdir = io.resolve(args.out);
  prepareOutFolder(args.out, outdir, io);
  const assembly = await synthesizeForCli({ ...(args.app !== undefined ? { app: args.app } : {}), strict: args.strict }, io);
  for (const note of writeAssemblyAtomically(assembly, outdir)) io.err(note);
  io.out(`Synthesized ${assembly.stackNames.join(', ')} into ${displayPath(io.cwd, outdir)}/`);
  return readStacks(assembly.files, displayPath(io.cwd, outdir));
}

