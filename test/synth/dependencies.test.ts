import { expect } from 'chai';
import { Construct } from 'constructs';
import { App, ArmResource, ExistingResource, Fn, Output, Parameter, Stack, Variable, ValidationError } from '../../lib/index.js';
import { errorOf, manifestOf, templateOf } from '../support/synth.js';

function thing(scope: Construct, id: string, properties: Record<string, unknown> = {}, extra: object = {}) {
  return new ArmResource(scope, id, { type: 'Microsoft.Test/things', apiVersion: '2025-01-01', name: id.toLowerCase(), location: null, properties, ...extra });
}
const idOf = (name: string) => `[resourceId('Microsoft.Test/things', '${name}')]`;
const resource = (template: any, name: string) => template.resources.find((r: any) => r.name === name);

describe('dependsOn inference', () => {
  it('writes one sorted, deduplicated entry per referenced resource', () => {
    const app = new App();
    const stack = new Stack(app, 'S');
    const b = thing(stack, 'B');
    const a = thing(stack, 'A');
    thing(stack, 'C', { x: b.id, y: a.id, z: `${b.name}-again`, w: [a.id] });
    expect(resource(templateOf(app, 'S'), 'c').dependsOn).to.deep.equal([idOf('a'), idOf('b')]);
  });

  it('adds an edge for names and runtime properties too', () => {
    const app = new App();
    const stack = new Stack(app, 'S');
    const a = thing(stack, 'A');
    const b = thing(stack, 'B');
    thing(stack, 'C', { name: a.name, fqdn: b.getRuntimeProperty('properties.fqdn') });
    expect(resource(templateOf(app, 'S'), 'c').dependsOn).to.deep.equal([idOf('a'), idOf('b')]);
  });

  it('makes a child depend on its parent', () => {
    const app = new App();
    const stack = new Stack(app, 'S');
    const server = thing(stack, 'Server');
    new ArmResource(stack, 'Db', { type: 'Microsoft.Test/things/children', apiVersion: '2025-01-01', name: 'db', parent: server });
    const template = templateOf(app, 'S');
    expect(template.resources[1].dependsOn).to.deep.equal([idOf('server')]);
    expect(manifestOf(app).stacks.S.resources.db.dependsOn).to.deep.equal([{ on: 'server', kind: 'parent', reason: 'parent' }]);
  });

  it('depends on the declared parent of an existing child (a subnet inline in its VNet)', () => {
    const app = new App();
    const stack = new Stack(app, 'S');
    const vnet = new ArmResource(stack, 'Vnet', { type: 'Microsoft.Network/virtualNetworks', apiVersion: '2025-07-01', name: 'vnet', location: null });
    const subnet = new ExistingResource(stack, 'Subnet', { type: 'Microsoft.Network/virtualNetworks/subnets', apiVersion: '2025-07-01', name: 'a', parent: vnet });
    thing(stack, 'Nic', { subnet: { id: subnet.id } });
    expect(resource(templateOf(app, 'S'), 'nic').dependsOn).to.deep.equal(["[resourceId('Microsoft.Network/virtualNetworks', 'vnet')]"]);
  });

  it('creates no edge to a resource that exists outside the template', () => {
    const app = new App();
    const stack = new Stack(app, 'S');
    const zone = new ExistingResource(stack, 'Zone', { type: 'Microsoft.Network/privateDnsZones', apiVersion: '2024-06-01', name: 'z', resourceGroupName: 'dns' });
    thing(stack, 'A', { zone: zone.id });
    expect(resource(templateOf(app, 'S'), 'a')).to.not.have.property('dependsOn');
  });

  it('follows references through variables', () => {
    const app = new App();
    const stack = new Stack(app, 'S');
    const a = thing(stack, 'A');
    const inner = new Variable(stack, 'inner', { value: { id: a.id } });
    const outer = new Variable(stack, 'outer', { value: [inner.ref] });
    thing(stack, 'B', { x: outer.ref });
    const template = templateOf(app, 'S');
    expect(resource(template, 'b').dependsOn).to.deep.equal([idOf('a')]);
    expect(template.variables).to.deep.equal({ inner: { id: idOf('a') }, outer: ["[variables('inner')]"] });
    expect(manifestOf(app).stacks.S.resources.b.dependsOn[0].reason).to.equal("variables('inner')");
  });

  it("follows variables('v') and parameters('p') written with Fn.call as the Variable and Parameter they name", () => {
    const app = new App();
    const stack = new Stack(app, 'S');
    const a = thing(stack, 'A');
    new Variable(stack, 'v', { value: { id: a.id } });
    thing(stack, 'B', { x: Fn.call('variables', ['v']) }, { location: Fn.call('parameters', ['location']) });
    const template = templateOf(app, 'S');
    expect(resource(template, 'b').dependsOn).to.deep.equal([idOf('a')]);
    expect(manifestOf(app).stacks.S.resources.b.dependsOn).to.deep.equal([{ on: 'a', kind: 'reference', reason: "variables('v')" }]);
    // The stack's location parameter is written only when used: this call uses it.
    expect(Object.keys(template.parameters)).to.deep.equal(['location']);
  });

  it("applies a parameter's rules to parameters('p') written with Fn.call (a secure one stays out of outputs)", () => {
    const app = new App();
    const stack = new Stack(app, 'S');
    new Parameter(stack, 'secret', { type: 'securestring' });
    new Output(stack, 'leak', { value: Fn.call('parameters', ['secret']) });
    expect(errorOf(() => app.synth())).to.equal(
      'Synthesis found 1 problem:\n' +
        "  [S/leak] output 'leak' uses secure parameter 'secret': deployment outputs are readable by anyone who can read the deployment. Remove it from the output.",
    );
  });

  it('ignores a reference of a resource to itself', () => {
    const app = new App();
    const stack = new Stack(app, 'S');
    const a = thing(stack, 'A');
    a.addPropertyOverride('self', a.id);
    expect(resource(templateOf(app, 'S'), 'a')).to.not.have.property('dependsOn');
  });

  it('adds ordering edges with a reason, from a resource or from a whole subtree', () => {
    const app = new App();
    const stack = new Stack(app, 'S');
    const first = thing(stack, 'First');
    const group = new Construct(stack, 'Group');
    thing(group, 'G1');
    thing(group, 'G2');
    const later = thing(stack, 'Later');
    later.addDependency(first, 'the server rejects concurrent writes');
    group.node.addDependency(first);
    const template = templateOf(app, 'S');
    expect(resource(template, 'later').dependsOn).to.deep.equal([idOf('first')]);
    expect(resource(template, 'g1').dependsOn).to.deep.equal([idOf('first')]);
    expect(resource(template, 'g2').dependsOn).to.deep.equal([idOf('first')]);
    expect(manifestOf(app).stacks.S.resources.later.dependsOn).to.deep.equal([
      { on: 'first', kind: 'ordering', reason: 'the server rejects concurrent writes' },
    ]);
  });

  it('keeps an ordering reason in the manifest when the resource is referenced too (one dependsOn entry)', () => {
    const app = new App();
    const stack = new Stack(app, 'S');
    const a = thing(stack, 'A');
    const b = thing(stack, 'B', { a: a.id });
    b.addDependency(a, 'why');
    b.addDependency(a, 'why');
    expect(resource(templateOf(app, 'S'), 'b').dependsOn).to.deep.equal([idOf('a')]);
    expect(manifestOf(app).stacks.S.resources.b.dependsOn).to.deep.equal([
      { on: 'a', kind: 'reference', reason: 'properties.a', also: [{ kind: 'ordering', reason: 'why' }] },
    ]);
  });

  it('turns a dependency on another stack into a stack dependency', () => {
    const app = new App();
    const network = new Stack(app, 'Network');
    const db = new Stack(app, 'Db');
    const vnet = thing(network, 'Vnet');
    thing(db, 'Server').addDependency(vnet, 'needs the network');
    const manifest = manifestOf(app);
    expect(manifest.stacks.Db.dependencies).to.deep.equal(['Network']);
    expect(manifest.stacks.Network.dependencies).to.deep.equal([]);
  });

  it('makes stack.node.addDependency(other stack or a construct in it) a stack dependency, and refuses cycles', () => {
    const app = new App();
    const alpha = new Stack(app, 'Alpha');
    const beta = new Stack(app, 'Beta');
    const gamma = new Stack(app, 'Gamma');
    const vnet = thing(alpha, 'Vnet');
    thing(beta, 'X');
    beta.node.addDependency(alpha);
    gamma.node.addDependency(vnet);
    const manifest = manifestOf(app);
    expect(manifest.stacks.Beta.dependencies).to.deep.equal(['Alpha']);
    expect(manifest.stacks.Gamma.dependencies).to.deep.equal(['Alpha']);
    expect(manifest.stacks.Alpha.dependencies).to.deep.equal([]);

    const cyclic = new App();
    const one = new Stack(cyclic, 'One');
    const two = new Stack(cyclic, 'Two');
    one.node.addDependency(two);
    two.node.addDependency(one);
    expect(errorOf(() => cyclic.synth())).to.equal(
      'Synthesis found 1 problem:\n  [Two] stacks depend on each other in a cycle (One -> Two -> One), so none can deploy first: remove one of the dependencies.',
    );

    // Two independent cycles: each is reported (the one cycle finder serves stacks, variables and resources).
    const twoCycles = new App();
    const [a, b, c, d] = ['A', 'B', 'C', 'D'].map((name) => new Stack(twoCycles, name));
    a.node.addDependency(b);
    b.node.addDependency(a);
    c.node.addDependency(d);
    d.node.addDependency(c);
    expect(errorOf(() => twoCycles.synth())).to.equal(
      'Synthesis found 2 problems:\n' +
        '  [B] stacks depend on each other in a cycle (A -> B -> A), so none can deploy first: remove one of the dependencies.\n' +
        '  [D] stacks depend on each other in a cycle (C -> D -> C), so none can deploy first: remove one of the dependencies.',
    );
  });

  it('reports stacks that depend on each other', () => {
    const app = new App();
    const network = new Stack(app, 'Network');
    const db = new Stack(app, 'Db');
    const vnet = thing(network, 'Vnet');
    thing(db, 'Server').addDependency(vnet, 'needs the network');
    network.addStackDependency(db);
    expect(errorOf(() => app.synth())).to.match(/stacks depend on each other in a cycle \((Db -> Network -> Db|Network -> Db -> Network)\), so none can deploy first/);
  });

  it('reports every cycle, each once', () => {
    const app = new App();
    const stack = new Stack(app, 'S');
    const a = thing(stack, 'A');
    thing(stack, 'B', { a: a.id });
    a.addDependency(stack.node.findChild('B'), 'first cycle');
    const c = thing(stack, 'C');
    thing(stack, 'D', { c: c.id });
    c.addDependency(stack.node.findChild('D'), 'second cycle');
    const cycle = (lines: string) =>
      `  [S] dependency cycle: the resources below each wait for the next, so none can deploy:\n${lines}\n` +
      '    Break the cycle: remove one of these references or ordering dependencies (for example, read a value from a parameter instead of from the other resource).';
    expect(errorOf(() => app.synth())).to.equal(
      'Synthesis found 2 problems:\n' +
        cycle('      S/A -> S/B (ordering: first cycle)\n      S/B -> S/A (references it at properties.a)') + '\n' +
        cycle('      S/C -> S/D (ordering: second cycle)\n      S/D -> S/C (references it at properties.c)'),
    );
  });

  it('reports a cycle with the whole chain and the reason of each link', () => {
    const app = new App();
    const stack = new Stack(app, 'S');
    const a = thing(stack, 'A');
    const b = thing(stack, 'B', { a: a.id });
    const c = thing(stack, 'C', { b: b.name });
    a.addDependency(c, 'must wait for C');
    const message = errorOf(() => app.synth());
    expect(message).to.contain('[S] dependency cycle');
    expect(message).to.contain('S/A -> S/C (ordering: must wait for C)');
    expect(message).to.contain('S/C -> S/B (references it at properties.b)');
    expect(message).to.contain('S/B -> S/A (references it at properties.a)');
    expect(message).to.contain('Break the cycle');
  });

  it('finds cycles in long chains without overflowing the stack', () => {
    const app = new App({ enforceLimits: false });
    const stack = new Stack(app, 'S');
    const first = thing(stack, 'R0');
    let previous = first;
    for (let i = 1; i < 12000; i++) previous = thing(stack, `R${i}`, { p: previous.id });
    first.addDependency(previous, 'closing the loop');
    expect(() => app.synth()).to.throw(ValidationError, /dependency cycle/);
  });
});

describe('parameters in dependencies and usage', () => {
  it('creates no resource edge for a parameter', () => {
    const app = new App();
    const stack = new Stack(app, 'S');
    const p = new Parameter(stack, 'p', { type: 'string' });
    thing(stack, 'A', { p: p.value });
    expect(resource(templateOf(app, 'S'), 'a')).to.not.have.property('dependsOn');
  });
});
