/**
 * `azcdk init`: an empty folder becomes a project where `npm install`, `npx azcdk synth`,
 * `npx tsc --noEmit` and `npm test` work at once.
 */
import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { runCli } from '../../lib/cli/main.js';
import { projectFiles } from '../../lib/cli/init/project-files.js';
import { PROJECT_ROOT } from '../support/cli.js';
import { captureIo } from '../support/deploy-cli.js';
import { tempDir } from '../support/temp.js';

const OWN = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };

/** Every file under `dir` but node_modules, relative, sorted. */
function filesUnder(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true })
    .filter((e) => e.name !== 'node_modules')
    .flatMap((e) => (e.isDirectory() ? filesUnder(dir, join(prefix, e.name)) : [join(prefix, e.name)]))
    .sort();
}

async function init(cwd: string, ...args: string[]) {
  const io = captureIo({ cwd, env: {} });
  const code = await runCli(['init', ...args], io);
  return { code, text: io.text() };
}

describe('azcdk init', () => {
  it('writes the project files the templates describe, naming the packages at the versions azcdk uses', async () => {
    const parent = tempDir();
    const { code, text } = await init(parent, 'My Infra', '--azcdk', '^0.1.0');
    expect(code, text).to.equal(0);
    const dir = join(parent, 'My Infra');
    const expected = projectFiles({
      name: 'my-infra', azcdk: '^0.1.0', allowScripts: { esbuild: true },
      devDependencies: Object.fromEntries(['@types/chai', '@types/mocha', '@types/node', 'chai', 'mocha', 'typescript'].map((n) => [n, OWN.devDependencies[n]!])),
    });
    expect(filesUnder(dir)).to.deep.equal([...expected.keys()].sort());
    for (const [file, content] of expected) expect(readFileSync(join(dir, file), 'utf8'), file).to.equal(content);
    const pkg = JSON.parse(expected.get('package.json')!);
    expect(pkg).to.include({ type: 'module', name: 'my-infra' });
    expect(pkg.dependencies).to.deep.equal({ azcdk: '^0.1.0' });
    expect(pkg.devDependencies.typescript).to.equal(OWN.devDependencies.typescript);
    expect(text).to.contain('Created an azcdk project in My Infra/');
    expect(text).to.contain('  npx tsc --noEmit');
  });

  it('depends on the azcdk folder it runs from by default, and denies that folder\'s prepare script', async () => {
    const dir = tempDir();
    expect((await init(dir)).code).to.equal(0);
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    const rel = relative(dir, PROJECT_ROOT);
    expect(pkg.dependencies.azcdk).to.equal(`file:${rel}`);
    expect(pkg.allowScripts).to.deep.equal({ esbuild: true, [`file:${relative(join(dir, 'node_modules'), PROJECT_ROOT)}`]: false });
  });

  it('refuses a folder with files in it unless --force, and never overwrites a file', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, '.git'));
    writeFileSync(join(dir, 'notes.md'), 'mine');
    const refused = await init(dir);
    expect(refused.code).to.equal(1);
    expect(refused.text).to.contain('is not empty (notes.md): azcdk init makes a new project in an empty folder. Run it in a new folder (azcdk init my-infra), or pass --force');
    expect(readdirSync(dir).sort()).to.deep.equal(['.git', 'notes.md']);
    writeFileSync(join(dir, 'app.ts'), 'my app');
    const clash = await init(dir, '--force');
    expect(clash.code).to.equal(1);
    expect(clash.text).to.contain('already has app.ts: azcdk init never overwrites a file.');
    expect(readdirSync(dir).sort()).to.deep.equal(['.git', 'app.ts', 'notes.md']);
    expect(readFileSync(join(dir, 'app.ts'), 'utf8')).to.equal('my app');
    const other = tempDir();
    writeFileSync(join(other, 'notes.md'), 'mine');
    expect((await init(other, '--force')).code).to.equal(0);
    expect(existsSync(join(other, 'app.ts'))).to.equal(true);
    expect(readFileSync(join(other, 'notes.md'), 'utf8')).to.equal('mine');
    writeFileSync(join(other, 'file'), '');
    expect((await init(other, 'file')).code).to.equal(2);
  });

  // End to end, offline: node_modules links to this repository's packages instead of `npm install`.
  it('the project synthesizes, type-checks and passes its test (npx azcdk synth, npx tsc --noEmit, npm test; 10-30 s)', async function () {
    this.timeout(120_000);
    const dir = tempDir();
    expect((await init(dir, '--azcdk', `file:${PROJECT_ROOT}`)).code).to.equal(0);
    const modules = join(dir, 'node_modules');
    mkdirSync(join(modules, '@types'), { recursive: true });
    mkdirSync(join(modules, '.bin'));
    symlinkSync(PROJECT_ROOT, join(modules, 'azcdk'));
    for (const name of ['typescript', 'mocha', 'chai', '@types/node', '@types/mocha', '@types/chai']) symlinkSync(join(PROJECT_ROOT, 'node_modules', name), join(modules, name));
    symlinkSync('../azcdk/dist/bin/azcdk.js', join(modules, '.bin', 'azcdk'));
    symlinkSync('../typescript/bin/tsc', join(modules, '.bin', 'tsc'));
    symlinkSync('../mocha/bin/mocha.js', join(modules, '.bin', 'mocha'));
    const run = (command: string, args: string[]) => {
      const result = spawnSync(command, args, { cwd: dir, encoding: 'utf8', env: { ...process.env, npm_config_offline: 'true', npm_config_update_notifier: 'false' } });
      expect(result.status, `${command} ${args.join(' ')}:\n${result.stdout}\n${result.stderr}`).to.equal(0);
      return result.stdout;
    };
    expect(run('npx', ['azcdk', 'synth'])).to.contain('Synthesized Infra into azcdk.out/');
    expect(JSON.parse(readFileSync(join(dir, 'azcdk.out', 'Infra.json'), 'utf8')).resources.map((r: { type: string }) => r.type)).to.deep.equal([
      'Microsoft.Network/networkSecurityGroups', 'Microsoft.Network/virtualNetworks',
    ]);
    run('npx', ['tsc', '--noEmit']);
    expect(run('npm', ['test'])).to.match(/1 passing/);
  });
});
