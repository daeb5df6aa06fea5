/**
 * Process-wide state has one home, core/process-state.ts: the token table, the CLI's app collector,
 * the shell-command hook and the registered synthesizer. Everything else lives in the construct tree.
 */
import { expect } from 'chai';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { App, ArmResource, Parameter, Stack } from '../../lib/index.js';
import { PROJECT_ROOT } from '../support/cli.js';
import { templateOf } from '../support/synth.js';

describe('core: process-wide state', () => {
  it('only core/process-state.ts touches globalThis, adds process listeners or reads stdin in the layers below the CLI', () => {
    const lib = join(PROJECT_ROOT, 'lib');
    const offenders: string[] = [];
    for (const layer of ['core', 'synth', 'resources', 'patterns', 'common', 'deploy', 'review', 'assertions']) {
      for (const file of readdirSync(join(lib, layer), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'))) {
        const path = `${layer}/${file.split(/[\\/]/).join('/')}`;
        if (path === 'core/process-state.ts') continue;
        // Code only: doc comments may name them.
        const code = readFileSync(join(lib, path), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
        for (const use of code.match(/globalThis|process\.stdin|process\.(on|once|addListener|prependListener)\(/g) ?? []) offenders.push(`lib/${path}: ${use}`);
      }
    }
    expect(offenders).to.deep.equal([]);
  });

  it('a Parameter named location replaces the stack\'s implicit one without writing onto the Stack', () => {
    const app = new App();
    const stack = new Stack(app, 'S');
    const before = Object.getOwnPropertySymbols(stack).length;
    new Parameter(stack, 'Loc', { name: 'location', type: 'string', allowedValues: ['westeurope', 'northeurope'] });
    new Parameter(stack, 'Second', { name: 'location2', type: 'string' });
    new ArmResource(stack, 'R', { type: 'Microsoft.Test/things', apiVersion: '2025-01-01', name: 'r', location: stack.location });
    expect(Object.getOwnPropertySymbols(stack)).to.have.length(before);
    const template = templateOf(app, 'S');
    expect(template.parameters.location).to.deep.equal({ type: 'string', allowedValues: ['westeurope', 'northeurope'] });
    expect(template.resources[0].location).to.equal("[parameters('location')]");
  });
});
