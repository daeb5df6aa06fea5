import { expect } from 'chai';
import type { IConstruct } from 'constructs';
import { Annotations, App, ArmResource, AspectPriority, Aspects, Parameter, Stack, Tags } from '../../lib/index.js';
import { errorOf, manifestOf, templateOf } from '../support/synth.js';

function setup() {
  const app = new App();
  const stack = new Stack(app, 'S');
  const server = new ArmResource(stack, 'Server', { type: 'Microsoft.Test/servers', apiVersion: '2025-01-01', name: 'server', tags: { owner: 'db-team' } });
  new ArmResource(stack, 'Db', { type: 'Microsoft.Test/servers/databases', apiVersion: '2025-01-01', name: 'db', parent: server });
  const vnet = new ArmResource(stack, 'Vnet', { type: 'Microsoft.Test/vnets', apiVersion: '2025-01-01', name: 'vnet' });
  return { app, stack, server, vnet };
}

describe('Tags', () => {
  it('tags every taggable resource under the scope; resource tags win; child types are skipped', () => {
    const { app, stack, server } = setup();
    Tags.of(app).add('env', 'prod');
    Tags.of(stack).add('owner', 'platform');
    Tags.of(server).add('env', 'staging');
    const [s, db, vnet] = templateOf(app, 'S').resources;
    expect(s.tags).to.deep.equal({ env: 'staging', owner: 'db-team' });
    expect(db).to.not.have.property('tags');
    expect(vnet.tags).to.deep.equal({ env: 'prod', owner: 'platform' });
  });

  it('removes an inherited tag below a scope', () => {
    const { app, vnet } = setup();
    Tags.of(app).add('env', 'prod');
    Tags.of(vnet).remove('env');
    expect(templateOf(app, 'S').resources[2]).to.not.have.property('tags');
  });

  it('refuses keys and values Azure rejects', () => {
    const { app } = setup();
    expect(() => Tags.of(app).add('a/b', 'x')).to.throw("invalid tag key 'a/b': 1-512 characters, none of < > % & \\ ? /.");
    expect(() => Tags.of(app).add('k', 'v'.repeat(257))).to.throw("value of tag 'k' is 257 characters long; Azure allows 256.");
  });

  it('refuses more than 50 tags on a resource', () => {
    const { app, vnet } = setup();
    for (let i = 0; i < 51; i++) Tags.of(vnet).add(`t${i}`, 'x');
    expect(errorOf(() => app.synth())).to.contain('[S/Vnet] has 51 tags; Azure allows 50 per resource.');
  });
});

describe('Aspects and Annotations', () => {
  it('visits every construct under the scope once, outer scopes first', () => {
    const { app, stack } = setup();
    const visits: string[] = [];
    Aspects.of(app).add({ visit: (node: IConstruct) => visits.push(`app:${node.node.path}`) });
    Aspects.of(stack).add({ visit: (node: IConstruct) => visits.push(`stack:${node.node.path}`) });
    app.synth();
    expect(visits).to.deep.equal(['app:', 'app:S', 'stack:S', 'app:S/DefaultLocation', 'stack:S/DefaultLocation', 'app:S/Server', 'stack:S/Server', 'app:S/Db', 'stack:S/Db', 'app:S/Vnet', 'stack:S/Vnet']);
  });

  it('visits constructs that an aspect adds', () => {
    const { app, stack } = setup();
    const seen: string[] = [];
    Aspects.of(app).add({
      visit: (node: IConstruct) => {
        seen.push(node.node.path);
        if (node === stack) new ArmResource(stack, 'Added', { type: 'Microsoft.Test/vnets', apiVersion: '2025-01-01', name: 'added' });
      },
    });
    app.synth();
    expect(seen).to.include('S/Added');
  });

  it('reports warnings in the assembly and manifest, and fails on errors', () => {
    const { app, vnet, server } = setup();
    Annotations.of(vnet).addWarning('no DDoS protection plan');
    Annotations.of(vnet).addInfo('fyi');
    const assembly = app.synth();
    expect(assembly.annotations).to.deep.equal([
      { level: 'warning', path: 'S/Vnet', message: 'no DDoS protection plan' },
      { level: 'info', path: 'S/Vnet', message: 'fyi' },
    ]);
    expect(manifestOf(app).stacks.S.annotations).to.have.length(2);
    const failing = setup();
    Annotations.of(failing.server).addError('server is misconfigured: set X');
    expect(errorOf(() => failing.app.synth())).to.contain('[S/Server] server is misconfigured: set X');
    void server;
  });

  it('an aspect can enforce a policy across the app', () => {
    const { app } = setup();
    Aspects.of(app).add({
      visit: (node: IConstruct) => {
        if (ArmResource.isArmResource(node) && !node.tags.render()?.costCenter && node.tags.taggable) Annotations.of(node).addError('every resource needs a costCenter tag');
      },
    });
    const message = errorOf(() => app.synth());
    expect(message).to.contain('[S/Server] every resource needs a costCenter tag');
    expect(message).to.contain('[S/Vnet] every resource needs a costCenter tag');
    expect(message).to.not.contain('[S/Db]');
  });
});

