/**
 * Usage mistakes exit 2 with a message naming the flag, before any app runs or anything is written.
 */
import { expect } from 'chai';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../../lib/cli/main.js';
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
});
