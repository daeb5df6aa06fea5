/**
 * AWS CDK's own assertion test cases (aws-cdk-lib/assertions/test/match.test.ts, capture.test.ts,
 * template.test.ts), restated as data and run against azcdk/assertions: the same targets pass,
 * the same fail, the same patterns are refused. azcdk words its messages its own way (path
 * first, "expected X, got Y"), so a failure is checked by its exact azcdk lines.
 */
import { expect } from 'chai';
import { AssertionUsageError, Capture, Match, Template, type Matcher } from '../../lib/assertions/index.js';

/** One AWS CDK test: a matcher, targets it accepts, targets it rejects (with the lines said). */
interface Case {
  /** AWS CDK's `describe > test` name, or what the azcdk-only case pins down. */
  readonly name: string;
  readonly matcher: () => Matcher;
  readonly pass?: readonly unknown[];
  readonly fail?: ReadonlyArray<readonly [target: unknown, lines: readonly string[]]>;
}

/** A pattern AWS CDK refuses (at construction or at the first test), with azcdk's message. */
interface Refusal {
  readonly name: string;
  readonly build: () => Matcher;
  readonly target: unknown;
  readonly message: string;
}

const JSON_HEADER = '/: the JSON in this string does not match (the paths below go on inside it):';

const CASES: readonly Case[] = [
  // ---- exactly()
  {
    name: 'exactly > simple literals',
    matcher: () => Match.exact('foo'),
    pass: ['foo'],
    fail: [['bar', ['/: expected "foo", got "bar"']], [5, ['/: expected string "foo", got number 5']]],
  },
  {
    name: 'exactly > simple literals (number, boolean)',
    matcher: () => Match.exact(3),
    pass: [3],
    fail: [[5, ['/: expected 3, got 5']], ['foo', ['/: expected number 3, got string "foo"']]],
  },
  {
    name: 'exactly > arrays',
    matcher: () => Match.exact([{ foo: 'bar', baz: 'qux' }, { waldo: 'fred', wobble: 'flob' }]),
    pass: [[{ foo: 'bar', baz: 'qux' }, { waldo: 'fred', wobble: 'flob' }]],
    fail: [
      [[{ foo: 'bar', baz: 'qux' }], ['/: expected 2 elements, got 1: [{"foo":"bar","baz":"qux"}]']],
      [[{ foo: 'bar', baz: 'qux' }, { waldo: 'flob', wobble: 'fred' }], ['/1/waldo: expected "fred", got "flob"', '/1/wobble: expected "flob", got "fred"']],
      [[{ foo: 'bar', baz: 'qux' }, { waldo: 'fred' }], ['/1/wobble: missing: expected "flob"']],
    ],
  },
  {
    name: 'exactly > objects',
    matcher: () => Match.exact({ foo: [2, 3], bar: 'baz' }),
    pass: [{ foo: [2, 3], bar: 'baz' }],
    fail: [
      [{}, ['/foo: missing: expected an array like [2,3]', '/bar: missing: expected "baz"']],
      [{ foo: [3, 5], bar: 'baz' }, ['/foo/0: expected 2, got 3', '/foo/1: expected 3, got 5']],
      [{ foo: [2, 3], bar: 'baz', qux: 7 }, ['/qux: unexpected key (exact allows only foo, bar)']],
    ],
  },
  // ---- arrayWith()
  {
    name: 'arrayWith > subset match',
    matcher: () => Match.arrayWith([5, false]),
    pass: [[5, false, 'foo'], [5, 'foo', false]],
    fail: [[[5, 'foo'], ['/: arrayWith: no element after index 0 (where element 0 of the pattern matched) matches element 1 of the pattern, false; closest is element 1:', '/1: expected boolean false, got string "foo"']]],
  },
  {
    name: 'arrayWith > subset match (objects)',
    matcher: () => Match.arrayWith([{ foo: 'bar' }]),
    pass: [[{ fred: 'waldo' }, { foo: 'bar' }, { baz: 'qux' }], [{ foo: 'bar' }]],
    fail: [[[{ foo: 'baz' }], ['/: arrayWith: no element matches element 0 of the pattern, {"foo":"bar"}; closest is element 0:', '/0/foo: expected "bar", got "baz"']]],
  },
  {
    name: 'arrayWith: a plain object element matches exactly, as in AWS CDK',
    matcher: () => Match.arrayWith([{ foo: 'bar' }]),
    fail: [[[{ foo: 'bar', baz: 'qux' }], [
      '/: arrayWith: no element matches element 0 of the pattern, {"foo":"bar"}; closest is element 0:',
      '/0/baz: unexpected key (arrayWith allows only foo)',
      '/: arrayWith compares a plain object element exactly, as AWS CDK does: write Match.objectLike({...}) for an element that may have other keys',
    ]]],
  },
  {
    name: 'arrayWith > nested with ObjectLike',
    matcher: () => Match.arrayWith([Match.objectLike({ foo: 'bar' })]),
    pass: [[{ baz: 'qux' }, { foo: 'bar' }], [{ baz: 'qux' }, { foo: 'bar', fred: 'waldo' }]],
  },
  {
    name: 'arrayWith > out of order',
    matcher: () => Match.arrayWith([3, 5]),
    fail: [[[5, 3], ['/: arrayWith: no element after index 1 (where element 0 of the pattern matched) matches element 1 of the pattern, 5 (the array has 2 elements)']]],
  },
  {
    name: 'Match.not(arrayWith) with a plain object: a superset element is not a match',
    matcher: () => Match.not(Match.arrayWith([{ a: 1 }])),
    pass: [[{ a: 1, b: 2 }]],
    fail: [[[{ a: 1 }], ['/: expected not to match Match.arrayWith([{"a":1}]), got [{"a":1}]']]],
  },
  // ---- arrayEquals()
  {
    name: 'arrayEquals > exact match',
    matcher: () => Match.arrayEquals([5, false]),
    pass: [[5, false]],
    fail: [[[5, 'foo'], ['/1: expected boolean false, got string "foo"']]],
  },
  {
    name: 'arrayEquals: a plain object element matches exactly, as in AWS CDK',
    matcher: () => Match.arrayEquals([{ a: { b: 1 } }]),
    pass: [[{ a: { b: 1 } }]],
    fail: [[[{ a: { b: 1, c: 2 } }], [
      '/0/a/c: unexpected key (arrayEquals allows only b)',
      '/: arrayEquals compares a plain object element exactly, as AWS CDK does: write Match.objectLike({...}) for an element that may have other keys',
    ]]],
  },
  // ---- objectLike()
  {
    name: 'objectLike > Partiality is maintained throughout arrays',
    matcher: () => Match.objectLike({ foo: [{ bar: 'bar' }] }),
    pass: [{ foo: [{ bar: 'bar' }] }, { boo: 'boo', foo: [{ bar: 'bar' }] }, { foo: [{ bar: 'bar', boo: 'boo' }] }],
  },
  {
    name: 'objectLike > ArrayMatch nested inside ObjectMatch',
    matcher: () => Match.objectLike({ foo: Match.arrayWith(['bar']) }),
    pass: [{ foo: ['bar', 'baz'], fred: 'waldo' }],
    fail: [[{ foo: ['baz'], fred: 'waldo' }, ['/foo: arrayWith: no element matches element 0 of the pattern, "bar"; closest is element 0:', '/foo/0: expected "bar", got "baz"']]],
  },
  {
    name: 'objectLike > absent',
    matcher: () => Match.objectLike({ foo: Match.absent() }),
    pass: [{ bar: 'baz' }, { foo: undefined }, {}],
    fail: [[{ foo: null }, ['/foo: expected absent, got null']]],
  },
  // ---- objectEquals()
  {
    name: 'objectEquals > exact match',
    matcher: () => Match.objectEquals({ foo: 'bar' }),
    pass: [{ foo: 'bar' }],
    fail: [[{ foo: 'bar', baz: 'qux' }, ['/baz: unexpected key (objectEquals allows only foo)']]],
  },
  // ---- not()
  {
    name: 'not > object',
    matcher: () => Match.not({ foo: 'bar' }),
    pass: ['bar', 3, { foo: 'baz' }, { bar: 'foo' }],
    fail: [[{ foo: 'bar' }, ['/: expected not to match {"foo":"bar"}, got {"foo":"bar"}']]],
  },
  {
    name: 'not > array',
    matcher: () => Match.not(['foo', 'bar']),
    pass: ['foo', [], ['bar'], ['foo', 3]],
    fail: [[['foo', 'bar'], ['/: expected not to match ["foo","bar"], got ["foo","bar"]']]],
  },
  {
    name: 'not > as a nested matcher',
    matcher: () => Match.exact({ foo: { bar: Match.not([1, 2]) } }),
    pass: [{ foo: { bar: [1] } }, { foo: { bar: ['baz'] } }],
    fail: [[{ foo: { bar: [1, 2] } }, ['/foo/bar: expected not to match [1,2], got [1,2]']]],
  },
  {
    name: 'not > with nested matcher',
    matcher: () => Match.not({ foo: { bar: Match.arrayWith([1]) } }),
    pass: [{ foo: { bar: [2] } }, 'foo'],
    fail: [[{ foo: { bar: [1, 2] } }, ['/: expected not to match {"foo":{"bar":Match.arrayWith([1])}}, got {"foo":{"bar":[1,2]}}']]],
  },
  // ---- anyValue()
  {
    name: 'anyValue > nested in array',
    matcher: () => Match.arrayEquals(['foo', Match.anyValue(), 'bar']),
    pass: [['foo', 'baz', 'bar'], ['foo', 3, 'bar']],
    fail: [[['foo', null, 'bar'], ['/1: expected any value, got null']]],
  },
  // ---- serializedJson()
  {
    name: 'serializedJson > all types',
    matcher: () => Match.serializedJson({ Foo: 'Bar', Baz: 3, Boo: true, Fred: [1, 2] }),
    pass: ['{ "Foo": "Bar", "Baz": 3, "Boo": true, "Fred": [1, 2] }'],
  },
  {
    name: 'serializedJson > simple match',
    matcher: () => Match.serializedJson({ Foo: 'Bar' }),
    pass: ['{ "Foo": "Bar" }'],
    fail: [
      ['{ "Foo": "Baz" }', [JSON_HEADER, '/Foo: expected "Bar", got "Baz"']],
      ['{ "Foo": 4 }', [JSON_HEADER, '/Foo: expected string "Bar", got number 4']],
      ['{ "Bar": "Baz" }', [JSON_HEADER, '/Bar: unexpected key (serializedJson allows only Foo)', '/Foo: missing: expected "Bar"']],
    ],
  },
  {
    name: 'serializedJson > nested matcher',
    matcher: () => Match.serializedJson(Match.objectLike({ Foo: Match.arrayWith(['Bar']) })),
    pass: ['{ "Foo": ["Bar"] }', '{ "Foo": ["Bar", "Baz"] }', '{ "Foo": ["Bar", "Baz"], "Fred": "Waldo" }'],
    fail: [
      ['{ "Foo": ["Baz"] }', [JSON_HEADER, '/Foo: arrayWith: no element matches element 0 of the pattern, "Bar"; closest is element 0:', '/Foo/0: expected "Bar", got "Baz"']],
      ['{ "Bar": ["Baz"] }', [JSON_HEADER, '/Foo: missing: expected an array like ["Bar"]']],
    ],
  },
  {
    name: 'serializedJson > invalid json string (and not a string)',
    matcher: () => Match.serializedJson({ Foo: 'Bar' }),
    fail: [
      ['{ "Foo"', ['/: expected a string of JSON matching {"Foo":"Bar"}, got "{ \\"Foo\\"", which is not valid JSON']],
      [5, ['/: expected a string of JSON matching {"Foo":"Bar"}, got number 5']],
      [undefined, ['/: missing: expected a string of JSON matching {"Foo":"Bar"}']],
    ],
  },
  {
    name: 'serializedJson nested in an object: paths go on into the JSON',
    matcher: () => Match.objectLike({ policy: Match.serializedJson({ a: 1 }) }),
    fail: [[{ policy: '{"a":2}' }, ['/policy: the JSON in this string does not match (the paths below go on inside it):', '/policy/a: expected 1, got 2']]],
  },
  // ---- stringLikeRegexp()
  {
    name: 'stringLikeRegexp > nested in object',
    matcher: () => Match.objectLike({ foo: Match.stringLikeRegexp('.*includeHeaders = true.*') }),
    pass: [{ foo: 'const includeHeaders = true;' }],
    fail: [[{ foo: 'const includeHeaders = false;' }, ['/foo: expected a string matching /.*includeHeaders = true.*/m, got "const includeHeaders = false;"']]],
  },
];

