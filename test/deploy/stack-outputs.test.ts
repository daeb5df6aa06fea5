/**
 * `deploy --all` passes the outputs of a stack to the parameters of the same names of the stacks
 * that depend on it (lib/deploy/stack-outputs.ts), over HTTP against the test endpoint.
 */
import { expect } from 'chai';
import { deploy, deployFixture, ioFor, SUBSCRIPTION, tempDir, writeApp } from '../support/deploy-cli.js';
import { feedingApp } from './apps.js';

describe('azcdk deploy --all: outputs of one stack feed parameters of the next', () => {
  const fx = deployFixture({ app: () => feedingApp(), group: true });
  const vnetId = `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/feed-vnet`;
  const deploymentBodies = (stack: string) =>
    fx.endpoint.requests.filter((r) => r.method === 'PUT' && new RegExp(`/deployments/${stack}-`).test(r.path)).map((r) => JSON.parse(r.body) as { properties: { parameters: Record<string, { value: unknown }> } });

  it('sends the outputs of Network as the parameters of App that have their names (over a default too), and says where they came from', async () => {
    const io = ioFor(fx.endpoint, fx.dir);
    expect(await deploy(fx.endpoint, fx.out, ['--all', '--yes'], io), io.text()).to.equal(0);
    expect(deploymentBodies('App').map((b) => b.properties.parameters)).to.deep.equal([{ vnetId: { value: vnetId }, subnetName: { value: 'apps' } }]);
    expect(io.stdout).to.include(`  parameters: vnetId="${vnetId}" (output of Network), subnetName="apps" (output of Network)`);
    expect(io.text()).to.contain('App: deployment App-');
  });

  it('--parameters wins over an output', async () => {
    const io = ioFor(fx.endpoint, fx.dir);
    expect(await deploy(fx.endpoint, fx.out, ['--all', '--yes', '-p', 'subnetName=other'], io), io.text()).to.equal(0);
    expect(deploymentBodies('App')[0].properties.parameters).to.deep.equal({ vnetId: { value: vnetId }, subnetName: { value: 'other' } });
  });

  it('--what-if and --validate-only do not check a stack whose parameters wait for outputs, and say how to check it', async () => {
    for (const [flag, verb] of [['--what-if', 'checked with what-if'], ['--validate-only', 'validated']]) {
      const io = ioFor(fx.endpoint, fx.dir);
      expect(await deploy(fx.endpoint, fx.out, ['--all', flag], io), io.text()).to.equal(0);
      expect(io.stderr).to.include(
        `note: App: not ${verb}: parameters 'vnetId', 'subnetName' take the outputs of Network, known only once Network is deployed. Pass -p vnetId=VALUE -p subnetName=VALUE to check App too.`,
      );
      expect(io.text()).to.contain('Network: validation passed.');
      expect(io.text()).to.not.contain('App: validation passed.');
    }
  });

  it('refuses an output and a parameter of different types before any request (exit 2)', async () => {
    const out = writeApp(feedingApp('int'), tempDir());
    const io = ioFor(fx.endpoint, fx.dir);
    expect(await deploy(fx.endpoint, out, ['--all', '--yes'], io)).to.equal(2);
    expect(io.text()).to.contain(
      "App: parameter 'vnetId' (int) would take the output 'vnetId' of Network, which is a string. Give the output and the parameter the same type, rename one of them, or pass --parameters vnetId=VALUE.",
    );
    expect(fx.endpoint.requests).to.have.length(0);
  });

  it('deploying App alone still needs vnetId (its dependency is not deployed in this run)', async () => {
    const io = ioFor(fx.endpoint, fx.dir);
    expect(await deploy(fx.endpoint, fx.out, ['App', '--yes'], io)).to.equal(2);
    expect(io.text()).to.contain("Stack App needs parameter 'vnetId' (no default). Pass --parameters vnetId=VALUE.");
  });
});
