import { expect } from 'chai';
import {
  Fn, FunctionCall, Interpolation, Literal, ParameterReference, PropertyAccess, ResourceReference, VariableReference,
  type Expression,
} from '../../lib/index.js';
import type { IParameterTarget, IResourceTarget, IVariableTarget } from '../../lib/core/expression.js';
import { renderBicepExpression, renderBicepValue, type BicepContext } from '../../lib/synth/bicep/bicep-expression.js';
import { bicepString } from '../../lib/synth/bicep/bicep-syntax.js';
import { identityAsWritten } from '../../lib/synth/model/identity.js';
import { References, resolveValue, type Resolved } from '../../lib/synth/resolve.js';
import type { Parameter } from '../../lib/core/parameter.js';
import type { Stack } from '../../lib/core/stack.js';
import type { Problem } from '../../lib/core/errors.js';
import type { Variable } from '../../lib/core/variable.js';

const prefix: IParameterTarget = { parameterName: 'prefix', type: 'string' };
const names: IVariableTarget = { variableName: 'names', value: {} };
const vnet: IResourceTarget = { resourceType: 'Microsoft.Network/virtualNetworks', apiVersion: '2025-09-01', shortName: 'vnet', isExisting: false };
const subnet: IResourceTarget = {
  resourceType: 'Microsoft.Network/virtualNetworks/subnets', apiVersion: '2025-09-01', shortName: 'a', parentResource: vnet, isExisting: true,
};
const foreign: IResourceTarget = {
  resourceType: 'Microsoft.Network/virtualNetworks', apiVersion: '2025-09-01', shortName: 'hub', isExisting: true,
  resourceGroupName: 'rg-hub', subscriptionId: new ParameterReference(prefix),
};

function context(shadowed: string[] = [], refusals: string[] = [], conditional: IResourceTarget[] = []): BicepContext {
  const symbols = new Map<IResourceTarget, string>([[vnet, 'vnet'], [subnet, 'subnet']]);
  return {
    symbolOf: (t) => symbols.get(t),
    identityOf: identityAsWritten,
    isConditional: (t) => conditional.includes(t),
    parameterSymbol: (p) => p.parameterName,
    variableSymbol: (v) => (v === names ? 'namesVar' : v.variableName),
    isShadowed: (f) => shadowed.includes(f),
    refuse: (message) => refusals.push(message),
  };
}

const r = (e: Expression, ctx = context()) => renderBicepExpression(e, ctx);
const p = new ParameterReference(prefix);

/**
 * `e` as the writer gets it: resolved in a stack that declares parameter 'prefix' and variable
 * 'names' (the targets above are no constructs, so no stack check applies).
 */
function resolved(e: Expression): Resolved {
  const declared = {
    parameter: (name: string) => (name === 'prefix' ? ({ value: p } as unknown as Parameter) : undefined),
    variable: (name: string) => (name === 'names' ? ({ ref: new VariableReference(names) } as unknown as Variable) : undefined),
  };
  const problems: Problem[] = [];
  const value = resolveValue(e, { stack: undefined as unknown as Stack, ownerPath: 'S', problems, references: new References(), declared }, '');
  expect(problems).to.deep.equal([]);
  return value!;
}

