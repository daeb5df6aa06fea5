/**
 * Bicep and ARM equivalence on hand-built stacks, judged by the Bicep compiler (see
 * support/equivalence.ts); compiler.test.ts runs the same check on the examples and the random
 * stacks. The mutations below show the check fails when the Bicep file says something else.
 */
import { expect } from 'chai';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sharedBicep } from '../support/bicep-compiler.js';
import { fileOf } from '../support/synth.js';
import { compareCompiled, expectCompiledEquivalent } from './support/equivalence.js';
import { everythingApp, outputsNamedLikeKeywordsApp, variableNamedExistingApp } from './support/fixtures.js';
import { randomApp } from './support/random-stack.js';

describe('Bicep and ARM equivalence', function () {
  this.timeout(60_000);

  describe('hand-built stacks', () => {
    it('agree on a stack using every expression kind, escape, child and existing form', async function () {
      expect(await expectCompiledEquivalent(this, everythingApp())).to.deep.equal(['Everything']);
    });

    it('agree when an existing resource is named from a variable that references a resource', async function () {
      await expectCompiledEquivalent(this, variableNamedExistingApp());
    });

    it('agree on outputs named like functions, decorators and types: Bicep never binds a name to an output', async function () {
      const app = outputsNamedLikeKeywordsApp();
      const bicep = fileOf(app.synth(), 'OutputsNamedLikeKeywords.bicep');
      expect(bicep).to.contain("@description('where')\noutput description string = resourceGroup().location\n");
      expect(bicep).to.contain('output resourceGroup string = uniqueString(resourceGroup().id)\n');
      expect(bicep).to.contain("output json object = {\n  ratio: json('0.5')\n}\n");
      await expectCompiledEquivalent(this, app);
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
      ['a parent replaced by a literal name', (t) => t.replace("  parent: nsg\n  name: 'deny'", "  name: 'nsg/deny'")],
      ['a reference to another resource', (t) => t.replace('remoteVirtualNetwork: {\n      id: hub.id', 'remoteVirtualNetwork: {\n      id: spoke.id')],
      ['a lost @secure()', (t) => t.replace('@secure()\n@minLength(8)', '@minLength(8)')],
      ['a changed api-version', (t) => t.replace("'Microsoft.Network/networkInterfaces@2025-09-01' =", "'Microsoft.Network/networkInterfaces@2024-01-01' =")],
      ['a dropped condition', (t) => t.replace(/ = if \(.*\) \{/, ' = {')],
      ['a changed output description', (t) => t.replace("@description('VNet\\'s id')", "@description('VNet id')")],
      ['a changed parameter constraint', (t) => t.replace('@maxLength(12)', '@maxLength(13)')],
      ['a runtime property read as its id', (t) => t.replace('output guid string = vnet.properties.resourceGuid', 'output guid string = vnet.id')],
    ];
    let dir = '';
    before(function () {
      if (!sharedBicep()) this.skip();
      dir = mkdtempSync(join(tmpdir(), 'azcdk-mutations-'));
    });
    after(() => dir && rmSync(dir, { recursive: true, force: true }));

    mutations.forEach(([what, mutate], i) => {
      it(`detects ${what}`, async () => {
        const mutated = mutate(bicep);
        expect(mutated, 'the mutation must apply').not.to.equal(bicep);
        const path = join(dir, `mutation${i}.bicep`);
        writeFileSync(path, mutated);
        const { errors, differences } = await compareCompiled(sharedBicep()!, path, json);
        expect(errors, 'the mutated file still compiles').to.deep.equal([]);
        expect(differences).to.not.deep.equal([]);
      });
    });
  });

  describe('random stacks', () => {
    it('are deterministic: the same seed gives the same files', () => {
      const a = randomApp(42).synth();
      const b = randomApp(42).synth();
      expect(fileOf(a, 'Random42.bicep')).to.equal(fileOf(b, 'Random42.bicep'));
      expect(fileOf(a, 'Random42.bicep')).not.to.equal(fileOf(randomApp(43).synth(), 'Random43.bicep'));
    });
  });
});
