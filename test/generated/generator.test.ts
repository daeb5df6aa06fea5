/**
 * The L1 generator's features, on a small hand-made type graph (each test fails when its feature
 * is removed from tools/generate-l1), and the runtime of a generated class.
 */
import { expect } from 'chai';
import { App, Output, Parameter, Stack } from '../../lib/index.js';
import type { TypeGraph } from '../../lib/synth/validate/type-nodes.js';
import { writeModule } from '../../tools/generate-l1/module-writer.js';
import { ArmVaultSecret, ArmVault } from '../../lib/generated/microsoft.keyvault.js';
import { ArmStorageAccount } from '../../lib/generated/microsoft.storage.js';
import { errorOf, templateOf } from '../support/synth.js';

const r = (n: number) => ({ $ref: `#/${n}` });
const GRAPH: TypeGraph = {
  types: [
    { name: 'Contoso.Things/widgets', apiVersion: '2026-01-01', readableScopes: 8, writableScopes: 8, body: 0 },
    { name: 'Contoso.Things/widgets/parts', apiVersion: '2026-01-01', readableScopes: 8, writableScopes: 8, body: 1 },
  ],
  nodes: [
    /* 0 */ { $type: 'ObjectType', name: 'Contoso.Things/widgets', properties: { id: { type: r(2), flags: 10 }, name: { type: r(2), flags: 9 }, location: { type: r(2), flags: 1 }, properties: { type: r(3), flags: 1 } } },
    /* 1 */ { $type: 'ObjectType', name: 'Contoso.Things/widgets/parts', properties: { name: { type: r(2), flags: 9 }, properties: { type: r(11), flags: 0 } } },
    /* 2 */ { $type: 'StringType' },
    /* 3 */ { $type: 'ObjectType', name: 'WidgetProperties', properties: { tier: { type: r(4), flags: 1 }, color: { type: r(7), flags: 0 }, endpoint: { type: r(2), flags: 2 }, adminPassword: { type: r(8), flags: 4 }, shape: { type: r(9), flags: 0 } } },
    /* 4 */ { $type: 'UnionType', elements: [r(5), r(6)] },
    /* 5 */ { $type: 'StringLiteralType', value: 'Basic' },
    /* 6 */ { $type: 'StringLiteralType', value: 'Premium' },
    /* 7 */ { $type: 'UnionType', elements: [r(5), r(2)] },
    /* 8 */ { $type: 'StringType', sensitive: true },
    /* 9 */ { $type: 'DiscriminatedObjectType', name: 'Form', discriminator: 'kind', baseProperties: {}, elements: { Circle: r(10), Square: r(12) } },
    /* 10 */ { $type: 'ObjectType', name: 'Circle', properties: { radius: { type: r(13), flags: 1 } } },
    /* 11 */ { $type: 'ObjectType', name: 'PartProperties', properties: { size: { type: r(13), flags: 0 } } },
    /* 12 */ { $type: 'ObjectType', name: 'Square', properties: { side: { type: r(13), flags: 1 } } },
    /* 13 */ { $type: 'IntegerType' },
  ],
};
const DOCS: Array<Record<string, string> | 0> = [{ name: 'The widget name' }, 0, 0, { tier: 'The pricing tier.' }];
const { js, dts } = writeModule('Contoso.Things', GRAPH.types.map((entry) => ({ entry, graph: GRAPH, docs: DOCS })));

describe('generate-l1: the generated declarations', () => {
  it('a closed enum is a literal union, an open one a literal union plus any string', () => {
    expect(dts).to.include("readonly tier: Value<'Basic' | 'Premium'>;");
    expect(dts).to.include("readonly color?: Value<'Basic' | (string & {})>;");
  });

  it('a discriminated body is a TypeScript discriminated union', () => {
    expect(dts).to.include("export type Form = {\n} & (\n  | {\n    readonly kind: 'Circle';\n    readonly radius: Value<number>;\n  }\n  | {\n    readonly kind: 'Square';\n    readonly side: Value<number>;\n  }\n);");
  });

  it('a read-only property is no prop but an attribute getter', () => {
    expect(dts).to.not.include('readonly endpoint');
    expect(dts).to.include('readonly attrEndpoint: Expression;');
    expect(js).to.include('"attributes":{"attrEndpoint":"properties.endpoint"}');
  });

  it('a sensitive string takes a secure value, checked at synth', () => {
    expect(dts).to.include('readonly adminPassword?: SecureValue;');
    expect(js).to.include('"secure":["properties.adminPassword"]');
  });

  it('a child type takes a typed parent; required props are required; docs become comments', () => {
    expect(dts).to.include("readonly parent: ResourceOfType<'Contoso.Things/widgets'>;");
    expect(dts).to.include('static fromPartName(parent: ResourceOfType<\'Contoso.Things/widgets\'>, id: string, name: Value<string>)');
    expect(dts).to.include('  /** The pricing tier. */\n  readonly tier:');
    expect(dts).to.include('export declare class ArmWidget extends GeneratedResource');
    expect(dts).to.include('export declare class ArmWidgetPart extends GeneratedResource');
  });
});

describe('generated L1 classes at synth', () => {
  it('an attribute renders as a reference() to the deployed value', () => {
    const app = new App();
    const stack = new Stack(app, 'S', { location: 'westeurope' });
    const account = new ArmStorageAccount(stack, 'Data', { name: 'azcdkdata', kind: 'StorageV2', sku: { name: 'Standard_LRS' } });
    new Output(stack, 'blob', { value: account.attrPrimaryEndpointsBlob });
    const template = templateOf(app, 'S');
    expect(template.outputs.blob.value).to.equal("[reference(resourceId('Microsoft.Storage/storageAccounts', 'azcdkdata'), '2026-09-01').primaryEndpoints.blob]");
  });

  it('a Key Vault secret value given as a plain string fails synthesis; a securestring parameter passes', () => {
    const app = new App();
    const stack = new Stack(app, 'S', { location: 'westeurope' });
    const vault = ArmVault.fromVaultName(stack, 'Vault', 'kv1');
    new ArmVaultSecret(stack, 'Plain', { parent: vault, name: 'db', properties: { value: 'hunter2' } });
    expect(errorOf(() => app.synth())).to.include('properties.value is a plain string: it would be written into the template in clear text.');

    const app2 = new App();
    const stack2 = new Stack(app2, 'S', { location: 'westeurope' });
    const secret = new Parameter(stack2, 'dbPassword', { type: 'securestring' });
    new ArmVaultSecret(stack2, 'Secret', { parent: ArmVault.fromVaultName(stack2, 'Vault', 'kv1'), name: 'db', properties: { value: secret.value } });
    expect(templateOf(app2, 'S').resources[0].properties.value).to.equal("[parameters('dbPassword')]");
  });
});
