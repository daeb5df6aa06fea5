/**
 * What-if against resources that exist: secrets Azure echoes in `before` (an earlier deployment's
 * passwords, another stack's) are masked by where they are, not by value; a redeploy with the
 * same parameters reports no changes. examples/postgres-private-link over HTTP.
 */
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../../lib/cli/main.js';
import { PROJECT_ROOT } from '../support/cli.js';
import { deploy, deployFixture, filesUnder, ioFor, SUBSCRIPTION, tempDir, writeHello, type CapturedIo } from '../support/deploy-cli.js';

const PG_1 = 'Pg-S3cret!xyz';
const VM_1 = 'Vm-S3cret!abc-1';
const PG_2 = 'Pg-N3w-S3cret!';
const VM_2 = 'Vm-N3w-S3cret!-2';

describe('azcdk deploy: what-if of a deployed stack', function () {
  this.timeout(60_000);
  const fx = deployFixture({ group: true });

  /** Deploys the example (synthesized into `<dir>/synth`) and returns that folder. */
  async function deployExample(): Promise<string> {
    const synth = join(fx.dir, 'synth');
    const io = ioFor(fx.endpoint, PROJECT_ROOT, { env: { PG_PASSWORD: PG_1, VM_PASSWORD: VM_1 } });
    const code = await runCli([
      'deploy', '--app', 'examples/postgres-private-link/app.ts', '--out', synth, '-g', 'rg', '--yes',
      '--endpoint', fx.endpoint.url, '--subscription', SUBSCRIPTION, '--poll-interval', '0.02',
      '-p', 'administratorLoginPassword=@env:PG_PASSWORD', 'vmAdminPassword=@env:VM_PASSWORD',
    ], io);
    expect(code, io.text()).to.equal(0);
    return synth;
  }

  const passwords = (pg: string, vm: string) => ({ env: { PG_PASSWORD: pg, VM_PASSWORD: vm } });
  const passwordArgs = ['-p', 'administratorLoginPassword=@env:PG_PASSWORD', 'vmAdminPassword=@env:VM_PASSWORD'];

  function expectNoSecret(io: CapturedIo): void {
    for (const text of [io.text(), ...filesUnder(fx.dir).filter((f) => !f.file.includes('/synth/')).map((f) => f.text)]) {
      for (const secret of [PG_1, VM_1, PG_2, VM_2]) expect(text).to.not.contain(secret);
    }
  }

  it('masks the passwords Azure echoes from the earlier deployment (stdout and --what-if-json), by the template paths that use secure parameters', async () => {
    const synth = await deployExample();
    // The endpoint's what-if compares against what it stored, old passwords included, as some providers do.
    const vm = [...fx.endpoint.resources.values()].find((r) => r.type === 'Microsoft.Compute/virtualMachines')!;
    expect((vm.properties as { osProfile: { adminPassword: string } }).osProfile.adminPassword).to.equal(VM_1);

    const io = ioFor(fx.endpoint, fx.dir, passwords(PG_2, VM_2));
    expect(await deploy(fx.endpoint, synth, ['--what-if', '--what-if-json', 'what-if.json', ...passwordArgs], io), io.text()).to.equal(0);
    expect(io.stdout).to.include('        ~ properties.osProfile.adminPassword: (secure) => (secure)');
    expect(io.stdout).to.include('        ~ properties.administratorLoginPassword: (secure) => (secure)');
    const json = JSON.parse(readFileSync(join(fx.dir, 'what-if.json'), 'utf8'));
    const vmChange = json.stacks.PostgresPrivateLink.changes.find((c: { resourceId: string }) => /virtualMachines/.test(c.resourceId));
    expect(vmChange.changeType).to.equal('Modify');
    expect(vmChange.delta).to.deep.include({ path: 'properties.osProfile.adminPassword', propertyChangeType: 'Modify', before: '(secure)', after: '(secure)' });
    expect(vmChange.before.properties.osProfile.adminPassword).to.equal('(secure)');
    expect(vmChange.after.properties.osProfile.adminPassword).to.equal('(secure)');
    expect(vmChange.after.properties.osProfile.adminUsername).to.be.a('string').and.not.equal('(secure)');
    expectNoSecret(io);
  });

  it('masks other stacks\' passwords in a Complete-mode what-if of a stack without secure parameters (by property name)', async () => {
    await deployExample();
    const hello = await writeHello(tempDir());
    const io = ioFor(fx.endpoint, fx.dir);
    expect(await deploy(fx.endpoint, hello, ['--what-if', '--mode', 'Complete', '--what-if-json', 'complete.json'], io), io.text()).to.equal(0);
    expect(io.stdout.some((l) => /^ {2}- Delete {4}Microsoft\.Compute\/virtualMachines /.test(l)), io.text()).to.equal(true);
    const json = readFileSync(join(fx.dir, 'complete.json'), 'utf8');
    const deleted = JSON.parse(json).stacks.Network.changes.filter((c: { changeType: string }) => c.changeType === 'Delete');
    const server = deleted.find((c: { resourceId: string }) => /flexibleServers\/[^/]+$/.test(c.resourceId));
    expect(server.before.properties.administratorLoginPassword).to.equal('(secure)');
    expect(server.before.properties.administratorLogin).to.equal('mylogin');
    expectNoSecret(io);
  });

  it('a redeploy with the same parameters reports no change for every resource', async () => {
    const synth = await deployExample();
    const io = ioFor(fx.endpoint, fx.dir, passwords(PG_1, VM_1));
    expect(await deploy(fx.endpoint, synth, ['--what-if', ...passwordArgs], io), io.text()).to.equal(0);
    const lines = io.stdout.slice(io.stdout.indexOf('PostgresPrivateLink: what-if:') + 1);
    const resources = lines.filter((l) => /^ {2}\S /.test(l));
    expect(resources.length).to.be.greaterThan(10);
    expect(resources.filter((l) => !l.startsWith('  = NoChange  ')), io.text()).to.deep.equal([]);
    expect(lines.filter((l) => /^ {8}/.test(l)), 'no property deltas').to.deep.equal([]);
    expect(io.stdout).to.include(`Resource changes: ${resources.length} to leave unchanged.`);
  });
});
