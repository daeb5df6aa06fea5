import { expect } from 'chai';
import { App, ArmResource, ExistingResource, Fn, Output, Parameter, Stack, ValidationError, Variable } from '../../lib/index.js';
import { errorOf } from '../support/synth.js';

function thing(stack: Stack, id: string, properties: Record<string, unknown> = {}, name = id.toLowerCase()) {
  return new ArmResource(stack, id, { type: 'Microsoft.Test/things', apiVersion: '2025-01-01', name, location: null, properties });
}

describe('synthesis errors say what, where and how to fix', () => {
  it('refuses an output without a value at the construct (it used to write "value": null and Bicep = null)', () => {
    for (const value of [undefined, null]) {
      const stack = new Stack(new App(), 'S');
      expect(() => new Output(stack, 'ip', { value })).to.throw(
        `[S/ip] Output 'ip' has no value (${value}): pass the value to return, e.g. { value: publicIp.getRuntimeProperty('properties.ipAddress') }, or leave the output out.`,
      );
    }
  });

  it('refuses a parameter of another stack', () => {
    const app = new App();
    const a = new Stack(app, 'A');
    const b = new Stack(app, 'B');
    const p = new Parameter(a, 'prefix', { type: 'string' });
    thing(b, 'R', { x: `${p.value}-x` });
    const message = errorOf(() => app.synth());
    expect(message).to.contain("[B/R] properties.x: references parameter 'prefix' of stack 'A'");
    expect(message).to.contain("Declare it in stack 'B'");
  });

  it('refuses a resource of another stack and suggests an import or an output/parameter pair', () => {
    const app = new App();
    const a = new Stack(app, 'A');
    const b = new Stack(app, 'B');
    const nsg = thing(a, 'Nsg');
    thing(b, 'R', { nsg: { id: nsg.id } });
    const message = errorOf(() => app.synth());
    expect(message).to.contain("[B/R] properties.nsg.id: references resource 'A/Nsg' of stack 'A'");
    expect(message).to.contain('import it as an ExistingResource');
    expect(message).to.contain('Output of the other stack and a Parameter of this one');
  });

  it('refuses a parameter or output type that ARM does not have (apps in plain JavaScript or unchecked TypeScript)', () => {
    const app = new App();
    const stack = new Stack(app, 'S');
    new Parameter(stack, 'p', { type: 'strnig' as never });
    new Output(stack, 'o', { value: 'x', type: 'strin' as never });
    expect(errorOf(() => app.synth())).to.equal(
      'Synthesis found 2 problems:\n' +
        `  [S/p] type "strnig" of parameter 'p' is not an ARM parameter type: use one of string, securestring, int, bool, object, secureObject, array.\n` +
        `  [S/o] type "strin" of output 'o' is not an ARM output type: use one of string, int, bool, object, array, or leave type out to infer it.`,
    );
  });

  it('refuses an output whose literal value does not fit its type, and fractions (ARM has no float type)', () => {
    const app = new App();
    const stack = new Stack(app, 'S');
    new Output(stack, 'half', { value: 0.5 });
    new Output(stack, 'typed', { value: 'x', type: 'int' });
    new Output(stack, 'list', { value: { a: 1 }, type: 'array' });
    new Output(stack, 'fine', { value: 3 });
    const message = errorOf(() => app.synth());
    expect(message).to.contain("[S/half] output 'half' is 0.5, but ARM has no floating-point type (int is a whole number): output it as a string, e.g. '0.5'.");
    expect(message).to.contain(`[S/typed] output 'typed' has type int, but its value is "x": give a value of that type, or the type of the value (or leave type out to infer it).`);
    expect(message).to.contain(`[S/list] output 'list' has type array, but its value is {"a":1}`);
    expect(message).not.to.contain('[S/fine]');
  });

  it('refuses functions, class instances, constructs and non-finite numbers in properties', () => {
    const app = new App();
    const stack = new Stack(app, 'S');
    const other = thing(stack, 'Other');
    thing(stack, 'R', { f: () => 1, when: new Date(0), map: new Map(), resource: other, n: Number.NaN, list: [1, () => 2] });
    const message = errorOf(() => app.synth());
    expect(message).to.contain('[S/R] properties.f: a function cannot be written to a template: call it and pass its result.');
    expect(message).to.contain('[S/R] properties.when: an instance of Date cannot be written to a template');
    expect(message).to.contain('[S/R] properties.map: an instance of Map cannot be written');
    expect(message).to.contain("[S/R] properties.resource: the construct 'S/Other' cannot be used as a value: use one of its attributes, e.g. '.id' or '.name'.");
    expect(message).to.contain('[S/R] properties.n: NaN is not a number ARM can represent');
    expect(message).to.contain('[S/R] properties.list[1]: a function cannot be written');
  });

  it('collects every problem of every stack into one error', () => {
    const app = new App();
    const a = new Stack(app, 'A');
    const b = new Stack(app, 'B');
    thing(a, 'R1', { f: () => 1 });
    thing(b, 'R2', { f: () => 1 });
    new Parameter(b, 'secret', { type: 'securestring', defaultValue: 'hunter2' });
    try {
      app.synth();
      expect.fail('synth should fail');
    } catch (error) {
      expect(error).to.be.instanceOf(ValidationError);
      const problems = (error as ValidationError).problems.map((p) => p.path);
      expect(problems).to.have.members(['A/R1', 'B/R2', 'B/secret']);
      expect((error as Error).message).to.match(/^Synthesis found 3 problems:/);
    }
  });

  it('refuses invalid stack names when the stack is created', () => {
    expect(() => new Stack(new App(), 'my stack')).to.throw(/Invalid stack name 'my stack': use 1-64 letters, digits, '-' or '_', starting with a letter, and not 'manifest'/);
    expect(() => new Stack(new App(), 'A.parameters')).to.throw(/Invalid stack name 'A\.parameters'/);
    expect(() => new Stack(new App(), 'Manifest')).to.throw(/Invalid stack name 'Manifest'/);
    expect(() => new Stack(new App(), '1abc')).to.throw(/Invalid stack name/);
    expect(() => new Stack(new App(), 'a'.repeat(65))).to.throw(/Invalid stack name/);
  });

  it('refuses duplicate construct ids (from the constructs library)', () => {
    const stack = new Stack(new App(), 'S');
    thing(stack, 'R');
    expect(() => thing(stack, 'R', {}, 'other')).to.throw(/There is already a Construct with name 'R' in Stack \[S\]/);
  });

  it('refuses two resources with the same type and name, ignoring case', () => {
    const app = new App();
    const stack = new Stack(app, 'S');
    thing(stack, 'One', {}, 'same');
    thing(stack, 'Two', {}, 'SAME');
    expect(errorOf(() => app.synth())).to.contain("[S/Two] declares Microsoft.Test/things 'SAME', which S/One declares too (Azure names are case-insensitive): give one of them another name.");
  });

  it('refuses two resources of one type whose names are the same expression, with the fix', () => {
    const app = new App();
    const stack = new Stack(app, 'S');
    const name = Fn.format('{0}-{1}', 'db', Fn.uniqueString(Fn.resourceGroup().get('id')));
    thing(stack, 'One', {}, name as unknown as string);
    thing(stack, 'Two', {}, `${Fn.format('{0}-{1}', 'db', Fn.uniqueString(Fn.resourceGroup().get('id')))}`);
    thing(stack, 'Three', {}, `${Fn.format('{0}-{1}', 'other', Fn.uniqueString(Fn.resourceGroup().get('id')))}`);
    expect(errorOf(() => app.synth())).to.equal(
      'Synthesis found 1 problem:\n' +
        "  [S/Two] declares Microsoft.Test/things named [format('{0}-{1}', 'db', uniqueString(resourceGroup().id))], the same expression as S/One, so both are one Azure resource and ARM refuses the template: " +
        'give one of them an explicit name, or a different construct id if its name is derived from it.',
    );
  });

  it('refuses child resources without a parent, and mismatched parent types', () => {
    const app = new App();
    const stack = new Stack(app, 'S');
    new ArmResource(stack, 'Db', { type: 'Microsoft.DBforPostgreSQL/flexibleServers/databases', apiVersion: '2025-08-01', name: 'db' });
    const parent = thing(stack, 'P');
    new ArmResource(stack, 'C', { type: 'Microsoft.Other/x/y', apiVersion: '2025-08-01', name: 'c', parent });
    const message = errorOf(() => app.synth());
    expect(message).to.contain("[S/Db] 'Microsoft.DBforPostgreSQL/flexibleServers/databases' is a child resource type: pass 'parent' (the Microsoft.DBforPostgreSQL/flexibleServers resource)");
    expect(message).to.contain("[S/C] type 'Microsoft.Other/x/y' is not a child type of its parent 'Microsoft.Test/things'");
  });

  it('refuses malformed types and api-versions, all of them at synth', () => {
    const app = new App();
    const stack = new Stack(app, 'S');
    new ArmResource(stack, 'A', { type: 'bad type', apiVersion: '2025-07-01', name: 'a' });
    new ArmResource(stack, 'B', { type: 'Microsoft.Network/virtualNetworks', apiVersion: 'bad', name: 'b' });
    expect(errorOf(() => app.synth())).to.equal(
      'Synthesis found 2 problems:\n' +
        "  [S/A] invalid resource type 'bad type': expected 'Namespace.Provider/type[/childType]', e.g. 'Microsoft.Network/virtualNetworks'.\n" +
        "  [S/B] invalid apiVersion 'bad' for Microsoft.Network/virtualNetworks: expected 'YYYY-MM-DD' or 'YYYY-MM-DD-preview'.",
    );
  });
});