describe('Bicep expressions', () => {
  describe('string literals and escapes', () => {
    it('single-quotes and escapes quote, backslash, ${ and control characters', () => {
      expect(bicepString("it's")).to.equal("'it\\'s'");
      expect(bicepString('a\\b')).to.equal("'a\\\\b'");
      expect(bicepString('${x}')).to.equal("'\\${x}'");
      expect(bicepString('cost: $5 {not interpolated}')).to.equal("'cost: $5 {not interpolated}'");
      expect(bicepString('l1\nl2\r\tend')).to.equal("'l1\\nl2\\r\\tend'");
      expect(bicepString('bell\u0007')).to.equal("'bell\\u{7}'");
    });

    it('renders literal nodes of every scalar type', () => {
      expect(r(new Literal('x'))).to.equal("'x'");
      expect(r(new Literal(42))).to.equal('42');
      expect(r(new Literal(-3))).to.equal('-3');
      expect(r(new Literal(1.5))).to.equal("json('1.5')");
      expect(r(new Literal(true))).to.equal('true');
      expect(r(new Literal(null))).to.equal('null');
    });
  });

  describe('symbols', () => {
    it('renders parameters and (renamed) variables as their symbols', () => {
      expect(r(p)).to.equal('prefix');
      expect(r(new VariableReference(names))).to.equal('namesVar');
    });

    it('renders resource attributes as symbolic references', () => {
      expect(r(new ResourceReference(vnet, { kind: 'id' }))).to.equal('vnet.id');
      expect(r(new ResourceReference(vnet, { kind: 'name' }))).to.equal('vnet.name');
      expect(r(new ResourceReference(vnet, { kind: 'type' }))).to.equal('vnet.type');
      expect(r(new ResourceReference(vnet, { kind: 'apiVersion' }))).to.equal('vnet.apiVersion');
      expect(r(new ResourceReference(subnet, { kind: 'id' }))).to.equal('subnet.id');
    });

    it('reads runtime properties and top-level keys through the symbol (Bicep compiles both to reference())', () => {
      expect(r(new ResourceReference(vnet, { kind: 'runtime', path: ['properties', 'subnets', 0, 'id'] }))).to.equal('vnet.properties.subnets[0].id');
      expect(r(new ResourceReference(vnet, { kind: 'runtime', path: ['properties', 'odd-key'] }))).to.equal("vnet.properties['odd-key']");
      // The Bicep linter's use-resource-symbol-reference flagged the reference(..., 'full') form.
      expect(r(new ResourceReference(vnet, { kind: 'runtime', path: ['sku', 'name'] }))).to.equal('vnet.sku.name');
      expect(r(new ResourceReference(vnet, { kind: 'runtime', path: ['location'] }))).to.equal('vnet.location');
    });

    it('reads id, name, type and apiVersion of the deployed resource with reference(..., full): the symbol gives the declared ones', () => {
      expect(r(new ResourceReference(vnet, { kind: 'runtime', path: ['type'] }))).to.equal("reference(vnet.id, '2025-09-01', 'full').type");
      expect(r(new ResourceReference(vnet, { kind: 'runtime', path: ['id'] }))).to.equal("reference(vnet.id, '2025-09-01', 'full').id");
    });

    it('asserts a conditional resource non-null where it reads it (Bicep warns BCP318 otherwise)', () => {
      const ctx = context([], [], [vnet]);
      expect(r(new ResourceReference(vnet, { kind: 'runtime', path: ['properties', 'state'] }), ctx)).to.equal('vnet!.properties.state');
      expect(r(new ResourceReference(vnet, { kind: 'runtime', path: ['sku', 'name'] }), ctx)).to.equal('vnet!.sku.name');
      expect(r(new ResourceReference(vnet, { kind: 'id' }), ctx)).to.equal('vnet.id');
    });

    it('falls back to resourceId() for a resource without a declaration, with its scope', () => {
      expect(r(new ResourceReference(foreign, { kind: 'id' }))).to.equal("resourceId(prefix, 'rg-hub', 'Microsoft.Network/virtualNetworks', 'hub')");
      expect(r(new ResourceReference(foreign, { kind: 'name' }))).to.equal("'hub'");
      expect(r(new ResourceReference(foreign, { kind: 'runtime', path: ['properties', 'x'] }))).to.equal(
        "reference(resourceId(prefix, 'rg-hub', 'Microsoft.Network/virtualNetworks', 'hub'), '2025-09-01').x",
      );
    });
  });

  describe('interpolation', () => {
    it('renders parts inside one string and escapes the literal parts', () => {
      expect(r(new Interpolation([p, "-nsg's ${literal}"]))).to.equal("'${prefix}-nsg\\'s \\${literal}'");
      expect(r(new Interpolation(['a', new ResourceReference(vnet, { kind: 'name' }), '/', Fn.uniqueString('x')]))).to.equal(
        "'a${vnet.name}/${uniqueString('x')}'",
      );
    });

    it('renders a lone expression without quotes (simplify-interpolation)', () => {
      expect(r(new Interpolation([p]))).to.equal('prefix');
    });
  });

  describe('function calls', () => {
    it('renders calls with plain, token and structured arguments', () => {
      expect(r(Fn.uniqueString(Fn.resourceGroup().get('id')))).to.equal('uniqueString(resourceGroup().id)');
      expect(r(Fn.toLower(`${p}x`))).to.equal("toLower('${prefix}x')");
      expect(r(Fn.call('union', [{ a: 1, 'b-c': [true, null] }, {}]))).to.equal("union({ a: 1, 'b-c': [true, null] }, {})");
      expect(r(Fn.call('resourcegroup'))).to.equal('resourceGroup()');
    });

    it('writes format() with a literal format string as an interpolation', () => {
      expect(r(Fn.format('{0}-{1}', 'db', Fn.uniqueString('x')))).to.equal("'db-${uniqueString('x')}'");
      expect(r(Fn.format("{{{0}}}'s {1}", p, 7))).to.equal("'{${prefix}}\\'s ${7}'");
      expect(r(Fn.format('{0:N2}', 1.5))).to.equal("format('{0:N2}', json('1.5'))");
      expect(r(Fn.format(`${p}{0}`, 'x'))).to.equal("format('${prefix}{0}', 'x')");
    });

    it('qualifies calls to functions a symbol shadows', () => {
      expect(r(Fn.resourceGroup().get('location'), context(['resourcegroup']))).to.equal('az.resourceGroup().location');
      expect(r(Fn.concat(['a'], ['b']), context(['concat']))).to.equal("sys.concat(['a'], ['b'])");
    });

    it('writes concat() of strings as an interpolation (Bicep lints the call: prefer-interpolation), of anything else as a call', () => {
      expect(r(Fn.concat(Fn.toLower(p), '-', Fn.string(1), Fn.guid('a')))).to.equal("'${toLower(prefix)}-${string(1)}${guid('a')}'");
      expect(r(Fn.concat(p, "it's"))).to.equal("'${prefix}it\\'s'");
      expect(r(Fn.concat(['a'], Fn.call('createArray', ['b'])))).to.equal("concat(['a'], ['b'])");
      expect(r(Fn.concat(Fn.call('take', [p, 2]), 'x'))).to.equal("concat(take(prefix, 2), 'x')");
    });

    it('turns ARM-only functions into Bicep operators and literals', () => {
      expect(r(Fn.if(Fn.equals(p, 'x'), 1, 2))).to.equal("prefix == 'x' ? 1 : 2");
      expect(r(Fn.not(Fn.empty(p)))).to.equal('!empty(prefix)');
      expect(r(Fn.and(true, Fn.or(false, true), Fn.not(Fn.and(true, false))))).to.equal('true && (false || true) && !(true && false)');
      expect(r(Fn.call('coalesce', [p, 'd']))).to.equal("prefix ?? 'd'");
      expect(r(Fn.call('createArray', [1, 'a']))).to.equal("[1, 'a']");
      expect(r(Fn.call('createObject', ['k', p]))).to.equal('{ k: prefix }');
      expect(r(Fn.call('true'))).to.equal('true');
      expect(r(Fn.call('null'))).to.equal('null');
    });

    it('parenthesizes by precedence and associativity', () => {
      expect(r(Fn.call('sub', [1, Fn.call('sub', [2, 3])]))).to.equal('1 - (2 - 3)');
      expect(r(Fn.call('sub', [Fn.call('sub', [1, 2]), 3]))).to.equal('1 - 2 - 3');
      expect(r(Fn.call('mul', [Fn.call('add', [1, 2]), 3]))).to.equal('(1 + 2) * 3');
      expect(r(Fn.call('add', [1, Fn.call('mul', [2, 3])]))).to.equal('1 + 2 * 3');
      expect(r(Fn.if(true, Fn.if(false, 1, 2), 3))).to.equal('true ? (false ? 1 : 2) : 3');
      expect(r(Fn.not(Fn.call('less', [1, 2])))).to.equal('!(1 < 2)');
    });
  });

  describe('property access', () => {
    it("reads keys named like literals with an indexer (x['null'])", () => {
      expect(r(new PropertyAccess(p, ['null', 'true', 'az', 'ok']))).to.equal("prefix['null']['true'].az.ok");
    });

    it('renders dotted, quoted and indexed access', () => {
      expect(r(new PropertyAccess(Fn.resourceGroup(), ['location']))).to.equal('resourceGroup().location');
      expect(r(new PropertyAccess(new VariableReference(names), ['a-b', 0, 'c']))).to.equal("namesVar['a-b'][0].c");
    });

    it('parenthesizes an operator expression before access', () => {
      expect(r(new PropertyAccess(Fn.if(true, new VariableReference(names), {}), ['x']))).to.equal('(true ? namesVar : {}).x');
    });
  });

  describe('values', () => {
    it('writes objects and arrays one item per line, without commas, with 2-space indent', () => {
      const value = { name: 'a', 'odd-key': [1, { x: true }], true: null, empty: {}, none: [], id: new FunctionCall('guid', ['a']) };
      expect(renderBicepValue(value, context())).to.equal(
        [
          '{',
          "  name: 'a'",
          "  'odd-key': [",
          '    1',
          '    {',
          '      x: true',
          '    }',
          '  ]',
          "  'true': null",
          '  empty: {}',
          '  none: []',
          "  id: guid('a')",
          '}',
        ].join('\n'),
      );
    });

    it('omits undefined object keys (resolution keeps unchanged objects as given)', () => {
      expect(renderBicepValue({ a: 1, b: undefined } as unknown as Record<string, number>, context())).to.equal('{\n  a: 1\n}');
    });

    it('writes non-integer numbers with json() and negative integers as literals', () => {
      expect(renderBicepValue([2.5, -1], context())).to.equal("[\n  json('2.5')\n  -1\n]");
    });

    it('writes numbers past the safe integers with json() and their JSON text, qualified when json is shadowed', () => {
      expect(renderBicepValue([1e21, 2 ** 63, -(2 ** 53), 2 ** 53 - 1], context())).to.equal(
        "[\n  json('1e+21')\n  json('9223372036854776000')\n  json('-9007199254740992')\n  9007199254740991\n]",
      );
      expect(renderBicepValue({ ratio: 0.5 }, context(['json']))).to.equal("{\n  ratio: sys.json('0.5')\n}");
      expect(r(Fn.if(true, new Literal(1e21), 2), context(['json']))).to.equal("true ? sys.json('1e+21') : 2");
    });
  });

  describe('ARM-only calls', () => {
    it("writes parameters('x') and variables('x') as symbols, coalesce(x) as x", () => {
      expect(renderBicepValue(resolved(Fn.call('parameters', ['prefix'])), context())).to.equal('prefix');
      expect(renderBicepValue(resolved(Fn.call('variables', ['names'])), context())).to.equal('namesVar');
      // Inside calls, interpolations, accesses and keys too: resolution replaces them wherever they are.
      const nested = { [`${Fn.call('parameters', ['prefix'])}-k`]: Fn.toLower(`${Fn.call('variables', ['names']).get('a')}-x`) };
      expect(renderBicepValue(resolved(nested as unknown as Expression), context())).to.equal("{\n  '${prefix}-k': toLower('${namesVar.a}-x')\n}");
      expect(r(Fn.call('coalesce', [p]))).to.equal('prefix');
    });

    it('refuses through the context what Bicep has no form for', () => {
      const refusals: string[] = [];
      const ctx = context([], refusals);
      for (const e of [Fn.and(p), Fn.call('not', []), Fn.call('copyIndex', []), Fn.call('parameters', ['other']), Fn.call('createObject', ['k'])]) r(e, ctx);
      expect(refusals).to.deep.equal([
        "and() takes at least 2 arguments, got 1 (ARM refuses the call; Bicep writes it as &&): fix the call's arguments.",
        "not() takes exactly 1 argument, got 0 (ARM refuses the call; Bicep writes it as !): fix the call's arguments.",
        'copyIndex() has no Bicep equivalent: build the value in TypeScript, or leave it to a resource property.',
        "parameters('other') names no parameter of this stack: declare the parameter, or use the Parameter's .value.",
        'createObject() takes key/value pairs with string keys: fix the Fn.call arguments, or pass a plain object.',
      ]);
    });
  });
});