describe('Tags with expression keys', () => {
  it('keep an order that does not depend on token numbers', () => {
    const render = (tokenBFirst: boolean) => {
      const app = new App();
      const stack = new Stack(app, 'S');
      const a = new Parameter(stack, 'a', { type: 'string' });
      const b = new Parameter(stack, 'b', { type: 'string' });
      // Token numbers follow creation order: create them in either order.
      const [ta, tb] = tokenBFirst ? (() => { const t = `${b.value}`; return [`${a.value}`, t]; })() : [`${a.value}`, `${b.value}`];
      new ArmResource(stack, 'R', { type: 'Microsoft.Test/things', apiVersion: '2025-01-01', name: 'r', tags: { z: '0', [ta]: '1', [tb]: '2' } });
      return Object.keys(templateOf(app, 'S').resources[0].tags);
    };
    expect(render(true)).to.deep.equal(["z", "[parameters('a')]", "[parameters('b')]"]);
    expect(render(false)).to.deep.equal(render(true));
  });
});

describe('Tags: Azure rules', () => {
  it('treat names that differ only in case as one tag: the nearer or own one wins, in its spelling', () => {
    const { app, stack, vnet } = setup();
    Tags.of(app).add('Env', 'prod');
    Tags.of(stack).add('OWNER', 'platform');
    Tags.of(vnet).add('env', 'test');
    Tags.of(app).add('Team', 'a');
    Tags.of(vnet).remove('team');
    const [s, , v] = templateOf(app, 'S').resources;
    expect(s.tags).to.deep.equal({ Env: 'prod', owner: 'db-team', Team: 'a' });
    expect(v.tags).to.deep.equal({ OWNER: 'platform', env: 'test' });
  });

  it('skip top-level types ARM refuses tags on (role assignments, locks, policies, diagnostic settings)', () => {
    const app = new App();
    const stack = new Stack(app, 'S');
    new ArmResource(stack, 'Ra', { type: 'Microsoft.Authorization/roleAssignments', apiVersion: '2022-04-01', name: 'ra', properties: {} });
    new ArmResource(stack, 'Lock', { type: 'Microsoft.Authorization/locks', apiVersion: '2020-05-01', name: 'lock', properties: {} });
    new ArmResource(stack, 'Vnet', { type: 'Microsoft.Network/virtualNetworks', apiVersion: '2025-07-01', name: 'vnet' });
    Tags.of(app).add('env', 'prod');
    expect(templateOf(app, 'S').resources.map((r: { tags?: unknown }) => r.tags)).to.deep.equal([undefined, undefined, { env: 'prod' }]);
  });

  it('check tags given in props at synth, with every problem and only the literal text of expressions', () => {
    const app = new App();
    const stack = new Stack(app, 'S');
    const env = new Parameter(stack, 'env', { type: 'string' });
    new ArmResource(stack, 'Vnet', {
      type: 'Microsoft.Network/virtualNetworks', apiVersion: '2025-07-01', name: 'vnet',
      tags: { 'a/b': 'x', env: 'dev', Env: 'y', long: 'v'.repeat(257), [`${env.value}?`]: '1', [`${env.value}-ok`]: `${env.value}${'v'.repeat(250)}` },
    });
    expect(errorOf(() => app.synth())).to.equal(
      'Synthesis found 4 problems:\n' +
        "  [S/Vnet] invalid tag key 'a/b': 1-512 characters, none of < > % & \\ ? /.\n" +
        "  [S/Vnet] value of tag 'long' is 257 characters long; Azure allows 256.\n" +
        "  [S/Vnet] invalid tag key '${...}?': 1-512 characters, none of < > % & \\ ? /.\n" +
        "  [S/Vnet] tags 'env' and 'Env' differ only in case, but Azure tag names are case-insensitive: keep one.",
    );
  });
});

