/**
 * `azcdk deploy` end to end: the real @azure/arm-resources SDK over HTTP against the
 * ARM-compatible test endpoint, through the CLI entry.
 */
import { expect } from 'chai';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ArmEndpoint } from '../support/arm-endpoint.js';
import { PROJECT_ROOT, runAzcdkInProcess } from '../support/cli.js';
import { deploy, deployFixture, ioFor, SUBSCRIPTION, tempDir, testClock, writeApp } from '../support/deploy-cli.js';
import { runCli } from '../../lib/cli/main.js';
import { uniqueString } from '../../lib/deploy/unique-string.js';
import { chainedApp, uniqueNameApp } from './apps.js';

describe('azcdk deploy', () => {
  const fx = deployFixture();
  let endpoint: ArmEndpoint;
  let dir: string;
  let out: string;
  beforeEach(() => ({ endpoint, dir, out } = fx));

  const puts = () => endpoint.requests.filter((r) => r.method === 'PUT' && /\/deployments\//i.test(r.path));

  it('creates the resource group, validates, shows what-if, deploys with progress and prints and writes outputs', async () => {
    const io = ioFor(endpoint, dir);
    const code = await deploy(endpoint, out, ['--location', 'westeurope', '--yes', '--outputs-file', 'outputs.json'], io);
    expect(code, io.text()).to.equal(0);
    const text = io.text();
    expect(text).to.contain('Created resource group rg in westeurope.');
    expect(text).to.contain('Network: validation passed.');
    expect(text).to.match(/\+ Create\s+Microsoft\.Network\/networkSecurityGroups demo-nsg {2}\(Network\/Nsg\)/);
    expect(text).to.contain('Resource changes: 2 to create.');
    // Progress: each resource with its construct path, in dependsOn order.
    const nsgLine = io.stdout.findIndex((l) => /Succeeded\s+Microsoft\.Network\/networkSecurityGroups demo-nsg \(Network\/Nsg\)/.test(l));
    const vnetLine = io.stdout.findIndex((l) => /Succeeded\s+Microsoft\.Network\/virtualNetworks demo-vnet \(Network\/Vnet\)/.test(l));
    expect(nsgLine, text).to.be.greaterThan(-1);
    expect(vnetLine).to.be.greaterThan(nsgLine);
    const nsgId = `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg/providers/Microsoft.Network/networkSecurityGroups/demo-nsg`;
    expect(text).to.contain(`Network.nsgId = ${nsgId}`);
    expect(JSON.parse(readFileSync(join(dir, 'outputs.json'), 'utf8'))).to.deep.equal({ Network: { nsgId } });
    expect(endpoint.resources.has(nsgId.toLowerCase())).to.equal(true);
    // The deployment name is the default: unique, valid.
    const name = puts()[0].path.split('/').pop()!;
    expect(name).to.match(/^Network-\d{14}-[0-9a-f]{4}$/);
    expect(name.length).to.be.at.most(64);
  });

  it('follows nextLink when operations come in pages', async () => {
    const paged = await ArmEndpoint.start({ stepMs: 5, operationsPageSize: 1 });
    try {
      const io = ioFor(paged, dir);
      expect(await deploy(paged, out, ['--location', 'westeurope', '--yes'], io), io.text()).to.equal(0);
      expect(io.text()).to.match(/Succeeded\s+Microsoft\.Network\/networkSecurityGroups demo-nsg/);
      expect(io.text()).to.match(/Succeeded\s+Microsoft\.Network\/virtualNetworks demo-vnet/);
      expect(paged.requests.some((r) => r.path.endsWith('/operations') && r.query.has('$skiptoken'))).to.equal(true);
    } finally {
      await paged.close();
    }
  });

  it('sends the loopback token with the SDK (the bearer policy that refuses http is replaced)', async () => {
    const io = ioFor(endpoint, dir);
    expect(await deploy(endpoint, out, ['--location', 'westeurope', '--validate-only'], io), io.text()).to.equal(1);
    // --validate-only creates nothing, so the missing group is an error that says how to fix it.
    expect(io.text()).to.contain("Resource group 'rg' does not exist; --validate-only needs an existing group");
    expect(endpoint.requests.every((r) => r.headers.authorization === `Bearer ${endpoint.token}`)).to.equal(true);
  });

  it('fails clearly when the resource group is missing and no --location is given', async () => {
    const io = ioFor(endpoint, dir);
    expect(await deploy(endpoint, out, ['--yes'], io)).to.equal(1);
    expect(io.text()).to.contain(`Resource group 'rg' does not exist in subscription ${SUBSCRIPTION}. Pass --location`);
    expect(puts()).to.have.length(0);
  });

  it('--validate-only validates and deploys nothing', async () => {
    endpoint.resourceGroups.set('rg', { name: 'rg', location: 'westeurope' });
    const io = ioFor(endpoint, dir);
    expect(await deploy(endpoint, out, ['--validate-only'], io), io.text()).to.equal(0);
    expect(io.text()).to.contain('Network: validation passed.');
    expect(endpoint.requests.some((r) => r.method === 'POST' && r.path.endsWith('/validate'))).to.equal(true);
    expect(endpoint.requests.some((r) => r.path.endsWith('/whatIf'))).to.equal(false);
    expect(puts()).to.have.length(0);
  });

  it('--what-if renders Create/Modify/NoChange with property deltas, writes --what-if-json, and deploys nothing', async () => {
    endpoint.resourceGroups.set('rg', { name: 'rg', location: 'westeurope' });
    expect(await deploy(endpoint, out, ['--yes'], ioFor(endpoint, dir))).to.equal(0);
    // Change the VNet's address space out of band: the next what-if shows the VNet modified.
    const vnetId = `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/demo-vnet`;
    const vnet = endpoint.resources.get(vnetId.toLowerCase())!;
    endpoint.seedResource({ ...vnet, properties: { ...(vnet.properties as object), addressSpace: { addressPrefixes: ['10.9.0.0/16'] } } });
    const before = puts().length;
    const io = ioFor(endpoint, dir);
    expect(await deploy(endpoint, out, ['--what-if', '--what-if-json', 'plan/what-if.json'], io), io.text()).to.equal(0);
    const text = io.text();
    expect(text).to.match(/~ Modify\s+Microsoft\.Network\/virtualNetworks demo-vnet {2}\(Network\/Vnet\)/);
    expect(text).to.contain('~ properties.addressSpace.addressPrefixes: [');
    expect(text).to.match(/~ 0: "10\.9\.0\.0\/16" => "10\.0\.0\.0\/16"/);
    expect(text).to.match(/= NoChange\s+Microsoft\.Network\/networkSecurityGroups demo-nsg/);
    expect(text).to.contain('Resource changes: 1 to modify, 1 to leave unchanged.');
    expect(puts().length).to.equal(before);
    const json = JSON.parse(readFileSync(join(dir, 'plan/what-if.json'), 'utf8'));
    const stack = json.stacks.Network;
    expect(stack.summary).to.deep.equal({ Modify: 1, NoChange: 1 });
    const modify = stack.changes.find((c: { changeType: string }) => c.changeType === 'Modify');
    expect(modify).to.include({ resourceId: vnetId, constructPath: 'Network/Vnet', matchedBy: 'name' });
    expect(modify.delta[0].path).to.equal('properties.addressSpace.addressPrefixes');
  });

  it('never deploys without confirmation when stdin is not a terminal: with an existing group, after showing what-if', async () => {
    endpoint.resourceGroups.set('rg', { name: 'rg', location: 'westeurope' });
    const io = ioFor(endpoint, dir);
    expect(await deploy(endpoint, out, ['--location', 'westeurope'], io)).to.equal(1);
    expect(io.text()).to.contain('Resource changes: 2 to create.');
    expect(io.text()).to.contain('not deploying without confirmation, and stdin is not a terminal to ask on. Review the changes above and re-run with --yes.');
    expect(puts()).to.have.length(0);
  });

  it('without --yes and without a terminal, a missing resource group is not created: nothing is written or sent', async () => {
    const io = ioFor(endpoint, dir);
    expect(await deploy(endpoint, out, ['--location', 'westeurope'], io)).to.equal(1);
    expect(io.stderr.join('\n')).to.contain(
      "Resource group 'rg' does not exist, and stdin is not a terminal to confirm the deployment on, so azcdk created nothing and sent nothing. " +
        "Re-run with --yes to create it in westeurope and deploy, or create it first ('az group create -n rg -l westeurope') to review the changes with --what-if.",
    );
    expect(endpoint.resourceGroups.size).to.equal(0);
    expect(endpoint.requests.map((r) => r.method)).to.deep.equal(['GET']);
  });

  it('never deploys without confirmation when stdin is not a terminal, also when what-if says "no changes"', async () => {
    const first = ioFor(endpoint, dir);
    expect(await deploy(endpoint, out, ['--location', 'westeurope', '--yes'], first), first.text()).to.equal(0);
    const again = ioFor(endpoint, dir);
    expect(await deploy(endpoint, out, [], again)).to.equal(1);
    expect(again.stdout).to.include('Network: no changes; deploying again refreshes the outputs.');
    expect(again.text()).to.contain('Network: not deploying without confirmation, and stdin is not a terminal to ask on. Review the changes above and re-run with --yes.');
    expect(puts()).to.have.length(1);
    // On a terminal it asks, saying there are no changes.
    const asked = ioFor(endpoint, dir, { interactive: true, answers: ['n'] });
    expect(await deploy(endpoint, out, [], asked)).to.equal(1);
    expect(asked.questions[0]).to.contain('Deploy Network to rg (no changes)?');
    expect(puts()).to.have.length(1);
  });

  it('--what-if-json without --what-if writes the what-if, then confirms as usual: no deployment without --yes when stdin is not a terminal', async () => {
    endpoint.resourceGroups.set('rg', { name: 'rg', location: 'westeurope' });
    const io = ioFor(endpoint, dir);
    expect(await deploy(endpoint, out, ['--location', 'westeurope', '--what-if-json', 'what-if.json'], io)).to.equal(1);
    expect(JSON.parse(readFileSync(join(dir, 'what-if.json'), 'utf8')).stacks.Network.summary).to.deep.equal({ Create: 2 });
    expect(io.text()).to.contain('not deploying without confirmation');
    expect(puts()).to.have.length(0);
    const yes = ioFor(endpoint, dir);
    expect(await deploy(endpoint, out, ['--what-if-json', 'what-if.json', '--yes'], yes), yes.text()).to.equal(0);
    expect(yes.stdout).to.include(`  what-if written to ${join(dir, 'what-if.json')}`);
    expect(puts()).to.have.length(1);
  });

  it('refuses --validate-only with --what-if-json (it would write nothing), exit 2, before any request', async () => {
    const io = ioFor(endpoint, dir);
    expect(await deploy(endpoint, out, ['--validate-only', '--what-if-json', 'what-if.json'], io)).to.equal(2);
    expect(io.text()).to.contain('--validate-only stops before what-if, so --what-if-json would write nothing; pass one of them (--what-if --what-if-json FILE stops after writing the what-if).');
    expect(endpoint.requests).to.have.length(0);
    expect(existsSync(join(dir, 'what-if.json'))).to.equal(false);
  });

  it('asks on a terminal: "n" deploys nothing, "y" deploys', async () => {
    const no = ioFor(endpoint, dir, { interactive: true, answers: ['n'] });
    expect(await deploy(endpoint, out, ['--location', 'westeurope'], no)).to.equal(1);
    expect(no.questions[0]).to.contain('Deploy Network to rg?');
    expect(no.text()).to.contain('Network: not confirmed; nothing was deployed.');
    expect(puts()).to.have.length(0);
    const yes = ioFor(endpoint, dir, { interactive: true, answers: ['y'] });
    expect(await deploy(endpoint, out, [], yes), yes.text()).to.equal(0);
    expect(puts()).to.have.length(1);
    // The live view redraws in place on a terminal.
    expect(yes.stdout.some((l) => l.startsWith('\x1b['))).to.equal(true);
  });

  it('--mode Complete names what it would delete in the question', async () => {
    endpoint.resourceGroups.set('rg', { name: 'rg', location: 'westeurope' });
    const strayId = `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/stray`;
    endpoint.seedResource({ id: strayId, type: 'Microsoft.Storage/storageAccounts', name: 'stray', apiVersion: '2024-01-01' });
    const io = ioFor(endpoint, dir, { interactive: true, answers: ['y'] });
    expect(await deploy(endpoint, out, ['--mode', 'Complete'], io), io.text()).to.equal(0);
    expect(io.questions[0]).to.contain('in Complete mode? It DELETES 1 resource that the template does not declare (Complete mode): ' + strayId);
    expect(io.text()).to.match(/- Delete\s+Microsoft\.Storage\/storageAccounts stray/);
    expect(endpoint.resources.has(strayId.toLowerCase())).to.equal(false);
    expect(io.text()).to.match(/Succeeded\s+[\d.]+s\s+Delete Microsoft\.Storage\/storageAccounts stray/);
  });

  it('--no-wait returns as soon as Azure accepts the PUT: no status poll, with the default --poll-interval', async () => {
    endpoint.resourceDelayMs = 300;
    endpoint.immediatePosts = true; // validation and what-if without 5 s polls
    const io = ioFor(endpoint, dir);
    // Not deploy(): it passes a short --poll-interval, and the default (5 s) is what to check.
    const args = ['deploy', '--from', out, '-g', 'rg', '--endpoint', endpoint.url, '--subscription', SUBSCRIPTION, '--location', 'westeurope', '--yes', '--no-wait', '--deployment-name', 'nw-1'];
    expect(await runCli(args, io), io.text()).to.equal(0);
    expect(io.text()).to.match(/Network: submitted deployment nw-1 \(Accepted, correlation id [0-9a-f-]{36}\)/);
    expect(io.text()).to.contain(`az deployment group show -g rg -n nw-1 --subscription ${SUBSCRIPTION}`);
    expect(endpoint.deploymentState('rg', 'nw-1')).to.be.oneOf(['Accepted', 'Running']);
    // The PUT is the last request: beginCreateOrUpdate's own first poll is never sent.
    const put = endpoint.requests.findIndex((r) => r.method === 'PUT' && r.path.endsWith('/deployments/nw-1'));
    expect(put).to.be.greaterThan(-1);
    expect(endpoint.requests.slice(put + 1).map((r) => `${r.method} ${r.path}`)).to.deep.equal([]);
  });

  it('--no-wait with --outputs-file is a usage error before any request (there would be no outputs), pointing to --attach', async () => {
    const io = ioFor(endpoint, dir);
    expect(await deploy(endpoint, out, ['--location', 'westeurope', '--yes', '--no-wait', '--outputs-file', 'o.json'], io)).to.equal(2);
    expect(io.text()).to.contain(
      "--no-wait returns before the deployment has outputs, so --outputs-file would write nothing. Drop --no-wait, or follow the deployment later with 'azcdk deploy STACK -g rg --attach NAME --outputs-file o.json'.",
    );
    const clash = ioFor(endpoint, dir);
    expect(await deploy(endpoint, out, ['--attach', 'x', '--what-if'], clash)).to.equal(2);
    expect(clash.text()).to.contain('--attach follows a deployment that was already sent, so --what-if does not apply to it; pass one of --attach and --what-if.');
    expect(endpoint.requests).to.have.length(0);
  });

  it('--attach NAME follows a deployment sent with --no-wait: progress, result, outputs and --outputs-file, without sending anything', async () => {
    const resume = endpoint.pauseDeployments();
    const sent = ioFor(endpoint, dir);
    expect(await deploy(endpoint, out, ['--location', 'westeurope', '--yes', '--no-wait', '--deployment-name', 'later'], sent), sent.text()).to.equal(0);
    expect(sent.stdout).to.include(`  azcdk deploy Network -g rg --subscription ${SUBSCRIPTION} --attach later    (progress, result, --outputs-file)`);
    const io = ioFor(endpoint, dir, { onOut: (line) => line.includes('following deployment later') && resume() });
    expect(await deploy(endpoint, out, ['--attach', 'later', '--outputs-file', 'outputs.json'], io), io.text()).to.equal(0);
    expect(io.stdout).to.include('Network: following deployment later in resource group rg (Accepted).');
    expect(io.text()).to.match(/Succeeded\s+Microsoft\.Network\/virtualNetworks demo-vnet \(Network\/Vnet\)/);
    expect(io.text()).to.contain('Network: deployment later succeeded.');
    const nsgId = `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg/providers/Microsoft.Network/networkSecurityGroups/demo-nsg`;
    expect(JSON.parse(readFileSync(join(dir, 'outputs.json'), 'utf8'))).to.deep.equal({ Network: { nsgId } });
    expect(puts()).to.have.length(1);
    expect(endpoint.requests.filter((r) => r.method !== 'GET' && r.at > puts()[0].at)).to.deep.equal([]);
    // A finished deployment is reported at once; an unknown name says so.
    const again = ioFor(endpoint, dir);
    expect(await deploy(endpoint, out, ['--attach', 'later'], again), again.text()).to.equal(0);
    expect(again.stdout).to.include('Network: following deployment later in resource group rg (Succeeded).');
    expect(again.stdout).to.include(`  Network.nsgId = ${nsgId}`);
    const none = ioFor(endpoint, dir);
    expect(await deploy(endpoint, out, ['--attach', 'nope'], none)).to.equal(1);
    expect(none.text()).to.contain("Network: Reading deployment 'nope' failed (HTTP 404):\n  DeploymentNotFound: Deployment 'nope' could not be found.");
  });

  it('rejects an invalid --deployment-name before calling Azure', async () => {
    const io = ioFor(endpoint, dir);
    expect(await deploy(endpoint, out, ['--yes', '--deployment-name', 'bad name!'], io)).to.equal(2);
    expect(io.text()).to.contain("--deployment-name 'bad name!' is not a valid deployment name");
    expect(await deploy(endpoint, out, ['--yes', '--deployment-name', 'x'.repeat(65)], io)).to.equal(2);
    expect(endpoint.requests).to.have.length(0);
  });

  it('names a secure output without a value and never writes it to --outputs-file (Azure returns only its type)', async () => {
    const file = join(out, 'Network.json');
    const template = JSON.parse(readFileSync(file, 'utf8'));
    template.outputs.token = { type: 'securestring', value: "[parameters('prefix')]" };
    writeFileSync(file, JSON.stringify(template));
    const io = ioFor(endpoint, dir);
    expect(await deploy(endpoint, out, ['--location', 'westeurope', '--yes', '--outputs-file', 'outputs.json'], io), io.text()).to.equal(0);
    expect(io.stdout).to.include('  Network.token = (secure: Azure does not return its value; not written to --outputs-file)');
    expect(Object.keys(JSON.parse(readFileSync(join(dir, 'outputs.json'), 'utf8')).Network)).to.deep.equal(['nsgId']);
  });

  it('--all deploys stacks in dependency order, not name order', async () => {
    const chained = writeApp(chainedApp(), tempDir());
    const io = ioFor(endpoint, dir);
    expect(await deploy(endpoint, chained, ['--all', '--location', 'westeurope', '--yes'], io), io.text()).to.equal(0);
    expect(puts().map((r) => r.path.split('/').pop()!.split('-')[0])).to.deep.equal(['Zeta', 'Alpha']);
    // Without --all and with several stacks, the user is told to choose.
    const ask = ioFor(endpoint, dir);
    expect(await deploy(endpoint, chained, ['--yes'], ask)).to.equal(2);
    expect(ask.text()).to.contain('The app has 2 stacks (Alpha, Zeta): name the ones to deploy, or pass --all.');
    // One stack alone: a note that its dependency must already be there.
    const one = ioFor(endpoint, dir);
    expect(await deploy(endpoint, chained, ['Alpha', '--yes'], one), one.text()).to.equal(0);
    expect(one.text()).to.contain('note: Alpha depends on Zeta, which is not selected');
  });

  it('--all --mode Complete with several stacks for one resource group is a usage error, before any request', async () => {
    const chained = writeApp(chainedApp(), tempDir());
    const io = ioFor(endpoint, dir);
    expect(await deploy(endpoint, chained, ['--all', '--mode', 'Complete', '--location', 'westeurope', '--yes'], io)).to.equal(2);
    expect(io.text()).to.contain('--mode Complete with 2 stacks (Zeta, Alpha) for resource group rg: each Complete deployment deletes the resources its template does not declare');
    expect(io.text()).to.contain('Deploy the stacks into different resource groups (one stack per run, each with its own -g), use --mode Incremental, or deploy one stack');
    expect(endpoint.requests).to.have.length(0);
    // Named stacks too; one stack alone is fine.
    const named = ioFor(endpoint, dir);
    expect(await deploy(endpoint, chained, ['Alpha', 'Zeta', '--mode', 'Complete', '--yes'], named)).to.equal(2);
    expect(endpoint.requests).to.have.length(0);
  });

  it('maps names built with uniqueString(resourceGroup().id) to their constructs by name, like ARM evaluates them', async () => {
    const unique = writeApp(uniqueNameApp(), tempDir());
    const io = ioFor(endpoint, dir);
    // The group's name as Azure stores it counts (uniqueString is case-sensitive), not as typed.
    endpoint.resourceGroups.set('rg', { name: 'RG', location: 'westeurope' });
    expect(await deploy(endpoint, unique, ['--yes'], io), io.text()).to.equal(0);
    const name = uniqueString(`/subscriptions/${SUBSCRIPTION}/resourceGroups/RG`);
    expect(io.text()).to.not.contain('is not evaluated here');
    expect(io.text()).to.contain(`+ Create    Microsoft.Storage/storageAccounts ${name}a  (Unique/Storage)`);
    expect(io.text()).to.contain(`+ Create    Microsoft.Storage/storageAccounts ${name}b  (Unique/Storage2)`);
    expect(io.text()).to.match(new RegExp(`Succeeded\\s+Microsoft\\.Storage/storageAccounts ${name}b \\(Unique/Storage2\\)`));
  });

  it('synthesizes the app when there is no --from (examples/hello through --app)', async () => {
    const repo = process.cwd();
    const io = ioFor(endpoint, repo);
    const code = await deploy(endpoint, '', [], io).catch(() => -1);
    expect(code).to.equal(2); // --from '' is not a folder with a manifest
    const io2 = ioFor(endpoint, repo);
    const code2 = await (await import('../../lib/cli/main.js')).runCli(
      ['deploy', '--app', 'examples/hello/app.ts', '--out', join(dir, 'synth-out'), '-g', 'rg', '-l', 'westeurope', '--yes',
        '--endpoint', endpoint.url, '--subscription', SUBSCRIPTION, '--poll-interval', '0.02'],
      io2,
    );
    expect(code2, io2.text()).to.equal(0);
    expect(existsSync(join(dir, 'synth-out', 'manifest.json'))).to.equal(true);
    expect(io2.text()).to.contain('Network: deployment');
    expect(io2.text()).to.contain('succeeded.');
    // --out outside the working directory is shown as the absolute path, not ../../tmp/...
    expect(io2.text()).to.contain(`Synthesized Network into ${join(dir, 'synth-out')}/`);
  });

  it('refuses a stack argument that looks like a forgotten -p, without echoing it', async () => {
    const io = ioFor(endpoint, dir);
    expect(await deploy(endpoint, out, ['administratorLoginPassword=S3cretTypo', '--yes'], io)).to.equal(2);
    expect(io.text()).to.contain("Stack argument 1 contains '=' and looks like a parameter: pass it with -p (--parameters NAME=VALUE).");
    expect(io.text()).to.not.contain('S3cretTypo');
    expect(endpoint.requests).to.have.length(0);
  });

  it('--from a missing folder says it does not exist; a file says it is not a folder; a folder without a manifest says so (exit 2, nothing sent)', async () => {
    const missing = ioFor(endpoint, dir);
    expect(await deploy(endpoint, join(dir, 'no-such-out'), ['--yes'], missing)).to.equal(2);
    expect(missing.stderr.join('\n')).to.contain(`${join(dir, 'no-such-out')} does not exist. Point it at an 'azcdk synth' output folder`);
    expect(missing.text()).to.not.contain('has no manifest.json');
    const file = ioFor(endpoint, dir);
    expect(await deploy(endpoint, join(out, 'manifest.json'), ['--yes'], file)).to.equal(2);
    expect(file.text()).to.contain(`${join(out, 'manifest.json')} is a file, not a folder.`);
    const empty = ioFor(endpoint, dir);
    expect(await deploy(endpoint, dir, ['--yes'], empty)).to.equal(2);
    expect(empty.text()).to.contain(`${dir} has no manifest.json.`);
    expect(endpoint.requests).to.have.length(0);
  });

  for (const [flag, a, b] of [['--from', 'x', 'y'], ['-g', 'one', 'two'], ['--deployment-name', 'n1', 'n2'], ['--poll-interval', '1', '2']]) {
    it(`rejects ${flag} given twice (exit 2) instead of joining or crashing`, async () => {
      const io = ioFor(endpoint, dir);
      expect(await deploy(endpoint, out, [flag, a, flag, b, '--yes'], io)).to.equal(2);
      const long = flag === '-g' ? 'resource-group' : flag.slice(2);
      expect(io.text()).to.contain(`--${long} was given`);
      expect(io.text()).to.contain('it takes one value. Pass it once.');
      expect(endpoint.requests).to.have.length(0);
    });
  }

  it('asks for confirmation when only stdin is a terminal (stdout redirected), with plain progress', async () => {
    const io = ioFor(endpoint, dir, { canPrompt: true, answers: ['y'] });
    expect(await deploy(endpoint, out, ['--location', 'westeurope'], io), io.text()).to.equal(0);
    expect(io.questions[0]).to.contain('Deploy Network to rg?');
    expect(io.stdout.some((l) => l.includes('\x1b['))).to.equal(false);
  });

  it('--help says --poll-interval is the least time between polls (it always applies; a longer Retry-After wins)', async () => {
    const help = await runAzcdkInProcess(['deploy', '--help'], PROJECT_ROOT);
    expect(help.status, help.stderr).to.equal(0);
    // yargs wraps descriptions, even inside words: compare without whitespace.
    const text = help.stdout.replace(/\s+/g, '');
    expect(text).to.contain("--poll-intervalLeastsecondsbetweenstatusandprogresspolls(Azure'sRetry-Afterwinswhenlonger)");
    expect(text).to.not.contain('noRetry-After');
  });

  it('waits max(Retry-After, --poll-interval) between polls, from the first poll on, for the operations list too', async () => {
    // The deployer paces on a test clock: its waits take no time, and the endpoint records requests
    // at that clock's times, so the gaps below are the waits the deployer asked for, exactly.
    const clock = testClock();
    const slow = await ArmEndpoint.start({ stepMs: 5, retryAfterSeconds: 1, now: clock.now });
    try {
      slow.resourceGroups.set('rg', { name: 'rg', location: 'westeurope' });
      slow.resourceDelayMs = 300;
      // Paced validation and deployment; what-if (the same code path) unpaced to keep the checks simple.
      const io = ioFor(slow, dir, {
        clock,
        onOut: (line) => {
          if (line.includes('validation passed')) slow.retryAfterSeconds = 0;
          if (line.startsWith('Resource changes:')) slow.retryAfterSeconds = 1;
        },
      });
      expect(await deploy(slow, out, ['--yes', '--deployment-name', 'paced'], io), io.text()).to.equal(0);
      const retryAfter = 1000;
      // Status polls (validate, what-if, deployment) each wait for the Retry-After of the response before.
      const paced = slow.requests.filter((r) => !/\/whatIf$/.test(r.path) && !/\/operationResults\//.test(r.path) || r.at < slow.requests.find((q) => /\/whatIf$/.test(q.path))!.at);
      const lro = paced.filter((r) => r.method !== 'GET' ? /\/deployments\/paced(\/validate)?$/i.test(r.path) : /\/operation(Statuses|Results)\//i.test(r.path));
      const polls = lro.flatMap((r, i) => (i > 0 && r.method === 'GET' ? [r.at - lro[i - 1].at] : []));
      expect(polls.length, JSON.stringify(lro.map((r) => `${r.method} ${r.path}`))).to.be.at.least(3);
      expect(Math.min(...polls), JSON.stringify(polls)).to.be.at.least(retryAfter);
      const list = slow.requests.filter((r) => r.path.endsWith('/deployments/paced/operations') && !r.query.has('$skiptoken'));
      const listGaps = list.slice(1).map((r, i) => r.at - list[i].at);
      expect(listGaps.length).to.be.at.least(1);
      expect(Math.min(...listGaps), JSON.stringify(listGaps)).to.be.at.least(retryAfter);
    } finally {
      await slow.close();
    }
  });
});
