/**
 * Test helpers for the CLI: temporary app files, runs of the CLI in this process (runCli, fast)
 * and of the real `azcdk` binary (a child process, for what the process boundary decides: waiting
 * for an app's event loop, process.exit, yargs' own --help and --version output).
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { runCli } from '../../lib/cli/main.js';
import type { CliIo } from '../../lib/cli/io.js';
import { tempDir as makeTempDir } from './temp.js';

/** The project root (tests run from dist/test/...). */
export const PROJECT_ROOT = resolve(fileURLToPath(import.meta.url), '../../../..');
/** The built CLI entry. */
export const CLI = join(PROJECT_ROOT, 'dist/bin/azcdk.js');
/** Import specifier of the built library, for app files written outside the project. */
export const LIBRARY_URL = pathToFileURL(join(PROJECT_ROOT, 'dist/lib/index.js')).href;

/** Result of one CLI run. */
export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `azcdk <args>` in `cwd`. */
export function runAzcdk(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): CliRun {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, env: { ...process.env, ...env }, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * Runs `azcdk <args>` in this process with `cwd` as the working folder (also process.cwd() for the
 * run, as in the binary), stdout and stderr captured line by line: the same result as runAzcdk for
 * everything but the process boundary, without starting node.
 */
export async function runAzcdkInProcess(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const io: CliIo = {
    cwd, out: (line) => stdout.push(`${line}\n`), err: (line) => stderr.push(`${line}\n`), resolve: (p) => resolve(cwd, p),
    interactive: false, stdoutIsTerminal: false, env: { ...process.env, ...env },
  };
  const previous = process.cwd();
  process.chdir(cwd);
  try {
    const status = await runCli(args, io);
    return { status, stdout: stdout.join(''), stderr: stderr.join('') };
  } finally {
    process.chdir(previous);
  }
}

/** A fresh temporary project folder (an ESM package, as azcdk apps are), removed after the run. */
export function tempDir(prefix = 'azcdk-test-'): string {
  const dir = makeTempDir(prefix);
  writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
  return dir;
}

/** Writes an app file whose body can use everything azcdk exports (imported as `azcdk.*` names). */
export function writeApp(dir: string, fileName: string, body: string): string {
  const file = join(dir, fileName);
  writeFileSync(file, `import { App, Stack, ArmResource, Parameter, Output, Annotations } from '${LIBRARY_URL}';\n${body}\n`);
  return file;
}

/** A small valid app: one stack 'Net' with an NSG and a VNet referencing it. */
export const NETWORK_APP = `
const app = new App();
const stack = new Stack(app, 'Net');
const nsg = new ArmResource(stack, 'Nsg', { type: 'Microsoft.Network/networkSecurityGroups', apiVersion: '2025-07-01', name: 'nsg', properties: { securityRules: [] } });
new ArmResource(stack, 'Vnet', { type: 'Microsoft.Network/virtualNetworks', apiVersion: '2025-07-01', name: 'vnet',
  properties: { addressSpace: { addressPrefixes: ['10.0.0.0/16'] }, subnets: [{ name: 'a', properties: { addressPrefix: '10.0.0.0/24', networkSecurityGroup: { id: nsg.id } } }] } });
new Output(stack, 'nsgId', { value: nsg.id });
`;