describe('parameter and output rules', () => {
  it('refuses defaults and parameter-file values for secure parameters', () => {
    const app = new App();
    const stack = new Stack(app, 'S');
    new Parameter(stack, 'password', { type: 'securestring', defaultValue: 'P@ssw0rd!' });
    new Parameter(stack, 'config', { type: 'secureObject', value: { a: 1 } });
    const message = errorOf(() => app.synth());
    expect(message).to.contain("[S/password] Secure parameter 'password' must not have a defaultValue: the default would be stored in the template in clear text.");
    expect(message).to.contain("[S/config] Secure parameter 'config' must not have a value: it would be written to the parameters file.");
    expect(message).to.not.contain('P@ssw0rd!');
  });

  it('checks literal defaults against the type and constraints', () => {
    const app = new App();
    const stack = new Stack(app, 'S');
    new Parameter(stack, 'count', { type: 'int', defaultValue: 11, maxValue: 10 });
    new Parameter(stack, 'tier', { type: 'string', defaultValue: 'Gold', allowedValues: ['Basic', 'Standard'] });
    new Parameter(stack, 'flag', { type: 'bool', defaultValue: 'yes' });
    new Parameter(stack, 'name', { type: 'string', minLength: 3, maxLength: 2 });
    new Parameter(stack, 'size', { type: 'string', minValue: 1 });
    new Parameter(stack, 'bad-name', { type: 'string' });
    const message = errorOf(() => app.synth());
    expect(message).to.contain("[S/count] defaultValue 11 of parameter 'count' is above maxValue 10.");
    expect(message).to.contain(`[S/tier] defaultValue "Gold" of parameter 'tier' is not one of the allowedValues ["Basic","Standard"].`);
    expect(message).to.contain(`[S/flag] defaultValue of parameter 'flag' must be of type bool, got "yes".`);
    expect(message).to.contain('[S/name] minLength (3) is greater than maxLength (2).');
    expect(message).to.contain("[S/size] minValue/maxValue apply to 'int' parameters, not 'string'.");
    expect(message).to.contain("[S/bad-name] Parameter name 'bad-name' is not valid");
  });

  it('refuses outputs that expose a secure parameter', () => {
    const app = new App();
    const stack = new Stack(app, 'S');
    const password = new Parameter(stack, 'password', { type: 'securestring' });
    new Output(stack, 'leak', { value: `pw=${password.value}` });
    expect(errorOf(() => app.synth())).to.contain(
      "[S/leak] output 'leak' uses secure parameter 'password': deployment outputs are readable by anyone who can read the deployment. Remove it from the output.",
    );
  });

  it('infers output types and writes descriptions', () => {
    const app = new App();
    const stack = new Stack(app, 'S');
    const count = new Parameter(stack, 'count', { type: 'int' });
    new Output(stack, 'n', { value: count.value });
    new Output(stack, 'flag', { value: true });
    new Output(stack, 'list', { value: [1] });
    new Output(stack, 'obj', { value: { a: 1 }, description: 'An object.' });
    const outputs = JSON.parse(app.synth().files.get('S.json')!).outputs;
    expect(outputs).to.deep.equal({
      n: { type: 'int', value: "[parameters('count')]" },
      flag: { type: 'bool', value: true },
      list: { type: 'array', value: [1] },
      obj: { type: 'object', value: { a: 1 }, metadata: { description: 'An object.' } },
    });
  });
});

