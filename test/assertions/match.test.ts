import { expect } from 'chai';
import { Match, Matcher } from '../../lib/assertions/index.js';
import { App, ArmResource, Parameter, Stack } from '../../lib/index.js';
import { errorOf } from '../support/synth.js';

/** Mismatch lines of testing `value` against `matcher` (empty: it matched). */
function mismatches(matcher: Matcher, value: unknown): string[] {
  return matcher.test(value).renderMismatches();
}

describe('assertions: Match', () => {
  describe('objectLike', () => {
    it('passes on a superset, nested objects partial too', () => {
      expect(mismatches(Match.objectLike({ a: 1, b: { c: 2 } }), { a: 1, b: { c: 2, d: 3 }, e: 4 })).to.deep.equal([]);
    });
    it('reports each mismatching path', () => {
      expect(mismatches(Match.objectLike({ a: 1, b: { c: 'x' }, f: true }), { a: 2, b: { c: 'y' } })).to.deep.equal([
        '/a: expected 1, got 2',
        '/b/c: expected "x", got "y"',
        '/f: missing: expected true',
      ]);
    });
    it('reports type differences and non-objects', () => {
      expect(mismatches(Match.objectLike({ a: 1 }), { a: '1' })).to.deep.equal(['/a: expected number 1, got string "1"']);
      expect(mismatches(Match.objectLike({ a: 1 }), [1])).to.deep.equal(['/: expected an object, got array [1]']);
      expect(mismatches(Match.objectLike({ a: { b: 1 } }), {})).to.deep.equal(['/a: missing: expected an object like {"b":1}']);
    });
    it('refuses a non-object pattern and undefined values', () => {
      expect(errorOf(() => Match.objectLike([] as any))).to.equal('objectLike: the pattern must be an object literal, got [].');
      expect(errorOf(() => Match.objectLike({ a: undefined }).test({}))).to.equal(
        'objectLike: a pattern cannot be undefined. To require that a key is missing, use Match.absent().',
      );
    });
  });

  describe('objectEquals', () => {
    it('passes on exactly the same keys, nested too', () => {
      expect(mismatches(Match.objectEquals({ a: 1, b: { c: 2 } }), { a: 1, b: { c: 2 } })).to.deep.equal([]);
    });
    it('reports extra keys at every level', () => {
      expect(mismatches(Match.objectEquals({ a: 1, b: { c: 2 } }), { a: 1, b: { c: 2, d: 3 }, e: 4 })).to.deep.equal([
        '/e: unexpected key (objectEquals allows only a, b)',
        '/b/d: unexpected key (objectEquals allows only c)',
      ]);
    });
    it('lets a nested objectLike relax a level', () => {
      expect(mismatches(Match.objectEquals({ a: Match.objectLike({ c: 2 }) }), { a: { c: 2, d: 3 } })).to.deep.equal([]);
    });
  });

  describe('arrayWith', () => {
    it('passes on an ordered subsequence', () => {
      expect(mismatches(Match.arrayWith([1, 3]), [1, 2, 3])).to.deep.equal([]);
      expect(mismatches(Match.arrayWith([{ name: 'b' }]), [{ name: 'a', x: 1 }, { name: 'b', x: 2 }])).to.deep.equal([]);
    });
    it('fails when the order differs, pointing at the closest element', () => {
      expect(mismatches(Match.arrayWith([3, 1]), [1, 2, 3])).to.deep.equal([
        '/: arrayWith: no element after index 2 (where element 0 of the pattern matched) matches element 1 of the pattern, 1 (the array has 3 elements)',
      ]);
      expect(mismatches(Match.arrayWith([{ name: 'c', x: 2 }]), [{ name: 'a', x: 1 }, { name: 'b', x: 2 }])).to.deep.equal([
        '/: arrayWith: no element matches element 0 of the pattern, {"name":"c","x":2}; closest is element 1:',
        '/1/name: expected "c", got "b"',
      ]);
    });
    it('fails on non-arrays and refuses absent() as an element', () => {
      expect(mismatches(Match.arrayWith([1]), 'x')).to.deep.equal(['/: expected an array, got string "x"']);
      expect(mismatches(Match.arrayWith([1]), undefined)).to.deep.equal(['/: missing: expected an array like [1]']);
      expect(errorOf(() => Match.arrayWith([Match.absent()]))).to.match(/^arrayWith: Match.absent\(\) cannot be an array element/);
    });
  });

  describe('arrayEquals and literal arrays', () => {
    it('passes on the same elements in order, objects inside matched partially', () => {
      expect(mismatches(Match.arrayEquals([1, { a: 1 }]), [1, { a: 1, b: 2 }])).to.deep.equal([]);
      expect(mismatches(Match.objectLike({ l: ['x'] }), { l: ['x'] })).to.deep.equal([]);
    });
    it('reports the length and the differing elements', () => {
      expect(mismatches(Match.arrayEquals([1, 2]), [1, 3, 4])).to.deep.equal(['/: expected 2 elements, got 3: [1,3,4]', '/1: expected 2, got 3']);
      expect(mismatches(Match.objectLike({ l: ['x'] }), { l: ['x', 'y'] })).to.deep.equal(['/l: expected 1 element, got 2: ["x","y"]']);
    });
  });

  describe('exact', () => {
    it('compares deeply with exact objects', () => {
      expect(mismatches(Match.exact({ a: [{ b: 1 }] }), { a: [{ b: 1 }] })).to.deep.equal([]);
      expect(mismatches(Match.exact({ a: [{ b: 1 }] }), { a: [{ b: 1, c: 2 }] })).to.deep.equal(['/a/0/c: unexpected key (exact allows only b)']);
      expect(mismatches(Match.exact(5), 6)).to.deep.equal(['/: expected 5, got 6']);
    });
  });

  describe('anyValue / absent', () => {
    it('anyValue accepts anything present and not null', () => {
      for (const v of [0, '', false, [], {}]) expect(mismatches(Match.anyValue(), v)).to.deep.equal([]);
      expect(mismatches(Match.objectLike({ a: Match.anyValue() }), {})).to.deep.equal(['/a: missing: expected any value']);
      expect(mismatches(Match.objectLike({ a: Match.anyValue() }), { a: null })).to.deep.equal(['/a: expected any value, got null']);
    });
    it('absent accepts a missing key only', () => {
      expect(mismatches(Match.objectLike({ a: Match.absent() }), { b: 1 })).to.deep.equal([]);
      expect(mismatches(Match.objectEquals({ a: Match.absent() }), {})).to.deep.equal([]);
      expect(mismatches(Match.objectLike({ a: Match.absent() }), { a: 0 })).to.deep.equal(['/a: expected absent, got 0']);
    });
  });

  describe('not', () => {
    it('inverts a literal or a matcher', () => {
      expect(mismatches(Match.not('Disabled'), 'Enabled')).to.deep.equal([]);
      expect(mismatches(Match.not('Enabled'), 'Enabled')).to.deep.equal(['/: expected not to match "Enabled", got "Enabled"']);
      expect(mismatches(Match.objectLike({ a: Match.not(Match.absent()) }), {})).to.deep.equal(['/a: expected not to match absent, got nothing']);
      expect(mismatches(Match.not(Match.arrayWith([2])), [1, 2])).to.deep.equal(['/: expected not to match arrayWith, got [1,2]']);
    });
  });

  describe('stringLikeRegexp', () => {
    it('matches strings by regular expression', () => {
      expect(mismatches(Match.stringLikeRegexp('^pg-'), 'pg-demo')).to.deep.equal([]);
      expect(mismatches(Match.stringLikeRegexp(/demo$/g), 'pg-demo')).to.deep.equal([]);
      // A /g regexp has state; testing twice must give the same answer.
      const m = Match.stringLikeRegexp(/demo$/g);
      expect(m.test('pg-demo').isSuccess && m.test('pg-demo').isSuccess).to.equal(true);
    });
    it('reports non-matching strings and non-strings', () => {
      expect(mismatches(Match.stringLikeRegexp('^pg-'), 'db')).to.deep.equal(['/: expected a string matching /^pg-/, got "db"']);
      expect(mismatches(Match.stringLikeRegexp('^pg-'), 3)).to.deep.equal(['/: expected a string matching /^pg-/, got number 3']);
      expect(mismatches(Match.objectLike({ n: Match.stringLikeRegexp('x') }), {})).to.deep.equal(['/n: expected a string matching /x/, got nothing']);
    });
  });

  describe('expressions and resource helpers', () => {
    function network() {
      const stack = new Stack(new App(), 'Net');
      const prefix = new Parameter(stack, 'prefix', { type: 'string' });
      const nsg = new ArmResource(stack, 'Nsg', { type: 'Microsoft.Network/networkSecurityGroups', apiVersion: '2025-07-01', name: `${prefix.value}-nsg` });
      const other = new ArmResource(stack, 'Other', { type: 'Microsoft.Network/networkSecurityGroups', apiVersion: '2025-07-01', name: 'other' });
      return { prefix, nsg, other };
    }
    const NSG_ID = "[resourceId('Microsoft.Network/networkSecurityGroups', format('{0}-nsg', parameters('prefix')))]";

    it('renders expressions and token strings in patterns to their ARM form', () => {
      const { prefix, nsg } = network();
      expect(mismatches(Match.objectLike({ id: nsg.id, p: prefix.value, n: `${prefix.value}-x` }), {
        id: NSG_ID, p: "[parameters('prefix')]", n: "[format('{0}-x', parameters('prefix'))]",
      })).to.deep.equal([]);
      expect(mismatches(Match.objectLike({ id: nsg.id }), { id: 'x' })).to.deep.equal([`/id: expected ${JSON.stringify(NSG_ID)}, got "x"`]);
    });

    it('resourceId matches exactly the id of a resource', () => {
      const { nsg, other } = network();
      expect(mismatches(Match.resourceId(nsg), NSG_ID)).to.deep.equal([]);
      expect(mismatches(Match.resourceId(other), NSG_ID)).to.deep.equal([
        `/: expected the id of 'Net/Other', [resourceId('Microsoft.Network/networkSecurityGroups', 'other')], got ${JSON.stringify(NSG_ID)}`,
      ]);
    });

    it('referencesResource matches any expression using the id', () => {
      const { nsg, other } = network();
      const runtime = `[reference(${NSG_ID.slice(1, -1)}, '2025-07-01').provisioningState]`;
      expect(mismatches(Match.referencesResource(nsg), runtime)).to.deep.equal([]);
      expect(mismatches(Match.referencesResource(nsg), NSG_ID)).to.deep.equal([]);
      expect(mismatches(Match.referencesResource(other), runtime)).to.deep.equal([
        `/: expected an expression referencing 'Net/Other' (resourceId('Microsoft.Network/networkSecurityGroups', 'other')), got ${JSON.stringify(runtime)}`,
      ]);
      // An escaped literal ([[...]) is a string, not an expression.
      expect(mismatches(Match.referencesResource(nsg), `[${NSG_ID}`)).to.have.length(1);
    });
  });
});
