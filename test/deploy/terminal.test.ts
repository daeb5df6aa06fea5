/**
 * The real terminal path, which the other deploy tests replace with a scripted prompter: the CLI
 * runs in a pseudo-terminal (util-linux `script`), asks for the missing secure parameters without
 * echoing what is typed, asks for confirmation, and deploys.
 */
import { expect } from 'chai';
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ArmEndpoint } from '../support/arm-endpoint.js';
import { CLI, PROJECT_ROOT } from '../support/cli.js';
import { SUBSCRIPTION } from '../support/deploy-cli.js';
import { tempDir } from '../support/temp.js';

const hasScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;

/**
 * Runs the CLI with `args` in a pseudo-terminal, answering each prompt (matched in the output) once
 * it appears. `script` runs the command through $SHELL; `exec` replaces that shell with node, so
 * Ctrl-C's SIGINT reaches only the CLI (a shell such as dash would die of it and set the exit code).
 */
function inTerminal(args: string[], env: NodeJS.ProcessEnv, answers: Array<[string, string]>): Promise<{ code: number | null; transcript: string }> {
  const command = ['exec', ...[process.execPath, CLI, ...args].map((a) => `'${a}'`)].join(' ');
  return new Promise((resolve, reject) => {
    const child = spawn('script', ['-q', '-e', '-c', command, '/dev/null'], { cwd: PROJECT_ROOT, env: { ...process.env, ...env } });
    let transcript = '';
    const pending = [...answers];
    child.stdout.on('data', (data: Buffer) => {
      transcript += data.toString();
      while (pending.length && transcript.includes(pending[0][0])) child.stdin.write(pending.shift()![1]);
    });
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, transcript }));
  });
}

describe('azcdk deploy in a terminal', function () {
  this.timeout(60_000);
  let endpoint: ArmEndpoint;
  before(function () {
    if (!hasScript) this.skip(); // util-linux `script` gives the pseudo-terminal
  });
  beforeEach(async () => {
    endpoint = await ArmEndpoint.start({ stepMs: 5 });
  });
  afterEach(async () => endpoint?.close());

  it('prompts for secure parameters without echo, asks to confirm, and deploys', async () => {
    const out = join(tempDir(), 'out');
    const args = ['deploy', '--app', 'examples/postgres-private-link/app.ts', '--out', out,
      '-g', 'tty-rg', '--location', 'westeurope', '--endpoint', endpoint.url, '--subscription', SUBSCRIPTION, '--poll-interval', '0.05'];
    const { code, transcript } = await inTerminal(args, { AZCDK_TOKEN: endpoint.token }, [
      ["securestring parameter 'administratorLoginPassword'", 'Typed-Pg-Secret-42!\r'],
      ["securestring parameter 'vmAdminPassword'", 'Typed-Vm-Secret-42!\r'],
      ['[y/N]', 'y\r'],
    ]);
    const plain = transcript.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '');
    expect(plain, plain).to.contain('succeeded');
    expect(code).to.equal(0);
    expect(plain).to.contain('administratorLoginPassword=(secure)');
    expect(plain).to.not.contain('Typed-Pg-Secret');
    expect(plain).to.not.contain('Typed-Vm-Secret');
    expect(plain).to.match(/postgresFqdn = db-[a-z0-9]{13}\.postgres\.database\.azure\.com/);
  });

  it('on Ctrl-C while deploying asks whether to cancel in Azure, and cancels', async () => {
    await endpoint.close();
    endpoint = await ArmEndpoint.start({ stepMs: 3000 }); // slow enough to press Ctrl-C during the deployment
    const args = ['deploy', '--app', 'examples/hello/app.ts', '--out', join(tempDir(), 'out'),
      '-g', 'tty-rg', '--location', 'westeurope', '--endpoint', endpoint.url, '--subscription', SUBSCRIPTION, '--poll-interval', '0.05', '--yes'];
    const { code, transcript } = await inTerminal(args, { AZCDK_TOKEN: endpoint.token }, [
      ['deploying (correlation id', '\x03'], // the terminal turns Ctrl-C into SIGINT for the process
      ['[c]ancel / [l]eave', 'c\r'],
    ]);
    const plain = transcript.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '');
    expect(plain, plain).to.match(/interrupted; canceled deployment Network-\S+ in Azure \(state: Canceled\)/);
    expect(code).to.equal(1);
  });
});
