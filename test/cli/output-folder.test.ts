/**
 * The output folder on disk: `--out` naming a file is a usage error, and what a synth that was
 * killed while replacing its output folder leaves behind is recovered or removed by the next run.
 */
import { expect } from 'chai';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../../lib/cli/main.js';
import { NETWORK_APP, writeApp } from '../support/cli.js';
import { captureIo } from '../support/deploy-cli.js';
import { tempDir } from '../support/temp.js';

/** A process id no process has (above Linux's largest pid_max, 2^22). */
const DEAD_PID = 4_194_305;

function project(appBody = NETWORK_APP): string {
  const dir = tempDir();
  writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
  writeApp(dir, 'app.mjs', appBody);
  return dir;
}

/** An earlier synth's folder, moved aside under the name a killed synth leaves it under. */
function leaveMovedAside(dir: string, name: string, marker: string): void {
  const folder = join(dir, name);
  mkdirSync(folder);
  writeFileSync(join(folder, 'manifest.json'), JSON.stringify({ stacks: { Net: { template: 'Net.json' } } }) + '\n');
  writeFileSync(join(folder, 'Net.json'), marker);
}

describe('synth output folder on disk', () => {
  for (const command of [['synth'], ['deploy', '-g', 'rg', '--yes', '--subscription', '00000000-0000-0000-0000-000000000000']]) {
    for (const out of ['package.json', 'package.json/sub']) {
      it(`azcdk ${command[0]} --out ${out}: exit 2 before the app runs`, async () => {
        const dir = project(`${NETWORK_APP}\nthrow new Error('the app ran');`);
        const io = captureIo({ cwd: dir, env: {} });
        expect(await runCli([...command, '--app', 'app.mjs', '--out', out], io)).to.equal(2);
        const file = join(dir, 'package.json');
        expect(io.text()).to.contain(`--out ${out}: ${out === 'package.json' ? `${file} is a file` : `${file} is a file, so ${join(dir, out)} cannot be a folder`}, not a folder.`);
        expect(io.text()).to.not.contain('the app ran');
      });
    }
  }

  it('a folder a killed synth moved aside is put back before the app runs, so a failing app leaves it as it was', async () => {
    const dir = project(`throw new Error('broken app');`);
    leaveMovedAside(dir, `.azcdk.out.previous-${DEAD_PID}-a`, 'older');
    leaveMovedAside(dir, `.azcdk.out.previous-${DEAD_PID}-b`, 'newest');
    mkdirSync(join(dir, `.azcdk.out.staging-${DEAD_PID}-b`));
    const io = captureIo({ cwd: dir, env: {} });
    expect(await runCli(['synth', '--app', 'app.mjs'], io)).to.equal(1);
    expect(io.text()).to.contain(`note: [azcdk.out] restored from .azcdk.out.previous-${DEAD_PID}-b, where a synth that was stopped while replacing it had moved it.`);
    expect(io.text()).to.contain(`note: [azcdk.out] removed 2 folders a stopped synth left beside it`);
    expect(readFileSync(join(dir, 'azcdk.out', 'Net.json'), 'utf8')).to.equal('newest');
    expect(readdirSync(dir).filter((n) => n.startsWith('.azcdk.out'))).to.deep.equal([]);
  });

  it('a successful synth removes the side folders of stopped runs and keeps those of running ones', async () => {
    const dir = project();
    mkdirSync(join(dir, 'azcdk.out'));
    mkdirSync(join(dir, `.azcdk.out.staging-${DEAD_PID}-c`));
    leaveMovedAside(dir, `.azcdk.out.previous-${DEAD_PID}-c`, 'old');
    const running = `.azcdk.out.staging-${process.pid}-d`; // this test process is alive: another synth at work
    mkdirSync(join(dir, running));
    const io = captureIo({ cwd: dir, env: {} });
    expect(await runCli(['synth', '--app', 'app.mjs'], io)).to.equal(0);
    expect(existsSync(join(dir, 'azcdk.out', 'Net.json'))).to.equal(true);
    expect(readdirSync(dir).filter((n) => n.startsWith('.azcdk.out'))).to.deep.equal([running]);
  });
});
