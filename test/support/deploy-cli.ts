/**
 * Test helpers for `azcdk deploy`: a capturing io (with scripted prompts and a Ctrl-C button),
 * writing an app's synth output to a temporary folder, and running the CLI entry against the
 * test ARM endpoint.
 */
import { cpSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { runCli } from '../../lib/cli/main.js';
import type { Clock } from '../../lib/deploy/clock.js';
import type { DeployIo, InterruptSource, Prompter } from '../../lib/deploy/prompt.js';
import type { App } from '../../lib/index.js';
import { writeAssemblyAtomically } from '../../lib/synth/write-assembly.js';
import { ArmEndpoint, type ArmEndpointOptions } from './arm-endpoint.js';
import { PROJECT_ROOT, runAzcdk } from './cli.js';
import { tempDir as makeTempDir } from './temp.js';

/** The subscription tests deploy to. */
export const SUBSCRIPTION = '11111111-2222-3333-4444-555555555555';

/** A DeployIo that records everything. */
export interface CapturedIo extends DeployIo {
  readonly stdout: string[];
  readonly stderr: string[];
  /** Questions asked (prompts), in order. */
  readonly questions: string[];
  /** stdout + stderr joined. */
  text(): string;
  /** Simulates Ctrl-C. */
  interrupt(): void;
}

/** Options of captureIo. */
export interface CaptureOptions {
  readonly cwd: string;
  readonly env?: Record<string, string | undefined>;
  /** A terminal: prompts allowed, live progress. @default false */
  readonly interactive?: boolean;
  /** Only stdin is a terminal: prompts allowed, plain progress. @default interactive */
  readonly canPrompt?: boolean;
  /** Answers to ask(), in order. */
  readonly answers?: string[];
  /** Answers to askSecret(), in order. */
  readonly secrets?: string[];
  /** Called for each stdout line (e.g. to press Ctrl-C when progress appears). */
  readonly onOut?: (line: string, io: CapturedIo) => void;
  /** Waits between retries and polls instead of a timer (e.g. recordedSleep()). @default a timer */
  readonly sleep?: (ms: number) => Promise<void>;
  /** The time the deployer paces its polls in (e.g. testClock()). @default the real one */
  readonly clock?: Clock;
}

/** A sleep that records each delay asked for and waits only a millisecond (tests of backoff and Retry-After). */
export function recordedSleep(): { readonly delays: number[]; sleep(ms: number): Promise<void> } {
  const delays: number[] = [];
  return { delays, sleep: (ms) => { delays.push(ms); return new Promise((resolve) => setTimeout(resolve, 1)); } };
}

/** A capturing io. */
export function captureIo(options: CaptureOptions): CapturedIo {
  const answers = [...(options.answers ?? [])];
  const secrets = [...(options.secrets ?? [])];
  const handlers = new Set<() => void>();
  const questions: string[] = [];
  const prompter: Prompter = {
    ask: async (q) => {
      questions.push(q);
      if (!answers.length) throw new Error(`unexpected question: ${q}`);
      return answers.shift()!;
    },
    askSecret: async (q) => {
      questions.push(q);
      if (!secrets.length) throw new Error(`unexpected secret question: ${q}`);
      return secrets.shift()!;
    },
  };
  const interrupts: InterruptSource = {
    onInterrupt(handler) {
      handlers.add(handler);
      return () => handlers.delete(handler);
    },
  };
  const io: CapturedIo = {
    cwd: options.cwd,
    interactive: options.interactive ?? false,
    stdoutIsTerminal: options.interactive ?? false,
    resolve: (p) => resolve(options.cwd, p),
    stdout: [],
    stderr: [],
    questions,
    out: (line) => {
      io.stdout.push(line);
      options.onOut?.(line, io);
    },
    err: (line) => io.stderr.push(line),
    text: () => [...io.stdout, ...io.stderr].join('\n'),
    interrupt: () => [...handlers].forEach((h) => h()),
    prompter,
    ...(options.canPrompt !== undefined ? { canPrompt: options.canPrompt } : {}),
    interrupts,
    ...(options.sleep ? { sleep: options.sleep } : {}),
    env: options.env ?? {},
    ...(options.clock ? { clock: options.clock } : {}),
  };
  return io;
}

/**
 * A clock whose waits take no time: each moves its time forward by the amount asked for and
 * returns on the next turn of the event loop (so requests and timers in flight go on). The
 * deployer's pacing can then be checked on this clock's times (an endpoint started with
 * `now: clock.now` records requests in them) without spending them.
 */
export function testClock(start = 1_000_000): Clock & { readonly waits: number[] } {
  let time = start;
  const waits: number[] = [];
  return {
    waits,
    now: () => time,
    sleep: (ms, signal) => {
      if (signal?.aborted) return Promise.reject(Object.assign(new Error('The operation was aborted.'), { name: 'AbortError' }));
      if (ms > 0) {
        waits.push(ms);
        time += ms;
      }
      return new Promise((resolve) => setImmediate(resolve));
    },
  };
}

/** An onOut that runs `action` once, on the first stdout line matching `pattern`. */
export function onFirstLine(pattern: RegExp, action: (io: CapturedIo) => void): (line: string, io: CapturedIo) => void {
  let done = false;
  return (line, io) => {
    if (!done && pattern.test(line)) {
      done = true;
      action(io);
    }
  };
}

/** An onOut that presses Ctrl-C once, on the first stdout line matching `pattern`. */
export function ctrlCWhen(pattern: RegExp): (line: string, io: CapturedIo) => void {
  return onFirstLine(pattern, (io) => io.interrupt());
}

/** What a test file's hooks set up: an endpoint, a temporary folder, a synthesized app in it. */
export interface DeployFixture {
  readonly endpoint: ArmEndpoint;
  readonly dir: string;
  /** The synth output folder to deploy with --from. */
  readonly out: string;
}

/**
 * Registers beforeEach/afterEach hooks that start an endpoint (with resource group 'rg' when
 * `group` is set), write `app` (an App, or the hello example when omitted) to a fresh folder, and
 * clean up. Read the fields inside tests, not at describe time.
 */
export function deployFixture(options: { app?: () => App; group?: boolean; endpoint?: ArmEndpointOptions } = {}): DeployFixture {
  const fixture = {} as { endpoint: ArmEndpoint; dir: string; out: string };
  beforeEach(async () => {
    fixture.endpoint = await ArmEndpoint.start({ stepMs: 5, ...options.endpoint });
    if (options.group) fixture.endpoint.resourceGroups.set('rg', { name: 'rg', location: 'westeurope' });
    fixture.dir = tempDir();
    fixture.out = options.app ? writeApp(options.app(), fixture.dir) : await writeHello(fixture.dir);
  });
  afterEach(async () => {
    await fixture.endpoint.close();
    removeDir(fixture.dir);
  });
  return fixture;
}

let helloCache: Promise<string> | undefined;

/** Synthesizes examples/hello (once per run, with the built CLI) and copies it to `<dir>/out`. */
export async function writeHello(dir: string): Promise<string> {
  helloCache ??= (async () => {
    // In a child process: importing the app here would cache it, and later in-process runs of
    // the same file would not create their App.
    const cache = join(makeTempDir('azcdk-hello-'), 'out');
    const run = runAzcdk(['synth', '--app', 'examples/hello/app.ts', '--out', cache], PROJECT_ROOT);
    if (run.status !== 0) throw new Error(`synth of examples/hello failed:\n${run.stdout}${run.stderr}`);
    return cache;
  })();
  const out = join(dir, 'out');
  cpSync(await helloCache, out, { recursive: true });
  return out;
}

/** A fresh temporary folder (removed when the run ends, if the test does not remove it first). */
export function tempDir(prefix = 'azcdk-deploy-'): string {
  return makeTempDir(prefix);
}

/** Synthesizes the app into `<dir>/out` and returns that folder. */
export function writeApp(app: App, dir: string): string {
  const out = join(dir, 'out');
  writeAssemblyAtomically(app.synth(), out);
  return out;
}

/** Runs `azcdk deploy --from OUT -g rg --endpoint URL ...args` with the endpoint's token. */
export async function deploy(endpoint: ArmEndpoint, out: string, args: string[], io: CapturedIo): Promise<number> {
  return runCli(
    ['deploy', '--from', out, '-g', 'rg', '--endpoint', endpoint.url, '--subscription', SUBSCRIPTION, '--poll-interval', '0.02', ...args],
    io,
  );
}

/** An io for `deploy` with the endpoint's token in its environment. */
export function ioFor(endpoint: ArmEndpoint, dir: string, options: Partial<CaptureOptions> = {}): CapturedIo {
  return captureIo({ cwd: dir, ...options, env: { AZCDK_TOKEN: endpoint.token, ...(options.env ?? {}) } });
}

/** Every file under `dir` (recursively), as text. */
export function filesUnder(dir: string): Array<{ file: string; text: string }> {
  const out: Array<{ file: string; text: string }> = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...filesUnder(path));
    else out.push({ file: path, text: readFileSync(path, 'utf8') });
  }
  return out;
}

/** Removes a temporary folder. */
export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
