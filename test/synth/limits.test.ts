import { expect } from 'chai';
import { App, ArmResource, Fn, Output, Parameter, Stack } from '../../lib/index.js';
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
    expect(errorOf(() => app.synth())).to.match(/\[S\] an expression is 24\d{3} characters long; ARM accepts at most 24576/);
  });

  it('refuses templates over 4 MB', () => {
    const app = new App();
    const stack = new Stack(app, 'S');
    for (let i = 0; i < 5; i++) {
      new ArmResource(stack, `R${i}`, { type: 'Microsoft.Test/things', apiVersion: '2025-01-01', name: `r${i}`, location: null, properties: { blob: 'x'.repeat(1_000_000) } });
    }
    expect(errorOf(() => app.synth())).to.match(/\[S\] template is 50\d{5} bytes; ARM accepts at most 4194304 \(4 MB\)/);
  });

  it('can be switched off (benchmarks)', () => {
    const app = new App({ enforceLimits: false });
    manyResources(app, { 'Microsoft.Network/networkSecurityGroups': 801 });
    expect(() => app.synth()).to.not.throw();
  });
});
