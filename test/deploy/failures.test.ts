/**
 * Failures and faults: validation errors, failing resources with their construct paths,
 * throttling, server errors, dropped connections, Ctrl-C.
 */
import { expect } from 'chai';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createArmResourcesClient } from '../../lib/deploy/arm-resources-client.js';
import { ArmEndpoint } from '../support/arm-endpoint.js';
import { ctrlCWhen, deploy, deployFixture, ioFor, onFirstLine, recordedSleep, SUBSCRIPTION, tempDir, writeApp } from '../support/deploy-cli.js';
import { chainedApp, orphanApp } from './apps.js';

describe('azcdk deploy: failures and faults', () => {
  const fx = deployFixture({ group: true });
  let endpoint: ArmEndpoint;
  let dir: string;
  let out: string;
  beforeEach(() => ({ endpoint, dir, out } = fx));

  const deploymentPuts = () => endpoint.requests.filter((r) => r.method === 'PUT' && /\/deployments\//i.test(r.path));

  it('reports a malformed template with ARM\'s inner errors (synchronous 400 InvalidTemplateDeployment) and deploys nothing', async () => {
    const file = join(out, 'Network.json');
    const template = JSON.parse(readFileSync(file, 'utf8'));
    delete template.resources[1].apiVersion;
    writeFileSync(file, JSON.stringify(template));
    const io = ioFor(endpoint, dir);
    expect(await deploy(endpoint, out, ['--yes', '--deployment-name', 'bad'], io)).to.equal(1);
    const text = io.text();
    expect(text).to.contain("Network: Validating deployment 'bad' failed (HTTP 400):");
    expect(text).to.contain('InvalidTemplateDeployment: The template deployment is not valid according to the validation procedure.');
    expect(text).to.contain("InvalidTemplate (resources[1]): The template resource at index 1 has no 'apiVersion' string.");
    expect(text).to.match(/Correlation id: [0-9a-f-]{36}/);
    expect(deploymentPuts()).to.have.length(0);
  });

  it('names the failing resource, its construct path, its own error, and the correlation id; exit 1', async () => {
    endpoint.failResource('demo-vnet', { code: 'InvalidAddressPrefix', message: "Subnet 'a' has an invalid address prefix 10.0.0.0/33." });
    const io = ioFor(endpoint, dir);
    expect(await deploy(endpoint, out, ['--yes', '--deployment-name', 'fails'], io)).to.equal(1);
    const text = io.text();
    expect(text).to.contain('Network: deployment fails failed (Failed).');
    expect(text).to.contain('DeploymentFailed: At least one resource deployment operation failed.');
    expect(text).to.contain('x Microsoft.Network/virtualNetworks demo-vnet (Network/Vnet) [BadRequest]');
    expect(text).to.contain("InvalidAddressPrefix: Subnet 'a' has an invalid address prefix 10.0.0.0/33.");
    expect(text).to.match(/Correlation id: [0-9a-f-]{36}/);
    // The NSG deployed before the failure, and its progress line is there too.
    expect(text).to.match(/Succeeded\s+Microsoft\.Network\/networkSecurityGroups demo-nsg \(Network\/Nsg\)/);
    expect(text).to.not.contain('x Microsoft.Network/networkSecurityGroups');
  });

  it('lists the resources ARM never started because a resource they depend on failed (they have no operation)', async () => {
    endpoint.failResource('demo-nsg', { code: 'SecurityRuleInvalid', message: 'Security rule has an invalid port range.' });
    const io = ioFor(endpoint, dir);
    expect(await deploy(endpoint, out, ['--yes', '--deployment-name', 'blocked'], io)).to.equal(1);
    const lines = io.stderr.join('\n').split('\n');
    const at = lines.indexOf('  Not started (1):');
    expect(at, io.text()).to.be.greaterThan(lines.findIndex((l) => l.startsWith('  x Microsoft.Network/networkSecurityGroups demo-nsg (Network/Nsg)')));
    expect(lines[at + 1]).to.equal('  - Microsoft.Network/virtualNetworks (Network/Vnet): it depends on Network/Nsg, which failed');
    // Deployed or failed resources are not listed.
    expect(io.text().match(/Not started/g)).to.have.length(1);
  });

  it('--all names the stacks it did not deploy after a stack failed', async () => {
    const chained = writeApp(chainedApp(), tempDir());
    endpoint.failResource('zeta-id', { code: 'QuotaExceeded', message: 'No more identities in this region.' });
    const io = ioFor(endpoint, dir);
    expect(await deploy(endpoint, chained, ['--all', '--yes'], io)).to.equal(1);
    expect(io.text()).to.contain('QuotaExceeded: No more identities in this region.');
    expect(io.stderr.join('\n')).to.match(/\nNot deployed, since Zeta failed first: Alpha\.$/);
    expect(deploymentPuts().map((r) => r.path.split('/').pop()!.split('-')[0])).to.deep.equal(['Zeta']);
  });

  it('shows errors nested several levels deep down to the innermost message, also when a level is JSON text in a message', async () => {
    const server = `/subscriptions/${SUBSCRIPTION}/resourceGroups/rg/providers/Microsoft.Network/networkSecurityGroups/demo-nsg`;
    const inner = {
      code: 'DeploymentFailed', message: 'At least one resource deployment operation failed.',
      details: [{ code: 'ResourceDeploymentFailure', target: server, message: "The resource write operation failed to complete successfully, because it reached terminal provisioning state 'Failed'.",
        details: [{ code: 'InternalServerError', message: "An unexpected error occured while processing the request. Tracking ID: '1234'" }] }],
    };
    // As some providers send it: the inner error as indented JSON text with CRLF line ends.
    endpoint.failResource('demo-vnet', { code: 'ResourceDeploymentFailure', message: JSON.stringify({ status: 'Failed', error: inner }, null, 2).replace(/\n/g, '\r\n') });
    const io = ioFor(endpoint, dir);
    expect(await deploy(endpoint, out, ['--yes', '--deployment-name', 'deep'], io)).to.equal(1);
    const lines = io.text().split('\n');
    const at = lines.indexOf('  x Microsoft.Network/virtualNetworks demo-vnet (Network/Vnet) [BadRequest]');
    expect(lines.slice(at + 1, at + 5), io.text()).to.deep.equal([
      '      ResourceDeploymentFailure:',
      '        DeploymentFailed: At least one resource deployment operation failed.',
      "          ResourceDeploymentFailure (Microsoft.Network/networkSecurityGroups demo-nsg, Network/Nsg): The resource write operation failed to complete successfully, because it reached terminal provisioning state 'Failed'.",
      "            InternalServerError: An unexpected error occured while processing the request. Tracking ID: '1234'",
    ]);
    expect(io.text()).to.not.contain('\r');
  });

  it('reports ParentResourceNotFound for a child whose parent is neither in the template nor deployed', async () => {
    const orphan = writeApp(orphanApp(), tempDir());
    const io = ioFor(endpoint, dir);
    expect(await deploy(endpoint, orphan, ['--yes'], io)).to.equal(1);
    expect(io.text()).to.contain('x Microsoft.Network/virtualNetworks/subnets ghost-vnet/a (Orphan/Subnet) [NotFound]');
    expect(io.text()).to.contain("ParentResourceNotFound: Can not perform requested operation on nested resource. Parent resource 'ghost-vnet' not found.");
  });

  it('honours Retry-After on 429 while polling and succeeds', async () => {
    endpoint.inject({ method: 'GET', path: 'operationStatuses', action: { status: 429, code: 'TooManyRequests', message: 'Rate limit exceeded.', retryAfter: '1' } });
    const io = ioFor(endpoint, dir);
    const started = Date.now();
    expect(await deploy(endpoint, out, ['--yes'], io), io.text()).to.equal(0);
    const polls = endpoint.requests.filter((r) => r.path.includes('operationStatuses'));
    expect(polls[0].status).to.equal(429);
    expect(polls[1].status).to.equal(200);
    const retried = endpoint.requests.indexOf(polls[1]);
    expect(retried).to.be.greaterThan(endpoint.requests.indexOf(polls[0]));
    expect(Date.now() - started).to.be.at.least(1000); // waited the Retry-After second
    expect(io.text()).to.contain('succeeded.');
  });

  it('retries a 500 on submit and a 429 on what-if', async () => {
    endpoint.inject({ method: 'POST', path: '/whatIf', action: { status: 429, code: 'TooManyRequests', message: 'Slow down.', retryAfter: '0' } });
    endpoint.inject({ method: 'PUT', path: '/deployments/', action: { status: 500, code: 'InternalServerError', message: 'Transient.' } });
    const io = ioFor(endpoint, dir);
    expect(await deploy(endpoint, out, ['--yes'], io), io.text()).to.equal(0);
    expect(deploymentPuts().map((r) => r.status)).to.deep.equal([500, 201]);
    expect(endpoint.requests.filter((r) => r.path.endsWith('/whatIf')).map((r) => r.status)).to.deep.equal([429, 202]);
  });

  it('keeps retrying the calls before submission (resource group, validate, what-if) past the SDK\'s 3 retries, with backoff and Azure\'s Retry-After, saying so', async () => {
    const group = /\/resourcegroups\/rg$/i;
    const busy = (retryAfter: string) => ({ status: 429, code: 'TooManyRequests', message: 'Rate limit exceeded.', retryAfter });
    // The SDK's own retries (1 + 3 tries) see Retry-After 0; the fourth answer asks for 30 s.
    endpoint.inject({ method: 'GET', path: group, times: 3, action: busy('0') });
    endpoint.inject({ method: 'GET', path: group, action: busy('30') });
    // Validation fails 9 times in a row: two full rounds of the SDK's tries and one more.
    endpoint.inject({ method: 'POST', path: /\/validate$/i, times: 9, action: { status: 503, code: 'ServiceUnavailable', message: 'Try later.', retryAfter: '0' } });
    endpoint.inject({ method: 'POST', path: /\/whatIf$/i, times: 4, action: busy('0') });
    const clock = recordedSleep();
    const io = ioFor(endpoint, dir, { sleep: clock.sleep });
    expect(await deploy(endpoint, out, ['--yes', '--deployment-name', 'patient'], io), io.text()).to.equal(0);
    expect(clock.delays).to.deep.equal([30_000, 1000, 2000, 1000]);
    expect(io.stderr.filter((l) => l.startsWith('note: '))).to.deep.equal([
      "note: Reading resource group 'rg': HTTP 429 TooManyRequests; retrying in 30 s (failure 1 in a row; azcdk keeps trying for 10 min). Nothing has been deployed yet.",
      "note: Validating deployment 'patient': HTTP 503 ServiceUnavailable; retrying in 1 s (failure 1 in a row; azcdk keeps trying for 10 min). Nothing has been deployed yet.",
      "note: Validating deployment 'patient': HTTP 503 ServiceUnavailable; retrying in 2 s (failure 2 in a row; azcdk keeps trying for 10 min). Nothing has been deployed yet.",
      "note: What-if of deployment 'patient': HTTP 429 TooManyRequests; retrying in 1 s (failure 1 in a row; azcdk keeps trying for 10 min). Nothing has been deployed yet.",
    ]);
    expect(endpoint.requests.filter((r) => r.method === 'GET' && group.test(r.path)).map((r) => r.status)).to.deep.equal([429, 429, 429, 429, 200]);
    expect(io.text()).to.contain('Network: deployment patient succeeded.');
  });

  it('recovers when the connection drops while polling', async () => {
    endpoint.inject({ method: 'GET', path: 'operationStatuses', action: 'drop' });
    const io = ioFor(endpoint, dir);
    expect(await deploy(endpoint, out, ['--yes'], io), io.text()).to.equal(0);
    const polls = endpoint.requests.filter((r) => r.path.includes('operationStatuses'));
    expect(polls[0].status).to.equal('dropped');
    expect(polls.slice(1).every((r) => r.status === 200)).to.equal(true);
    expect(io.text()).to.contain('Network.nsgId = ');
  });

  // The deployment's status: the SDK poller's operationStatuses URL, and the deployment itself,
  // which azcdk polls once the poller has given up.
  const STATUS = /\/deployments\/[^/]+(\/operationStatuses\/[^/]+)?$/i;
  const statusRequests = () => endpoint.requests.filter((r) => r.method === 'GET' && STATUS.test(r.path) && r.at >= deploymentPuts()[0].at);

  it('keeps waiting through many 429s in a row while polling, saying so, and succeeds', async () => {
    // 4 exhaust the SDK poller (1 + 3 retries), 4 more the first GET of the deployment.
    endpoint.inject({ method: 'GET', path: STATUS, times: 9, action: { status: 429, code: 'TooManyRequests', message: 'Rate limit exceeded.', retryAfter: '0' } });
    // The backoff is asked for, not spent (it was 3 s of this test).
    const waits = recordedSleep();
    const io = ioFor(endpoint, dir, { sleep: waits.sleep });
    expect(await deploy(endpoint, out, ['--yes', '--deployment-name', 'throttled'], io), io.text()).to.equal(0);
    expect(waits.delays.filter((ms) => ms >= 1000)).to.deep.equal([1000, 2000]);
    expect(statusRequests().filter((r) => r.status === 429)).to.have.length(9);
    expect(statusRequests().at(-1)!.status).to.equal(200);
    expect(io.stderr).to.include.members([
      'note: Network: could not poll deployment throttled (HTTP 429 TooManyRequests); retrying in 1 s (failure 1 in a row; azcdk keeps trying for 10 min of failures in a row). The deployment goes on in Azure meanwhile.',
      'note: Network: could not poll deployment throttled (HTTP 429 TooManyRequests); retrying in 2 s (failure 2 in a row; azcdk keeps trying for 10 min of failures in a row). The deployment goes on in Azure meanwhile.',
    ]);
    expect(io.text()).to.contain('Network: deployment throttled succeeded.');
    expect(io.text()).to.contain('Network.nsgId = /subscriptions/');
  });

  it('gives up waiting only after transient failures have gone on in a row for the limit, saying so and how to follow the deployment', async () => {
    const resume = endpoint.pauseDeployments(); // stays Accepted: only the limit ends the wait
    endpoint.inject({ method: 'GET', path: STATUS, times: 1000, action: { status: 503, code: 'ServiceUnavailable', message: 'Try later.', retryAfter: '0' } });
    const client = await createArmResourcesClient({
      subscriptionId: SUBSCRIPTION, endpoint: endpoint.url, authentication: { kind: 'static', token: endpoint.token }, pollIntervalMs: 20, givePollingUpAfterMs: 1500,
    });
    const submitted = await client.submit('rg', 'stuck', { mode: 'Incremental', template: JSON.parse(readFileSync(join(out, 'Network.json'), 'utf8')), parameters: JSON.parse(readFileSync(join(out, 'Network.parameters.json'), 'utf8')).parameters });
    const retries: string[] = [];
    const error = await submitted.waitUntilDone(undefined, (m) => retries.push(m)).then(() => undefined, (e: Error) => e);
    resume();
    expect(retries).to.deep.equal([
      'could not poll deployment stuck (HTTP 503 ServiceUnavailable); retrying in 1 s (failure 1 in a row; azcdk keeps trying for 1.5 s of failures in a row). The deployment goes on in Azure meanwhile.',
    ]);
    expect(error?.message).to.match(
      /^Waiting for deployment 'stuck' \([\d.]+ s of failures in a row, so azcdk stopped waiting; it may still be running in Azure: az deployment group show -g rg -n stuck\) failed \(HTTP 503\): ServiceUnavailable: Try later\.$/,
    );
  });

  // About 3 s: azcdk's own backoff is recorded, not spent, but the SDK's retry policy waits its own
  // exponential backoff (about 1 s, with jitter) after dropped connections, on timers azcdk cannot replace.
  it('keeps waiting through several 503s and dropped connections in a row while polling, and succeeds', async () => {
    endpoint.inject({ method: 'GET', path: STATUS, times: 3, action: { status: 503, code: 'ServiceUnavailable', message: 'Try later.', retryAfter: '0' } });
    endpoint.inject({ method: 'GET', path: STATUS, times: 3, action: 'drop' });
    // The backoff is asked for, not spent.
    const waits = recordedSleep();
    const io = ioFor(endpoint, dir, { sleep: waits.sleep });
    expect(await deploy(endpoint, out, ['--yes', '--deployment-name', 'flaky'], io), io.text()).to.equal(0);
    expect(waits.delays.filter((ms) => ms >= 1000), JSON.stringify(waits.delays)).to.have.length.at.least(1);
    expect(statusRequests().map((r) => r.status).slice(0, 6)).to.deep.equal([503, 503, 503, 'dropped', 'dropped', 'dropped']);
    expect(io.stderr.some((l) => l.startsWith('note: Network: could not poll deployment flaky ('))).to.equal(true);
    expect(io.text()).to.contain('Network: deployment flaky succeeded.');
  });

  /** Keeps the next deployment active until the SDK's retry of its PUT has been answered. */
  const resumeOnSecondPut = () => {
    const resume = endpoint.pauseDeployments();
    const before = deploymentPuts().length;
    endpoint.onRequest = () => {
      if (deploymentPuts().length === before + 2) resume(); // answered (409) before the deployment moves on
    };
  };

  it('follows its own deployment when the connection drops after Azure accepted the PUT (the retried PUT finds it active)', async () => {
    endpoint.inject({ method: 'PUT', path: '/deployments/', action: 'drop-after-processing' });
    resumeOnSecondPut();
    const io = ioFor(endpoint, dir);
    expect(await deploy(endpoint, out, ['--yes', '--deployment-name', 'lost-answer', '--outputs-file', 'outputs.json'], io), io.text()).to.equal(0);
    expect(deploymentPuts().map((r) => r.status)).to.deep.equal(['dropped after 201', 409]);
    expect(io.stderr).to.include(
      "note: Network: the connection dropped before Azure's answer to deployment lost-answer arrived, but Azure did accept it (the retried request found it running); following it.",
    );
    expect(io.text()).to.not.contain('Submitting deployment');
    expect(io.text()).to.contain('Network: deployment lost-answer succeeded.');
    expect(JSON.parse(readFileSync(join(dir, 'outputs.json'), 'utf8')).Network.nsgId).to.match(/demo-nsg$/);
  });

  it('follows its own deployment with a generated name too, and refuses to follow someone else\'s active deployment of the same name', async () => {
    // Someone else's deployment of that name is running: the PUT is refused, nothing is followed.
    const resume = endpoint.pauseDeployments();
    const other = ioFor(endpoint, dir);
    expect(await deploy(endpoint, out, ['--yes', '--no-wait', '--deployment-name', 'shared'], other), other.text()).to.equal(0);
    const io = ioFor(endpoint, dir);
    expect(await deploy(endpoint, out, ['--yes', '--deployment-name', 'shared'], io)).to.equal(1);
    expect(io.text()).to.contain("Network: Submitting deployment 'shared' failed (HTTP 409):\n  DeploymentActive: The deployment 'shared' cannot be saved");
    resume();
    // A generated (unique) name after a dropped answer: followed.
    endpoint.inject({ method: 'PUT', path: '/deployments/', action: 'drop-after-processing' });
    resumeOnSecondPut();
    const mine = ioFor(endpoint, dir);
    expect(await deploy(endpoint, out, ['--yes'], mine), mine.text()).to.equal(0);
    expect(mine.text()).to.match(/note: Network: the connection dropped before Azure's answer to deployment Network-\S+ arrived, but Azure did accept it/);
  });

  it('fails with a clear message when polling keeps failing', async () => {
    endpoint.resourceDelayMs = 200;
    endpoint.inject({ method: 'GET', path: 'operationStatuses', times: 100, action: { status: 404, code: 'NotFound', message: 'Gone.' } });
    const io = ioFor(endpoint, dir);
    expect(await deploy(endpoint, out, ['--yes', '--deployment-name', 'lost'], io)).to.equal(1);
    expect(io.text()).to.contain("Network: Waiting for deployment 'lost' (submitted; it may still be running in Azure: az deployment group show -g rg -n lost) failed (HTTP 404):\n  NotFound: Gone.");
  });

  it('Ctrl-C on a terminal asks, cancels the deployment in Azure when told to, and says so', async () => {
    endpoint.resourceDelayMs = 400;
    const io = ioFor(endpoint, dir, {
      interactive: true,
      answers: ['c'],
      onOut: ctrlCWhen(/Running .*Microsoft/),
    });
    expect(await deploy(endpoint, out, ['--yes', '--deployment-name', 'stop-me'], io)).to.equal(1);
    expect(io.questions.at(-1)).to.contain('Cancel deployment stop-me in Azure, or leave it running? [c]ancel / [l]eave');
    expect(io.text()).to.contain('Network: interrupted; canceled deployment stop-me in Azure (state: Canceled).');
    expect(endpoint.deploymentState('rg', 'stop-me')).to.equal('Canceled');
    expect(endpoint.requests.some((r) => r.method === 'POST' && r.path.endsWith('/stop-me/cancel'))).to.equal(true);
  });

  it('the Ctrl-C question takes only the answers it offers: "y" or a typo asks again, Enter is the default it shows (leave)', async () => {
    endpoint.resourceDelayMs = 400;
    const io = ioFor(endpoint, dir, { interactive: true, answers: ['y', 'cancle', 'C'], onOut: ctrlCWhen(/Running .*Microsoft/) });
    expect(await deploy(endpoint, out, ['--yes', '--deployment-name', 'pick'], io)).to.equal(1);
    expect(io.questions.map((q) => q.trim())).to.deep.equal([
      'Interrupted. Cancel deployment pick in Azure, or leave it running? [c]ancel / [l]eave (Enter: leave):',
      'Answer c (cancel) or l (leave), or press Enter to leave:',
      'Answer c (cancel) or l (leave), or press Enter to leave:',
    ]);
    expect(endpoint.deploymentState('rg', 'pick')).to.equal('Canceled');
    const enter = ioFor(endpoint, dir, { interactive: true, answers: [''], onOut: ctrlCWhen(/Running .*Microsoft/) });
    expect(await deploy(endpoint, out, ['--yes', '--deployment-name', 'enter'], enter)).to.equal(1);
    expect(enter.questions).to.have.length(1);
    expect(enter.text()).to.contain('Network: interrupted; left deployment enter running in Azure.');
    expect(endpoint.requests.some((r) => r.path.endsWith('/enter/cancel'))).to.equal(false);
  });

  it('Ctrl-C without a terminal leaves the deployment running and says how to follow or cancel it', async () => {
    endpoint.resourceDelayMs = 300;
    const io = ioFor(endpoint, dir, {
      onOut: ctrlCWhen(/Running\s+Microsoft/),
    });
    expect(await deploy(endpoint, out, ['--yes', '--deployment-name', 'keep-going'], io)).to.equal(1);
    expect(io.text()).to.contain('Network: interrupted; left deployment keep-going running in Azure.');
    expect(io.text()).to.contain("az deployment group cancel -g rg -n keep-going");
    expect(endpoint.requests.some((r) => r.path.endsWith('/cancel'))).to.equal(false);
    expect(endpoint.deploymentState('rg', 'keep-going')).to.equal('Running');
  });

  it('--on-interrupt cancel cancels without asking', async () => {
    endpoint.resourceDelayMs = 300;
    const io = ioFor(endpoint, dir, {
      onOut: ctrlCWhen(/Running\s+Microsoft/),
    });
    expect(await deploy(endpoint, out, ['--yes', '--deployment-name', 'auto', '--on-interrupt', 'cancel'], io)).to.equal(1);
    expect(io.questions).to.have.length(0);
    expect(endpoint.deploymentState('rg', 'auto')).to.equal('Canceled');
  });

  const statusPolls = () => endpoint.requests.filter((r) => /\/deployments\/[^/]+\/operation(Statuses|Results)\//i.test(r.path) && r.at >= deploymentPuts()[0].at);
  /** Presses Ctrl-C `times` times when the endpoint receives the deployment's PUT, before it answers. */
  const ctrlCOnPut = (io: { interrupt(): void }, times = 1) => {
    endpoint.onRequest = (r) => {
      if (r.method === 'PUT' && /\/deployments\//i.test(r.path)) for (let i = 0; i < times; i++) io.interrupt();
    };
  };

  it('Ctrl-C while the PUT is in flight waits for Azure\'s answer, then asks and cancels the accepted deployment', async () => {
    endpoint.resourceDelayMs = 300;
    const io = ioFor(endpoint, dir, { interactive: true, answers: ['c'] });
    ctrlCOnPut(io);
    expect(await deploy(endpoint, out, ['--yes', '--deployment-name', 'early'], io), io.text()).to.equal(1);
    expect(io.text()).to.contain('note: Network: interrupted while submitting deployment early; waiting for Azure\'s answer, then it is canceled or left running');
    expect(io.questions.at(-1)).to.contain('Cancel deployment early in Azure, or leave it running? [c]ancel / [l]eave');
    expect(io.text()).to.contain('Network: interrupted; canceled deployment early in Azure (state: Canceled).');
    expect(endpoint.deploymentState('rg', 'early')).to.equal('Canceled');
    expect(endpoint.requests.some((r) => r.method === 'POST' && r.path.endsWith('/early/cancel'))).to.equal(true);
    expect(statusPolls()).to.have.length(0); // not even the SDK's first poll
  });

  it('Ctrl-C while the PUT is in flight, without a terminal, leaves the accepted deployment running and says how to follow or cancel it', async () => {
    endpoint.resourceDelayMs = 300;
    const io = ioFor(endpoint, dir);
    ctrlCOnPut(io);
    expect(await deploy(endpoint, out, ['--yes', '--deployment-name', 'early-leave'], io), io.text()).to.equal(1);
    expect(io.text()).to.contain('Network: interrupted; left deployment early-leave running in Azure.');
    expect(io.text()).to.contain('az deployment group cancel -g rg -n early-leave');
    expect(endpoint.deploymentState('rg', 'early-leave')).to.be.oneOf(['Accepted', 'Running']);
    expect(endpoint.requests.some((r) => r.path.endsWith('/cancel'))).to.equal(false);
    expect(statusPolls()).to.have.length(0);
  });

  it('Ctrl-C while a PUT is in flight that Azure refuses says nothing was submitted', async () => {
    endpoint.inject({ method: 'PUT', path: '/deployments/', action: { status: 400, code: 'InvalidDeployment', message: 'Refused.' } });
    const io = ioFor(endpoint, dir, { interactive: true });
    ctrlCOnPut(io);
    expect(await deploy(endpoint, out, ['--yes', '--deployment-name', 'refused'], io), io.text()).to.equal(1);
    expect(io.text()).to.contain("Network: Submitting deployment 'refused' failed (HTTP 400):\n  InvalidDeployment: Refused.");
    expect(io.text()).to.contain('Network: interrupted; Azure refused deployment refused, so nothing was submitted.');
    expect(io.questions).to.have.length(0);
    expect(endpoint.requests.some((r) => r.path.endsWith('/cancel'))).to.equal(false);
  });

  it('a second Ctrl-C while the PUT waits to be retried stops waiting and says it may have been submitted', async () => {
    // Throttled for 30 s: only the second Ctrl-C ends the wait within the test's timeout.
    endpoint.inject({ method: 'PUT', path: '/deployments/', action: { status: 429, code: 'TooManyRequests', message: 'Slow down.', retryAfter: '30' } });
    const io = ioFor(endpoint, dir, { interactive: true });
    ctrlCOnPut(io, 2);
    expect(await deploy(endpoint, out, ['--yes', '--deployment-name', 'unsure'], io), io.text()).to.equal(1);
    expect(io.text()).to.contain("Network: interrupted twice while submitting deployment unsure; azcdk stopped waiting for Azure's answer, so it may or may not have been submitted.");
    expect(io.text()).to.contain('az deployment group show -g rg -n unsure');
    expect(deploymentPuts()).to.have.length(1);
    expect(io.questions).to.have.length(0);
  });

  it('reports a deployment canceled by someone else', async () => {
    endpoint.resourceDelayMs = 300;
    const io = ioFor(endpoint, dir, {
      onOut: onFirstLine(/Running\s+Microsoft/, () => {
        void fetch(`${endpoint.url}/subscriptions/s/resourcegroups/rg/providers/Microsoft.Resources/deployments/other/cancel?api-version=2025-03-01`, {
          method: 'POST', headers: { authorization: `Bearer ${endpoint.token}` },
        });
      }),
    });
    expect(await deploy(endpoint, out, ['--yes', '--deployment-name', 'other'], io)).to.equal(1);
    expect(io.text()).to.contain('Network: deployment other was canceled.');
  });

  it('Ctrl-C after the deployment already succeeded prints the outputs and exits 0', async () => {
    // The status poll is throttled for a second, so progress sees the end before the poller does.
    endpoint.inject({ method: 'GET', path: 'operationStatuses', action: { status: 429, code: 'TooManyRequests', message: 'Slow down.', retryAfter: '1' } });
    const io = ioFor(endpoint, dir, { onOut: ctrlCWhen(/Succeeded\s+Microsoft\.Network\/virtualNetworks/) });
    expect(await deploy(endpoint, out, ['--yes', '--deployment-name', 'done', '--outputs-file', 'outputs.json'], io), io.text()).to.equal(0);
    expect(io.text()).to.contain('note: Network: interrupted, but deployment done had already finished (Succeeded).');
    expect(io.text()).to.contain('Network.nsgId = /subscriptions/');
    expect(JSON.parse(readFileSync(join(dir, 'outputs.json'), 'utf8')).Network.nsgId).to.match(/demo-nsg$/);
    expect(endpoint.requests.some((r) => r.path.endsWith('/cancel'))).to.equal(false);
  });

  it('a failed run leaves no --outputs-file from an earlier run', async () => {
    writeFileSync(join(dir, 'outputs.json'), JSON.stringify({ Network: { nsgId: 'from an earlier run' } }));
    endpoint.failResource('demo-vnet', { code: 'Conflict', message: 'No.' });
    const io = ioFor(endpoint, dir);
    expect(await deploy(endpoint, out, ['--yes', '--outputs-file', 'outputs.json'], io)).to.equal(1);
    expect(existsSync(join(dir, 'outputs.json'))).to.equal(false);
  });

  it('reports an output that cannot be evaluated once, without "EvaluateDeploymentOutput EvaluateDeploymentOutput"', async () => {
    const file = join(out, 'Network.json');
    const template = JSON.parse(readFileSync(file, 'utf8'));
    template.outputs.nsgId.value = "[reference(resourceId('Microsoft.Network/networkSecurityGroups', 'demo-nsg'), '2025-07-01').missing]";
    writeFileSync(file, JSON.stringify(template));
    const io = ioFor(endpoint, dir);
    expect(await deploy(endpoint, out, ['--yes'], io)).to.equal(1);
    const text = io.text();
    expect(text).to.not.contain('EvaluateDeploymentOutput EvaluateDeploymentOutput');
    expect(text).to.match(/Failed\s+EvaluateDeploymentOutput/);
    expect(text.split("the object has no property 'missing'").length - 1, text).to.equal(1);
  });
});
