/**
 * Helpers for the list/graph/diff CLI tests: apps written to a temporary folder (importing the
 * compiled library by URL, so app and CLI share one azcdk), and a CliIo that records output.
 */
import { writeFileSync } from 'node:fs';
import { tempDir as makeTempDir } from '../support/temp.js';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { runCli } from '../../lib/cli/main.js';
import type { CliIo } from '../../lib/cli/io.js';

const LIBRARY = pathToFileURL(fileURLToPath(new URL('../../lib/index.js', import.meta.url))).href;
let counter = 0;

/** A fresh temporary folder (removed when the run ends). */
export function tempDir(): string {
  return makeTempDir('azcdk-review-');
}

/**
 * Writes an app whose body may use App, Stack, ArmResource, Parameter, Output, PostgresFlexibleServer,
 * PostgresSku and `app`.
 * Each call writes a new file unless `fileName` is given: ES modules are cached by URL, and an
 * app must run again.
 */
export function writeApp(dir: string, body: string, fileName = `app-${++counter}.mjs`): string {
  const file = join(dir, fileName);
  writeFileSync(file, `import { App, ArmResource, Output, Parameter, PostgresFlexibleServer, PostgresSku, Stack } from '${LIBRARY}';\nconst app = new App();\n${body}\n`);
  return file;
}

/** Result of a CLI run. */
export interface RunResult {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

/** Which ends of the run are terminals, and its environment (empty unless given: NO_COLOR must not leak in). */
export interface Terminal {
  readonly stdin?: boolean;
  readonly stdout?: boolean;
  readonly env?: Record<string, string | undefined>;
}

/** Runs the CLI in `cwd`, capturing stdout and stderr; `true` means stdin and stdout are terminals. */
export async function run(argv: string[], cwd: string, terminal: boolean | Terminal = false): Promise<RunResult> {
  const out: string[] = [];
  const err: string[] = [];
  const t: Terminal = typeof terminal === 'boolean' ? { stdin: terminal, stdout: terminal } : terminal;
  const io: CliIo = {
    cwd, out: (l) => out.push(l), err: (l) => err.push(l), resolve: (p) => resolve(cwd, p),
    interactive: Boolean(t.stdin && t.stdout), stdoutIsTerminal: Boolean(t.stdout), env: t.env ?? {},
  };
  const code = await runCli(argv, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** The network app used by several tests: NSG, VNet referencing it, PostgreSQL server, database, ordered rule. */
export const NETWORK_APP = `
const stack = new Stack(app, 'Network', { location: 'westeurope' });
const prefix = new Parameter(stack, 'prefix', { type: 'string', value: 'demo' });
const nsg = new ArmResource(stack, 'Nsg', { type: 'Microsoft.Network/networkSecurityGroups', apiVersion: '2025-07-01', name: \`\${prefix.value}-nsg\`, properties: { securityRules: [] } });
new ArmResource(stack, 'Vnet', { type: 'Microsoft.Network/virtualNetworks', apiVersion: '2025-07-01', name: 'vnet',
  properties: { subnets: [{ name: 'a', properties: { addressPrefix: '10.0.0.0/24', networkSecurityGroup: { id: nsg.id } } }] } });
const server = new ArmResource(stack, 'Server', { type: 'Microsoft.DBforPostgreSQL/flexibleServers', apiVersion: '2024-08-01', name: 'pg-demo', properties: { version: '16' } });
const db = new ArmResource(stack, 'Db', { type: 'Microsoft.DBforPostgreSQL/flexibleServers/databases', apiVersion: '2024-08-01', name: 'app', parent: server });
const rule = new ArmResource(stack, 'Rule', { type: 'Microsoft.DBforPostgreSQL/flexibleServers/firewallRules', apiVersion: '2024-08-01', name: 'office', parent: server,
  properties: { startIpAddress: '10.0.0.1', endIpAddress: '10.0.0.1' } });
rule.addDependency(db, 'PostgreSQL serialises child writes');
new Output(stack, 'nsgId', { value: nsg.id });
`;
