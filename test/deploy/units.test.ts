/**
 * The small pieces of deploy: credential choice (AZCDK_TOKEN only for loopback), deployment
 * names, mapping ARM names back to construct paths, durations, redaction.
 */
import { SourceNamingCredential, tokenClaims } from '../../lib/deploy/credential-source.js';
import { expect } from 'chai';
import { chooseAuthentication, isLoopbackHost } from '../../lib/deploy/credentials.js';
import { checkDeploymentName, defaultDeploymentName } from '../../lib/deploy/deployment-name.js';
import type { OperationInfo } from '../../lib/deploy/client.js';
import { describeFailure } from '../../lib/deploy/failures.js';
import { formatElapsed, parseIsoDuration, ProgressView } from '../../lib/deploy/progress.js';
import { Redactor } from '../../lib/deploy/redact.js';
import { looksSecret, maskWhatIf, securePropertyPaths } from '../../lib/deploy/what-if-secrets.js';
import { evaluateName, parseResourceId, ResourceMap } from '../../lib/deploy/resource-map.js';
import { App, ArmResource, Fn, Parameter, Stack, Variable, type Manifest, type ManifestResource, type NameValue } from '../../lib/index.js';
import { fileOf } from '../support/synth.js';
import { uniqueString } from '../../lib/deploy/unique-string.js';
import { renderWhatIf } from '../../lib/deploy/what-if.js';
import { ArmEndpoint } from '../support/arm-endpoint.js';
import { captureIo, deploy, removeDir, tempDir, writeHello } from '../support/deploy-cli.js';

