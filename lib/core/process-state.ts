/**
 * Everything azcdk keeps outside the construct tree, in one place. Each piece says why it cannot
 * live in the tree:
 *
 * - **The token table.** `${resource.id}` in a template literal calls `Expression.toString()`,
 *   which has no construct to keep the expression on: the string carries a number, and this table
 *   maps it back at synth. Entries are never removed, as in AWS CDK's token map: a string holding
 *   a token may be kept anywhere (a constant of a helper module that two apps share), and removing
 *   its entry would make it fail later as an unknown token. It grows with the expressions turned
 *   into strings, not with the resources synthesized.
 * - **The app collector.** While the CLI runs an app file in its own process, it collects the
 *   Apps the file creates (`collectApps`); outside such a run there is none.
 * - **The shell-command hook.** When the CLI runs `"app": "node app.js"`, it sets AZCDK_OUTDIR and
 *   reads the folder back: the process's Apps are written there when its event loop is done
 *   ('beforeExit'). One listener for the process, added by the first App.
 * - **The synthesizer.** `App.synth()` needs lib/synth, which core may not import (README, import
 *   rules): lib/synth registers itself here when the package entry loads.
 *
 * The token table and the collector live on globalThis (under `Symbol.for` keys), so that two
 * copies of azcdk in one process, the CLI's and an app's own from its node_modules, share them.
 * The synthesizer and the hook belong to each copy: an App uses the synth of its own copy.
 */
import type { App } from './app.js';
import type { Assembly } from './assembly.js';
import type { Expression } from './expression.js';

/** Environment variable the CLI sets when it runs the app as a shell command. */
export const OUTDIR_ENV = 'AZCDK_OUTDIR';

/** The token table: token number -> expression, and each expression's token string. */
export interface TokenTable {
  readonly byId: Expression[];
  readonly byExpression: WeakMap<Expression, string>;
}

/** The synthesizer lib/synth registers, so that core does not depend on the renderers. */
export interface Synthesizer {
  /** Renders every stack of the app into an in-memory assembly (throws ValidationError). */
  synthesize(app: App): Assembly;
  /** Narrows an assembly to the named stacks (all when none are named). */
  select(assembly: Assembly, stacks: readonly string[] | undefined): Assembly;
  /** Writes an assembly into a folder atomically. */
  write(assembly: Assembly, outdir: string): void;
}

const TOKEN_TABLE = Symbol.for('azcdk.TokenTable');
const APP_COLLECTOR = Symbol.for('azcdk.AppRegistry');
const shared = globalThis as unknown as { [TOKEN_TABLE]?: TokenTable; [APP_COLLECTOR]?: App[] };

/** The process's token table (created on first use). */
export function tokenTable(): TokenTable {
  return (shared[TOKEN_TABLE] ??= { byId: [], byExpression: new WeakMap() });
}

let synthesizer: Synthesizer | undefined;

/** Registers this copy's synthesizer (lib/synth does, on load). */
export function registerSynthesizer(s: Synthesizer): void {
  synthesizer = s;
}

/** This copy's synthesizer, if lib/synth is loaded. */
export function registeredSynthesizer(): Synthesizer | undefined {
  return synthesizer;
}

/**
 * Collects every App created (by any copy of azcdk) from now until `stop()`; the CLI wraps the run
 * of an app file in it, including the app's asynchronous work.
 */
export function collectApps(): { readonly apps: readonly App[]; stop(): void } {
  const apps: App[] = [];
  shared[APP_COLLECTOR] = apps;
  return { apps, stop: () => { if (shared[APP_COLLECTOR] === apps) delete shared[APP_COLLECTOR]; } };
}

/** Apps of this copy waiting for the shell-command hook, in creation order; undefined until the first. */
let appsToWrite: App[] | undefined;

/**
 * Called by every App's constructor: the collector takes it when the CLI runs an app file here;
 * with AZCDK_OUTDIR set (a shell-command app), it is written there when the process is done.
 */
export function appCreated(app: App): void {
  const collector = shared[APP_COLLECTOR];
  if (collector) {
    collector.push(app);
    return;
  }
  const outdir = process.env[OUTDIR_ENV];
  if (!outdir) return;
  if (!appsToWrite) {
    appsToWrite = [];
    const apps = appsToWrite;
    process.once('beforeExit', () => {
      for (const each of apps) writeOnExit(each, outdir);
    });
  }
  appsToWrite.push(app);
}

function writeOnExit(app: App, outdir: string): void {
  try {
    synthesizer?.write(app.synth(), outdir);
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
}
