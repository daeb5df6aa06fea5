import { expect } from 'chai';
import { Annotations, AssertionUsageError, Match, MismatchError } from '../../lib/assertions/index.js';
import { App, Annotations as CoreAnnotations, ArmResource, Stack } from '../../lib/index.js';
import { errorOf } from '../support/synth.js';

const T = { type: 'Microsoft.T/a', apiVersion: '2025-01-01' } as const;

/** A stack S with a warning and an info on S/A, a warning on S/B, and B's hard-coded location (synth's own warning). */
function warnedStack(): Stack {
  const stack = new Stack(new App(), 'S');
  const a = new ArmResource(stack, 'A', { ...T, name: 'a', location: null });
  const b = new ArmResource(stack, 'B', { ...T, name: 'b', location: 'westeurope' });
  CoreAnnotations.of(a).addWarning('a is open to the internet');
  CoreAnnotations.of(a).addInfo('a is cheap');
  CoreAnnotations.of(b).addWarning('b is old');
  return stack;
}

describe('assertions: Annotations', () => {
  it('finds warnings and info by construct path (with or without a leading slash, or *) and message', () => {
    const annotations = Annotations.fromStack(warnedStack());
    annotations.hasWarning('S/A', 'a is open to the internet');
    annotations.hasWarning('/S/A', Match.stringLikeRegexp('internet'));
    annotations.hasWarning('*', 'b is old');
    annotations.hasWarning('S/B', Match.stringLikeRegexp("^location 'westeurope' is hard-coded"));
    annotations.hasInfo('S/A', 'a is cheap');
    annotations.hasNoWarning('S/A', 'b is old');
    annotations.hasNoError('*', Match.anyValue());
    expect(annotations.findWarning('*', Match.anyValue()).map((a) => a.path)).to.deep.equal(['S/A', 'S/B', 'S/B']);
    expect(annotations.findInfo('S/A', Match.anyValue())).to.deep.equal([{ level: 'info', path: 'S/A', message: 'a is cheap' }]);
  });

  it('says what there is when the annotation is missing', () => {
    const annotations = Annotations.fromStack(warnedStack());
    expect(errorOf(() => annotations.hasWarning('S/A', 'a is closed'))).to.equal(
      'Expected a warning at S/A matching "a is closed", but the warnings at S/A are "a is open to the internet".',
    );
    expect(errorOf(() => annotations.hasError('S/A', Match.stringLikeRegexp('x')))).to.equal(
      'Expected an error at S/A matching Match.stringLikeRegexp(/x/m), but there are no errors at S/A.',
    );
    expect(errorOf(() => annotations.hasInfo('S/B', 'a is cheap'))).to.equal(
      'Expected an info message at S/B matching "a is cheap", but there are no info messages at S/B (elsewhere: S/A "a is cheap").',
    );
    expect(errorOf(() => annotations.hasNoWarning('*', Match.stringLikeRegexp('old')))).to.equal(
      'Expected no warnings in the stack matching Match.stringLikeRegexp(/old/m), but found S/B "b is old".',
    );
    expect(() => annotations.hasWarning('S/A', 'x')).to.throw(MismatchError);
  });

  it('reads the errors of a synthesis that fails, with the warnings constructs added', () => {
    const stack = warnedStack();
    CoreAnnotations.of(stack.node.findChild('A')).addError('a cannot work');
    const annotations = Annotations.fromStack(stack);
    annotations.hasError('S/A', 'a cannot work');
    annotations.hasWarning('S/B', 'b is old');
    expect(annotations.findError('*', Match.anyValue())).to.deep.equal([{ level: 'error', path: 'S/A', message: 'a cannot work' }]);
  });

  it('refuses a path outside the stack, and what is not a stack', () => {
    const annotations = Annotations.fromStack(warnedStack());
    expect(errorOf(() => annotations.hasWarning('A', 'x'))).to.equal("'A' is not a construct path of stack S: paths start with the stack, e.g. 'S/Db' (or pass '*').");
    expect(() => annotations.hasWarning('A', 'x')).to.throw(AssertionUsageError);
    expect(errorOf(() => Annotations.fromStack({} as Stack))).to.equal('Annotations.fromStack expects a Stack, got an instance of Object.');
  });
});