const REFUSALS: readonly Refusal[] = [
  {
    name: 'exactly > nesting',
    build: () => Match.exact(Match.arrayWith(['foo'])),
    target: ['foo'],
    message:
      'Match.exact() cannot directly contain another matcher, as in AWS CDK: got Match.arrayWith(["foo"]). ' +
      'Use that matcher without Match.exact() around it, or nest it deeper (Match.exact({ key: matcher })).',
  },
  {
    name: 'exactly > absent',
    build: () => Match.exact(Match.absent()),
    target: undefined,
    message:
      'Match.exact() cannot directly contain another matcher, as in AWS CDK: got Match.absent(). ' +
      'Use that matcher without Match.exact() around it, or nest it deeper (Match.exact({ key: matcher })).',
  },
  {
    name: 'arrayWith > incompatible with anyValue',
    build: () => Match.arrayWith(['foo', Match.anyValue()]),
    target: ['foo', 'bar'],
    message:
      'arrayWith: Match.anyValue() cannot be an array element, as in AWS CDK (it would match any element): ' +
      'name the element you expect, or use Match.arrayEquals([...]) with Match.anyValue() at its position.',
  },
  {
    name: 'arrayWith > incompatible with absent',
    build: () => Match.arrayWith(['foo', Match.absent()]),
    target: ['foo', 'bar'],
    message: 'arrayWith: Match.absent() cannot be an array element (an element is either there or not): use Match.not(Match.arrayWith([...])).',
  },
];