describe('secrets in properties', () => {
  it('refuses literal secrets and secrets from plain string parameters, accepts securestring parameters', () => {
    const app = new App();
    const stack = new Stack(app, 'S');
    const plain = new Parameter(stack, 'plainPassword', { type: 'string' });
    const secure = new Parameter(stack, 'adminPassword', { type: 'securestring' });
    thing(stack, 'Literal', { osProfile: { adminPassword: 'P@ssw0rd1234!' } });
    thing(stack, 'Plain', { administratorLoginPassword: plain.value });
    thing(stack, 'Secure', { administratorLoginPassword: secure.value, connectionString: '' });
    const message = errorOf(() => app.synth());
    expect(message).to.contain("[S/Literal] properties.osProfile.adminPassword: a literal secret would be stored in the template in clear text: pass the value of a 'securestring' Parameter instead.");
    expect(message).to.contain("[S/Plain] properties.administratorLoginPassword: parameter 'plainPassword' holds a secret but has type 'string'");
    expect(message).to.not.contain('[S/Secure]');
    expect(message).to.not.contain('P@ssw0rd1234!');
  });
});

describe('values ARM evaluates before deploying anything', () => {
  it('refuses reference() and list*() in variables, resource names and parameter defaults, and variables in defaults', () => {
    const app = new App();
    const stack = new Stack(app, 'S');
    const server = thing(stack, 'Server');
    const early = new Variable(stack, 'fqdn', { value: server.getRuntimeProperty('properties.fqdn') });
    new Variable(stack, 'keys', { value: Fn.call('listKeys', [server.id, '2025-01-01']) });
    thing(stack, 'Named', {}, `${server.getRuntimeProperty('properties.suffix')}-x`);
    new Parameter(stack, 'p', { type: 'string', defaultValue: early.ref });
    const message = errorOf(() => app.synth());
    expect(message).to.contain("[S/fqdn] value: variable 'fqdn' cannot use a runtime property of S/Server (reference()): ARM evaluates it before any resource is deployed.");
    expect(message).to.contain("[S/keys] value: variable 'keys' cannot use listKeys()");
    expect(message).to.contain('[S/Named] name: a resource name cannot use a runtime property of S/Server (reference())');
    expect(message).to.contain("[S/p] defaultValue: the default of parameter 'p' cannot use variables (ARM evaluates it first)");
  });

  it('refuses variables that use each other in a cycle', () => {
    const app = new App();
    const stack = new Stack(app, 'S');
    // A getter is read at synth time, so it can point at a variable declared later.
    const later: { second?: Variable } = {};
    const first = new Variable(stack, 'first', { value: { get next() { return later.second!.ref; } } });
    later.second = new Variable(stack, 'second', { value: [first.ref] });
    const message = errorOf(() => app.synth());
    expect(message).to.match(/variables use each other in a cycle \((first -> second -> first|second -> first -> second)\), which ARM cannot evaluate/);
  });
});

