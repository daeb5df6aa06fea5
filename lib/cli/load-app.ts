/**
 * Finding and running the user's app: a .ts/.js file loaded in this process (fast, no build
 * step for TypeScript), or a shell command like cdk.json's "app" that writes into a folder we give it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, extname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { App } from '../core/app.js';
import { collectApps, OUTDIR_ENV } from '../core/process-state.js';
import type { Assembly } from '../core/assembly.js';
import { AzcdkError } from '../core/errors.js';
import { readAssemblyFiles } from '../synth/write-assembly.js';
import { MANIFEST_FILE } from '../synth/synthesize.js';
import { readManifest } from '../synth/select-stacks.js';
import { UsageError } from './errors.js';
import { importTypeScriptApp } from './typescript-app.js';
import { watchApp } from './app-lifetime.js';
import '../synth/index.js'; // registers the synthesizer with App

/** Name of the project file that names the app, like cdk.json. */
export const PROJECT_FILE = 'azcdk.json';
/** This library's own folder (dist/lib), to leave its frames out of app errors. */
const LIBRARY_ROOT = fileURLToPath(new URL('..', import.meta.url));
/** The package's bin folder (dist/bin), whose entry calls the CLI. */
const PACKAGE_BIN = fileURLToPath(new URL('../../bin/', import.meta.url));
/** Runs of app files in this process (ES modules are cached by URL). */
let runs = 0;
const MODULE_EXTENSIONS = new Set(['.ts', '.mts', '.cts', '.js', '.mjs', '.cjs']);

/** Where the app comes from. */
export interface AppSource {
  readonly kind: 'file' | 'command';
  /** Absolute file path, or the shell command. */
  readonly value: string;
  /** Where the app was named (`--app` or the azcdk.json path), for messages. */
  readonly origin: string;
  /** Working directory for a shell command (the azcdk.json folder, or the current one). */
  readonly cwd: string;
}

/** Resolves the app from `--app` or from azcdk.json in `cwd`. */
export function findAppSource(appFlag: string | undefined, cwd: string): AppSource {
  if (appFlag !== undefined) return classify(appFlag, '--app', cwd);
  const projectFile = join(cwd, PROJECT_FILE);
  if (!existsSync(projectFile)) {
    throw new UsageError(`No app to synthesize: pass --app FILE|COMMAND, or create ${PROJECT_FILE} with {"app": "path/to/app.ts"} in ${cwd}.`);
  }
  let config: unknown;
  try {
    config = JSON.parse(readFileSync(projectFile, 'utf8'));
  } catch (error) {
    throw new AzcdkError(`[${projectFile}] is not valid JSON: ${(error as Error).message}`);
  }
  const app = (config as { app?: unknown } | null)?.app;
  if (typeof app !== 'string' || app.trim() === '') {
    throw new AzcdkError(`[${projectFile}] needs an "app" string: the app file (e.g. "examples/my-app/app.ts") or a command (e.g. "node app.js").`);
  }
  return classify(app, projectFile, dirname(projectFile));
}

function classify(app: string, origin: string, cwd: string): AppSource {
  const trimmed = app.trim();
  const file = isAbsolute(trimmed) ? trimmed : resolve(cwd, trimmed);
  const moduleFile = MODULE_EXTENSIONS.has(extname(trimmed));
  // An existing file is a file even if its path has spaces ("/tmp/my apps/app.ts"); otherwise a
  // space makes it a command ("node app.js").
  if (moduleFile && existsSync(file) && statSync(file).isFile()) return { kind: 'file', value: file, origin, cwd };
  if (moduleFile && !/\s/.test(trimmed)) {
    throw new AzcdkError(`[${origin}] app file '${trimmed}' does not exist (looked for ${file}). Fix the path, or run from the project folder.`);
  }
  return { kind: 'command', value: trimmed, origin, cwd };
}

/** Runs the app and synthesizes it. Throws AzcdkError / ValidationError on failure. */
export async function synthesizeApp(source: AppSource): Promise<Assembly> {
  return source.kind === 'file' ? synthesizeFile(source.value) : synthesizeCommand(source);
}

