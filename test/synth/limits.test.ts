import { expect } from 'chai';
import { App, ArmResource, Fn, Output, Parameter, Stack, Variable } from '../../lib/index.js';
import { errorOf } from '../support/synth.js';

function manyResources(app: App, counts: Record<string, number>): Stack {
  const stack = new Stack(app, 'Big');
  for (const [type, n] of Object.entries(counts)) {
    for (let i = 0; i < n; i++) new ArmResource(stack, `${type.split('/')[1]}${i}`, { type, apiVersion: '2025-07-01', name: `r${i}`, location: null });
  }
  return stack;
}

describe('ARM limits', () => {
  it('refuses more than 800 resources and lists the counts per type', () => {
    const app = new App();
    manyResources(app, { 'Microsoft.Network/networkSecurityGroups': 500, 'Microsoft.Network/publicIPAddresses': 301 });
    expect(errorOf(() => app.synth())).to.contain(
      '[Big] template has 801 resources (Microsoft.Network/networkSecurityGroups: 500, Microsoft.Network/publicIPAddresses: 301); ARM accepts at most 800. Split the stack into several stacks.',
    );
  });

  it('accepts exactly 800 resources', () => {
    const app = new App();
    manyResources(app, { 'Microsoft.Network/networkSecurityGroups': 800 });
    expect(() => app.synth()).to.not.throw();
  });

  it('refuses more than 256 parameters and 64 outputs', () => {
    const app = new App();
    const stack = new Stack(app, 'S');
    for (let i = 0; i < 257; i++) new Parameter(stack, `p${i}`, { type: 'string', defaultValue: 'x' });
    for (let i = 0; i < 65; i++) new Output(stack, `o${i}`, { value: 'x' });
    const message = errorOf(() => app.synth());
    expect(message).to.contain('[S] template has 257 parameters; ARM accepts at most 256.');
    expect(message).to.contain('[S] template has 65 outputs; ARM accepts at most 64.');
  });

  it('refuses expressions longer than 24,576 characters', () => {
    const app = new App();
    const stack = new Stack(app, 'S');
    new Output(stack, 'long', { value: Fn.concat('a'.repeat(24_600), Fn.resourceGroup().get('id')) });
    new ArmResource(stack, 'R', { type: 'Microsoft.Test/things', apiVersion: '2025-01-01', name: 'r', location: null, properties: { x: 1, y: { z: ['short', Fn.concat('b'.repeat(24_600), Fn.resourceGroup().get('id'))] } } });
    const message = errorOf(() => app.synth());
    expect(message).to.match(/\[S\/long\] value: an expression is 24\d{3} characters long; ARM accepts at most 24576: \[concat\('aaa/);
    expect(message).to.match(/\[S\/R\] properties\.y\.z\[1\]: an expression is 24\d{3} characters long; ARM accepts at most 24576: \[concat\('bbb/);
  });

  it('refuses more than 512 variables', () => {
    const app = new App();
    const stack = new Stack(app, 'S');
    const variables = Array.from({ length: 513 }, (_, i) => new Variable(stack, `v${i}`, { value: `value-${i}` }));
    new Output(stack, 'all', { value: Fn.concat(...variables.slice(0, 3).map((v) => v.value)) });
    expect(errorOf(() => app.synth())).to.contain('[S] template has 513 variables; ARM accepts at most 512. Group related values into one object variable.');
    const fewer = new App();
    const s2 = new Stack(fewer, 'S');
    for (let i = 0; i < 512; i++) new Variable(s2, `v${i}`, { value: `value-${i}` });
    expect(() => fewer.synth()).to.not.throw();
  });

  it('refuses templates over 4 MB', () => {
    const app = new App();
    const stack = new Stack(app, 'S');
    for (let i = 0; i < 5; i++) {
      new ArmResource(stack, `R${i}`, { type: 'Microsoft.Test/things', apiVersion: '2025-01-01', name: `r${i}`, location: null, properties: { blob: 'x'.repeat(1_000_000) } });
    }
    expect(errorOf(() => app.synth())).to.match(
      /\[S\] template is 50\d{5} bytes as Azure measures it \(compact JSON, as az and the SDKs send it; the indented file is 50\d{5} bytes\); ARM accepts at most 4194304 \(4 MB\)\. Split the stack into several stacks\./,
    );
  });

  it('measures the compact JSON Azure receives, not the indented file', () => {
    // 60,000 items: ~5.2 MB indented, ~3.1 MB compact: deployable.
    const build = (count: number) => {
      const app = new App();
      const stack = new Stack(app, 'S');
      const items = Array.from({ length: count }, () => ({ k: 'x'.repeat(40) }));
      new ArmResource(stack, 'R', { type: 'Microsoft.Test/things', apiVersion: '2025-01-01', name: 'r', location: null, properties: { items } });
      return app;
    };
    const fits = build(60_000);
    const indented = Buffer.byteLength(fits.synth().files.get('S.json')!);
    expect(indented).to.be.greaterThan(4 * 1024 * 1024);
    expect(() => fits.synth()).to.not.throw();
    expect(errorOf(() => build(90_000).synth())).to.match(/\[S\] template is 4\d{6} bytes as Azure measures it \(compact JSON, as az and the SDKs send it; the indented file is 7\d{6} bytes\)/);
  });

  it('can be switched off (benchmarks)', () => {
    const app = new App({ enforceLimits: false });
    manyResources(app, { 'Microsoft.Network/networkSecurityGroups': 801 });
    expect(() => app.synth()).to.not.throw();
  });
});