describe('secrets in outputs and parameter files', () => {
  it('follows variables and refuses list*() calls in outputs', () => {
    const app = new App();
    const stack = new Stack(app, 'S');
    const password = new Parameter(stack, 'pw', { type: 'securestring' });
    const wrapped = new Variable(stack, 'wrapped', { value: { secret: password.value } });
    const twice = new Variable(stack, 'twice', { value: [wrapped.ref] });
    const account = thing(stack, 'Account');
    new Output(stack, 'leak', { value: twice.ref });
    new Output(stack, 'keys', { value: Fn.call('listKeys', [account.id, '2025-01-01']) });
    const message = errorOf(() => app.synth());
    expect(message).to.contain("[S/leak] output 'leak' uses secure parameter 'pw': deployment outputs are readable by anyone");
    expect(message).to.contain("[S/keys] output 'keys' calls a list*() function, which returns secrets such as keys");
  });

  it('infers an output type from the variable it returns', () => {
    const app = new App();
    const stack = new Stack(app, 'S');
    const settings = new Variable(stack, 'settings', { value: { a: 1 } });
    const alias = new Variable(stack, 'alias', { value: settings.ref });
    new Output(stack, 'settingsOut', { value: settings.ref });
    new Output(stack, 'aliasOut', { value: alias.ref });
    const outputs = JSON.parse(app.synth().files.get('S.json')!).outputs;
    expect(outputs.settingsOut.type).to.equal('object');
    expect(outputs.aliasOut.type).to.equal('object');
  });

  it('refuses expressions in parameter-file values, and invalid variable and output names', () => {
    const app = new App();
    const stack = new Stack(app, 'S');
    const p = new Parameter(stack, 'p', { type: 'string' });
    new Parameter(stack, 'other', { type: 'string', value: `${p.value}-y` });
    new Variable(stack, 'my-var', { value: 'a' });
    new Output(stack, 'my-output', { value: 'x' });
    const message = errorOf(() => app.synth());
    expect(message).to.contain("[S/other] value: must be literal, but holds an expression (a parameter, resource attribute or function): the parameters file holds plain values. Put expressions in defaultValue instead.");
    expect(message).to.contain("[S/my-var] Variable name 'my-var' is not valid");
    expect(message).to.contain("[S/my-output] Output name 'my-output' is not valid");
  });

  it('checks the resource group of an existing resource like any other value', () => {
    const app = new App();
    const a = new Stack(app, 'A');
    const b = new Stack(app, 'B');
    const rg = new Parameter(b, 'rg', { type: 'string' });
    const zone = new ExistingResource(a, 'Zone', { type: 'Microsoft.Network/privateDnsZones', apiVersion: '2024-06-01', name: 'z', resourceGroupName: rg.value });
    thing(a, 'User', { zone: zone.id });
    expect(errorOf(() => app.synth())).to.contain("[A/Zone] resourceGroupName: references parameter 'rg' of stack 'B'");
  });
});

