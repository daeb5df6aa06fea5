import { expect } from 'chai';
import { App, ArmResource, ExistingResource, Fn, Output, Parameter, Stack, ValidationError, Variable } from '../../lib/index.js';
import { shortReason } from '../../lib/synth/bicep/bicep-writer.js';
import { functionNamespace } from '../../lib/synth/bicep/bicep-syntax.js';
import { fileOf, manifestOf } from '../support/synth.js';

/** A small stack using every kind of declaration. */
function smallApp(): App {
  const app = new App();
  const stack = new Stack(app, 'Network', { description: 'Network for the demo' });
  const prefix = new Parameter(stack, 'prefix', { type: 'string', minLength: 2, maxLength: 10, description: 'Name prefix.' });
  const adminPassword = new Parameter(stack, 'adminPassword', { type: 'securestring' });
  const tier = new Parameter(stack, 'tier', { type: 'string', allowedValues: ['Basic', 'Standard'], defaultValue: 'Basic' });
  const count = new Parameter(stack, 'count', { type: 'int', minValue: 1, maxValue: 3, defaultValue: 1 });
  const space = new Variable(stack, 'addressSpace', { value: ['10.0.0.0/16'] });
  const nsg = new ArmResource(stack, 'Nsg', {
    type: 'Microsoft.Network/networkSecurityGroups', apiVersion: '2025-09-01', name: `${prefix.value}-nsg`,
    tags: { owner: "ops's team" },
  });
  const vnet = new ArmResource(stack, 'Vnet', {
    type: 'Microsoft.Network/virtualNetworks', apiVersion: '2025-09-01', name: `${prefix.value}-vnet`,
    properties: {
      addressSpace: { addressPrefixes: space.ref },
      subnets: [{ name: 'app', properties: { addressPrefix: '10.0.1.0/24', networkSecurityGroup: { id: nsg.id } } }],
    },
  });
  const subnet = new ExistingResource(stack, 'AppSubnet', { type: 'Microsoft.Network/virtualNetworks/subnets', apiVersion: '2025-09-01', name: 'app', parent: vnet });
  const rule = new ArmResource(stack, 'Rule', {
    type: 'Microsoft.Network/networkSecurityGroups/securityRules', apiVersion: '2025-09-01', name: 'deny-all', parent: nsg,
    condition: Fn.equals(tier.value, 'Standard'),
    properties: { priority: 4096, access: 'Deny', description: `count ${count.value}, pw set: ${Fn.not(Fn.empty(adminPassword.value))}` },
  });
  const nic = new ArmResource(stack, 'Nic', {
    type: 'Microsoft.Network/networkInterfaces', apiVersion: '2025-09-01', name: `${prefix.value}-nic`,
    properties: { ipConfigurations: [{ name: 'ip', properties: { subnet: { id: subnet.id } } }] },
  });
  nic.addDependency(rule, 'wait for the rule');
  new Output(stack, 'vnetId', { value: vnet.id, description: 'The VNet.' });
  new Output(stack, 'nicIp', { value: nic.getRuntimeProperty('properties.ipConfigurations[0].properties.privateIPAddress') });
  return app;
}

const GOLDEN = `metadata description = 'Network for the demo'

@description('Location of the resources.')
param location string = resourceGroup().location

@description('Name prefix.')
@minLength(2)
@maxLength(10)
param prefix string

@secure()
param adminPassword string

@allowed([
  'Basic'
  'Standard'
])
param tier string = 'Basic'

@minValue(1)
@maxValue(3)
param count int = 1

var addressSpace = [
  '10.0.0.0/16'
]

resource nsg 'Microsoft.Network/networkSecurityGroups@2025-09-01' = {
  name: '\${prefix}-nsg'
  location: location
  tags: {
    owner: 'ops\\'s team'
  }
}

resource vnet 'Microsoft.Network/virtualNetworks@2025-09-01' = {
  name: '\${prefix}-vnet'
  location: location
  properties: {
    addressSpace: {
      addressPrefixes: addressSpace
    }
    subnets: [
      {
        name: 'app'
        properties: {
          addressPrefix: '10.0.1.0/24'
          networkSecurityGroup: {
            id: nsg.id
          }
        }
      }
    ]
  }
}

resource appSubnet 'Microsoft.Network/virtualNetworks/subnets@2025-09-01' existing = {
  parent: vnet
  name: 'app'
}

resource rule 'Microsoft.Network/networkSecurityGroups/securityRules@2025-09-01' = if (tier == 'Standard') {
  parent: nsg
  name: 'deny-all'
  properties: {
    priority: 4096
    access: 'Deny'
    description: 'count \${count}, pw set: \${!empty(adminPassword)}'
  }
}

resource nic 'Microsoft.Network/networkInterfaces@2025-09-01' = {
  name: '\${prefix}-nic'
  location: location
  properties: {
    ipConfigurations: [
      {
        name: 'ip'
        properties: {
          subnet: {
            id: appSubnet.id
          }
        }
      }
    ]
  }
  dependsOn: [
    rule // wait for the rule
  ]
}

@description('The VNet.')
output vnetId string = vnet.id

output nicIp string = nic.properties.ipConfigurations[0].properties.privateIPAddress
`;