describe('deploy: credentials', () => {
  it('recognizes loopback hosts only', () => {
    for (const h of ['127.0.0.1', '127.1.2.3', 'localhost', '[::1]', '::1']) expect(isLoopbackHost(h), h).to.equal(true);
    for (const h of ['management.azure.com', '10.0.0.1', '128.0.0.1', '[::2]', 'localhost.evil.com', '127.0.0.1.nip.io']) expect(isLoopbackHost(h), h).to.equal(false);
  });

  it('uses AZCDK_TOKEN for loopback endpoints and refuses it anywhere else', () => {
    expect(chooseAuthentication('http://127.0.0.1:8080', { AZCDK_TOKEN: 't' })).to.deep.equal({ kind: 'static', token: 't' });
    expect(() => chooseAuthentication('https://management.azure.com', { AZCDK_TOKEN: 't' })).to.throw(/AZCDK_TOKEN is set, but the endpoint 'https:\/\/management\.azure\.com' is not a loopback address/);
    expect(() => chooseAuthentication(undefined, { AZCDK_TOKEN: 't' })).to.throw(/is Azure \(no --endpoint\)/);
    expect(chooseAuthentication(undefined, {})).to.deep.equal({ kind: 'default' });
    expect(chooseAuthentication('https://management.usgovcloudapi.net', {})).to.deep.equal({ kind: 'default' });
    expect(() => chooseAuthentication('http://127.0.0.1:8080', {})).to.throw(/set AZCDK_TOKEN/);
    expect(() => chooseAuthentication('http://example.com', {})).to.throw(/uses http: Azure credentials are only sent over https/);
    expect(() => chooseAuthentication('not a url', {})).to.throw(/is not a URL/);
  });

  it('through the CLI: exits 2 and sends nothing when AZCDK_TOKEN meets a non-loopback endpoint', async () => {
    const endpoint = await ArmEndpoint.start();
    const dir = tempDir();
    try {
      const out = await writeHello(dir);
      const io = captureIo({ cwd: dir, env: { AZCDK_TOKEN: endpoint.token } });
      // localhost.localdomain-style names that resolve to loopback are still not trusted by name.
      const { runCli } = await import('../../lib/cli/main.js');
      const code = await runCli(['deploy', '--from', out, '-g', 'rg', '--subscription', 's', '--endpoint', `http://127.0.0.1.nip.io:${new URL(endpoint.url).port}`, '--yes'], io);
      expect(code).to.equal(2);
      expect(io.text()).to.contain('is not a loopback address');
      expect(io.text()).to.not.contain(endpoint.token);
      expect(endpoint.requests).to.have.length(0);
      // And a wrong token is refused by the endpoint like ARM does (401), reported clearly.
      const wrong = captureIo({ cwd: dir, env: { AZCDK_TOKEN: 'wrong' } });
      expect(await deploy(endpoint, out, ['--yes'], wrong)).to.equal(1);
      expect(wrong.text()).to.contain("Reading resource group 'rg' failed (HTTP 401): InvalidAuthenticationToken");
      // Saying where the refused token came from.
      expect(wrong.text()).to.contain(
        'The token came from AZCDK_TOKEN (a static token, sent to loopback endpoints only): set it to the token the endpoint expects (npm run arm-endpoint prints one).',
      );
    } finally {
      await endpoint.close();
      removeDir(dir);
    }
  });

  it('after a 401, names the link of the credential chain that gave the token, and whom the token is for (claims read, not the token)', async () => {
    const { ChainedTokenCredential, CredentialUnavailableError } = await import('@azure/identity');
    const claims = { aud: 'https://management.azure.com', tid: 'tenant-1', upn: 'alice@contoso.example' };
    const jwt = ['{"alg":"none"}', JSON.stringify(claims), ''].map((p) => Buffer.from(p).toString('base64url')).join('.');
    class EnvironmentCredential { async getToken(): Promise<never> { throw new CredentialUnavailableError('not configured'); } }
    class AzureCliCredential { async getToken() { return { token: jwt, expiresOnTimestamp: Date.now() + 60_000 }; } }
    const named = new SourceNamingCredential(new ChainedTokenCredential(new EnvironmentCredential(), new AzureCliCredential()));
    expect((await named.getToken('https://management.azure.com/.default'))?.token).to.equal(jwt);
    expect(named.describe()).to.equal(
      "The token came from the Azure CLI ('az login') (AzureCliCredential, through DefaultAzureCredential); issued to alice@contoso.example, tenant tenant-1, audience https://management.azure.com. " +
        'Sign in again with that source, or make sure it is signed in to the right tenant and cloud for --endpoint; AZURE_TOKEN_CREDENTIALS=<credential name> makes DefaultAzureCredential use one source only.',
    );
    expect(tokenClaims('not-a-jwt')).to.equal(undefined);
    const mi = ['{}', JSON.stringify({ xms_mirid: '/subscriptions/s/resourcegroups/r/providers/Microsoft.ManagedIdentity/userAssignedIdentities/deployer', aud: 'a' }), ''].map((p) => Buffer.from(p).toString('base64url')).join('.');
    expect(tokenClaims(mi)).to.equal('issued to managed identity deployer, audience a');
  });

  it('needs a subscription', async () => {
    const { runCli } = await import('../../lib/cli/main.js');
    const io = captureIo({ cwd: '/', env: {} });
    expect(await runCli(['deploy', '--from', '/nonexistent', '-g', 'rg'], io)).to.equal(2);
    expect(io.text()).to.contain('No subscription: pass --subscription ID or set AZURE_SUBSCRIPTION_ID');
  });
});

describe('deploy: names', () => {
  it('default deployment names are unique per run and valid', () => {
    const now = new Date('2026-11-24T07:05:09Z');
    expect(defaultDeploymentName('Network', now, 'ab12')).to.equal('Network-20261124070509-ab12');
    const long = defaultDeploymentName('S'.repeat(100), now, 'ab12');
    expect(long.length).to.equal(64);
    expect(checkDeploymentName(long)).to.equal(long);
    expect(defaultDeploymentName('Net work/x', now, 'ab12')).to.equal('Net-work-x-20261124070509-ab12');
    expect(defaultDeploymentName('Network')).to.not.equal(defaultDeploymentName('Network'));
  });

  it('checks --deployment-name against ARM rules', () => {
    for (const ok of ['a', 'my-deploy_1.0(x)', 'x'.repeat(64)]) expect(checkDeploymentName(ok)).to.equal(ok);
    for (const bad of ['', 'a b', 'a/b', 'x'.repeat(65), 'ä']) expect(() => checkDeploymentName(bad), bad).to.throw(/not a valid deployment name/);
  });
});

