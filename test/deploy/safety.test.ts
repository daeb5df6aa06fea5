/**
 * The token and the secrets stay where they belong: AZCDK_TOKEN only ever goes to loopback hosts
 * (also when the endpoint points polling at another host), and the main example deploys to the
 * local endpoint with its passwords from the environment, which appear in no output or file.
 */
import { expect } from 'chai';
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { ClientRequest } from 'node:http';
import { join } from 'node:path';
import { runCli } from '../../lib/cli/main.js';
import { isLoopbackHost } from '../../lib/deploy/credentials.js';
import { uniqueString } from '../../lib/deploy/unique-string.js';
import { PROJECT_ROOT } from '../support/cli.js';
import { deploy, deployFixture, filesUnder, ioFor, SUBSCRIPTION } from '../support/deploy-cli.js';

/** Every HTTP request this process starts: host and Authorization; non-loopback ones are stopped. */
async function watchRequests<T>(fn: () => Promise<T>): Promise<{ result: T; sent: Array<{ host: string; authorization?: string }> }> {
  const sent: Array<{ host: string; authorization?: string }> = [];
  const onStart = (message: unknown) => {
    const request = (message as { request: ClientRequest }).request;
    const authorization = request.getHeader('authorization');
    sent.push({ host: request.host, ...(typeof authorization === 'string' ? { authorization } : {}) });
    if (!isLoopbackHost(request.host)) request.destroy(new Error('test: stopped a request to a non-loopback host'));
  };
  subscribe('http.client.request.start', onStart);
  try {
    return { result: await fn(), sent };
  } finally {
    unsubscribe('http.client.request.start', onStart);
  }
}

describe('azcdk deploy: the token and secrets', () => {
  const fx = deployFixture({ group: true });

  it('never sends AZCDK_TOKEN to a polling URL on a non-loopback host, and fails saying why', async () => {
    const { endpoint, dir, out } = fx;
    endpoint.pollingOrigin = `http://192.0.2.2:${new URL(endpoint.url).port}`; // TEST-NET-1
    const io = ioFor(endpoint, dir);
    const { result: code, sent } = await watchRequests(() => deploy(endpoint, out, ['--yes'], io));
    expect(code, io.text()).to.equal(1);
    expect(io.text()).to.contain(`Refusing to send AZCDK_TOKEN to http://192.0.2.2:${new URL(endpoint.url).port}: it is not a loopback address.`);
    const withToken = sent.filter((r) => r.authorization?.includes(endpoint.token));
    expect(withToken.length).to.be.greaterThan(0); // the watch sees the SDK's requests
    expect(withToken.map((r) => r.host)).to.satisfy((hosts: string[]) => hosts.every((h) => h === '127.0.0.1'), JSON.stringify(sent));
    expect(io.text()).to.not.contain(endpoint.token);
  });

  it('deploys examples/postgres-private-link with --app and @env passwords: outputs from Azure-computed values, no secret anywhere', async () => {
    const { endpoint, dir } = fx;
    const pg = 'Pg-Pass-5f3a9c!';
    const vm = 'Vm-Pass-81d2e4b7!';
    const io = ioFor(endpoint, PROJECT_ROOT, { env: { PG_PASSWORD: pg, VM_PASSWORD: vm } });
    const code = await runCli([
      'deploy', '--app', 'examples/postgres-private-link/app.ts', '--out', join(dir, 'synth'), '-g', 'rg', '--yes',
      '--endpoint', endpoint.url, '--subscription', SUBSCRIPTION, '--poll-interval', '0.02', '--outputs-file', join(dir, 'outputs.json'),
      '-p', 'administratorLoginPassword=@env:PG_PASSWORD', 'vmAdminPassword=@env:VM_PASSWORD',
    ], io);
    expect(code, io.text()).to.equal(0);
    const server = `db-${uniqueString(`/subscriptions/${SUBSCRIPTION}/resourceGroups/rg`)}`;
    const outputs = JSON.parse(filesUnder(dir).find((f) => f.file.endsWith('outputs.json'))!.text).PostgresPrivateLink;
    expect(outputs.postgresFqdn).to.equal(`${server}.postgres.database.azure.com`);
    expect(outputs.privateEndpointIp).to.match(/^10\.0\.0\.\d+$/);
    expect(outputs.vmPublicIp).to.match(/^\d+\.\d+\.\d+\.\d+$/);
    // Every resource maps to its construct by name, the uniqueString() one included.
    expect(io.text()).to.match(new RegExp(`Succeeded\\s+Microsoft\\.DBforPostgreSQL/flexibleServers ${server} \\(PostgresPrivateLink/Db/Resource\\)`));
    expect(io.text()).to.not.contain('matched by type');
    const sent = JSON.parse(endpoint.requests.find((r) => r.method === 'PUT' && /\/deployments\//i.test(r.path))!.body).properties.parameters;
    expect(sent.administratorLoginPassword).to.deep.equal({ value: pg }); // it did reach ARM
    for (const text of [io.text(), ...filesUnder(dir).map((f) => f.text)]) {
      expect(text).to.not.contain(pg);
      expect(text).to.not.contain(vm);
    }
  });
});
