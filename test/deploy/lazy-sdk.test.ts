/**
 * `azcdk synth` must not load the Azure SDK: deploy imports it inside its handler. A module hook
 * in a child process refuses every `@azure/*` import; synth still works, deploy trips it.
 */
import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { removeDir, tempDir } from '../support/deploy-cli.js';

describe('deploy: the SDK is loaded lazily', () => {
  let dir: string;
  beforeEach(() => { dir = tempDir(); });
  afterEach(() => removeDir(dir));

  function run(argv: string[]) {
    writeFileSync(join(dir, 'hook.mjs'), `export async function resolve(s, c, next) { if (s.startsWith('@azure/')) throw new Error('SDK LOADED: ' + s); return next(s, c); }\n`);
    writeFileSync(join(dir, 'register.mjs'), `import { register } from 'node:module'; register(${JSON.stringify(pathToFileURL(join(dir, 'hook.mjs')).href)});\n`);
    const main = pathToFileURL(join(process.cwd(), 'dist/lib/cli/main.js')).href;
    writeFileSync(join(dir, 'run.mjs'), `import { runCli } from ${JSON.stringify(main)}; process.exitCode = await runCli(${JSON.stringify(argv)});\n`);
    return spawnSync(process.execPath, ['--import', pathToFileURL(join(dir, 'register.mjs')).href, join(dir, 'run.mjs')], {
      cwd: process.cwd(), encoding: 'utf8', env: { ...process.env, AZCDK_TOKEN: 't', AZURE_SUBSCRIPTION_ID: 's' },
    });
  }

  it('synth runs without touching @azure/*', () => {
    const result = run(['synth', '--app', 'examples/hello/app.ts', '--out', join(dir, 'out')]);
    expect(result.status, result.stderr).to.equal(0);
    expect(result.stderr).to.not.contain('SDK LOADED');
  });

  it('deploy does load it (the hook works)', () => {
    const result = run(['deploy', '--app', 'examples/hello/app.ts', '--out', join(dir, 'out'), '-g', 'rg', '--endpoint', 'http://127.0.0.1:9', '--yes']);
    expect(result.stderr).to.contain('SDK LOADED: @azure/arm-resources');
  });
});
