import { expect } from 'chai';
import { AssertionUsageError, Capture, Match, Matcher } from '../../lib/assertions/index.js';
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
    it('reads a null pattern or value once, not as "null null"', () => {
      expect(mismatches(Match.objectLike({ a: null }), { a: 'x' })).to.deep.equal(['/a: expected null, got string "x"']);
      expect(mismatches(Match.objectLike({ a: 'x' }), { a: null })).to.deep.equal(['/a: expected string "x", got null']);
      expect(mismatches(Match.objectLike({ a: { b: 1 } }), { a: null })).to.deep.equal(['/a: expected an object, got null']);
      expect(mismatches(Match.arrayWith([1]), null)).to.deep.equal(['/: expected an array, got null']);
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
    it('with no keys, says that no key is allowed', () => {
      expect(mismatches(Match.objectEquals({}), { a: 1 })).to.deep.equal(['/a: unexpected key (objectEquals allows no keys)']);
    });
    it('lets a nested objectLike relax a level', () => {
      expect(mismatches(Match.objectEquals({ a: Match.objectLike({ c: 2 }) }), { a: { c: 2, d: 3 } })).to.deep.equal([]);
    });
  });

  describe('arrayWith', () => {
    it('passes on an ordered subsequence', () => {
      expect(mismatches(Match.arrayWith([1, 3]), [1, 2, 3])).to.deep.equal([]);
      expect(mismatches(Match.arrayWith([Match.objectLike({ name: 'b' })]), [{ name: 'a', x: 1 }, { name: 'b', x: 2 }])).to.deep.equal([]);
    });
    it('compares a plain object element exactly, as AWS CDK does, and says once how to relax it', () => {
      expect(mismatches(Match.arrayWith([{ name: 'b', x: 2 }]), [{ name: 'a', x: 1 }, { name: 'b', x: 2 }])).to.deep.equal([]);
      expect(mismatches(Match.arrayWith([{ name: 'b' }]), [{ name: 'a', x: 1 }, { name: 'b', x: 2 }])).to.deep.equal([
        '/: arrayWith: no element matches element 0 of the pattern, {"name":"b"}; closest is element 1:',
        '/1/x: unexpected key (arrayWith allows only name)',
        '/: arrayWith compares a plain object element exactly, as AWS CDK does: write Match.objectLike({...}) for an element that may have other keys',
      ]);
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
    it('passes on the same elements in order; arrayEquals compares objects exactly, a literal array in objectLike partially', () => {
      expect(mismatches(Match.arrayEquals([1, Match.objectLike({ a: 1 })]), [1, { a: 1, b: 2 }])).to.deep.equal([]);
      expect(mismatches(Match.arrayEquals([1, { a: 1 }]), [1, { a: 1, b: 2 }])).to.deep.equal([
        '/1/b: unexpected key (arrayEquals allows only a)',
        '/: arrayEquals compares a plain object element exactly, as AWS CDK does: write Match.objectLike({...}) for an element that may have other keys',
      ]);
      expect(mismatches(Match.objectLike({ l: ['x'] }), { l: ['x'] })).to.deep.equal([]);
      expect(mismatches(Match.objectLike({ l: [{ a: 1 }] }), { l: [{ a: 1, b: 2 }] })).to.deep.equal([]);
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
    it('inverts a literal or a matcher, naming the matcher as written', () => {
      expect(mismatches(Match.not('Disabled'), 'Enabled')).to.deep.equal([]);
      expect(mismatches(Match.not('Enabled'), 'Enabled')).to.deep.equal(['/: expected not to match "Enabled", got "Enabled"']);
      expect(mismatches(Match.objectLike({ a: Match.not(Match.absent()) }), {})).to.deep.equal(['/a: expected not to match Match.absent(), got nothing']);
      expect(mismatches(Match.not(Match.arrayWith([2])), [1, 2])).to.deep.equal(['/: expected not to match Match.arrayWith([2]), got [1,2]']);
      expect(mismatches(Match.not(Match.objectLike({ a: 1 })), { a: 1, b: 2 })).to.deep.equal([
        '/: expected not to match Match.objectLike({"a":1}), got {"a":1,"b":2}',
      ]);
    });
    it('compares a literal exactly, as AWS CDK does: objects need exactly its keys, arrays exactly its elements', () => {
      expect(mismatches(Match.not({ a: 1 }), { a: 1, b: 2 })).to.deep.equal([]);
      expect(mismatches(Match.not({ a: 1 }), { a: 1 })).to.deep.equal(['/: expected not to match {"a":1}, got {"a":1}']);
      expect(mismatches(Match.not({ a: { b: 1 } }), { a: { b: 1, c: 2 } })).to.deep.equal([]);
      expect(mismatches(Match.not([1]), [1, 2])).to.deep.equal([]);
      expect(mismatches(Match.not([1]), [1])).to.deep.equal(['/: expected not to match [1], got [1]']);
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
      expect(mismatches(Match.stringLikeRegexp('^pg-'), 'db')).to.deep.equal(['/: expected a string matching /^pg-/m, got "db"']);
      expect(mismatches(Match.stringLikeRegexp('^pg-'), 3)).to.deep.equal(['/: expected a string matching /^pg-/m, got number 3']);
      expect(mismatches(Match.stringLikeRegexp('^pg-'), null)).to.deep.equal(['/: expected a string matching /^pg-/m, got null']);
      expect(mismatches(Match.objectLike({ n: Match.stringLikeRegexp('x') }), {})).to.deep.equal(['/n: expected a string matching /x/m, got nothing']);
    });
    it('compiles a string with the m flag, as AWS CDK does; a RegExp keeps its flags', () => {
      const script = 'line one\nset -e\nline three';
      expect(mismatches(Match.stringLikeRegexp('^set -e$'), script)).to.deep.equal([]);
      expect(mismatches(Match.stringLikeRegexp(/^set -e$/), script)).to.deep.equal([
        '/: expected a string matching /^set -e$/, got "line one\\nset -e\\nline three"',
      ]);
    });
    it('refuses an invalid regular expression or pattern with a usage error', () => {
      expect(() => Match.stringLikeRegexp('(')).to.throw(
        AssertionUsageError,
        'stringLikeRegexp: "(" is not a valid regular expression (Invalid regular expression: /(/m: Unterminated group). ' +
          'Escape the special characters (\\( \\[ \\. ...) to match them literally.',
      );
      expect(() => Match.stringLikeRegexp(3 as never)).to.throw(AssertionUsageError, 'stringLikeRegexp: the pattern must be a string or a RegExp, got number 3.');
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

  describe('describe(): matchers read as written in the test', () => {
    const stack = new Stack(new App(), 'Net');
    const vnet = new ArmResource(stack, 'Vnet', { type: 'Microsoft.Network/virtualNetworks', apiVersion: '2025-07-01', name: 'vnet' });

    it('names every built-in matcher with its arguments', () => {
      expect(Match.objectLike({ a: 1 }).describe()).to.equal('Match.objectLike({"a":1})');
      expect(Match.objectEquals({}).describe()).to.equal('Match.objectEquals({})');
      expect(Match.arrayEquals([1, 'x']).describe()).to.equal('Match.arrayEquals([1,"x"])');
      expect(Match.exact({ a: [null] }).describe()).to.equal('Match.exact({"a":[null]})');
      expect(Match.anyValue().describe()).to.equal('Match.anyValue()');
      expect(Match.absent().describe()).to.equal('Match.absent()');
      expect(Match.stringLikeRegexp('^x').describe()).to.equal('Match.stringLikeRegexp(/^x/m)');
      expect(Match.stringLikeRegexp(/^x/i).describe()).to.equal('Match.stringLikeRegexp(/^x/i)');
      expect(Match.not(Match.objectLike({ a: Match.absent() })).describe()).to.equal('Match.not(Match.objectLike({"a":Match.absent()}))');
      expect(Match.resourceId(vnet).describe()).to.equal("Match.resourceId('Net/Vnet')");
      expect(Match.referencesResource(vnet).describe()).to.equal("Match.referencesResource('Net/Vnet')");
      expect(new Capture().describe()).to.equal('new Capture()');
      expect(new Capture(Match.stringLikeRegexp('a')).describe()).to.equal('new Capture(Match.stringLikeRegexp(/a/m))');
      expect(`${Match.anyValue()}`).to.equal('Match.anyValue()');
    });

    it('prints matchers nested in a pattern element, not [object Object] or their fields', () => {
      const pattern = Match.arrayWith([{ properties: { id: Match.resourceId(vnet), n: Match.stringLikeRegexp('^a'), gone: Match.absent() } }]);
      expect(mismatches(pattern, [{ properties: { id: 'x' } }])).to.deep.equal([
        '/: arrayWith: no element matches element 0 of the pattern, ' +
          `{"properties":{"id":Match.resourceId('Net/Vnet'),"n":Match.stringLikeRegexp(/^a/m),"gone":Match.absent()}}; closest is element 0:`,
        `/0/properties/id: expected the id of 'Net/Vnet', [resourceId('Microsoft.Network/virtualNetworks', 'vnet')], got "x"`,
        '/0/properties/n: expected a string matching /^a/m, got nothing',
      ]);
      expect(mismatches(Match.objectLike({ a: { b: Match.anyValue() } }), {})).to.deep.equal(['/a: missing: expected an object like {"b":Match.anyValue()}']);
    });

    it('a custom matcher reads as its name unless it describes itself', () => {
      class Even extends Matcher {
        public readonly name = 'even';
        public test(actual: unknown) {
          return Match.anyValue().test(actual);
        }
      }
      expect(mismatches(Match.not(new Even()), 2)).to.deep.equal(['/: expected not to match even, got 2']);
    });
  });
});