describe('Bicep writer', () => {
  it('writes the golden Bicep of a small stack', () => {
    expect(fileOf(smallApp().synth(), 'Network.bicep')).to.equal(GOLDEN);
  });

  it('lists the Bicep file in the manifest, beside the template', () => {
    expect(manifestOf(smallApp()).stacks.Network).to.include({ template: 'Network.json', bicep: 'Network.bicep' });
  });

  it('is deterministic: two synths of the same app give the same text, whatever tokens exist already', () => {
    const first = smallApp().synth();
    for (let i = 0; i < 7; i++) void `${Fn.uniqueString(`unrelated-${i}`)}`; // shifts every later token number
    const second = smallApp().synth();
    for (const file of first.files.keys()) expect(fileOf(second, file), file).to.equal(fileOf(first, file));
  });

  it('renames symbols that clash with keywords, functions and parameters, and qualifies shadowed calls', () => {
    const app = new App();
    const stack = new Stack(app, 'S');
    const concat = new Parameter(stack, 'concat', { type: 'array', defaultValue: ['x'] });
    new Variable(stack, 'concat2', { value: Fn.concat(concat.value, ['y']) });
    new ArmResource(stack, 'Resource', { type: 'Microsoft.A/b', apiVersion: '2025-01-01', name: 'r1', location: null });
    new ArmResource(stack, 'ResourceGroup', { type: 'Microsoft.A/b', apiVersion: '2025-01-01', name: 'r2', location: null });
    new ArmResource(stack, 'ResourceGroupResource', { type: 'Microsoft.A/b', apiVersion: '2025-01-01', name: 'r3', location: null });
    new ArmResource(stack, 'Concat2', { type: 'Microsoft.A/b', apiVersion: '2025-01-01', name: 'r4', location: null });
    const text = fileOf(app.synth(), 'S.bicep');
    expect(text).to.contain("var concat2 = sys.concat(concat, ['y'])");
    // 'resource' is a keyword, 'resourceGroup' a function; 'resourceGroupResource' keeps its natural name.
    expect(text).to.contain("resource resourceResource 'Microsoft.A/b@2025-01-01' = {\n  name: 'r1'");
    expect(text).to.contain("resource resourceGroupResource2 'Microsoft.A/b@2025-01-01' = {\n  name: 'r2'");
    expect(text).to.contain("resource resourceGroupResource 'Microsoft.A/b@2025-01-01' = {\n  name: 'r3'");
    expect(text).to.contain("resource concat2Resource 'Microsoft.A/b@2025-01-01' = {\n  name: 'r4'");
  });

  it('refuses a parameter name Bicep reserves', () => {
    const app = new App();
    const stack = new Stack(app, 'S');
    new Parameter(stack, 'sys', { type: 'string' });
    expect(() => app.synth()).to.throw(/parameter name 'sys' is reserved in Bicep/);
  });

  it('declares only the existing resources it uses, with their scope', () => {
    const app = new App();
    const stack = new Stack(app, 'S');
    const hub = new ExistingResource(stack, 'Hub', { type: 'Microsoft.Network/virtualNetworks', apiVersion: '2025-09-01', name: 'hub', resourceGroupName: 'rg-hub' });
    new ExistingResource(stack, 'Unused', { type: 'Microsoft.Network/virtualNetworks', apiVersion: '2025-09-01', name: 'unused' });
    new Output(stack, 'hubId', { value: hub.id });
    const text = fileOf(app.synth(), 'S.bicep');
    expect(text).to.contain("resource hub 'Microsoft.Network/virtualNetworks@2025-09-01' existing = {\n  scope: resourceGroup('rg-hub')\n  name: 'hub'\n}");
    expect(text).not.to.contain('unused');
  });

  it('ends with exactly one newline and uses LF only', () => {
    const text = fileOf(smallApp().synth(), 'Network.bicep');
    expect(text.endsWith('}\n') || text.endsWith('\n')).to.equal(true);
    expect(text.endsWith('\n\n')).to.equal(false);
    expect(text).not.to.contain('\r');
  });
});

