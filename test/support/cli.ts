/**
 * Test helpers for the CLI: temporary app files and runs of the real `azcdk` binary.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
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
