/**
 * MatchResult under AWS CDK's names, for custom matchers and ported tests: recordFailure({ matcher,
 * path, message, cost }), hasFailed(), failCount, toHumanStrings(), renderMismatch() (the cases of
 * AWS CDK's render.test.ts, in azcdk's words), recordCapture({ capture, value }), finished().
 */
import { expect } from 'chai';
import { Capture, Match, Matcher, MatchResult } from '../../lib/assertions/index.js';

/** An AWS-CDK-style custom matcher: an even number, recording failures the AWS CDK way. */
class Even extends Matcher {
  public readonly name = 'even';
  constructor(private readonly capture?: Capture) {
    super();
  }
  public test(actual: unknown): MatchResult {
    const result = new MatchResult(actual);
    if (typeof actual !== 'number') return result.recordFailure({ matcher: this, path: [], message: 'Expected a number', cost: 3 });
    if (actual % 2) return result.recordFailure({ matcher: this, path: [], message: `Expected an even number but received ${actual}` });
    if (this.capture) result.recordCapture({ capture: this.capture, value: actual });
    return result;
  }
}

describe('assertions: MatchResult with AWS CDK names', () => {
  it('a custom matcher records failures as AWS CDK does; costs rank them, paths compose', () => {
    const result = Match.objectLike({ a: new Even(), b: [new Even()] }).test({ a: 3, b: ['x'] });
    expect([result.hasFailed(), result.isSuccess, result.failCount, result.failCost]).to.deep.equal([true, false, 2, 4]);
    expect(result.toHumanStrings()).to.deep.equal([
      'Expected an even number but received 3 at /a (using even matcher)',
      'Expected a number at /b/0 (using even matcher)',
    ]);
    expect(result.renderMismatches()).to.deep.equal(['/a: Expected an even number but received 3', '/b/0: Expected a number']);
    expect(result.failures.map((f) => [f.matcher?.name, f.path, f.cost])).to.deep.equal([['even', ['a'], 1], ['even', ['b', '0'], 3]]);
  });

  it('recordCapture({ capture, value }) reaches the Capture through finished()', () => {
    const capture = new Capture();
    Match.arrayEquals([new Even(capture), new Even(capture)]).test([2, 4]).finished();
    expect([capture.asNumber(), capture.next(), capture.asNumber()]).to.deep.equal([2, true, 4]);
  });

  it('the message-string form of recordFailure still works and names no matcher', () => {
    const result = new MatchResult(1).recordFailure('nope', ['x'], 2);
    expect([result.failCount, result.failCost, result.toHumanStrings()]).to.deep.equal([1, 2, ['nope at /x']]);
  });

  describe('renderMismatch (AWS CDK render.test.ts)', () => {
    const cases: ReadonlyArray<{ name: string; target: unknown; matcher: Matcher; rendered: string[] }> = [
      {
        name: 'Match.objectLike with mismatched string value',
        target: { Value: 'Balue', Other: 'Other' },
        matcher: Match.objectLike({ Value: 'Value' }),
        rendered: ['{', '  "Other": "Other",', '!! expected "Value", got "Balue"', '  "Value": "Balue"', '}'],
      },
      {
        name: 'Deep Match.objectLike with mismatched string value',
        target: { Deep: { Value: 'Balue', Other: 'Other' } },
        matcher: Match.objectLike({ Deep: { Value: 'Value' } }),
        rendered: ['{', '  "Deep": {', '    "Other": "Other",', '!!   expected "Value", got "Balue"', '    "Value": "Balue"', '  }', '}'],
      },
      {
        name: 'Match.objectEquals with unexpected key',
        target: { Value: 'Value', Other: 'Other' },
        matcher: Match.objectEquals({ Value: 'Value' }),
        rendered: ['{', '!! unexpected key (objectEquals allows only Value)', '  "Other": "Other",', '  "Value": "Value"', '}'],
      },
      {
        name: 'Match.objectEquals with missing key',
        target: {},
        matcher: Match.objectEquals({ Value: 'Value' }),
        rendered: ['{', '!! missing: expected "Value"', '  "Value": undefined', '}'],
      },
      {
        name: 'Match.objectLike looking for absent key',
        target: { Value: 'Value' },
        matcher: Match.objectEquals({ Value: Match.absent() }),
        rendered: ['{', '!! expected absent, got "Value"', '  "Value": "Value"', '}'],
      },
      {
        name: 'Abridged rendering of uninteresting keys (showing Other)',
        target: { Other: { OneKey: 'Visible' }, Value: 'Value' },
        matcher: Match.objectLike({ Value: 'Balue' }),
        rendered: ['{', '  "Other": { "OneKey": "Visible" },', '!! expected "Balue", got "Value"', '  "Value": "Value"', '}'],
      },
      {
        name: 'Abridged rendering of uninteresting keys (hiding Other)',
        target: { Other: { OneKey: 'Visible', TooMany: 'Keys' }, Value: 'Value' },
        matcher: Match.objectLike({ Value: 'Balue' }),
        rendered: ['{', '  "Other": { ... },', '!! expected "Balue", got "Value"', '  "Value": "Value"', '}'],
      },
      {
        name: 'Encodedjson matcher',
        target: { Json: JSON.stringify({ Value: 'Value' }) },
        matcher: Match.objectLike({ Json: Match.serializedJson({ Value: 'Balue' }) }),
        rendered: [
          '{',
          '!! the JSON in this string does not match (the paths below go on inside it):',
          '  "Json": "{\\"Value\\":\\"Value\\"}" <*> {',
          '!!   expected "Balue", got "Value"',
          '    "Value": "Value"',
          '  }',
          '}',
        ],
      },
      {
        name: 'ArrayWith matcher: other entries collapsed, the closest one compared deeply',
        target: { List: [1, 2, 3, 4].map((v) => ({ Value: String(v), MakeItBig: true })) },
        matcher: Match.objectLike({ List: Match.arrayWith([Match.objectLike({ Value: '5' })]) }),
        rendered: [
          '{',
          '!! arrayWith: no element matches element 0 of the pattern, Match.objectLike({"Value":"5"}); closest is element 0:',
          '  "List": [',
          '    {',
          '      "MakeItBig": true,',
          '!!     expected "5", got "1"',
          '      "Value": "1"',
          '    },',
          '    { ... },',
          '    { ... },',
          '    { ... }',
          '  ]',
          '}',
        ],
      },
      {
        name: 'ArrayWith out-of-order match',
        target: [5, 3],
        matcher: Match.arrayWith([3, 5]),
        rendered: [
          '!! arrayWith: no element after index 1 (where element 0 of the pattern matched) matches element 1 of the pattern, 5 (the array has 2 elements)',
          '[',
          '  5,',
          '  3',
          ']',
        ],
      },
    ];
    for (const c of cases) {
      it(c.name, () => {
        expect(c.matcher.test(c.target).renderMismatch().split('\n')).to.deep.equal(c.rendered);
      });
    }

    it('a match renders as <match>; a failure past the end of an array is listed after it', () => {
      expect(Match.anyValue().test(1).renderMismatch()).to.equal('<match>');
      const past = new MatchResult([1]).recordFailure({ matcher: new Even(), path: ['1'], message: 'Not enough elements' });
      expect(past.renderMismatch().split('\n')).to.deep.equal(['[', '  1', '!! Not enough elements at /1', ']']);
    });
  });
});