/** A stack `S` with `build` run on it, synthesized; throws the ValidationError if refused. */
function synthS(build: (stack: Stack) => void): { bicep: string; template: any } {
  const app = new App();
  const stack = new Stack(app, 'S');
  build(stack);
  const assembly = app.synth();
  return { bicep: fileOf(assembly, 'S.bicep'), template: JSON.parse(fileOf(assembly, 'S.json')) };
}

/** The problem messages of a refused synth. */
function problemsOf(build: (stack: Stack) => void): string[] {
  try {
    synthS(build);
  } catch (e) {
    if (e instanceof ValidationError) return e.problems.map((p) => `[${p.path}] ${p.message}`);
    throw e;
  }
  throw new Error('synth was not refused');
}

const T = { type: 'Microsoft.T/a', apiVersion: '2025-01-01', location: null } as const;

describe('Bicep writer: names Bicep binds before its built-ins', () => {
  it('qualifies a decorator a parameter shadows (@sys.description), and only that one', () => {
    const { bicep } = synthS((s) => {
      new Parameter(s, 'description', { type: 'string', description: 'what it is', maxLength: 5 });
      new Parameter(s, 'secure', { type: 'securestring', minLength: 8 });
      new Parameter(s, 'minLength', { type: 'int', minValue: 1 });
    });
    expect(bicep).to.contain("@sys.description('what it is')\n@maxLength(5)\nparam description string");
    expect(bicep).to.contain('@sys.secure()\n@sys.minLength(8)\nparam secure string');
    expect(bicep).to.contain('@minValue(1)\nparam minLength int');
  });

  it('renames resources and variables named like decorators (secure, minLength)', () => {
    const { bicep } = synthS((s) => {
      const pw = new Parameter(s, 'pw', { type: 'securestring', minLength: 8 });
      new ArmResource(s, 'Secure', { ...T, name: 'a', properties: { pw: pw.value } });
      new Variable(s, 'minLength', { value: 'x' });
    });
    expect(bicep).to.contain('@secure()\n@minLength(8)\nparam pw string');
    expect(bicep).to.contain("var minLengthVar = 'x'");
    expect(bicep).to.contain("resource secureResource 'Microsoft.T/a@2025-01-01' = {");
  });

  it('refuses a parameter named like a type, saying why and how to fix; renames other symbols of that name', () => {
    expect(problemsOf((s) => new Parameter(s, 'string', { type: 'string', defaultValue: 'x' }))).to.deep.equal([
      "[S/string] parameter name 'string' is a Bicep type: Bicep would read every 'string' type clause (`param x string`) as this parameter (BCP287); " +
        "the name is the same in the ARM template and the Bicep file (it is the deployment's interface), so rename it, e.g. 'stringValue'.",
    ]);
    for (const name of ['int', 'bool', 'object', 'array', 'any']) {
      expect(problemsOf((s) => new Parameter(s, name, { type: 'int' }))[0]).to.match(new RegExp(`^\\[S/${name}\\] parameter name '${name}' is a Bicep type`));
    }
    const { bicep } = synthS((s) => {
      new Variable(s, 'string', { value: 'v' });
      new ArmResource(s, 'Object', { ...T, name: 'o' });
      new Output(s, 'int', { value: 1 });
    });
    expect(bicep).to.contain("var stringVar = 'v'");
    expect(bicep).to.contain("resource objectResource 'Microsoft.T/a@2025-01-01' = {");
    expect(bicep).to.contain('output int int = 1'); // outputs are not referenceable: no binding to capture
  });

  it('qualifies json() when a parameter named json shadows it', () => {
    const { bicep } = synthS((s) => {
      const j = new Parameter(s, 'json', { type: 'string', defaultValue: 'x' });
      new ArmResource(s, 'R', { ...T, name: j.value, properties: { ratio: 0.5, listed: [Fn.if(true, 1.5, 2)] } });
    });
    expect(bicep).to.contain("    ratio: sys.json('0.5')\n");
    expect(bicep).to.contain("true ? sys.json('1.5') : 2");
  });

  it('refuses output names Bicep reads as literals (true, false, null)', () => {
    expect(problemsOf((s) => {
      new Output(s, 'null', { value: 'x' });
      new Output(s, 'false', { value: 'x' });
    })).to.deep.equal([
      "[S/null] output name 'null' is a literal in Bicep (`output null ...` does not parse): the name is the same in the ARM template and the Bicep file (it is the deployment's interface), so rename it.",
      "[S/false] output name 'false' is a literal in Bicep (`output false ...` does not parse): the name is the same in the ARM template and the Bicep file (it is the deployment's interface), so rename it.",
    ]);
  });

  it('reads properties named like literals with an indexer (x[\'null\'])', () => {
    const { bicep } = synthS((s) => {
      const a = new ArmResource(s, 'A', { ...T, name: 'a' });
      const v = new Variable(s, 'v', { value: { true: 1 } });
      new Output(s, 'o', { value: a.getRuntimeProperty('properties.null.x') });
      new Output(s, 't', { value: v.ref.get('true') });
    });
    expect(bicep).to.contain("output o string = a.properties['null'].x");
    expect(bicep).to.contain("output t string = v['true']");
  });
});

