/**
 * What a JavaScript app (which TypeScript never checked) passes to an L2 is checked when the
 * construct is made: wrong value types with their property path and the expected type, unknown
 * keys with the nearest known one. The key lists are tied to the props types at compile time.
 */
import { expect } from 'chai';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Parameter, PrivateDnsZone, VirtualNetwork, WindowsVirtualMachine } from '../../lib/index.js';
import { nearest, type Shape } from '../../lib/patterns/prop-checks.js';
import { LIBRARY_URL, runAzcdk, tempDir } from '../support/cli.js';
import { baseScenario, server } from './scenario.js';

/** The error a construction throws (fails if it does not throw). */
function thrown(make: () => unknown): string {
  try {
    make();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected the construct to refuse its props');
}

describe('L2 props checked at runtime (JavaScript apps)', () => {
  it('refuses values of the wrong type with the property path and the expected type (the issue\'s four)', () => {
    const s = baseScenario();
    expect(thrown(() => server(s, { version: 16, availabilityZone: 1, storageSizeGb: '128' } as never))).to.equal(
      [
        "[Test/Db] PostgresFlexibleServer: version is 16 (a number): expected a string or an expression (e.g. a Parameter's .value), e.g. '17'.",
        '[Test/Db] PostgresFlexibleServer: storageSizeGb is "128" (a string): expected a number, e.g. 128.',
        "[Test/Db] PostgresFlexibleServer: availabilityZone is 1 (a number): expected a string or an expression (e.g. a Parameter's .value), e.g. '1'.",
      ].join('\n'),
    );
    expect(thrown(() => s.vnet.addSubnet('data', { addressPrefix: 10 } as never))).to.equal(
      "[Test/Vnet] addSubnet('data'): addressPrefix is 10 (a number): expected a string, e.g. '10.0.0.0/24'.",
    );
  });

  it('checks nested values: objects, records of objects, arrays, and either-or props', () => {
    const s = baseScenario();
    const message = thrown(() => server(s, {
      highAvailability: { mode: 'ZoneRedundant', standbyzone: '3' },
      firewallRules: { office: { startIpAddress: 203 } },
      databases: { app: [] },
    } as never));
    expect(message).to.contain('[Test/Db] PostgresFlexibleServer: unknown prop highAvailability.standbyzone: did you mean highAvailability.standbyZone?');
    expect(message).to.contain("firewallRules.office.startIpAddress is 203 (a number): expected a string or an expression (e.g. a Parameter's .value).");
    expect(message).to.contain('databases.app is an array: expected an object with charset, collation.');
    expect(thrown(() => new VirtualNetwork(s.stack, 'V2', { addressSpace: ['10.1.0.0/16', 16] } as never))).to.equal(
      "[Test/V2] VirtualNetwork: addressSpace[1] is 16 (a number): expected a string, e.g. '10.0.0.0/16'.",
    );
    const vm = { subnet: s.vnet.subnets[0], adminUsername: 'azureuser', adminPassword: s.vmPassword };
    expect(thrown(() => new WindowsVirtualMachine(s.stack, 'Vm', { ...vm, publicIp: 'yes' } as never))).to.equal(
      "[Test/Vm] WindowsVirtualMachine: publicIp is \"yes\" (a string): expected true or false, or an object with sku, domainNameLabel.",
    );
    expect(thrown(() => new WindowsVirtualMachine(s.stack, 'Vm2', { ...vm, publicIp: { SKU: 'Standard' } } as never))).to.contain('unknown prop publicIp.SKU: did you mean publicIp.sku?');
  });

  it('reports unknown keys with "did you mean" (ARM\'s spelling storageSizeGB), or lists the props', () => {
    const s = baseScenario();
    expect(thrown(() => server(s, { storageSizeGB: 512 } as never))).to.equal('[Test/Db] PostgresFlexibleServer: unknown prop storageSizeGB: did you mean storageSizeGb?');
    expect(thrown(() => new PrivateDnsZone(s.stack, 'Z', { zoneName: 'privatelink.postgres.database.azure.com', colour: 'blue' } as never))).to.equal(
      '[Test/Z] PrivateDnsZone: unknown prop colour: the props here are zoneName, tags.',
    );
    // `name` is the server's prop now: it is used, not dropped.
    expect(() => server(s, { name: 'my-pg-server' }, 'Db4')).to.not.throw();
  });

  it('says which required props are missing, and accepts expressions where the types do', () => {
    const s = baseScenario();
    expect(thrown(() => new VirtualNetwork(s.stack, 'V3', {} as never))).to.equal(
      "[Test/V3] VirtualNetwork: addressSpace is missing: expected an array of strings, e.g. '10.0.0.0/16'.",
    );
    const version = new Parameter(s.stack, 'version', { type: 'string' });
    expect(() => server(s, { version: version.value, availabilityZone: version.value }, 'Db2')).to.not.throw();
    expect(thrown(() => server(s, { version } as never, 'Db3'))).to.contain("version is the Parameter 'version' (pass its .value)");
  });

  it('finds the nearest key: same letters in another case first, then a few letters off, else none', () => {
    expect(nearest('storageSizeGB', ['storageSizeGb', 'storageTier'])).to.equal('storageSizeGb');
    expect(nearest('adressSpace', ['addressSpace', 'name'])).to.equal('addressSpace');
    expect(nearest('colour', ['zoneName', 'tags'])).to.equal(undefined);
  });

  it('ties each Shape to its props type at compile time: every key, only those keys, required ones marked', () => {
    interface Props { readonly a?: string; readonly b: number }
    const right: Shape<Props> = { a: 'string', b: { required: 'number' } };
    // @ts-expect-error a key of the props is missing
    const missing: Shape<Props> = { b: { required: 'number' } };
    // @ts-expect-error a key the props do not have
    const extra: Shape<Props> = { a: 'string', b: { required: 'number' }, c: 'string' };
    // @ts-expect-error a required key not marked required
    const unmarked: Shape<Props> = { a: 'string', b: 'number' };
    expect([right, missing, extra, unmarked].length).to.equal(4);
  });

  it('a JavaScript app with a misspelt key fails synth with exit 1 and the message', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'src'));
    writeFileSync(join(dir, 'src', 'app.mjs'), `import { App, Stack, PostgresFlexibleServer } from '${LIBRARY_URL}';
const stack = new Stack(new App(), 'Data');
new PostgresFlexibleServer(stack, 'Db', { storageSizeGB: 512, publicNetworkAccess: true });
`);
    const run = runAzcdk(['synth', '--app', 'src/app.mjs'], dir);
    expect(run.status).to.equal(1);
    expect(run.stderr).to.contain('[Data/Db] PostgresFlexibleServer: unknown prop storageSizeGB: did you mean storageSizeGb?');
  });
});
