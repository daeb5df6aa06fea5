import { expect } from 'chai';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { declarationOwners } from '../../lib/cli/bicep-check.js';
import { testBicepPath } from '../support/bicep-compiler.js';
import { runAzcdk, tempDir, writeApp } from '../support/cli.js';

/** An NSG with a property its type does not define: the Bicep compiler warns (BCP089, with a did-you-mean). */
const MISSPELLED_APP = `
const app = new App();
const stack = new Stack(app, 'Net');
const location = new Parameter(stack, 'where', { type: 'string', defaultValue: 'westeurope' });
new ArmResource(stack, 'Nsg', { type: 'Microsoft.Network/networkSecurityGroups', apiVersion: '2025-07-01', name: 'nsg', location: location.value,
  properties: { securityRulez: [] } });
`;

/**
 * A string parameter where the type wants a boolean: azcdk's own validation skips values known only
 * at deployment, the compiler warns (BCP036), so --strict fails on the compiler's finding alone.
 */
const MISTYPED_APP = `
const app = new App();
const stack = new Stack(app, 'Net');
const location = new Parameter(stack, 'where', { type: 'string', defaultValue: 'westeurope' });
new ArmResource(stack, 'Nsg', { type: 'Microsoft.Network/networkSecurityGroups', apiVersion: '2025-07-01', name: 'nsg', location: location.value,
  properties: { flushConnection: location.value } });
`;

describe('azcdk synth --bicep-check', function () {
  this.timeout(60_000);
  let dir = '';
  beforeEach(() => {
    dir = tempDir();
    writeApp(dir, 'app.mjs', MISSPELLED_APP);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('prints the compiler findings at the construct path, and fails on warnings only with --strict', function () {
    const bicep = testBicepPath();
    if (!bicep) this.skip();
    const run = runAzcdk(['synth', '--app', 'app.mjs', '--bicep-check', '--bicep-path', bicep!], dir);
    expect(run.status, run.stderr).to.equal(0);
    expect(run.stderr).to.match(/^warning: \[Net\/Nsg\] Net\.bicep:\d+:\d+ BCP089 The property "securityRulez" is not allowed .*Did you mean "securityRules"\?$/m);
    expect(run.stdout).to.match(/Bicep CLI \d+\.\d+\.\d+ \(option\): 1 file compiled, 0 errors, 1 warning\.\n$/);
    // azcdk's own validation warns about securityRulez too (and would fail --strict first).
    expect(run.stderr).to.contain('warning: [Net/Nsg] properties.securityRulez: is not a property of Microsoft.Network/networkSecurityGroups@2025-07-01.');
    writeApp(dir, 'app.mjs', MISTYPED_APP);
    const strict = runAzcdk(['synth', '--app', 'app.mjs', '--bicep-check', '--strict', '--bicep-path', bicep!], dir);
    expect(strict.status).to.equal(1);
    expect(strict.stderr).to.match(/^warning: \[Net\/Nsg\] Net\.bicep:\d+:\d+ BCP036 The property "flushConnection" expected a value of type "bool \| null"/m);
    expect(strict.stderr).to.contain('--strict: the Bicep compiler found 1 warning (above). Fix them or drop --strict.');
  });

  it('says how to get a compiler when none is found, before running the app', () => {
    const run = runAzcdk(['synth', '--app', 'app.mjs', '--bicep-check'], dir, { PATH: '/nonexistent', HOME: dir, AZCDK_BICEP: '' });
    expect(run.status).to.equal(1);
    expect(run.stderr).to.contain('--bicep-check: no Bicep CLI found (looked at AZCDK_BICEP, PATH and ~/.azure/bin/bicep). Install it (az bicep install, or https://aka.ms/bicep-install), or give its path with --bicep-path.');
    expect(run.stdout).to.not.contain('Synthesized');
  });

  it('refuses a --bicep-path that names no file as a usage error', () => {
    const run = runAzcdk(['synth', '--app', 'app.mjs', '--bicep-check', '--bicep-path', join(dir, 'no-bicep')], dir);
    expect(run.status).to.equal(2);
    expect(run.stderr).to.contain(`--bicep-check: Bicep CLI not found at ${join(dir, 'no-bicep')} (the path given): give the path of the 'bicep' executable.`);
  });
});

describe('declarationOwners: which construct a line of a Bicep file belongs to', () => {
  const text = [
    "@description('where')", // 1
    'param where string', // 2
    '', // 3
    "resource nsg 'Microsoft.Network/networkSecurityGroups@2025-07-01' = {", // 4
    "  name: 'nsg'", // 5
    '}', // 6
    '', // 7
    '@secure()', // 8
    'output o string = nsg.id', // 9
  ].join('\n');
  const owner = declarationOwners(text, 'Net', { nsg: { path: 'Net/Nsg' } });

  it('gives a resource line its construct path, from the manifest', () => {
    expect([4, 5, 6, 7].map(owner)).to.deep.equal(['Net/Nsg', 'Net/Nsg', 'Net/Nsg', 'Net/Nsg']);
  });

  it('gives decorator lines to the declaration below them, and names parameters and outputs in their stack', () => {
    expect([1, 2, 8, 9].map(owner)).to.deep.equal(['Net param where', 'Net param where', 'Net output o', 'Net output o']);
  });
});