/** capture.test.ts: each target is tested and `finished()`; the Capture then holds `captured`, in order. */
interface CaptureCase {
  readonly name: string;
  readonly matcher: (capture: Capture) => Matcher;
  readonly targets: readonly unknown[];
  readonly captured: readonly unknown[];
}

const CAPTURE_CASES: readonly CaptureCase[] = [
  { name: 'asString()', matcher: (c) => Match.objectEquals({ foo: c }), targets: [{ foo: 'bar' }, { foo: 3 }], captured: ['bar', 3] },
  { name: 'asObject()', matcher: (c) => Match.objectEquals({ foo: c }), targets: [{ foo: { fred: 'waldo' } }, { foo: 'bar' }], captured: [{ fred: 'waldo' }, 'bar'] },
  { name: 'nested within an array', matcher: (c) => Match.objectEquals({ foo: ['bar', c] }), targets: [{ foo: ['bar', 'baz'] }], captured: ['baz'] },
  {
    name: 'multiple captures',
    matcher: (c) => Match.objectEquals({ foo: c, real: true }),
    targets: [{ foo: 3, real: true }, { foo: 5, real: true }, { foo: 7, real: false }],
    captured: [3, 5],
  },
  {
    name: 'nested pattern match',
    matcher: (c) => Match.objectLike({ foo: c }),
    targets: [{ foo: { bar: 'baz', fred: 'waldo' } }],
    captured: [{ bar: 'baz', fred: 'waldo' }],
  },
  { name: 'nullish', matcher: (c) => Match.objectEquals({ foo: c }), targets: [{ foo: null }], captured: [] },
  {
    name: 'capture in arraywith and objectlike',
    matcher: (c) => Match.objectLike({
      People: Match.arrayWith([{ Name: 'Alice', Attributes: [Match.objectLike({ Name: 'HairColor', Value: c })] }]),
    }),
    targets: [{ People: [{ Name: 'Alice', Attributes: [{ Name: 'HairColor', Value: 'Black' }] }] }],
    captured: ['Black'],
  },
];