describe('Bicep writer: ARM functions Bicep does not have', () => {
  it("writes parameters('x') and variables('x') as the symbols", () => {
    const { bicep } = synthS((s) => {
      new Parameter(s, 'deploy', { type: 'bool', defaultValue: true });
      new Variable(s, 'string', { value: 'v' });
      new ArmResource(s, 'R', { ...T, name: 'r', properties: { p: Fn.call('parameters', ['deploy']), v: Fn.call('variables', ['string']) } });
    });
    expect(bicep).to.contain('    p: deploy\n    v: stringVar\n');
  });

  it('writes coalesce() of one argument as the argument', () => {
    const { bicep } = synthS((s) => {
      const p = new Parameter(s, 'p', { type: 'string' });
      new ArmResource(s, 'R', { ...T, name: 'r', properties: { c: Fn.call('coalesce', [p.value]) } });
    });
    expect(bicep).to.contain('    c: p\n');
  });

  it('refuses calls ARM refuses too (wrong arity), ARM-only functions and parameters() of no parameter, at the construct', () => {
    const problems = problemsOf((s) => {
      const deploy = new Parameter(s, 'deploy', { type: 'bool' });
      new ArmResource(s, 'R', {
        ...T, name: 'r',
        properties: {
          one: Fn.and(deploy.value), eq: Fn.call('equals', [1, 2, 3]), ternary: Fn.call('if', [true, 1]), nt: Fn.call('true', [1]),
          loop: Fn.call('copyIndex', []), missing: Fn.call('parameters', ['nope']), computed: Fn.call('variables', [Fn.toLower('V')]),
          odd: Fn.call('createObject', ['k']),
        },
      });
    });
    expect(problems).to.deep.equal([
      "[S/R] the Bicep file cannot express this: and() takes at least 2 arguments, got 1 (ARM refuses the call; Bicep writes it as &&): fix the call's arguments.",
      "[S/R] the Bicep file cannot express this: equals() takes exactly 2 arguments, got 3 (ARM refuses the call; Bicep writes it as ==): fix the call's arguments.",
      "[S/R] the Bicep file cannot express this: if() takes exactly 3 arguments, got 2 (ARM refuses the call; Bicep writes it as c ? a : b): fix the call's arguments.",
      "[S/R] the Bicep file cannot express this: true() takes exactly 0 arguments, got 1 (ARM refuses the call; Bicep writes it as true): fix the call's arguments.",
      '[S/R] the Bicep file cannot express this: copyIndex() has no Bicep equivalent: build the value in TypeScript, or leave it to a resource property.',
      "[S/R] the Bicep file cannot express this: parameters('nope') names no parameter of this stack: declare the parameter, or use the Parameter's .value.",
      "[S/R] the Bicep file cannot express this: variables() with a computed name has no Bicep equivalent: use the Variable's .ref.",
      '[S/R] the Bicep file cannot express this: createObject() takes key/value pairs with string keys: fix the Fn.call arguments, or pass a plain object.',
    ]);
  });

  it('reports refusals at the declaration that holds them (variable, output)', () => {
    const problems = problemsOf((s) => {
      new Variable(s, 'v', { value: Fn.call('or', [true]) });
      new Output(s, 'o', { value: Fn.call('not', []) });
    });
    expect(problems.map((p) => p.slice(0, p.indexOf(']') + 1))).to.deep.equal(['[S/v]', '[S/o]']);
  });
});

