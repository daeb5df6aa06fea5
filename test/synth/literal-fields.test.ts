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

  it('refuses a token in an annotation message where it is added, at the construct', () => {
    const app = new App();
    const s = new Stack(app, 'S');
    const p = new Parameter(s, 'p', { type: 'string' });
    const r = new ArmResource(s, 'R', { type: 'Microsoft.Test/things', apiVersion: '2025-01-01', name: 'r', location: null });
    const advice = "the message holds a token (an expression such as a Parameter's value or a resource's name), but annotation messages are shown as written: pass text, not a token (e.g. name the construct or the literal value).";
    expect(() => Annotations.of(r).addWarning(`warning about ${p.value}`)).to.throw(`[S/R] Annotations.addWarning(): ${advice}`);
    expect(() => Annotations.of(s).addInfo(`${r.name}`)).to.throw(`[S] Annotations.addInfo(): ${advice}`);
    expect(() => Annotations.of(r).addError(`bad ${Fn.resourceGroup().get('name')}`)).to.throw(`[S/R] Annotations.addError(): ${advice}`);
    expect(app.synth().annotations).to.deep.equal([]);
  });

  it('fails synthesis naming each file and the place when a token would reach it anyway (the last guard)', () => {
    const app = new App();
    const s = new Stack(app, 'S');
    const p = new Parameter(s, 'p', { type: 'string' });
    const r = new ArmResource(s, 'R', { type: 'Microsoft.Test/things', apiVersion: '2025-01-01', name: 'r', location: null });
    // What a check could miss, made on purpose: a field changed after the constructor checked it
    // (template, Bicep, manifest), a value that reads as a literal when validated (parameters file).
    Object.defineProperty(r, 'apiVersion', { value: `${p.value}` });
    let reads = 0;
    const value = {};
    Object.defineProperty(value, 'x', { enumerable: true, get: () => (reads++ ? `${p.value}` : 'plain') });
    new Parameter(s, 'q', { type: 'object', value });
    const leak = 'an expression was given to a field that takes only literal values. Pass the value itself there (if the field should take expressions, this is a bug in azcdk: please report it).';
    expect(errorOf(() => app.synth())).to.equal(
      'Synthesis found 4 problems:\n' +
        `  [S.json] would hold an unresolved token at resources[0].apiVersion: ${leak}\n` +
        `  [S.bicep] would hold an unresolved token at line 5: ${leak}\n` +
        `  [S.parameters.json] would hold an unresolved token at parameters.q.value.x: ${leak}\n` +
        `  [manifest.json] would hold an unresolved token at stacks.S.resources.r.apiVersion: ${leak}`,
    );
  });
});
