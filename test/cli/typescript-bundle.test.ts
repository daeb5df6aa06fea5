/**
 * Where a TypeScript app's bundle lives while it runs: never among the user's sources (a killed
 * run used to leave `.app.ts.azcdk-<pid>-1.mjs` beside the app for good), but in
 * node_modules/.cache/azcdk, from where the packages the app imports still resolve; bundles that
 * stopped runs left (there, or beside the app from older versions) are removed by the next run.
 */
import { expect } from 'chai';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { NETWORK_APP, runAzcdk, tempDir, writeApp } from '../support/cli.js';

/** A process id no process has (above Linux's largest pid_max, 2^22). */
const DEAD_PID = 4_194_305;

function projectWithPackage(body: string): string {
  const dir = tempDir();
  const pkg = join(dir, 'node_modules', 'greeting');
  mkdirSync(pkg, { recursive: true });
  writeFileSync(join(pkg, 'package.json'), JSON.stringify({ name: 'greeting', type: 'module', exports: { import: './index.js' } }));
  writeFileSync(join(pkg, 'index.js'), "export const greeting = 'hello from a package';\n");
  writeApp(dir, 'app.ts', `import { readdirSync } from 'node:fs';\nimport { greeting } from 'greeting';\n${body}`);
  return dir;
}

describe('TypeScript app bundles', () => {
  it('are imported from node_modules/.cache/azcdk, not beside the app, and packages still resolve', () => {
    const dir = projectWithPackage(`${NETWORK_APP}
new Output(stack, 'greeting', { value: greeting });
new Output(stack, 'besideApp', { value: readdirSync(import.meta.dirname).filter((n) => n.includes('azcdk-')).join(',') || 'none' });
new Output(stack, 'inCache', { value: readdirSync(import.meta.dirname + '/node_modules/.cache/azcdk').filter((n) => n.endsWith('.mjs')).length });`);
    const run = runAzcdk(['synth', '--app', 'app.ts'], dir);
    expect(run.status, run.stderr).to.equal(0);
    const outputs = JSON.parse(readFileSync(join(dir, 'azcdk.out', 'Net.json'), 'utf8')).outputs;
    expect(outputs.greeting.value).to.equal('hello from a package');
    expect(outputs.besideApp.value).to.equal('none');
    expect(outputs.inCache.value).to.equal(1);
    expect(readdirSync(join(dir, 'node_modules', '.cache', 'azcdk'))).to.deep.equal([]);
  });

  it('point stack traces at the .ts file from node_modules/.cache too', () => {
    const dir = projectWithPackage(`${NETWORK_APP}\nthrow new Error(greeting);`);
    const run = runAzcdk(['synth', '--app', 'app.ts'], dir);
    expect(run.status).to.equal(1);
    expect(run.stderr).to.contain('hello from a package');
    expect(run.stderr).to.contain(`(${join(dir, 'app.ts')}:`);
    expect(run.stderr).to.not.contain('.cache');
  });

  it('that stopped runs left behind are removed by the next run; those of running processes stay', () => {
    const dir = projectWithPackage(NETWORK_APP);
    const cache = join(dir, 'node_modules', '.cache', 'azcdk');
    mkdirSync(cache, { recursive: true });
    const stale = [join(dir, `.app.ts.azcdk-${DEAD_PID}-1.mjs`), join(cache, `app.ts.azcdk-${DEAD_PID}-1.mjs`)];
    const running = join(cache, `app.ts.azcdk-${process.pid}-1.mjs`);
    for (const file of [...stale, running]) writeFileSync(file, 'export {};\n');
    const run = runAzcdk(['synth', '--app', 'app.ts'], dir);
    expect(run.status, run.stderr).to.equal(0);
    expect(stale.filter(existsSync)).to.deep.equal([]);
    expect(existsSync(running)).to.equal(true);
  });
});
