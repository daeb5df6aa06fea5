import { expect } from 'chai';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { CLI, NETWORK_APP, runAzcdk, runAzcdkInProcess, tempDir, writeApp } from '../support/cli.js';

/** A project folder with an app and the output of an earlier synth (a manifest and a marker file). */
function project(appBody = NETWORK_APP, fileName = 'app.ts') {
  const dir = tempDir();
  const app = writeApp(dir, fileName, appBody);
  mkdirSync(join(dir, 'azcdk.out'));
  const previous = { version: '1', stacks: { Old: { template: 'Old.json', parametersFile: 'Old.parameters.json', bicep: 'Old.bicep' } } };
  writeFileSync(join(dir, 'azcdk.out', 'manifest.json'), JSON.stringify(previous));
  writeFileSync(join(dir, 'azcdk.out', 'Old.json'), 'from an earlier synth');
  return { dir, app };
}

const untouched = (dir: string) => readFileSync(join(dir, 'azcdk.out', 'Old.json'), 'utf8') === 'from an earlier synth';

describe('azcdk synth (the CLI)', () => {
  it('runs a TypeScript app named in azcdk.json and writes template, parameters and manifest', async () => {
    const { dir } = project();
    writeFileSync(join(dir, 'azcdk.json'), JSON.stringify({ app: 'app.ts' }));
    const run = await runAzcdkInProcess(['synth'], dir);
    expect(run.stderr).to.equal('');
    expect(run.status).to.equal(0);
    expect(run.stdout).to.equal('Synthesized Net into azcdk.out/\n');
    expect(readdirSync(join(dir, 'azcdk.out')).filter((f) => !f.endsWith('.bicep')).sort()).to.deep.equal(['Net.json', 'Net.parameters.json', 'manifest.json']);
    const template = JSON.parse(readFileSync(join(dir, 'azcdk.out', 'Net.json'), 'utf8'));
    expect(template.resources[1].dependsOn).to.deep.equal(["[resourceId('Microsoft.Network/networkSecurityGroups', 'nsg')]"]);
  });

  it("resolves 'azcdk' in a TypeScript app outside any project to the CLI's own copy", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'app.ts'), `import { App, ArmResource, Stack } from 'azcdk';\nimport { Template } from 'azcdk/assertions';\n` +
      `const app = new App();\nconst stack = new Stack(app, 'Lone');\nnew ArmResource(stack, 'R', { type: 'Microsoft.Test/things', apiVersion: '2025-01-01', name: 'r' });\n` +
      `Template.fromStack(stack).resourceCountIs('Microsoft.Test/things', 1);\n`);
    const run = await runAzcdkInProcess(['synth', '--app', 'app.ts'], dir);
    expect(run.stderr).to.equal('');
    expect(run.status).to.equal(0);
    expect(existsSync(join(dir, 'node_modules'))).to.equal(false);
    expect(JSON.parse(readFileSync(join(dir, 'azcdk.out', 'Lone.json'), 'utf8')).resources).to.have.length(1);
  });

  it('runs a JavaScript app from --app, and a shell command app, with identical output', async () => {
    const a = project(NETWORK_APP, 'app.mjs');
    expect((await runAzcdkInProcess(['synth', '--app', 'app.mjs', '--out', 'file-mode'], a.dir)).status).to.equal(0);
    const run = await runAzcdkInProcess(['synth', '--app', `"${process.execPath}" app.mjs`, '--out', 'command-mode'], a.dir);
    expect(run.stderr).to.equal('');
    expect(run.status).to.equal(0);
    for (const file of readdirSync(join(a.dir, 'file-mode'))) {
      expect(readFileSync(join(a.dir, 'command-mode', file), 'utf8'), file).to.equal(readFileSync(join(a.dir, 'file-mode', file), 'utf8'));
    }
  });

  it('writes byte-for-byte identical output on every run', async () => {
    const { dir } = project();
    await runAzcdkInProcess(['synth', '--app', 'app.ts', '--out', 'one'], dir);
    await runAzcdkInProcess(['synth', '--app', 'app.ts', '--out', 'two'], dir);
    const files = readdirSync(join(dir, 'one'));
    expect(files.length).to.be.greaterThan(2);
    for (const f of files) expect(readFileSync(join(dir, 'two', f), 'utf8')).to.equal(readFileSync(join(dir, 'one', f), 'utf8'));
    const text = readFileSync(join(dir, 'one', 'Net.json'), 'utf8');
    expect(text.endsWith('}\n')).to.equal(true);
    expect(text).to.not.match(/\r|20\d\d-\d\d-\d\dT/);
  });

  it('replaces the output folder as a whole, removing stale files and keeping dotfiles', async () => {
    const { dir } = project();
    writeFileSync(join(dir, 'azcdk.out', '.gitkeep'), '');
    expect((await runAzcdkInProcess(['synth', '--app', 'app.ts'], dir)).status).to.equal(0);
    expect(existsSync(join(dir, 'azcdk.out', 'Old.json'))).to.equal(false);
    expect(existsSync(join(dir, 'azcdk.out', '.gitkeep'))).to.equal(true);
    expect(readdirSync(dir).filter((f) => f.startsWith('.azcdk.out'))).to.deep.equal([]);
  });

  it('refuses to replace a folder it did not write, a file, or the current folder', async () => {
    const { dir } = project();
    mkdirSync(join(dir, 'src'));
    writeFileSync(join(dir, 'src', 'keep.ts'), 'export {};');
    const own = await runAzcdkInProcess(['synth', '--app', 'app.ts', '--out', 'src'], dir);
    expect(own.status).to.equal(1);
    expect(own.stderr).to.contain(`[${join(dir, 'src')}] holds no manifest.json, so it is not an azcdk output folder (keep.ts); synth replaces its output folder as a whole and would delete them.`);
    writeFileSync(join(dir, 'src', 'manifest.json'), '{ not json');
    expect((await runAzcdkInProcess(['synth', '--app', 'app.ts', '--out', 'src'], dir)).stderr).to.contain(
      `[${join(dir, 'src')}] holds a manifest.json that is not an azcdk manifest (not valid JSON, or no stacks), so it is not known as an azcdk output folder (keep.ts, manifest.json);`);
    writeFileSync(join(dir, 'azcdk.out', 'NOTES.md'), 'mine');
    const mixed = await runAzcdkInProcess(['synth', '--app', 'app.ts'], dir);
    expect(mixed.status).to.equal(1);
    expect(mixed.stderr).to.contain(`[${join(dir, 'azcdk.out')}] holds files synth did not write (NOTES.md)`);
    expect(untouched(dir)).to.equal(true);
    expect(readFileSync(join(dir, 'src', 'keep.ts'), 'utf8')).to.equal('export {};');
    const file = await runAzcdkInProcess(['synth', '--app', 'app.ts', '--out', 'app.ts'], dir);
    expect(file.status).to.equal(2);
    expect(file.stderr).to.contain(`--out app.ts: ${join(dir, 'app.ts')} is a file, not a folder. Name a folder for the output (e.g. --out azcdk.out).`);
    const here = await runAzcdkInProcess(['synth', '--app', 'app.ts', '--out', '.'], dir);
    expect(here.status).to.equal(1);
    expect(here.stderr).to.contain(`[${dir}] is the current folder or one of its parents`);
    expect(existsSync(join(dir, 'app.ts'))).to.equal(true);
  });

  it('fails with exit 1, names the file and keeps the previous output when the app throws', async () => {
    const { dir } = project(`${NETWORK_APP}\nthrow new Error('boom: missing setting');`);
    const run = await runAzcdkInProcess(['synth', '--app', 'app.ts'], dir);
    expect(run.status).to.equal(1);
    expect(run.stderr).to.contain(`[${join(dir, 'app.ts')}] the app threw: boom: missing setting`);
    expect(untouched(dir)).to.equal(true);
  });

  it('fails with exit 1 and all problems when validation fails, keeping the previous output', async () => {
    const { dir } = project(`${NETWORK_APP}\nnew Parameter(stack, 'pw', { type: 'securestring', defaultValue: 'x' });\nnew ArmResource(stack, 'Bad', { type: 'Microsoft.Test/things', apiVersion: '2025-01-01', name: 'b', properties: { f: () => 1 } });`);
    const run = await runAzcdkInProcess(['synth', '--app', 'app.ts'], dir);
    expect(run.status).to.equal(1);
    expect(run.stderr).to.contain('Synthesis found 2 problems:');
    expect(run.stderr).to.contain("[Net/pw] Secure parameter 'pw' must not have a defaultValue");
    expect(run.stderr).to.contain('[Net/Bad] properties.f: a function cannot be written to a template');
    expect(untouched(dir)).to.equal(true);
  });

  it('explains duplicate construct ids', async () => {
    const { dir } = project(`${NETWORK_APP}\nnew ArmResource(stack, 'Nsg', { type: 'Microsoft.Test/things', apiVersion: '2025-01-01', name: 'x' });`);
    const run = await runAzcdkInProcess(['synth', '--app', 'app.ts'], dir);
    expect(run.status).to.equal(1);
    expect(run.stderr).to.contain("the app threw: There is already a Construct with name 'Nsg' in Stack [Net]. Give every construct a unique id within its scope.");
    expect(run.stderr).to.match(/at .*app\.ts:\d+/);
    expect(run.stderr).to.not.contain('node_modules');
  });

  it("adds the app's own line to azcdk errors thrown while the app runs", async () => {
    const { dir } = project(`new Stack(new App(), 'my stack');`);
    const run = await runAzcdkInProcess(['synth', '--app', 'app.ts'], dir);
    expect(run.status).to.equal(1);
    expect(run.stderr).to.contain("[my stack] Invalid stack name 'my stack': use 1-64 letters");
    expect(run.stderr).to.contain(`(${join(dir, 'app.ts')}:2:`);
    expect(untouched(dir)).to.equal(true);
  });

  it('points stack traces at the real .ts file when run from another folder', async () => {
    const root = tempDir();
    const sub = join(root, 'infra');
    mkdirSync(sub);
    writeApp(sub, 'app.ts', `${NETWORK_APP}\nthrow new Error('boom');`);
    for (const cwd of [root, sub]) { // the cached bundle must serve both
      const run = await runAzcdkInProcess(['synth', '--app', cwd === root ? 'infra/app.ts' : 'app.ts', '--out', join(root, 'out')], cwd);
      expect(run.status).to.equal(1);
      expect(run.stderr).to.contain(`(${join(sub, 'app.ts')}:`);
      expect(run.stderr).to.not.contain(join(sub, 'infra'));
    }
  });

  it('runs TypeScript apps split over several files, and reports compile errors with their location', async () => {
    const { dir } = project(`import { helperName } from './helper.js';\n${NETWORK_APP}\nnew Output(stack, 'helper', { value: helperName() });`);
    writeFileSync(join(dir, 'helper.ts'), "export function helperName(): string { return 'from-helper'; }\n");
    expect((await runAzcdkInProcess(['synth', '--app', 'app.ts'], dir)).status).to.equal(0);
    expect(JSON.parse(readFileSync(join(dir, 'azcdk.out', 'Net.json'), 'utf8')).outputs.helper.value).to.equal('from-helper');
    expect(readdirSync(dir).filter((f) => f.includes('.azcdk-'))).to.deep.equal([]);
    writeFileSync(join(dir, 'helper.ts'), 'export function helperName(: string {\n');
    const broken = await runAzcdkInProcess(['synth', '--app', 'app.ts'], dir);
    expect(broken.status).to.equal(1);
    expect(broken.stderr).to.match(/\] the app does not compile:\n.*helper\.ts:1:\d+: /);
  });

  it('fails with exit 1 when the app file does not exist', async () => {
    const { dir } = project();
    const run = await runAzcdkInProcess(['synth', '--app', 'missing.ts'], dir);
    expect(run.status).to.equal(1);
    expect(run.stderr).to.contain(`[--app] app file 'missing.ts' does not exist (looked for ${join(dir, 'missing.ts')})`);
    expect(untouched(dir)).to.equal(true);
  });

  it('fails with exit 1 when a shell command app fails, showing its stderr', async () => {
    const { dir } = project();
    const run = await runAzcdkInProcess(['synth', '--app', `"${process.execPath}" -e "console.error('no config'); process.exit(3)"`], dir);
    expect(run.status).to.equal(1);
    expect(run.stderr).to.contain('failed with exit code 3:\nno config');
    expect(untouched(dir)).to.equal(true);
  });

  it('reports a broken azcdk.json and a missing app with usage help', async () => {
    const { dir } = project();
    writeFileSync(join(dir, 'azcdk.json'), '{ app: ');
    const broken = await runAzcdkInProcess(['synth'], dir);
    expect(broken.status).to.equal(1);
    expect(broken.stderr).to.contain(`[${join(dir, 'azcdk.json')}] is not valid JSON`);
    const empty = tempDir();
    const none = await runAzcdkInProcess(['synth'], empty);
    expect(none.status).to.equal(2);
    expect(none.stderr).to.contain('No app to synthesize: pass --app FILE|COMMAND, or create azcdk.json');
  });

  it('exits 2 on unknown flags and missing commands, 0 on --help and --version', async () => {
    const { dir } = project();
    const unknown = await runAzcdkInProcess(['synth', '--app', 'app.ts', '--frobnicate'], dir);
    expect(unknown.status).to.equal(2);
    expect(unknown.stderr).to.contain('Unknown argument: frobnicate');
    expect(untouched(dir)).to.equal(true);
    expect((await runAzcdkInProcess([], dir)).status).to.equal(2);
    const help = await runAzcdkInProcess(['synth', '--help'], dir);
    expect(help.status).to.equal(0);
    expect(help.stdout).to.contain('--check');
    const version = await runAzcdkInProcess(['--version'], dir);
    expect(version.stdout.trim()).to.match(/^\d+\.\d+\.\d+$/);
  });

  it('--check FILE is a usage error', async () => {
    const { dir } = project();
    const run = await runAzcdkInProcess(['synth', '--app', 'app.ts', '--check', 'package.json'], dir);
    expect(run.status).to.equal(2);
    expect(run.stderr).to.equal(`--check package.json: ${join(dir, 'package.json')} is a file, not a folder. Pass the folder synth wrote (e.g. --check templates/my-app).\n`);
  });

  it('--check passes when the folder matches and fails, listing files, when it drifts', async () => {
    const { dir } = project();
    expect((await runAzcdkInProcess(['synth', '--app', 'app.ts', '--out', 'committed'], dir)).status).to.equal(0);
    const ok = await runAzcdkInProcess(['synth', '--app', 'app.ts', '--check', 'committed'], dir);
    expect(ok.status).to.equal(0);
    expect(ok.stdout).to.match(/^committed is up to date \(\d+ files\)\.\n$/);
    const template = join(dir, 'committed', 'Net.json');
    writeFileSync(template, readFileSync(template, 'utf8').replace('"nsg"', '"nsg-old"'));
    writeFileSync(join(dir, 'committed', 'stray.json'), '{}');
    const drift = await runAzcdkInProcess(['synth', '--app', 'app.ts', '--check', 'committed'], dir);
    expect(drift.status).to.equal(1);
    expect(drift.stderr).to.match(/changed: Net\.json \(line \d+: committed ".*nsg-old.*", synth ".*\\"nsg\\".*"\)/);
    expect(drift.stderr).to.contain('extra: stray.json');
    // The suggested command names the app it checked: run as printed, it rewrites this folder with this app.
    expect(drift.stderr).to.contain("Run 'azcdk synth --app app.ts --out committed' and commit the result.");
    writeFileSync(join(dir, 'azcdk.json'), '{ "app": "app.ts" }');
    const fromProject = await runAzcdkInProcess(['synth', '--check', 'committed'], dir);
    expect(fromProject.stderr).to.contain("Run 'azcdk synth --out committed' and commit the result.");
  });

  it('--stack narrows what is printed and checked; the folder always holds the whole app; unknown stacks are refused', async () => {
    const { dir } = project(`${NETWORK_APP}\nconst other = new Stack(app, 'Other');\nnew ArmResource(other, 'X', { type: 'Microsoft.Test/things', apiVersion: '2025-01-01', name: 'x' });\nother.node.addDependency(stack);`);
    const run = await runAzcdkInProcess(['synth', 'Other', '--app', 'app.ts'], dir);
    expect(run.stderr).to.equal('');
    expect(run.stdout).to.equal('Synthesized Other into azcdk.out/ (with Net: the folder always holds the whole app)\n');
    expect(readdirSync(join(dir, 'azcdk.out')).sort()).to.deep.equal(['Net.bicep', 'Net.json', 'Net.parameters.json', 'Other.bicep', 'Other.json', 'Other.parameters.json', 'manifest.json']);
    const manifest = JSON.parse(readFileSync(join(dir, 'azcdk.out', 'manifest.json'), 'utf8'));
    expect(Object.keys(manifest.stacks)).to.deep.equal(['Net', 'Other']);
    expect(manifest.stacks.Other.dependencies).to.deep.equal(['Net']);
    const check = await runAzcdkInProcess(['synth', 'Other', '--app', 'app.ts', '--check', 'azcdk.out'], dir);
    expect(check.stderr).to.equal('');
    expect(check.stdout).to.equal('azcdk.out is up to date (4 files of Other and the manifest).\n');
    // A drifted file of another stack is not Other's business; a stray file is nobody's.
    writeFileSync(join(dir, 'azcdk.out', 'Net.bicep'), 'drifted');
    expect((await runAzcdkInProcess(['synth', 'Other', '--app', 'app.ts', '--check', 'azcdk.out'], dir)).status).to.equal(0);
    writeFileSync(join(dir, 'azcdk.out', 'Other.bicep'), 'drifted');
    writeFileSync(join(dir, 'azcdk.out', 'stray.json'), '{}');
    const drift = await runAzcdkInProcess(['synth', 'Other', '--app', 'app.ts', '--check', 'azcdk.out'], dir);
    expect(drift.status).to.equal(1);
    expect(drift.stderr).to.match(/^changed: Other\.bicep \(line 1: committed "drifted", .*\)\nextra: stray\.json\n\[azcdk\.out\] differs from what synth writes \(2 files\)/);
    const unknown = await runAzcdkInProcess(['synth', '--stack', 'Nope', '--app', 'app.ts'], dir);
    expect(unknown.status).to.equal(2);
    expect(unknown.stderr).to.equal("No stack named 'Nope'; the app has: Net, Other.\n");
  });

  it('prints warnings, and fails on them with --strict', async () => {
    const { dir } = project(`${NETWORK_APP}\nAnnotations.of(nsg).addWarning('no rules: all inbound traffic from the VNet is allowed');`);
    const lenient = await runAzcdkInProcess(['synth', '--app', 'app.ts'], dir);
    expect(lenient.status).to.equal(0);
    expect(lenient.stderr).to.equal('warning: [Net/Nsg] no rules: all inbound traffic from the VNet is allowed\n');
    const strict = await runAzcdkInProcess(['synth', '--app', 'app.ts', '--strict', '--out', 'strict-out'], dir);
    expect(strict.status).to.equal(1);
    expect(strict.stderr).to.contain('--strict: 1 warning (above) fail synthesis.');
    expect(existsSync(join(dir, 'strict-out'))).to.equal(false);
  });
});