describe('Aspects: priority and failures', () => {
  it('run Tags before default-priority aspects, so a policy added on the app sees tags added on a stack', () => {
    const { app, stack } = setup();
    Aspects.of(app).add({
      visit: (node: IConstruct) => {
        if (ArmResource.isArmResource(node) && node.tags.taggable && !node.tags.render()?.costCenter) Annotations.of(node).addError('needs a costCenter tag');
      },
    });
    Tags.of(stack).add('costCenter', '42');
    expect(templateOf(app, 'S').resources[2].tags).to.deep.equal({ costCenter: '42' });
  });

  it('order aspects on a construct by priority, then outer scope first, then as added', () => {
    const { app, stack } = setup();
    const order: string[] = [];
    const record = (name: string) => ({ visit: (node: IConstruct) => { if (node.node.path === 'S/Vnet') order.push(name); } });
    Aspects.of(stack).add(record('stack-readonly'), { priority: AspectPriority.READONLY });
    Aspects.of(stack).add(record('stack-default'));
    Aspects.of(app).add(record('app-default'));
    Aspects.of(stack).add(record('stack-mutating'), { priority: AspectPriority.MUTATING });
    app.synth();
    expect(order).to.deep.equal(['stack-mutating', 'app-default', 'stack-default', 'stack-readonly']);
  });

  it('name the aspect and the construct when an aspect throws', () => {
    const { app } = setup();
    class RequireDdos { visit(node: IConstruct) { if (node.node.id === 'Vnet') throw new Error('no plan'); } }
    Aspects.of(app).add(new RequireDdos());
    expect(errorOf(() => app.synth())).to.equal('[S/Vnet] aspect RequireDdos threw while visiting this construct: no plan');
    const other = setup();
    Aspects.of(other.app).add({ visit: () => { throw new Error('x'); } });
    expect(errorOf(() => other.app.synth())).to.equal('[<root>] aspect an object literal threw while visiting this construct: x');
  });

  it('refuses a priority that is not a number', () => {
    const { stack } = setup();
    expect(() => Aspects.of(stack).add({ visit: () => {} }, { priority: NaN })).to.throw('[S] Aspects.add(): priority must be a finite number (e.g. AspectPriority.READONLY), got NaN.');
  });
});

describe('Annotations: ids, acknowledgement, duplicates', () => {
  it('says a repeated message once, and drops warnings acknowledged on the construct or a scope above it', () => {
    const { app, stack, vnet, server } = setup();
    Annotations.of(vnet).addWarning('no DDoS protection plan');
    Annotations.of(vnet).addWarning('no DDoS protection plan');
    Annotations.of(vnet).addWarningV2('myorg:noDdos', 'no DDoS protection plan');
    Annotations.of(server).addWarningV2('myorg:noDdos', 'no DDoS protection plan');
    Annotations.of(server).addWarningV2('myorg:public', 'public network access');
    Annotations.of(stack).acknowledgeWarning('myorg:noDdos', 'the hub has a plan');
    expect(app.synth().annotations).to.deep.equal([
      { level: 'warning', path: 'S/Server', message: 'public network access [ack: myorg:public]' },
      { level: 'warning', path: 'S/Vnet', message: 'no DDoS protection plan' },
    ]);
  });

  it('keeps a warning acknowledged on another branch of the tree', () => {
    const { app, vnet, server } = setup();
    Annotations.of(vnet).addWarningV2('myorg:noDdos', 'no plan');
    Annotations.of(server).acknowledgeWarning('myorg:noDdos');
    expect(app.synth().annotations).to.deep.equal([{ level: 'warning', path: 'S/Vnet', message: 'no plan [ack: myorg:noDdos]' }]);
  });

  it('refuses an empty id or one with ]', () => {
    const { vnet } = setup();
    expect(() => Annotations.of(vnet).addWarningV2('a]', 'x')).to.throw("[S/Vnet] Annotations.addWarningV2(): invalid warning id 'a]': use a non-empty id without ']', e.g. 'myorg:vnet:noDdosPlan'.");
  });
});