describe('Bicep writer: values', () => {
  it('writes numbers outside the safe integers as json() with the JSON text ARM gets, in both languages', () => {
    const { bicep, template } = synthS((s) => {
      const c = new Parameter(s, 'c', { type: 'bool' });
      new ArmResource(s, 'V', {
        ...T, name: 'v',
        properties: { big: 1e21, big2: 2 ** 63 - 1024, max: Number.MAX_SAFE_INTEGER, neg: -(2 ** 60), tiny: 1e-7, inExpression: Fn.if(c.value, 1e21, -(2 ** 63) + 1024) },
      });
    });
    expect(bicep).to.contain([
      "    big: json('1e+21')",
      "    big2: json('9223372036854775000')",
      '    max: 9007199254740991',
      "    neg: json('-1152921504606847000')", // the decimal JavaScript (and so the template) prints
      "    tiny: json('1e-7')",
      "    inExpression: c ? json('1e+21') : json('-9223372036854775000')",
    ].join('\n'));
    const props = template.resources[0].properties;
    expect(JSON.stringify(props.big)).to.equal('1e+21');
    expect(JSON.stringify(props.big2)).to.equal('9223372036854775000');
    expect(props.inExpression).to.equal("[if(parameters('c'), json('1e+21'), json('-9223372036854775000'))]");
  });

  it('refuses whole numbers outside int64, which JavaScript prints without an exponent and ARM cannot read (the Bicep compiler crashed on them)', () => {
    expect(problemsOf((s) => new ArmResource(s, 'V', { ...T, name: 'v', properties: { big: 2 ** 63, list: [-(2 ** 63)], call: Fn.string(2 ** 64) } }))).to.deep.equal([
      "[S/V] properties.big: 9223372036854776000 is a whole number outside ARM's 64-bit integer range (-9223372036854775807 to 9223372036854775807), which ARM and Bicep cannot read: use a smaller number, or a string.",
      "[S/V] properties.list[0]: -9223372036854776000 is a whole number outside ARM's 64-bit integer range (-9223372036854775807 to 9223372036854775807), which ARM and Bicep cannot read: use a smaller number, or a string.",
      "[S/V] properties.call: 18446744073709552000 is a whole number outside ARM's 64-bit integer range (-9223372036854775807 to 9223372036854775807), which ARM and Bicep cannot read: use a smaller number, or a string.",
    ]);
  });

  it('refuses a null parameter default, which Bicep does not type-check', () => {
    expect(problemsOf((s) => new Parameter(s, 'o', { type: 'object', defaultValue: null as never }))).to.deep.equal([
      "[S/o] parameter 'o' has the default null, which Bicep refuses for an object parameter: omit the default, or give an object (e.g. {}).",
    ]);
  });
});

describe('Bicep writer: dependsOn', () => {
  it('writes an ordering edge without a reason with no comment', () => {
    const { bicep } = synthS((s) => {
      const a = new ArmResource(s, 'A', { ...T, name: 'a' });
      new ArmResource(s, 'B', { ...T, name: 'b' }).addDependency(a, '');
    });
    expect(bicep).to.contain('  dependsOn: [\n    a\n  ]\n');
  });

  it('gives an existing resource the edges its resource group and subscription are built from, in ARM as in Bicep', () => {
    const { bicep, template } = synthS((s) => {
      const a = new ArmResource(s, 'A', { ...T, name: 'a' });
      const sub = new ArmResource(s, 'Sub', { ...T, name: 'sub' });
      const e = new ExistingResource(s, 'E', { type: 'Microsoft.T/e', apiVersion: '2025-01-01', name: 'e', resourceGroupName: `${a.name}-rg`, subscriptionId: `${sub.name}` });
      new ArmResource(s, 'U', { ...T, name: 'u', properties: { e: e.id } });
    });
    expect(bicep).to.contain("  scope: resourceGroup(sub.name, '${a.name}-rg')\n");
    const u = template.resources.find((r: { name: string }) => r.name === 'u');
    expect(u.dependsOn).to.deep.equal(["[resourceId('Microsoft.T/a', 'a')]", "[resourceId('Microsoft.T/a', 'sub')]"]);
  });

  it('comments ordering edges with the reason on one line, within 120 columns', () => {
    expect(shortReason('serialize child writes (ServerIsBusy)', 'db')).to.equal('serialize child writes (ServerIsBusy)');
    expect(shortReason('ordering: it\'s\n  late', 'x')).to.equal("ordering: it's late");
    const long = shortReason('word '.repeat(40), 'someSymbol');
    expect(long).to.match(/^word( word)*\.\.\.$/);
    expect(`    someSymbol // ${long}`.length).to.be.at.most(120);
  });
});