async function synthesizeFile(file: string): Promise<Assembly> {
  // Kept until the app's work is done: an App created after an `await` is still the app's.
  const collector = collectApps();
  const apps: readonly App[] = collector.apps;
  const watch = watchApp((code) => {
    process.stderr.write(
      `[${file}] the app called process.exit(${code}) before azcdk could synthesize it, so nothing was written. ` +
        `Remove the call: azcdk synthesizes the app when its work is done.\n`,
    );
    process.exitCode = 1;
  }, () => {
    process.stderr.write(
      `[${file}] azcdk is still waiting for the app to finish: it synthesizes once the app has no pending work, and the app still has ` +
        `timers, sockets or other handles open. If it keeps one open on purpose (a setInterval, a server, a client with keep-alive), close it or call unref() on it.\n`,
    );
  });
  try {
    try {
      if (/\.[mc]?ts$/.test(file)) await importTypeScriptApp(file);
      else await import(`${pathToFileURL(file).href}?run=${++runs}`); // a new URL: the app runs again when the CLI runs twice in one process
    } catch (error) {
      throw appThrew(file, error);
    }
    const failure = await watch.settled();
    if (failure) throw appThrew(file, failure.error, "the app's asynchronous work threw (nothing was written)");
  } finally {
    watch.dispose();
    collector.stop();
  }
  if (apps.length !== 1) {
    throw new AzcdkError(
      apps.length === 0
        ? `[${file}] the app did not create an App: add \`const app = new App();\` and your stacks to it.`
        : `[${file}] the app created ${apps.length} Apps: create one App and add every stack to it.`,
    );
  }
  try {
    return apps[0].synth();
  } catch (error) {
    // An aspect or validation of the app's own code that throws (azcdk's own errors pass as they are).
    throw appThrew(file, error, 'synthesis threw (in an aspect or validation of the app)');
  }
}

function appThrew(file: string, error: unknown, what = 'the app threw'): AzcdkError {
  const err = error instanceof Error ? error : new Error(String(error));
  const frames = userFrames(err);
  if (AzcdkError.isAzcdkError(error)) {
    // azcdk's own message already says what and how to fix; add the line of the app that caused it.
    return frames.length ? new AzcdkError(`${error.message}\n${frames.join('\n')}`) : error;
  }
  const message = err.message.replace(/([^.])$/, '$1.');
  const hint = /already a Construct with name/.test(message)
    ? ' Give every construct a unique id within its scope.'
    : /\b(__dirname|__filename|require) is not defined in ES module scope/.test(message)
      ? ' azcdk apps are ES modules: use import.meta.dirname, import.meta.filename, or createRequire(import.meta.url) from node:module (TypeScript apps get __dirname, __filename and require defined for them).'
      : '';
  return new AzcdkError(`[${file}] ${what}: ${message}${hint}${frames.length ? '\n' + frames.join('\n') : ''}`);
}

/**
 * The stack frames in the user's own code: the first run of them, after any frames in azcdk, its
 * dependencies or node. What follows is how azcdk came to run the app (the loader, the CLI and
 * whoever called it), not the user's code.
 */
function userFrames(err: Error): string[] {
  const frames = (err.stack ?? '').split('\n').filter((l) => /^\s+at /.test(l));
  const notUsers = (l: string) => l.includes(LIBRARY_ROOT) || l.includes(PACKAGE_BIN) || /node:internal|node_modules/.test(l);
  const first = frames.findIndex((l) => !notUsers(l));
  if (first < 0) return [];
  const end = frames.findIndex((l, i) => i > first && notUsers(l));
  return frames.slice(first, end < 0 ? undefined : end).slice(0, 5);
}

function synthesizeCommand(source: AppSource): Assembly {
  const outdir = mkdtempSync(join(tmpdir(), 'azcdk-app-'));
  try {
    const result = spawnSync(source.value, {
      shell: true,
      cwd: source.cwd,
      env: { ...process.env, [OUTDIR_ENV]: outdir },
      stdio: ['ignore', 'inherit', 'pipe'],
      encoding: 'utf8',
    });
    if (result.error) throw new AzcdkError(`[${source.origin}] could not run app command '${source.value}': ${result.error.message}`);
    if (result.status !== 0) {
      const stderr = (result.stderr ?? '').trim();
      throw new AzcdkError(`[${source.origin}] app command '${source.value}' failed with exit code ${result.status}${stderr ? `:\n${stderr}` : ''}`);
    }
    if (!existsSync(join(outdir, MANIFEST_FILE))) {
      throw new AzcdkError(`[${source.origin}] app command '${source.value}' wrote no ${MANIFEST_FILE}: it must create an azcdk App (which writes to $${OUTDIR_ENV} when the program ends).`);
    }
    const files = readAssemblyFiles(outdir);
    const manifest = readManifest(files);
    const annotations = Object.values(manifest.stacks).flatMap((s) => s.annotations);
    return { files, stackNames: Object.keys(manifest.stacks), annotations };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}
