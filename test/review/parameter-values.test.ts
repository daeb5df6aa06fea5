import { expect } from 'chai';
import { parameterValuesOf } from '../../lib/review/assembly.js';
import { diffAssemblies, diffTemplates } from '../../lib/review/diff.js';
import { displayName } from '../../lib/review/display-name.js';

/** A template with `parameters`, optional `variables` and resources named as given. */
function template(parameters: Record<string, unknown>, resources: Array<Record<string, unknown>>, variables?: Record<string, unknown>) {
  return { parameters, ...(variables ? { variables } : {}), resources: resources.map((r) => ({ apiVersion: '2025-07-01', ...r })) };
}

const NSG = 'Microsoft.Network/networkSecurityGroups';

describe('review: parameter values in the diff', () => {
  it('a name that reads a changed value through variables is a replacement, though the template is the same', () => {
    const t = template(
      { prefix: { type: 'string' } },
      [{ type: NSG, name: "[variables('nsgName')]", properties: { securityRules: [] } }],
      { base: "[format('{0}-net', parameters('prefix'))]", nsgName: "[format('{0}-nsg', variables('base'))]" },
    );
    const diff = diffTemplates('S', t, t, undefined, undefined, { before: { prefix: { value: 'demo' } }, after: { prefix: { value: 'prod' } } });
    expect(diff.parameterValues).to.deep.equal([{ name: 'prefix', kind: 'changed', before: 'demo', after: 'prod' }]);
    expect(diff.resources).to.have.length(1);
    expect(diff.resources[0]).to.deep.include({ kind: 'changed', type: NSG, changes: [], parameters: ['prefix'] });
    // The readable name does not show the value (it goes through variables): the message stays general.
    expect(diff.resources[0].replacement).to.equal(
      "the name uses parameter 'prefix' (\"demo\" -> \"prod\"), so Azure creates a new resource; " +
        'in Incremental mode the old one stays behind as an orphan (delete it yourself, or deploy in Complete mode)',
    );
  });

  it('the value a deployment gets counts: moving a value from the file to the default replaces nothing', () => {
    const before = template({ prefix: { type: 'string' } }, [{ type: NSG, name: "[format('{0}-nsg', parameters('prefix'))]" }]);
    const after = template({ prefix: { type: 'string', defaultValue: 'demo' } }, [{ type: NSG, name: "[format('{0}-nsg', parameters('prefix'))]" }]);
    const diff = diffTemplates('S', before, after, undefined, undefined, { before: { prefix: { value: 'demo' } }, after: {} });
    expect(diff.parameterValues).to.deep.equal([{ name: 'prefix', kind: 'removed', before: 'demo' }]);
    expect(diff.resources).to.deep.equal([]);
  });

  it('a secure parameter is never shown, in the values or in the replacement reason', () => {
    const t = template({ key: { type: 'secureString' } }, [{ type: NSG, name: "[format('nsg-{0}', parameters('key'))]" }]);
    const diff = diffTemplates('S', t, t, undefined, undefined, { before: { key: { value: 'old-secret' } }, after: { key: { value: 'new-secret' } } });
    expect(diff.parameterValues).to.deep.equal([{ name: 'key', kind: 'changed', secure: true }]);
    expect(diff.resources[0].replacement).to.equal(
      "the name uses parameter 'key' (secure value changes), so Azure creates a new resource; " +
        'in Incremental mode the old one stays behind as an orphan (delete it yourself, or deploy in Complete mode)',
    );
    expect(JSON.stringify(diff)).to.not.contain('secret');
  });

  it('a Key Vault reference is compared and shown as the reference', () => {
    const t = template({ pwd: { type: 'string' } }, []);
    const ref = (name: string) => ({ reference: { keyVault: { id: '/subscriptions/x/vaults/kv' }, secretName: name } });
    const diff = diffTemplates('S', t, t, undefined, undefined, { before: { pwd: ref('a') }, after: { pwd: ref('b') } });
    expect(diff.parameterValues).to.deep.equal([{ name: 'pwd', kind: 'changed', before: ref('a'), after: ref('b') }]);
  });

  it('diffAssemblies reads the parameters files the manifest names, and counts their changes', () => {
    const t = JSON.stringify(template({ prefix: { type: 'string' } }, [{ type: NSG, name: "[format('{0}-nsg', parameters('prefix'))]", location: 'westeurope' }]));
    const files = (prefix: string) =>
      new Map([
        ['S.json', t],
        ['S.parameters.json', JSON.stringify({ parameters: { prefix: { value: prefix } } })],
      ]);
    const diff = diffAssemblies({ files: files('demo'), where: 'committed' }, { files: files('prod'), where: 'synth' });
    expect(diff.differences).to.equal(2);
    expect(diff.replacements).to.equal(1);
    expect(diff.stacks[0].status).to.equal('changed');
    expect(diffAssemblies({ files: files('demo'), where: 'committed' }, { files: files('demo'), where: 'synth' }).differences).to.equal(0);
  });

  it('a parameters file that is not valid JSON is reported by position, without its content', () => {
    const files = new Map([['S.parameters.json', '{ "parameters": { "pwd": { "value": hunter2 } } }']]);
    expect(() => parameterValuesOf(files, 'S', undefined, 'templates/s')).to.throw(
      "[templates/s/S.parameters.json] is not valid JSON (line 1, column 37; its content is not shown). Re-run 'azcdk synth' into it.",
    );
  });

  it('displayName reads parameters with their values when given', () => {
    const prefixVnet = { concat: [{ parameter: 'prefix' }, '-vnet'] };
    expect(displayName(prefixVnet, { prefix: 'prod' })).to.equal('prod-vnet');
    expect(displayName({ call: 'format', args: ['{0}-{1}', { parameter: 'prefix' }, { parameter: 'n' }] }, { prefix: 'prod', n: 2 })).to.equal('prod-2');
    expect(displayName(prefixVnet, { prefix: { an: 'object' } })).to.equal('{prefix}-vnet');
    expect(displayName({ concat: [{ variable: 'prefix' }, '-vnet'] }, { prefix: 'prod' })).to.equal('{prefix}-vnet');
  });
});
