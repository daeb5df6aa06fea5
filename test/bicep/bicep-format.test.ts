import { expect } from 'chai';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, ArmResource, ExistingResource, Fn, Output, Parameter, Stack } from '../../lib/index.js';
import {
  arrayDoc as arr, callDoc as call, concat as cat, flatText, layoutDoc, objectDoc as obj, ternaryDoc as ternary, type Doc,
} from '../../lib/synth/bicep/bicep-document.js';
import { sharedBicep } from '../support/bicep-compiler.js';
import { fileOf } from '../support/synth.js';
import { randomLayoutFile } from './support/random-doc.js';
import { randomApp } from './support/random-stack.js';

// Every expected text below is what `bicep format` (Bicep CLI 0.49.2, default settings) prints for
// it, checked with the CLI when the case was written: the formatter leaves each one unchanged.

/** A string literal of `n` times `c`. */
const s = (n: number, c = 'a'): string => `'${c.repeat(n)}'`;
/** `head` then the doc, as the writer puts it at the start of a line indented `level` levels. */
const at = (head: string, doc: Doc, level = 0): string => head + layoutDoc(doc, head.length, level);
const lines = (...text: string[]): string => text.join('\n');

describe('Bicep line breaking (as bicep format prints)', () => {
  describe('groups: flat if they fit in 120 columns, else broken', () => {
    it('breaks call arguments one per line, with commas, from column 121 on', () => {
      const fits = at('var a = ', call('concat', [s(50), s(48)]));
      expect(fits).to.equal(`var a = concat(${s(50)}, ${s(48)})`);
      expect(fits.length).to.equal(120);
      expect(at('var a = ', call('concat', [s(50), s(49)]))).to.equal(lines('var a = concat(', `  ${s(50)},`, `  ${s(49)}`, ')'));
    });

    it('breaks inline arrays one item per line, without commas', () => {
      const fits = at('var b = ', arr([s(52), s(52)]));
      expect(fits.length).to.equal(120);
      expect(at('var b = ', arr([s(52), s(53)]))).to.equal(lines('var b = [', `  ${s(52)}`, `  ${s(53)}`, ']'));
    });

    it('breaks inline objects one property per line, without commas; inner groups decide again', () => {
      const doc = call('union', [obj([cat('a: ', s(120))]), 'p']);
      expect(at('var m = ', doc)).to.equal(lines('var m = union(', '  {', `    a: ${s(120)}`, '  },', '  p', ')'));
      const fitsOnItsLine = call('union', [obj(['a: 1']), 'p', obj([cat('bbbb: ', s(100))])]);
      expect(at('var c = ', fitsOnItsLine)).to.equal(lines('var c = union(', '  { a: 1 },', '  p,', `  { bbbb: ${s(100)} }`, ')'));
      const items = arr([obj([cat('a: ', s(60))]), obj([cat('b: ', s(60))])]);
      expect(at('  tags: ', items, 1)).to.equal(lines('  tags: [', `    { a: ${s(60)} }`, `    { b: ${s(60)} }`, '  ]'));
    });

    it('puts ? and : of a ternary on their own lines, one level deeper, and a branch breaks one more level in', () => {
      expect(at('var g = ', ternary('true', "'short'", s(110)))).to.equal(lines('var g = true', "  ? 'short'", `  : ${s(110)}`));
      expect(at('var g = ', ternary('p', call('concat', [s(60), s(60)]), "'x'"))).to.equal(
        lines('var g = p', '  ? concat(', `      ${s(60)},`, `      ${s(60)}`, '    )', "  : 'x'"),
      );
    });

    it('indents a parenthesized ternary inside a broken ternary from its parenthesis', () => {
      const inner = ternary(
        'true',
        call('concat', [call('toLower', ["' ]'"]), call('string', ['4']), call('guid', ["'a'", "'[x][x]'"])]),
        arr([call('json', ["'9007199254740992'"]), "'caféit\\'s'"]),
      );
      const middle = ternary('true', cat('(', inner, ')'), arr(['9007199254740991', "'a\\\\b'"]));
      const doc = ternary('true', cat('(', middle, ')'), arr([call('json', ["'9007199254740992'"]), "''"]));
      expect(at('        properties: ', doc, 4)).to.equal(
        lines(
          '        properties: true',
          '          ? (true',
          "              ? (true ? concat(toLower(' ]'), string(4), guid('a', '[x][x]')) : [json('9007199254740992'), 'caféit\\'s'])",
          "              : [9007199254740991, 'a\\\\b'])",
          "          : [json('9007199254740992'), '']",
        ),
      );
    });
  });

  describe('what never breaks', () => {
    it('a call with one argument keeps its parentheses on the line (the argument may break)', () => {
      expect(at('var h = ', call('toLower', [call('concat', [s(60), s(60)])]))).to.equal(
        lines('var h = toLower(concat(', `  ${s(60)},`, `  ${s(60)}`, '))'),
      );
    });

    it('operators: only their operands break', () => {
      expect(at('var k = ', cat('p && ', call('concat', [s(60), s(60)])))).to.equal(lines('var k = p && concat(', `  ${s(60)},`, `  ${s(60)}`, ')'));
    });

    it('strings, interpolations included: the line stays long', () => {
      const text = `'${'a'.repeat(60)}\${concat(p, 'x')}${'b'.repeat(60)}'`;
      expect(at('var l = ', text)).to.equal(`var l = ${text}`);
    });

    it('text after a group does not count: a call that fits is not broken for the access after it', () => {
      expect(at('var j = ', cat(call('reference', ['rg.id', s(96)]), '.properties.somethingLong'))).to.equal(
        lines('var j = reference(', '  rg.id,', `  ${s(96)}`, ').properties.somethingLong'),
      );
      const fits = at('var j = ', cat(call('reference', ['rg.id', s(88)]), '.properties.somethingLong'));
      expect(fits).to.equal(`var j = reference(rg.id, ${s(88)}).properties.somethingLong`);
      expect(fits.length).to.be.greaterThan(120);
    });

    it('a group is measured only up to a call\'s last argument that is [] or {}: the rest of the line does not count', () => {
      const doc = call('concat', ['p', call('reference', ['rg.id', "'2020-01-01'", obj([])]), s(100)]);
      expect(at('var i = ', doc)).to.equal(`var i = ${flatText(doc)}`);
      expect(flatText(doc)).to.equal(`concat(p, reference(rg.id, '2020-01-01', {}), ${s(100)})`);
    });
  });

  describe('broken arrays and objects stay broken when formatted again', () => {
    it("a call's broken last argument hugs the call: union(a, { ... })", () => {
      expect(at('var d = ', call('union', [obj(['a: 1']), obj([cat('bbbb: ', s(108))])]))).to.equal(
        lines('var d = union({ a: 1 }, {', `  bbbb: ${s(108)}`, '})'),
      );
      // The same call with a last argument that fits on its own line: no hug.
      expect(at('var d = ', call('union', [obj(['a: 1']), obj([cat('bbbb: ', s(100))])]))).to.equal(
        lines('var d = union(', '  { a: 1 },', `  { bbbb: ${s(100)} }`, ')'),
      );
    });
  });

  describe('the writer', () => {
    it('breaks parameter defaults, scopes, conditions, properties and outputs where bicep format does', () => {
      const app = new App();
      const stack = new Stack(app, 'Long');
      const prefix = new Parameter(stack, 'prefix', {
        type: 'string',
        defaultValue: Fn.replace(Fn.toLower(Fn.uniqueString(Fn.resourceGroup().get('id'), 'a'.repeat(40))), 'b'.repeat(30), 'c'.repeat(30)),
      });
      const hub = new ExistingResource(stack, 'Hub', {
        type: 'Microsoft.Network/virtualNetworks', apiVersion: '2025-09-01', name: 'hub',
        resourceGroupName: Fn.replace(prefix.value, 'x'.repeat(50), 'y'.repeat(40)), subscriptionId: Fn.guid(prefix.value, 'z'.repeat(30)),
      });
      new ArmResource(stack, 'Nsg', {
        type: 'Microsoft.Network/networkSecurityGroups', apiVersion: '2025-09-01', name: 'nsg',
        condition: Fn.equals(Fn.replace(prefix.value, 'd'.repeat(40), 'e'.repeat(40)), 'f'.repeat(20)),
        properties: {
          remote: { id: hub.id },
          settings: { value: Fn.if(Fn.equals(prefix.value, 'prod'), ['a'.repeat(50), 'b'.repeat(50)], []) },
        },
      });
      new Output(stack, 'choice', { value: Fn.if(Fn.equals(prefix.value, 'g'.repeat(50)), Fn.toUpper(prefix.value), Fn.substring(prefix.value, 0, 10)) });
      expect(fileOf(app.synth(), 'Long.bicep')).to.equal(
        lines(
          "@description('Location of the resources.')",
          'param location string = resourceGroup().location',
          '',
          'param prefix string = replace(',
          `  toLower(uniqueString(resourceGroup().id, ${s(40)})),`,
          `  ${s(30, 'b')},`,
          `  ${s(30, 'c')}`,
          ')',
          '',
          "resource hub 'Microsoft.Network/virtualNetworks@2025-09-01' existing = {",
          '  scope: resourceGroup(',
          `    guid(prefix, ${s(30, 'z')}),`,
          `    replace(prefix, ${s(50, 'x')}, ${s(40, 'y')})`,
          '  )',
          "  name: 'hub'",
          '}',
          '',
          "resource nsg 'Microsoft.Network/networkSecurityGroups@2025-09-01' = if (replace(",
          '  prefix,',
          `  ${s(40, 'd')},`,
          `  ${s(40, 'e')}`,
          `) == ${s(20, 'f')}) {`,
          "  name: 'nsg'",
          '  location: location',
          '  properties: {',
          '    remote: {',
          '      id: hub.id',
          '    }',
          '    settings: {',
          "      value: prefix == 'prod'",
          `        ? [${s(50)}, ${s(50, 'b')}]`,
          '        : []',
          '    }',
          '  }',
          '}',
          '',
          `output choice string = prefix == ${s(50, 'g')}`,
          '  ? toUpper(prefix)',
          '  : substring(prefix, 0, 10)',
          '',
        ),
      );
    });

    // The seeded random stacks (test/bicep/support/random-stack.ts) whose Bicep `bicep format`
    // changed while long expressions were written on one line; each now holds the formatter's lines.
    const seeds: Array<[number, string[]]> = [
      [23, ["var v2 = true", "  ? (true ? '[[café]${existing0.id}[' : [json('2.25'), 'tab\\t{0}'])", "  : [json('-9223372036854775000'), '[x][[']"]],
      [191, ["    'odd-key': true", "      ? '${toLower(allowed1)}${string(0)}${guid('a', 'café{0}')}'", "      : [json('-9223372036854775000'), 'café[']"]],
      [195, ["    'true': true", "      ? (true ? '${toLower(maxLength2)}${string(5)}${guid('a', '{0}')}' : [json('2.25'), 'two\\nlines'])", "      : [json('9223372036854775000'), '}{tab\\t']"]],
      [232, ["    name: true", "      ? (true ? net.properties['null'] : [json('9007199254740992'), 'two\\nlinescafé'])", "      : [json('1e+21'), '$\\'\\'']"]],
      [280, ["        properties: true", "          ? (true", "              ? (true ? '${toLower(' ]')}${string(4)}${guid('a', '[x][x]')}' : [json('9007199254740992'), 'caféit\\'s'])", "              : [json('-9223372036854775000'), 'a\\\\b'])", "          : [json('9007199254740992'), '']"]],
      [283, ["    p1", "      ? (p1", "          ? (p1 ? null ?? '[[[' ?? { k: 'it\\'s' } : [sys.json('9223372036854775000'), '{0}'])", "          : [sys.json('-9223372036854775000'), 'it\\'stab\\t'])", "      : [sys.json('-9223372036854775000'), ' ']"]],
    ];
    for (const [seed, excerpt] of seeds) {
      it(`breaks the long expression of random stack ${seed} as bicep format does`, () => {
        expect(fileOf(randomApp(seed).synth(), `Random${seed}.bicep`)).to.include(`\n${lines(...excerpt)}\n`);
      });
    }
  });

  describe('against bicep format itself (skipped without the Bicep CLI)', () => {
    it('leaves 600 random expressions, laid out at the top, in objects, deep in objects and in arrays, unchanged', async function () {
      this.timeout(60_000);
      const bicep = sharedBicep();
      if (!bicep) return this.skip();
      const dir = mkdtempSync(join(tmpdir(), 'azcdk-bicep-layout-'));
      try {
        for (const seed of [1, 2]) {
          const { text, declarations } = randomLayoutFile(seed, 300);
          const path = join(dir, `layout${seed}.bicep`);
          writeFileSync(path, text);
          const formatted = (await bicep.format(path)).trimEnd().split('\n\n');
          const changed = declarations.findIndex((d, i) => d !== formatted[i]);
          expect(changed, `seed ${seed}: azcdk\n${declarations[changed]}\nbicep format\n${formatted[changed]}`).to.equal(-1);
          expect(formatted).to.have.length(declarations.length);
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
});
