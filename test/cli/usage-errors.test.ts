/**
 * Usage mistakes exit 2 with a message naming the flag, before any app runs or anything is written.
 */
import { expect } from 'chai';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../../lib/cli/main.js';
import { NETWORK_APP, writeApp } from '../support/cli.js';
import { captureIo } from '../support/deploy-cli.js';
import { tempDir } from '../support/temp.js';

describe('CLI usage errors', () => {
  const cases: Array<[string[], string]> = [
    [['synth', '--app'], '--app needs a value.'],
    [['synth', '--app', ''], '--app needs a value.'],
    [['synth', '--app', '  '], '--app needs a value.'],
    [['synth', '--app', 'app.ts', '--check'], '--check needs a value.'],
    [['synth', '--app', 'app.ts', '--out'], 'Not enough arguments following: out'],
    [['synth', '--app', 'app.ts', '--out', ''], '--out needs a value.'],
    [['deploy', '-g'], '--resource-group needs a value.'],
    [['deploy', '-g', 'rg', '--what-if-json'], '--what-if-json needs a value.'],
    [['deploy', '-g', 'rg', '-p', 'a=1', ' '], '--parameters needs a value.'],
    [['graph', '--out'], '--out needs a value.'],
    [['diff', '--against'], '--against needs a value.'],
  ];
  for (const [argv, message] of cases) {
    it(`azcdk ${argv.map((a) => (a.trim() === '' ? `'${a}'` : a)).join(' ')}: exit 2, "${message}"`, async () => {
      const dir = tempDir();
      const io = captureIo({ cwd: dir, env: {} });
      expect(await runCli(argv, io)).to.equal(2);
      expect(io.text()).to.contain(message);
      expect(io.text()).to.contain("Run 'azcdk --help' for usage.");
      expect(io.text()).to.not.contain('failed unexpectedly');
      expect(existsSync(join(dir, 'azcdk.out'))).to.equal(false);
    });
  }

  it('an unknown stack name exits 2 in every command (list, graph, diff, synth, deploy), naming the stacks there are', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
    writeApp(dir, 'app.mjs', NETWORK_APP);
    expect(await runCli(['synth', '--app', 'app.mjs', '--out', 'templates'], captureIo({ cwd: dir, env: {} }))).to.equal(0);
    const commands: string[][] = [
      ['list', 'Nope'],
      ['graph', 'Nope'],
      ['diff', 'Nope', '--against', 'templates'],
      ['synth', 'Nope', '--out', 'other-out'],
      ['deploy', 'Nope', '-g', 'rg', '--from', 'templates'],
    ];
    for (const argv of commands) {
      const io = captureIo({ cwd: dir, env: { AZURE_SUBSCRIPTION_ID: '11111111-2222-3333-4444-555555555555' } });
      expect(await runCli([...argv, '--app', 'app.mjs'], io), argv.join(' ')).to.equal(2);
      expect(io.text(), argv.join(' ')).to.match(/^No stack named 'Nope'[.;] The app has: Net\.$/i);
    }
    expect(existsSync(join(dir, 'other-out'))).to.equal(false);
  });
});