describe('resource group boundaries', () => {
  it('refuses a declared child of a resource imported from another resource group', () => {
    const app = new App();
    const stack = new Stack(app, 'S');
    const zone = new ExistingResource(stack, 'HubZone', { type: 'Microsoft.Network/privateDnsZones', apiVersion: '2024-06-01', name: 'privatelink.postgres.database.azure.com', resourceGroupName: 'hub-dns' });
    new ArmResource(stack, 'Record', { type: 'Microsoft.Network/privateDnsZones/A', apiVersion: '2024-06-01', name: 'db', parent: zone, properties: { ttl: 10 } });
    expect(errorOf(() => app.synth())).to.contain(
      '[S/Record] is declared as a child of S/HubZone, which is in another resource group: a stack deploys only into its own resource group. Declare it in a stack deployed to that group.',
    );
  });
});

describe('a parent in another stack', () => {
  it('is refused for declared and existing children, with the fix, and without messages about the parent name', () => {
    const app = new App();
    const a = new Stack(app, 'A');
    const b = new Stack(app, 'B');
    const prefix = new Parameter(a, 'prefix', { type: 'string' });
    const vnet = new ArmResource(a, 'Vnet', { type: 'Microsoft.Network/virtualNetworks', apiVersion: '2025-07-01', name: `${prefix.value}-vnet` });
    new ArmResource(b, 'Subnet', { type: 'Microsoft.Network/virtualNetworks/subnets', apiVersion: '2025-07-01', name: 's', parent: vnet });
    const existing = new ExistingResource(b, 'Existing', { type: 'Microsoft.Network/virtualNetworks/subnets', apiVersion: '2025-07-01', name: 'e', parent: vnet });
    thing(b, 'Nic', { subnet: { id: existing.id } });
    expect(errorOf(() => app.synth())).to.equal(
      'Synthesis found 2 problems:\n' +
        "  [B/Subnet] parent: A/Vnet belongs to stack 'A', but a child must be in its parent's stack (stack 'B'). Import the parent into stack 'B' with new ExistingResource(...) and pass that as parent, or move this resource into stack 'A'.\n" +
        "  [B/Existing] parent: A/Vnet belongs to stack 'A', but an existing child must be in its parent's stack (stack 'B'). Import the parent into stack 'B' with new ExistingResource(...) and pass that as parent, or move this resource into stack 'A'.",
    );
  });
});