/** Every value a Capture holds, walking it with next(). */
function capturedValues(capture: Capture): unknown[] {
  if (capture.count === 0) return [];
  const values = [capture.asValue()];
  while (capture.next()) values.push(capture.asValue());
  return values;
}

describe('assertions: AWS CDK test cases, restated', () => {
  for (const c of CASES) {
    describe(c.name, () => {
      for (const target of c.pass ?? []) {
        it(`passes on ${JSON.stringify(target)}`, () => {
          const result = c.matcher().test(target);
          expect(result.renderMismatches()).to.deep.equal([]);
          expect([result.hasFailed(), result.failCount, result.toHumanStrings()]).to.deep.equal([false, 0, []]);
        });
      }
      for (const [target, lines] of c.fail ?? []) {
        it(`fails on ${JSON.stringify(target)}`, () => {
          const result = c.matcher().test(target);
          expect(result.renderMismatches()).to.deep.equal(lines);
          expect([result.hasFailed(), result.failCount]).to.deep.equal([true, lines.length]);
        });
      }
    });
  }

  describe('Capture', () => {
    for (const c of CAPTURE_CASES) {
      it(c.name, () => {
        const capture = new Capture();
        const matcher = c.matcher(capture);
        for (const target of c.targets) matcher.test(target).finished();
        expect(capturedValues(capture)).to.deep.equal(c.captured);
      });
    }

    it('nested pattern does not match', () => {
      const capture = new Capture(Match.objectLike({ bar: 'baz' }));
      Match.objectLike({ foo: capture }).test({ foo: { fred: 'waldo' } }).finished();
      expect(capture.count).to.equal(0);
    });

    it('no captures if not finished; finished() hands them over once', () => {
      const capture = new Capture();
      const result = Match.objectEquals({ foo: capture }).test({ foo: 'bar' });
      expect(capture.count).to.equal(0);
      result.finished();
      result.finished();
      expect(capture.count).to.equal(1);
    });

    it('nullish: one failure, said with the path and the matcher', () => {
      const result = Match.objectEquals({ foo: new Capture() }).test({ foo: null });
      expect(result.failCount).to.equal(1);
      expect(result.toHumanStrings()).to.deep.equal([
        'expected a value to capture, got null (a Capture takes only non-null values) at /foo (using Capture matcher)',
      ]);
    });
  });

  for (const r of REFUSALS) {
    it(`refuses: ${r.name}`, () => {
      expect(() => r.build().test(r.target)).to.throw(AssertionUsageError, r.message);
    });
  }

  describe('template: a plain object in arrayWith is exact for counts, finds and negations too', () => {
    const VNET = 'Microsoft.Network/virtualNetworks';
    const template = Template.fromJSON({
      resources: [{ type: VNET, name: 'v', properties: { subnets: [{ name: 'a', properties: { addressPrefix: '10.0.0.0/24' } }] } }],
    });
    it('resourcePropertiesCountIs', () => {
      template.resourcePropertiesCountIs(VNET, { subnets: Match.arrayWith([{ name: 'a' }]) }, 0);
      template.resourcePropertiesCountIs(VNET, { subnets: Match.arrayWith([Match.objectLike({ name: 'a' })]) }, 1);
    });
    it('findResources and Match.not', () => {
      expect(Object.keys(template.findResources(VNET, { properties: { subnets: Match.arrayWith([{ name: 'a' }]) } }))).to.deep.equal([]);
      expect(Object.keys(template.findResources(VNET, { properties: { subnets: Match.not(Match.arrayWith([{ name: 'a' }])) } }))).to.deep.equal(['resources[0]']);
    });
  });
});