// These run the binary: what they test is the process boundary. The binary synthesizes an app file
// when the event loop has nothing left but azcdk ('beforeExit'), and an app's process.exit() or late
// error must stop that process; a run inside mocha's process never sees its loop empty. Each spawn
// of node costs about 0.3 s on an idle machine (over 1 s on a busy one).
// (--help and --version go through the CLI's io, so they run in-process with the rest.)
describe('azcdk synth: an app file is synthesized when its own work is done', () => {
  const RESOURCE = `new ArmResource(stack, 'R', { type: 'Microsoft.Test/things', apiVersion: '2025-01-01', name: 'r' });`;

  it('waits for work after an await in an async IIFE, and for top-level await', () => {
    const { dir } = project(`const app = new App();\n(async () => {\n  await new Promise((r) => setTimeout(r, 30));\n  const stack = new Stack(app, 'Late');\n  ${RESOURCE}\n})();`);
    const run = runAzcdk(['synth', '--app', 'app.ts'], dir);
    expect(run.stderr).to.equal('');
    expect(run.stdout).to.equal('Synthesized Late into azcdk.out/\n');
    expect(JSON.parse(readFileSync(join(dir, 'azcdk.out', 'Late.json'), 'utf8')).resources).to.have.length(1);
    const tla = project(`const app = new App();\nawait new Promise((r) => setTimeout(r, 30));\nconst stack = new Stack(app, 'Top');\n${RESOURCE}`, 'app.mjs');
    const run2 = runAzcdk(['synth', '--app', 'app.mjs'], tla.dir);
    expect(run2.stderr).to.equal('');
    expect(run2.stdout).to.equal('Synthesized Top into azcdk.out/\n');
  });

  it('fails with exit 1 and writes nothing when the app throws later, in a timer or a rejected promise', () => {
    const { dir } = project(`const app = new App();\nconst stack = new Stack(app, 'S');\n${RESOURCE}\nsetTimeout(() => { throw new Error('late failure'); }, 20);`);
    const run = runAzcdk(['synth', '--app', 'app.ts'], dir);
    expect(run.status).to.equal(1);
    expect(run.stdout).to.equal('');
    expect(run.stderr).to.equal(`[${join(dir, 'app.ts')}] the app's asynchronous work threw (nothing was written): late failure.\n    at Timeout._onTimeout (${join(dir, 'app.ts')}:5:26)\n`);
    expect(untouched(dir)).to.equal(true);
    const rejected = project(`const app = new App();\nnew Stack(app, 'S');\nPromise.reject(new Error('nope'));`, 'app.mjs');
    const run2 = runAzcdk(['synth', '--app', 'app.mjs'], rejected.dir);
    expect(run2.status).to.equal(1);
    expect(run2.stderr).to.match(/^\[.*app\.mjs\] the app's asynchronous work threw \(nothing was written\): nope\.\n/);
    expect(untouched(rejected.dir)).to.equal(true);
  });

  // Slow on purpose (over 3 s): azcdk says what it waits for after 3 s of waiting, in the binary.
  it('says what it waits for when the app keeps a timer open, and writes nothing meanwhile', async () => {
    const { dir } = project(`const app = new App();\nconst stack = new Stack(app, 'S');\n${RESOURCE}\nsetInterval(() => {}, 1000);`);
    const child = spawn(process.execPath, [CLI, 'synth', '--app', 'app.ts'], { cwd: dir });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    await new Promise<void>((resolve) => {
      const poll = setInterval(() => {
        if (stderr.includes('still waiting')) {
          clearInterval(poll);
          resolve();
        }
      }, 50);
    });
    child.kill();
    expect(stderr).to.equal(
      `[${join(dir, 'app.ts')}] azcdk is still waiting for the app to finish: it synthesizes once the app has no pending work, and the app still has ` +
        `timers, sockets or other handles open. If it keeps one open on purpose (a setInterval, a server, a client with keep-alive), close it or call unref() on it.\n`,
    );
    expect(untouched(dir)).to.equal(true);
  });

  it('reports process.exit() in the app, exits 1 and leaves nothing behind', () => {
    const { dir } = project(`const app = new App();\nconst stack = new Stack(app, 'S');\n${RESOURCE}\nprocess.exit(0);`);
    const run = runAzcdk(['synth', '--app', 'app.ts'], dir);
    expect(run.status).to.equal(1);
    expect(run.stderr).to.equal(
      `[${join(dir, 'app.ts')}] the app called process.exit(0) before azcdk could synthesize it, so nothing was written. Remove the call: azcdk synthesizes the app when its work is done.\n`,
    );
    expect(readdirSync(dir).sort()).to.deep.equal(['app.ts', 'azcdk.out', 'package.json']);
    expect(untouched(dir)).to.equal(true);
  });

  it('gives TypeScript apps __dirname, __filename and require of each file, and a hint for .js apps', async () => {
    const { dir } = project(`import { where } from './sub/helper.js';\nconst app = new App();\nconst stack = new Stack(app, 'D', { description: __dirname + '|' + where() });\n${RESOURCE}`);
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'sub', 'helper.ts'), "export const where = () => `${__dirname}|${__filename}|${require('node:path').basename('/a/b.txt')}`;\n");
    const run = await runAzcdkInProcess(['synth', '--app', 'app.ts'], dir);
    expect(run.stderr).to.equal('');
    const template = JSON.parse(readFileSync(join(dir, 'azcdk.out', 'D.json'), 'utf8'));
    expect(template.metadata.description).to.equal(`${dir}|${join(dir, 'sub')}|${join(dir, 'sub', 'helper.ts')}|b.txt`);
    const js = project(`const app = new App();\nconsole.log(__dirname);`, 'app.mjs');
    const run2 = await runAzcdkInProcess(['synth', '--app', 'app.mjs'], js.dir);
    expect(run2.status).to.equal(1);
    expect(run2.stderr).to.contain(
      'the app threw: __dirname is not defined in ES module scope. azcdk apps are ES modules: use import.meta.dirname, import.meta.filename, or createRequire(import.meta.url) from node:module (TypeScript apps get __dirname, __filename and require defined for them).',
    );
  });

  it('gives each file of a TypeScript app its own import.meta.url, dirname and filename (not the bundle\'s)', async () => {
    const { dir } = project(
      `import { where } from './sub/helper.js';\nconst app = new App();\nconst stack = new Stack(app, 'D', { description: import.meta.filename + '|' + where() });\n${RESOURCE}`,
    );
    mkdirSync(join(dir, 'sub'));
    writeFileSync(
      join(dir, 'sub', 'helper.ts'),
      "import { dirname } from 'node:path';\nimport { fileURLToPath } from 'node:url';\nconst __dirname = dirname(fileURLToPath(import.meta.url));\n" +
        "export const where = () => `${__dirname}|${import.meta.dirname}|${import.meta.filename}|${'import.meta.url'}`;\n",
    );
    const run = await runAzcdkInProcess(['synth', '--app', 'app.ts'], dir);
    expect(run.stderr).to.equal('');
    const template = JSON.parse(readFileSync(join(dir, 'azcdk.out', 'D.json'), 'utf8'));
    expect(template.metadata.description).to.equal(`${join(dir, 'app.ts')}|${join(dir, 'sub')}|${join(dir, 'sub')}|${join(dir, 'sub', 'helper.ts')}|import.meta.url`);
  });

  it('runs an app file whose path has a space in it', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'my apps'));
    writeApp(join(dir, 'my apps'), 'app.ts', NETWORK_APP);
    const run = await runAzcdkInProcess(['synth', '--app', join(dir, 'my apps', 'app.ts')], dir);
    expect(run.stderr).to.equal('');
    expect(run.stdout).to.equal('Synthesized Net into azcdk.out/\n');
  });
});
