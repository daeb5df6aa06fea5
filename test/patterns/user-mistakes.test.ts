/**
 * Mistakes in an app are azcdk errors with the construct path and a fix, never crashes: the CLI
 * prints an AzcdkError as its message (exit 1), anything else as "azcdk failed unexpectedly" with
 * a stack trace.
 */
import { expect } from 'chai';
import { rmSync } from 'node:fs';
import { AzcdkError, App, ArmVirtualNetwork, Stack, Subnet, VirtualNetwork, ValidationError } from '../../lib/index.js';
import { runCli } from '../../lib/cli/main.js';
import type { CliIo } from '../../lib/cli/io.js';
import { LIBRARY_URL, tempDir, writeApp } from '../support/cli.js';
import { baseScenario } from './scenario.js';

/** The error `fn` throws (fails if it throws none). */
function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error, but none was thrown');
}

/** An AzcdkError's message (fails for any other error, such as a TypeError). */
function azcdkErrorOf(fn: () => unknown): string {
  const error = thrown(fn);
  expect(AzcdkError.isAzcdkError(error), `not an AzcdkError: ${(error as Error).stack}`).to.equal(true);
  return (error as Error).message;
}

describe('user mistakes in the network patterns are azcdk errors, not crashes', () => {
  it('a subnet declared twice', () => {
    const s = baseScenario();
    expect(azcdkErrorOf(() => s.vnet.addSubnet('endpoints', { addressPrefix: '10.0.3.0/24' }))).to.equal(
      "[Test/Vnet] subnet 'endpoints' is already declared: use vnet.subnets to find it, or pick another name.",
    );
  });

  it('a subnet imported before addSubnet declares it', () => {
    const s = baseScenario();
    Subnet.fromSubnetName(s.vnet, 'apps');
    expect(azcdkErrorOf(() => s.vnet.addSubnet('apps', { addressPrefix: '10.0.5.0/24' }))).to.match(/^\[Test\/Vnet\] subnet 'apps' was imported with Subnet.fromSubnetName before addSubnet\('apps'\)/);
  });

  it('a subnet named like another construct in the VNet, and a subnet imported under such a name', () => {
    const s = baseScenario();
    expect(azcdkErrorOf(() => s.vnet.addSubnet('Resource', { addressPrefix: '10.0.5.0/24' }))).to.equal(
      "[Test/Vnet] subnet name 'Resource' is the id of another construct in this virtual network: pick another subnet name.",
    );
    expect(azcdkErrorOf(() => Subnet.fromSubnetName(s.vnet, 'Resource'))).to.equal(
      "[Test/Vnet] cannot import subnet 'Resource': the virtual network construct already has a child with that id. Import the subnet from a VNet handle of its own (VirtualNetwork.fromVirtualNetworkName).",
    );
  });

  it('addressSpace missing (misspelled in a JavaScript app) or a single string: refused at the VNet, not a TypeError', () => {
    const missing = new App();
    expect(azcdkErrorOf(() => new VirtualNetwork(new Stack(missing, 'S'), 'Vnet', { adressSpace: ['10.0.0.0/16'] } as never))).to.equal(
      "[S/Vnet] VirtualNetwork: unknown prop adressSpace: did you mean addressSpace?\n" +
        "[S/Vnet] VirtualNetwork: addressSpace is missing: expected an array of strings, e.g. '10.0.0.0/16'.",
    );
    const text = new App();
    expect(azcdkErrorOf(() => new VirtualNetwork(new Stack(text, 'S'), 'Vnet', { addressSpace: '10.0.0.0/16' as never }))).to.equal(
      "[S/Vnet] VirtualNetwork: addressSpace is \"10.0.0.0/16\" (a string): expected an array of strings, e.g. '10.0.0.0/16'.",
    );
  });

  it('the L1 virtual network without addressPrefixes', () => {
    const app = new App();
    new ArmVirtualNetwork(new Stack(app, 'S'), 'Vnet', { name: 'vnet' } as never);
    expect((thrown(() => app.synth()) as ValidationError).problems).to.deep.include(
      { path: 'S/Vnet', message: "addressPrefixes is missing or not an array: give the VNet's address ranges, e.g. ['10.0.0.0/16']." },
    );
  });

  it('the CLI prints them as azcdk errors (exit 1), without "failed unexpectedly" or a stack trace', async () => {
    const dir = tempDir();
    try {
      writeApp(dir, 'app.js', `import { VirtualNetwork } from '${LIBRARY_URL}';
const app = new App();
const vnet = new VirtualNetwork(new Stack(app, 'S'), 'Vnet', { addressSpace: ['10.0.0.0/16'] });
vnet.addSubnet('a', { addressPrefix: '10.0.1.0/24' });
vnet.addSubnet('a', { addressPrefix: '10.0.2.0/24' });`);
      const err: string[] = [];
      const io: CliIo = { cwd: dir, out: () => undefined, err: (line) => err.push(line), resolve: (p) => `${dir}/${p}`, interactive: false, stdoutIsTerminal: false };
      const code = await runCli(['synth', '--app', 'app.js'], io);
      expect(code).to.equal(1);
      expect(err.join('\n')).to.contain("[S/Vnet] subnet 'a' is already declared: use vnet.subnets to find it, or pick another name.");
      expect(err.join('\n')).to.not.contain('failed unexpectedly');
      // The only 'at' line is the app's own (the CLI adds it), not a stack trace into azcdk.
      const atLines = err.join('\n').match(/^\s+at .*$/gm) ?? [];
      expect(atLines).to.have.length(1);
      expect(atLines[0]).to.match(/^\s+at file:.*\/app\.js(\?run=\d+)?:6:6$/); // the second addSubnet
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

