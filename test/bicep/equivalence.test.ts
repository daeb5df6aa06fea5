import { AssertionError, expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, ArmResource, ExistingResource, Fn, Output, Stack, Variable } from '../../lib/index.js';
import { parseBicep, readBicep } from '../support/bicep-reader.js';
import { fileOf } from '../support/synth.js';
import { expectAppEquivalent, expectEquivalent } from './support/equivalence.js';
import { everythingApp } from './support/fixtures.js';
import { randomApp } from './support/random-stack.js';

const RANDOM_STACKS = 300;

describe('Bicep and ARM equivalence', () => {
  describe('hand-built stacks', () => {
    it('agree on a stack using every expression kind, escape, child and existing form', () => {
      expect(expectAppEquivalent(everythingApp())).to.deep.equal(['Everything']);
    });
  });

  describe('the check can fail', () => {
    const assembly = everythingApp().synth();
    const json = fileOf(assembly, 'Everything.json');
    const bicep = fileOf(assembly, 'Everything.bicep');
    const mutations: Array<[string, (text: string) => string]> = [
      ['a dropped ordering dependency', (t) => t.replace(/\n    rule \/\/ wait for the rule/, '')],
      ['a changed literal', (t) => t.replace("access: null ?? 'Deny'", "access: null ?? 'Allow'")],
      ['a lost escape', (t) => t.replace("quote: 'o\\'clock'", "quote: 'o\\'clock '")],
      ['a dropped parent', (t) => t.replace('  parent: nsg\n', '')],
      ['a reference to another resource', (t) => t.replace('remoteVirtualNetwork: {\n      id: hub.id', 'remoteVirtualNetwork: {\n      id: spoke.id')],
      ['a lost @secure()', (t) => t.replace('@secure()\n@minLength(8)', '@minLength(8)')],
      ['a changed api-version', (t) => t.replace("'Microsoft.Network/networkInterfaces@2025-09-01' =", "'Microsoft.Network/networkInterfaces@2024-01-01' =")],
      ['an existing resource declared instead', (t) => t.replace("'Microsoft.Network/virtualNetworks/subnets@2025-09-01' existing = {\n  parent: vnet", "'Microsoft.Network/virtualNetworks/subnets@2025-09-01' = {\n  parent: vnet")],
      ['a dropped condition', (t) => t.replace(/ = if \(.*\) \{/, ' = {')],
      ['a changed output description', (t) => t.replace("@description('VNet\\'s id')", "@description('VNet id')")],
      ['a changed parameter constraint', (t) => t.replace('@maxLength(12)', '@maxLength(13)')],
      ['a runtime property read as its id', (t) => t.replace('output guid string = vnet.properties.resourceGuid', 'output guid string = vnet.id')],
    ];
    for (const [what, mutate] of mutations) {
      it(`detects ${what}`, () => {
        const mutated = mutate(bicep);
        expect(mutated, 'the mutation must apply').not.to.equal(bicep);
        // An AssertionError: the files were read and found to differ (not merely unparseable).
        expect(() => expectEquivalent(json, mutated)).to.throw(AssertionError);
      });
    }

    it('detects a dependency missing from the template', () => {
      const template = JSON.parse(json);
      const nic = template.resources.find((r: { type: string }) => r.type === 'Microsoft.Network/networkInterfaces');
      nic.dependsOn = nic.dependsOn.slice(1);
      expect(() => expectEquivalent(JSON.stringify(template), bicep)).to.throw(AssertionError);
    });
  });

  describe('random stacks', () => {
    it(`agree for ${RANDOM_STACKS} seeded random stacks`, function () {
      this.timeout(60_000);
      for (let seed = 1; seed <= RANDOM_STACKS; seed++) expectAppEquivalent(randomApp(seed), `seed ${seed}: `);
    });

    it('are deterministic: the same seed gives the same files', () => {
      const a = randomApp(42).synth();
      const b = randomApp(42).synth();
      expect(fileOf(a, 'Random42.bicep')).to.equal(fileOf(b, 'Random42.bicep'));
      expect(fileOf(a, 'Random42.bicep')).not.to.equal(fileOf(randomApp(43).synth(), 'Random43.bicep'));
    });
  });

  describe('examples', () => {
    const examples = existsSync('examples') ? readdirSync('examples').filter((d) => existsSync(join('examples', d, 'app.ts'))).sort() : [];
    it('has examples to check', () => expect(examples.length).to.be.greaterThan(0));
    for (const example of examples) {
      it(`agree for every stack of examples/${example}`, function () {
        this.timeout(60_000);
        const out = mkdtempSync(join(tmpdir(), 'azcdk-bicep-'));
        try {
          const run = spawnSync(process.execPath, ['dist/bin/azcdk.js', 'synth', '--app', `examples/${example}/app.ts`, '--out', out], { encoding: 'utf8' });
          expect(run.status, run.stderr).to.equal(0);
          const stacks = readdirSync(out).filter((f) => f.endsWith('.bicep')).map((f) => f.slice(0, -'.bicep'.length));
          expect(stacks.length).to.be.greaterThan(0);
          for (const stack of stacks) {
            expectEquivalent(readFileSync(join(out, `${stack}.json`), 'utf8'), readFileSync(join(out, `${stack}.bicep`), 'utf8'), `${example}/${stack}`);
          }
        } finally {
          rmSync(out, { recursive: true, force: true });
        }
      });
    }
  });

  it('agree when an existing resource is named from a variable that references a resource', () => {
    const app = new App();
    const s = new Stack(app, 'S');
    const a = new ArmResource(s, 'A', { type: 'Microsoft.T/a', apiVersion: '2025-01-01', name: 'a' });
    const v = new Variable(s, 'v', { value: `${a.name}-x` });
    const e = new ExistingResource(s, 'E', { type: 'Microsoft.T/e', apiVersion: '2025-01-01', name: `${v.ref}` });
    new ArmResource(s, 'B', { type: 'Microsoft.T/b', apiVersion: '2025-01-01', name: 'b', properties: { e: e.id } });
    expectAppEquivalent(app);
  });

  it('agree on outputs named like functions, decorators and types: Bicep never binds a name to an output', () => {
    const app = new App();
    const s = new Stack(app, 'S');
    new Output(s, 'description', { value: Fn.resourceGroup().get('location'), description: 'where' });
    new Output(s, 'resourceGroup', { value: Fn.uniqueString(Fn.resourceGroup().get('id')) });
    new Output(s, 'string', { value: 'x' });
    new Output(s, 'json', { value: { ratio: 0.5 } });
    const bicep = fileOf(app.synth(), 'S.bicep');
    expect(bicep).to.contain("@description('where')\noutput description string = resourceGroup().location\n");
    expect(bicep).to.contain('output resourceGroup string = uniqueString(resourceGroup().id)\n');
    expect(bicep).to.contain("output json object = {\n  ratio: json('0.5')\n}\n");
    expectAppEquivalent(app);
  });
});

describe('Bicep reader', () => {
  const text = [
    "param p string = 'x'",
    '',
    "var v = '${p}-${a.name}'",
    '',
    "resource vnet 'A.B/c@2025-01-01' = {",
    '  name: v',
    '}',
    '',
    "resource sub 'A.B/c/d@2025-01-01' existing = {",
    '  parent: vnet',
    "  name: 's' // comment",
    '}',
    '',
    "resource a 'A.B/e@2025-01-01' = {",
    "  name: 'a'",
    '}',
    '',
    "resource b 'A.B/e@2025-01-01' = if (p == 'x' && !(1 < 2)) {",
    "  name: 'b'",
    '  properties: {',
    '    s: sub.id',
    '    list: [',
    '      -1',
    '      2',
    '    ]',
    '    inline: [1, { k: az.resourceGroup().location }]',
    '  }',
    '}',
    '',
  ].join('\n');

  it('infers dependencies through variables and existing resources, never to an existing resource', () => {
    const d = readBicep(text);
    expect(d.resources['a.b/e "b"'].dependsOn).to.deep.equal(['resourceId("A.B/c", str(param(p), "-a"))']);
    expect(d.resources['a.b/c str(param(p), "-a")'].dependsOn).to.deep.equal(['resourceId("A.B/e", "a")']);
  });

  it('keeps newline-separated items apart (`-1` on its own line is an item, not a subtraction)', () => {
    const b = parseBicep(text).resources.get('b')!;
    const props = b.props.get('properties');
    expect(props?.k === 'obj' && props.props.find(([k]) => k === 'list')?.[1]).to.deep.equal({
      k: 'arr', items: [{ k: 'unary', op: '-', e: { k: 'num', v: 1 } }, { k: 'num', v: 2 }],
    });
  });

  it('reads conditions with operator precedence', () => {
    const d = readBicep(text);
    expect(d.resources['a.b/e "b"'].condition).to.deep.equal({ '=': 'and(equals(param(p), "x"), not(less(1, 2)))' });
  });

  it('refuses what is outside the subset, and unqualified calls a symbol shadows', () => {
    expect(() => readBicep("resource x 'A.B/c@1' = {\n  name: 'x'\n  location: x.location\n}\n")).to.throw(/outside the subset/);
    expect(() => readBicep("param concat string\n\nvar v = concat('a', 'b')\n")).to.throw(/shadowed/);
    expect(() => parseBicep("param p string = 'x' 'y'\n")).to.throw(/end of the line/);
  });

  it('binds decorators and type names to symbols first, as Bicep does', () => {
    expect(() => readBicep("@description('d')\nparam description string\n")).to.throw(/@description binds to the symbol 'description' \(BCP059\)/);
    expect(() => readBicep("@secure()\nparam pw string\n\nvar secure = 1\n")).to.throw(/@secure binds to the symbol/);
    expect(readBicep("@sys.description('d')\nparam description string\n").parameters.description).to.deep.equal({ type: 'string', description: 'd' });
    expect(() => readBicep("param string string\n")).to.throw(/the type 'string' binds to the symbol 'string' \(BCP287\)/);
    expect(() => readBicep("param p int\n\nvar int = 1\n")).to.throw(/BCP287/);
    expect(() => readBicep("param json string\n\nvar v = json('0.5')\n")).to.throw(/shadowed/);
    expect(readBicep("param json string\n\nvar v = sys.json('0.5')\n").variables).to.deep.equal(['0.5']);
  });

  it('refuses what Bicep does not compile: ARM-only functions, wrong namespaces, literals as names, big integers, null defaults', () => {
    expect(() => readBicep("param deploy bool\n\nvar v = parameters('deploy')\n")).to.throw(/parameters\(\) is an ARM function Bicep does not have/);
    expect(() => readBicep('var v = and(true)\n')).to.throw(/and\(\) is an ARM function/);
    expect(() => readBicep('var v = sys.deployer()\n')).to.throw(/deployer\(\) is in az, not sys/);
    expect(() => readBicep("output null string = 'x'\n")).to.throw(/'null' is a literal, not a name/);
    expect(() => readBicep("param p object\n\nvar v = p.null\n")).to.throw(/'.null' is not a property access/);
    expect(() => readBicep('var v = {\n  true: 1\n}\n')).to.throw(/as a key it must be quoted/);
    expect(() => readBicep('var v = 9223372036854776000\n')).to.throw(/BCP010/);
    expect(() => readBicep('var v = 9007199254740993\n')).to.throw(/compares exactly/);
    expect(() => readBicep('param o object = null\n')).to.throw(/null is not a object/);
  });
});
