import { expect } from 'chai';
import { Annotations, App, ArmResource, Fn, Output, Parameter, Stack } from '../../lib/index.js';
import { errorOf } from '../support/synth.js';

const LITERAL = 'must be literal, but holds an expression (a parameter, resource attribute or function)';

describe('literal-only fields refuse expressions, and no raw token reaches a file', () => {
  it('refuses expressions in parameter values (also as object keys), allowedValues and descriptions', () => {
    const app = new App();
    const s = new Stack(app, 'S', { description: `stack ${Fn.resourceGroup().get('name')}` });
    const p = new Parameter(s, 'p', { type: 'string', value: 'v' });
    new Parameter(s, 'o', { type: 'object', value: { [`${p.value}`]: 1 } });
    new Parameter(s, 'q', { type: 'string', allowedValues: [p.valueAsString], description: `d ${p.value}` });
    new Output(s, 'out', { value: 'x', description: `about ${p.value}` });
    expect(errorOf(() => app.synth())).to.equal(
      'Synthesis found 5 problems:\n' +
        `  [S] description: ${LITERAL}: ARM shows metadata as it is written and never evaluates it. Write the text itself.\n` +
        `  [S/o] value: ${LITERAL}: the parameters file holds plain values. Put expressions in defaultValue instead.\n` +
        `  [S/q] allowedValues: ${LITERAL}: ARM compares the value with them before evaluating any expression. List the values themselves.\n` +
        `  [S/q] description: ${LITERAL}: ARM shows metadata as it is written and never evaluates it. Write the text itself.\n` +
        `  [S/out] description: ${LITERAL}: ARM shows metadata as it is written and never evaluates it. Write the text itself.`,
    );
  });

  it('fails synthesis naming the file and the place when a token would reach a file anyway', () => {
    const app = new App();
    const s = new Stack(app, 'S');
    const p = new Parameter(s, 'p', { type: 'string' });
    const r = new ArmResource(s, 'R', { type: 'Microsoft.Test/things', apiVersion: '2025-01-01', name: 'r', location: null });
    Annotations.of(r).addWarning(`warning about ${p.value}`);
    expect(errorOf(() => app.synth())).to.equal(
      'Synthesis found 1 problem:\n' +
        '  [manifest.json] would hold an unresolved token at stacks.S.annotations[0].message: an expression was given to a field that takes only literal values. ' +
        'Pass the value itself there (if the field should take expressions, this is a bug in azcdk: please report it).',
    );
  });
});