describe('Bicep syntax', () => {
  it('puts deployer() in az, with resourceGroup(); concat() in sys', () => {
    expect([functionNamespace('deployer'), functionNamespace('resourceGroup'), functionNamespace('listKeys'), functionNamespace('concat')]).to.deep.equal(['az', 'az', 'az', 'sys']);
  });
});

describe('Bicep writer: where existing declarations go', () => {
  it('puts an existing child (and its existing children) right after its declared parent, other existing resources first', () => {
    const { bicep } = synthS((s) => {
      const alpha = new ArmResource(s, 'Alpha', { ...T, name: 'alpha' });
      const vnet = new ArmResource(s, 'Vnet', { ...T, type: 'Microsoft.T/v', name: 'v' });
      const subnet = new ExistingResource(s, 'Subnet', { type: 'Microsoft.T/v/s', apiVersion: '2025-01-01', name: 's', parent: vnet });
      const config = new ExistingResource(s, 'Config', { type: 'Microsoft.T/v/s/c', apiVersion: '2025-01-01', name: 'c', parent: subnet });
      const shared = new ExistingResource(s, 'Shared', { type: 'Microsoft.T/a', apiVersion: '2025-01-01', name: 'shared' });
      new ArmResource(s, 'Omega', { ...T, name: 'omega', properties: { s: subnet.id, c: config.id, x: shared.id, a: alpha.id } });
    });
    const order = [...bicep.matchAll(/^resource (\w+)/gm)].map((m) => m[1]);
    expect(order).to.deep.equal(['shared', 'alpha', 'vnet', 'subnet', 'config', 'omega']);
    expect(bicep).to.contain("resource subnet 'Microsoft.T/v/s@2025-01-01' existing = {\n  parent: vnet\n  name: 's'\n}\n\nresource config");
  });
});

describe('Bicep writer: what the compiler and its linter asked for', () => {
  it('leaves out of dependsOn an ordering edge Bicep infers through references and parents (no-unnecessary-dependson); the template keeps it', () => {
    const { bicep, template } = synthS((s) => {
      const q = new ArmResource(s, 'Q', { ...T, name: 'q' });
      const x = new ArmResource(s, 'X', { ...T, name: 'x', properties: { q: q.id } });
      const parent = new ArmResource(s, 'P', { ...T, name: 'p', properties: { x: x.id } });
      const child = new ArmResource(s, 'C', { ...T, type: 'Microsoft.T/a/c', name: 'c', parent });
      child.addDependency(q, 'after q'); // reached through parent -> x -> q
      const other = new ArmResource(s, 'O', { ...T, name: 'o' });
      other.addDependency(q, 'after q'); // not reached: stays
    });
    expect(bicep).to.contain("resource c 'Microsoft.T/a/c@2025-01-01' = {\n  parent: p\n  name: 'c'\n}\n");
    expect(bicep).to.contain("resource o 'Microsoft.T/a@2025-01-01' = {\n  name: 'o'\n  dependsOn: [\n    q // after q\n  ]\n}\n");
    const c = template.resources.find((r: { name: string }) => r.name === 'p/c');
    expect(c.dependsOn).to.deep.equal(["[resourceId('Microsoft.T/a', 'p')]", "[resourceId('Microsoft.T/a', 'q')]"]);
  });

  it('types an output of a whole properties, tags, sku or identity read as object, of zones as array (was string, which ARM refuses)', () => {
    const { bicep, template } = synthS((s) => {
      const r = new ArmResource(s, 'R', { ...T, name: 'r' });
      new Output(s, 'props', { value: r.getRuntimeProperty('properties') });
      new Output(s, 'tags', { value: r.getRuntimeProperty('tags') });
      new Output(s, 'zones', { value: r.getRuntimeProperty('zones') });
      new Output(s, 'state', { value: r.getRuntimeProperty('properties.state') });
    });
    expect(Object.fromEntries(Object.entries<any>(template.outputs).map(([k, o]) => [k, o.type]))).to.deep.equal({ props: 'object', tags: 'object', zones: 'array', state: 'string' });
    expect(bicep).to.contain('output props object = r.properties\n');
    expect(bicep).to.contain('output zones array = r.zones\n');
  });
});