describe('deploy: mapping ARM resources to construct paths', () => {
  const call = (name: string, ...args: NameValue[]): NameValue => ({ call: name, args });
  const rgId: NameValue = { of: call('resourceGroup'), path: ['id'] };
  const resources: Record<string, ManifestResource> = {
    nsg: { path: 'Network/Nsg', type: 'Microsoft.Network/networkSecurityGroups', apiVersion: '1', name: { concat: [{ parameter: 'prefix' }, '-nsg'] } },
    vnet: { path: 'Network/Vnet', type: 'Microsoft.Network/virtualNetworks', apiVersion: '1', name: call('concat', { parameter: 'prefix' }, '-', { variable: 'suffix', value: 'vnet' }) },
    sub: { path: 'Network/Vnet/Subnet', type: 'Microsoft.Network/virtualNetworks/subnets', apiVersion: '1', name: { concat: [call('format', '{0}', call('toLower', 'VNET')), '/', 'a'] } },
    st: { path: 'Network/Storage', type: 'Microsoft.Storage/storageAccounts', apiVersion: '1', name: call('uniqueString', rgId) },
    kv1: { path: 'Network/Kv1', type: 'Microsoft.KeyVault/vaults', apiVersion: '1', name: call('uniqueString', 'a') },
    kv2: { path: 'Network/Kv2', type: 'Microsoft.KeyVault/vaults', apiVersion: '1', name: call('uniqueString', 'b') },
  };
  const map = new ResourceMap(resources, { prefix: 'demo' });

  it('evaluates parameters, variables, format(), concat(), toLower() over literals', () => {
    expect(map.locate({ type: 'Microsoft.Network/networkSecurityGroups', name: 'DEMO-nsg' })).to.deep.equal({ path: 'Network/Nsg', how: 'name' });
    expect(map.locate({ type: 'microsoft.network/virtualnetworks', name: 'demo-vnet' })).to.deep.equal({ path: 'Network/Vnet', how: 'name' });
    expect(map.locate({ id: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/vnet/subnets/a' })).to.deep.equal({ path: 'Network/Vnet/Subnet', how: 'name' });
    expect(map.locate({ type: 'Microsoft.Network/networkSecurityGroups', name: 'other-nsg' })).to.equal(undefined);
  });

  it('matches by type when the name is not evaluated and the type is unambiguous, and says so', () => {
    expect(map.locate({ type: 'Microsoft.Storage/storageAccounts', name: 'abc123' })).to.deep.equal({ path: 'Network/Storage', how: 'type' });
    expect(map.describe({ type: 'Microsoft.Storage/storageAccounts', name: 'abc123' })).to.equal('Network/Storage, matched by type');
    expect(map.describe({ type: 'Microsoft.Network/networkSecurityGroups', name: 'demo-nsg' })).to.equal('Network/Nsg');
    expect(map.unevaluated.map((u) => u.path)).to.deep.equal(['Network/Storage']); // no deployment context given
    expect(map.locate({ type: 'Microsoft.KeyVault/vaults', name: uniqueString('b') })).to.deep.equal({ path: 'Network/Kv2', how: 'name' });
    const ambiguous = new ResourceMap({ a: { ...resources.st, path: 'A' }, b: { ...resources.st, path: 'B' } }, {});
    expect(ambiguous.locate({ type: 'Microsoft.Storage/storageAccounts', name: 'x' })).to.equal(undefined); // two candidates: no guess
  });

  it('evaluates uniqueString(), resourceGroup() and subscription() in the deployment context', () => {
    const context = { subscriptionId: 'sub-1', resourceGroup: 'My-RG', location: 'westeurope', deploymentName: 'd1' };
    const inContext = new ResourceMap(resources, { prefix: 'demo' }, context);
    const storage = uniqueString('/subscriptions/sub-1/resourceGroups/My-RG');
    expect(inContext.locate({ type: 'Microsoft.Storage/storageAccounts', name: storage })).to.deep.equal({ path: 'Network/Storage', how: 'name' });
    expect(inContext.unevaluated).to.deep.equal([]);
    const scope = { parameters: {}, context };
    const prop = (fn: string, key: string): NameValue => ({ of: call(fn), path: [key] });
    expect(evaluateName(call('format', '{0}-{1}-{2}', prop('resourceGroup', 'name'), prop('subscription', 'subscriptionId'), prop('deployment', 'name')), scope)).to.equal('My-RG-sub-1-d1');
    expect(evaluateName(prop('resourceGroup', 'location'), scope)).to.equal('westeurope');
    expect(evaluateName(rgId, { parameters: {} })).to.equal(undefined); // no context: not guessed
  });

  it('evaluates the names synth writes into the manifest (README example), with no template text parsed', () => {
    const app = new App();
    const stack = new Stack(app, 'Network');
    const prefix = new Parameter(stack, 'prefix', { type: 'string' });
    const suffix = new Variable(stack, 'suffix', { value: Fn.toLower('NSG') });
    const nsg = new ArmResource(stack, 'Nsg', { type: 'Microsoft.Network/networkSecurityGroups', apiVersion: '2025-07-01', name: `${prefix.value}-${suffix.ref}` });
    new ArmResource(stack, 'Rule', { type: 'Microsoft.Network/networkSecurityGroups/securityRules', apiVersion: '2025-07-01', name: 'allow', parent: nsg });
    const manifest = JSON.parse(fileOf(app.synth(), 'manifest.json')) as Manifest;
    expect(Object.values(manifest.stacks.Network.resources).find((r) => r.path === 'Network/Nsg')?.name).to.deep.equal({ concat: [{ parameter: 'prefix' }, '-', { variable: 'suffix', value: { call: 'toLower', args: ['NSG'] } }] });
    const network = new ResourceMap(manifest.stacks.Network.resources, { prefix: 'demo' });
    expect(network.locate({ type: 'Microsoft.Network/networkSecurityGroups', name: 'demo-nsg' })).to.deep.equal({ path: 'Network/Nsg', how: 'name' });
    expect(network.locate({ type: 'Microsoft.Network/networkSecurityGroups/securityRules', name: 'demo-nsg/allow' })).to.deep.equal({ path: 'Network/Rule', how: 'name' });
    expect(network.unevaluated).to.deep.equal([]);
  });

  it("uniqueString() is ARM's: values from Microsoft's implementation", () => {
    // 'tyeth' as computed with Azure.Deployments.Expression; the others as Bicep deploys them.
    expect(uniqueString('tyeth')).to.equal('zcztcwvu6iyg6');
    expect(uniqueString('hello', 'world')).to.equal('a7wkljktk6wne');
    expect(uniqueString('/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/my-rg')).to.equal('bmg7c6xu4tw46');
    expect(uniqueString('foo', 'bar', 'baz')).to.equal('xzi4ioaxtmth4');
    expect(uniqueString('test')).to.equal('rbgf3xv4ufgzg');
  });

  it('evaluateName handles format escapes and refuses what it cannot do', () => {
    const scope = { parameters: { p: 'x', o: { a: 1 } } };
    expect(evaluateName('plain', scope)).to.equal('plain');
    expect(evaluateName('[literal]', scope)).to.equal(undefined); // an [expression] written by an older azcdk
    expect(evaluateName({ call: 'format', args: ["{{{0}}}-'q'", { parameter: 'p' }] }, scope)).to.equal("{x}-'q'");
    expect(evaluateName({ parameter: 'o' }, scope)).to.equal(undefined);
    expect(evaluateName({ of: { parameter: 'p' }, path: ['length'] }, scope)).to.equal(undefined);
    expect(evaluateName({ parameter: 'missing' }, scope)).to.equal(undefined);
    expect(evaluateName({ variable: 'v' }, scope)).to.equal(undefined); // a variable without its value
    expect(evaluateName({ of: { call: 'resourceGroup', args: [] }, path: ['name'] }, scope)).to.equal(undefined); // no deployment context
  });

  it('parses resource ids, including child resources', () => {
    expect(parseResourceId('/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/a')).to.deep.equal({ type: 'Microsoft.Network/virtualNetworks/subnets', name: 'v/a' });
    expect(parseResourceId('/subscriptions/s/resourceGroups/rg')).to.equal(undefined);
  });
});

describe('deploy: progress and failure reports', () => {
  const map = new ResourceMap({ nsg: { path: 'Network/Nsg', type: 'Microsoft.Network/networkSecurityGroups', apiVersion: '1', name: 'n'.repeat(60), dependsOn: [] } }, {});
  const op = (over: Partial<OperationInfo>): OperationInfo => ({ operationId: 'op', provisioningState: 'Running', provisioningOperation: 'Create', ...over });

  it('the live view cuts lines to the terminal width, so redrawing moves back over every row', () => {
    const io = captureIo({ cwd: '/' });
    const view = new ProgressView(io, map, true, 0, () => 1000, () => 40);
    const ops = [op({ target: { type: 'Microsoft.Network/networkSecurityGroups', name: 'n'.repeat(60) } })];
    view.update(ops);
    view.update(ops);
    const visible = io.stdout.map((l) => l.replace(/\x1b\[[0-9]*[A-Za-z]|\r/g, ''));
    expect(Math.max(...visible.map((l) => l.length)), visible.join('\n')).to.be.below(40);
    expect(io.stdout[2]).to.match(/^\x1b\[2A/); // two rows drawn, two rows back up
    // State and elapsed time come first, so cutting the line keeps them.
    expect(visible[0]).to.equal('  Running      0.0s  Microsoft.Network…');
  });

  it('the live view never grows taller than the terminal: finished operations give way to a count, then the oldest', () => {
    const io = captureIo({ cwd: '/' });
    const view = new ProgressView(io, map, true, 0, () => 1000, () => 120, () => 6);
    const ops = Array.from({ length: 12 }, (_, i) =>
      op({ operationId: `op${i}`, provisioningState: i === 10 ? 'Running' : i === 11 ? 'Failed' : 'Succeeded', target: { type: 'Microsoft.Network/networkSecurityGroups', name: `nsg${i}` } }));
    view.update(ops);
    expect(io.stdout.map((l) => l.replace(/ +\S+s$/, ''))).to.deep.equal([
      '  … 10 more (10 Succeeded)',
      '  Running      0.0s  Microsoft.Network/networkSecurityGroups nsg10',
      '  Failed       0.0s  Microsoft.Network/networkSecurityGroups nsg11',
      '  elapsed',
    ]);
    // Still too tall without the finished ones: the oldest of the rest go too.
    const tiny = captureIo({ cwd: '/' });
    new ProgressView(tiny, map, true, 0, () => 1000, () => 120, () => 4).update(ops.map((o) => ({ ...o, provisioningState: 'Running' })));
    expect(tiny.stdout).to.have.length(3);
    expect(tiny.stdout[0]).to.equal('  … 11 more (11 Running)');
    expect(tiny.stdout[1]).to.contain('nsg11');
  });

  it('names an operation without a target once, and does not repeat the deployment error for it', () => {
    const error = { code: 'DeploymentOutputEvaluationFailed', message: 'Unable to evaluate template outputs.' };
    const failedOp = op({ provisioningState: 'Failed', provisioningOperation: 'EvaluateDeploymentOutput', error });
    const io = captureIo({ cwd: '/' });
    new ProgressView(io, map, false).update([failedOp]);
    expect(io.stdout[0]).to.match(/^ {2}Failed {5}EvaluateDeploymentOutput {2}/);
    const lines = describeFailure({ name: 'd', provisioningState: 'Failed', error }, [failedOp], map);
    expect(lines.filter((l) => l.includes('Unable to evaluate template outputs.'))).to.have.length(1);
  });
});

describe('deploy: small helpers', () => {
  it('parses ISO durations and formats elapsed time', () => {
    expect(parseIsoDuration('PT2.5S')).to.equal(2500);
    expect(parseIsoDuration('PT1H2M3S')).to.equal(3_723_000);
    expect(parseIsoDuration('P1DT1S')).to.equal(86_401_000);
    expect(parseIsoDuration('later')).to.equal(undefined);
    expect(formatElapsed(860)).to.equal('0.9s');
    expect(formatElapsed(75_000)).to.equal('1m15s');
    expect(formatElapsed(3_723_000)).to.equal('1h2m');
  });

  it('redacts secrets, longest first, also JSON-escaped', () => {
    const r = new Redactor();
    r.add(['pa"ss', 'pass', '']);
    expect(r.redact('x pa"ss y pass z')).to.equal('x *** y *** z');
    expect(r.redact(JSON.stringify({ v: 'pa"ss' }))).to.equal('{"v":"***"}');
  });

  it('leaves secrets shorter than 4 characters alone: they would garble ordinary words', () => {
    const r = new Redactor();
    r.add(['a', 'ab', 'abc', 'abcd']);
    expect(r.redact('privateEndpointIp abc abcd')).to.equal('privateEndpointIp abc ***');
  });

  it('redacts JSON values structurally: inside string values, never keys or what-if paths', () => {
    const r = new Redactor();
    r.add(['Endp']);
    expect(r.redactValue({ privateEndpointIp: 'x-Endp-y', changes: [{ path: 'properties.Endpoint', after: 'Endp' }], n: 1 })).to.deep.equal({
      privateEndpointIp: 'x-***-y', changes: [{ path: 'properties.Endpoint', after: '***' }], n: 1,
    });
  });

  it('finds the property paths fed from secure parameters, also through variables and in child resources', () => {
    const paths = securePropertyPaths({
      parameters: { pw: { type: 'securestring' }, cfg: { type: 'secureObject' }, name: { type: 'string' } },
      variables: { wrapped: "[concat('x', parameters('pw'))]", twice: "[variables('wrapped')]", plain: "[parameters('name')]" },
      resources: [
        { type: 'Microsoft.Web/sites', name: "[parameters('name')]", properties: { siteConfig: { appSettings: [{ name: 'A', value: "[variables('twice')]" }] }, other: "[variables('plain')]" },
          resources: [{ type: 'config', name: 'web', properties: "[parameters('cfg')]" }] },
      ],
    });
    expect([...paths.entries()].map(([t, p]) => [t, [...p]])).to.deep.equal([
      ['microsoft.web/sites', ['properties.siteconfig.appsettings.value']],
      ['microsoft.web/sites/config', ['properties']],
    ]);
  });

  it('masks secure paths (with all below them) and secret-looking names in what-if, leaving the rest', () => {
    const paths = securePropertyPaths({ parameters: { pw: { type: 'securestring' } }, resources: [{ type: 'Microsoft.Web/sites', properties: { siteConfig: { appSettings: [{ value: "[parameters('pw')]" }] } } }] });
    const site = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Web/sites/app';
    const [masked] = maskWhatIf([{
      resourceId: site, changeType: 'Modify',
      before: { name: 'app', properties: { siteConfig: { appSettings: [{ name: 'A', value: 'old' }] }, storageKey: 'k1', sshPublicKey: 'ssh-rsa AAA' } },
      delta: [
        { path: 'properties.siteConfig.appSettings', propertyChangeType: 'Array', children: [{ path: '0', propertyChangeType: 'Modify', children: [{ path: 'value', propertyChangeType: 'Modify', before: 'old', after: 'new' }] }] },
        { path: 'properties.storageKey', propertyChangeType: 'Delete', before: 'k1' },
      ],
    }], paths);
    expect(masked.before).to.deep.equal({ name: 'app', properties: { siteConfig: { appSettings: [{ name: 'A', value: '(secure)' }] }, storageKey: '(secure)', sshPublicKey: 'ssh-rsa AAA' } });
    expect(masked.delta![0].children![0].children![0]).to.deep.include({ before: '(secure)', after: '(secure)' });
    expect(masked.delta![1]).to.deep.include({ before: '(secure)' });
    // A path with several indices in one segment ('appSettings[0][1]' style) is still the secure path.
    const [nested] = maskWhatIf([{
      resourceId: site, changeType: 'Modify',
      delta: [{ path: 'properties.siteConfig.appSettings[0][1].value', propertyChangeType: 'Modify', before: 'old', after: 'new' }],
    }], paths);
    expect(nested.delta![0]).to.deep.include({ before: '(secure)', after: '(secure)' });
    expect(['adminPassword', 'administratorLoginPassword', 'clientSecret', 'primaryKey', 'sasToken', 'key'].filter((n) => !looksSecret(n))).to.deep.equal([]);
    expect(['publicKey', 'keyVaultUri', 'adminUsername', 'keySource'].filter(looksSecret)).to.deep.equal([]);
  });
});

describe('deploy: what-if rendering', () => {
  it('names array elements by their name and lists created or deleted elements property by property', () => {
    const map = new ResourceMap({ nsg: { path: 'Net/Nsg', type: 'Microsoft.Network/networkSecurityGroups', apiVersion: '1', name: 'nsg1', dependsOn: [] } }, {});
    const rule = (name: string, priority: number, source: string) => ({ name, properties: { priority, access: 'Allow', sourceAddressPrefix: source } });
    const before = { name: 'nsg1', properties: { securityRules: [rule('allow-https', 100, '*'), rule('allow-rdp', 110, '203.0.113.7/32'), rule('old', 120, '*')] }, tags: { env: ['a', 'b'] } };
    const after = { name: 'nsg1', properties: { securityRules: [rule('allow-https', 100, '*'), rule('allow-rdp', 110, '198.51.100.0/24'), rule('deny-all', 4000, '*')] }, tags: { env: ['a'] } };
    const lines = renderWhatIf([{
      resourceId: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/networkSecurityGroups/nsg1', changeType: 'Modify', before, after,
      delta: [
        { path: 'properties.securityRules', propertyChangeType: 'Array', children: [
          { path: '1', propertyChangeType: 'Modify', children: [{ path: 'properties.sourceAddressPrefix', propertyChangeType: 'Modify', before: '203.0.113.7/32', after: '198.51.100.0/24' }] },
          { path: '2', propertyChangeType: 'Delete', before: before.properties.securityRules[2] },
          { path: '2', propertyChangeType: 'Create', after: after.properties.securityRules[2] },
        ] },
        { path: 'tags.env', propertyChangeType: 'Array', children: [{ path: '1', propertyChangeType: 'Delete', before: 'b' }] },
      ],
    }], map);
    expect(lines).to.deep.equal([
      '  ~ Modify    Microsoft.Network/networkSecurityGroups nsg1  (Net/Nsg)',
      '        ~ properties.securityRules: [',
      '            ~ 1 (allow-rdp):',
      '                ~ properties.sourceAddressPrefix: "203.0.113.7/32" => "198.51.100.0/24"',
      '            - 2 (old):',
      '                  name: "old"',
      '                  properties.priority: 120',
      '                  properties.access: "Allow"',
      '                  properties.sourceAddressPrefix: "*"',
      '            + 2 (deny-all):',
      '                  name: "deny-all"',
      '                  properties.priority: 4000',
      '                  properties.access: "Allow"',
      '                  properties.sourceAddressPrefix: "*"',
      '          ]',
      '        ~ tags.env: [',
      '            - 1: "b"',
      '          ]',
      'Resource changes: 1 to modify.',
    ]);
  });

  it('shows where two long values differ instead of cutting both to the same text', () => {
    const id = (subnet: string) => `/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/vnet/subnets/${subnet}`;
    const lines = renderWhatIf([{
      resourceId: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/networkInterfaces/nic', changeType: 'Modify',
      delta: [{ path: 'properties.subnet.id', propertyChangeType: 'Modify', before: id('subnet-a'), after: id('subnet-b') }],
    }], new ResourceMap({}, {}));
    const [before, after] = lines[1].split(' => ');
    expect(lines[1]).to.contain('subnets/subnet-a"').and.to.contain('subnets/subnet-b"');
    expect(before.length).to.be.below(160);
    expect(after).to.match(/^\.\.\..*subnet-b"$/);
  });

  it('says which Modify changes Azure refuses: a property fixed at creation, a size that can only grow', () => {
    const map = new ResourceMap({}, {});
    const server = { name: 'db', location: 'westeurope', properties: { availabilityZone: '1', storage: { storageSizeGB: 128 }, version: '16' } };
    const lines = renderWhatIf([{
      resourceId: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.DBforPostgreSQL/flexibleServers/db', changeType: 'Modify', before: server,
      after: { ...server, properties: { availabilityZone: '2', storage: { storageSizeGB: 64 }, version: '17' } },
      delta: [
        { path: 'properties.availabilityZone', propertyChangeType: 'Modify', before: '1', after: '2' },
        { path: 'properties.storage', propertyChangeType: 'Modify', children: [{ path: 'storageSizeGB', propertyChangeType: 'Modify', before: 128, after: 64 }] },
        { path: 'properties.version', propertyChangeType: 'Modify', before: '16', after: '17' },
      ],
    }], map);
    expect(lines).to.deep.equal([
      '  ~ Modify    Microsoft.DBforPostgreSQL/flexibleServers db',
      '        ~ properties.availabilityZone: "1" => "2"  (fixed at creation: Azure refuses this change; the resource must be recreated)',
      '        ~ properties.storage:',
      '            ~ storageSizeGB: 128 => 64  (can only grow: Azure refuses a smaller value)',
      '        ~ properties.version: "16" => "17"',
      'Resource changes: 1 to modify.',
    ]);
  });
});
