/**
 * The test ARM endpoint itself follows the REST contract (raw HTTP, no SDK): status codes,
 * headers, state transitions, error shapes, paging, expressions.
 */
import { expect } from 'chai';
import { evaluateValue } from '../support/arm-endpoint-expressions.js';
import { ArmEndpoint } from '../support/arm-endpoint.js';

const API = 'api-version=2025-03-01';
const BASE = '/subscriptions/s/resourcegroups/rg/providers/Microsoft.Resources/deployments';

describe('test ARM endpoint: REST contract', () => {
  let endpoint: ArmEndpoint;
  beforeEach(async () => {
    endpoint = await ArmEndpoint.start({ stepMs: 5, operationsPageSize: 1 });
  });
  afterEach(() => endpoint.close());

  const call = async (method: string, path: string, body?: unknown, token = endpoint.token) => {
    const res = await fetch(`${endpoint.url}${path}`, {
      method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
  };
  const template = {
    $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#', contentVersion: '1.0.0.0',
    parameters: { p: { type: 'string', defaultValue: 'demo' } },
    resources: [
      { type: 'Microsoft.Network/virtualNetworks', apiVersion: '1', name: "[format('{0}-vnet', parameters('p'))]", location: 'westeurope' },
      { type: 'Microsoft.Network/virtualNetworks/subnets', apiVersion: '1', name: "[concat(parameters('p'), '-vnet/a')]", dependsOn: ["[resourceId('Microsoft.Network/virtualNetworks', format('{0}-vnet', parameters('p')))]"] },
    ],
    outputs: { id: { type: 'string', value: "[resourceId('Microsoft.Network/virtualNetworks', 'demo-vnet')]" } },
  };

  it('refuses a wrong token (401) and a missing api-version (400) with the ARM error shape', async () => {
    expect(await call('GET', `/subscriptions/s/resourcegroups/rg?${API}`, undefined, 'nope')).to.deep.include({ status: 401 });
    const missing = await call('GET', '/subscriptions/s/resourcegroups/rg');
    expect(missing.status).to.equal(400);
    expect(missing.body.error.code).to.equal('MissingApiVersionParameter');
    const noGroup = await call('GET', `/subscriptions/s/resourcegroups/rg?${API}`);
    expect(noGroup).to.deep.include({ status: 404 });
    expect(noGroup.body.error).to.deep.equal({ code: 'ResourceGroupNotFound', message: "Resource group 'rg' could not be found." });
  });

  it('PUT answers 201 with Azure-AsyncOperation/Location; Accepted -> Running -> Succeeded; operations in dependsOn order; outputs', async () => {
    expect((await call('PUT', `/subscriptions/s/resourcegroups/rg?${API}`, { location: 'westeurope' })).status).to.equal(201);
    const put = await call('PUT', `${BASE}/d1?${API}`, { properties: { mode: 'Incremental', template } });
    expect(put.status).to.equal(201);
    expect(put.body.properties.provisioningState).to.equal('Accepted');
    expect(put.headers.get('azure-asyncoperation')).to.match(/\/deployments\/d1\/operationStatuses\/\w+\?api-version=2025-03-01$/);
    expect(put.headers.get('location')).to.match(/\/deployments\/d1\/operationResults\//);
    const statusUrl = new URL(put.headers.get('azure-asyncoperation')!);
    const seen = new Set<string>();
    for (let i = 0; i < 200 && !seen.has('Succeeded'); i++) {
      seen.add((await call('GET', statusUrl.pathname + statusUrl.search)).body.status);
      await new Promise((r) => setTimeout(r, 2));
    }
    expect([...seen]).to.include.members(['Running', 'Succeeded']);
    const got = await call('GET', `${BASE}/d1?${API}`);
    expect(got.body.properties.outputs).to.deep.equal({ id: { type: 'String', value: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/demo-vnet' } });
    // Paged operations (page size 1): follow nextLink.
    const names: string[] = [];
    let next: string | undefined = `/subscriptions/s/resourcegroups/rg/deployments/d1/operations?${API}`;
    while (next) {
      const page: { body: { value: Array<{ properties: { targetResource?: { resourceName: string } } }>; nextLink?: string } } = await call('GET', next);
      names.push(...page.body.value.map((o) => o.properties.targetResource?.resourceName ?? '(outputs)'));
      next = page.body.nextLink ? new URL(page.body.nextLink).pathname + new URL(page.body.nextLink).search : undefined;
    }
    expect(names).to.deep.equal(['demo-vnet', 'demo-vnet/a', '(outputs)']);
    // Cancel after the end: 409.
    expect((await call('POST', `${BASE}/d1/cancel?${API}`)).status).to.equal(409);
  });

  it('rejects a malformed template synchronously with 400 InvalidTemplateDeployment and details', async () => {
    await call('PUT', `/subscriptions/s/resourcegroups/rg?${API}`, { location: 'westeurope' });
    const res = await call('PUT', `${BASE}/bad?${API}`, { properties: { mode: 'Incremental', template: { resources: [{ type: 'A.B/c' }] } } });
    expect(res.status).to.equal(400);
    expect(res.body.error.code).to.equal('InvalidTemplateDeployment');
    expect(res.body.error.details.map((d: { message: string }) => d.message)).to.deep.equal([
      "The template resource at index 0 has no 'apiVersion' string.",
      "The template resource at index 0 has no 'name' string.",
    ]);
    const unknownDep = await call('POST', `${BASE}/bad/validate?${API}`, { properties: { mode: 'Incremental', template: { resources: [{ type: 'A.B/c', apiVersion: '1', name: 'x', dependsOn: ['nope'] }] } } });
    expect(unknownDep.body.error.code).to.equal('InvalidTemplate');
    expect(unknownDep.body.error.message).to.contain("The resource 'nope' is not defined in the template");
  });

  it('checks parameter values against minLength, maxLength, minValue and maxValue as ARM does', async () => {
    await call('PUT', `/subscriptions/s/resourcegroups/rg?${API}`, { location: 'westeurope' });
    const bounded = {
      ...template,
      parameters: { p: { type: 'string', minLength: 3, maxLength: 5 }, n: { type: 'int', minValue: 1, maxValue: 9 }, list: { type: 'array', maxLength: 1 } },
    };
    const deploy = (parameters: Record<string, unknown>) =>
      call('PUT', `${BASE}/b?${API}`, { properties: { mode: 'Incremental', template: bounded, parameters: Object.fromEntries(Object.entries(parameters).map(([k, v]) => [k, { value: v }])) } });
    const res = await deploy({ p: 'ab', n: 10, list: [1, 2] });
    expect(res.status).to.equal(400);
    expect(res.body.error.details.map((d: { message: string }) => d.message)).to.deep.equal([
      "The provided value 'ab' for the template parameter 'p' is not valid. Length of the value should be greater than or equal to '3'.",
      "The provided value '10' for the template parameter 'n' is not valid. The value should be less than or equal to '9'.",
      "The provided value '[1,2]' for the template parameter 'list' is not valid. Length of the value should be less than or equal to '1'.",
    ]);
    expect((await deploy({ p: 'abc', n: 1, list: [1] })).status).to.equal(201);
  });

  it('validate and whatIf are long-running POSTs: 202 + Location, then the result', async () => {
    await call('PUT', `/subscriptions/s/resourcegroups/rg?${API}`, { location: 'westeurope' });
    const res = await call('POST', `${BASE}/w/whatIf?${API}`, { properties: { mode: 'Incremental', template } });
    expect(res.status).to.equal(202);
    const location = new URL(res.headers.get('location')!);
    expect((await call('GET', location.pathname + location.search)).status).to.equal(202);
    const done = await call('GET', location.pathname + location.search);
    expect(done.status).to.equal(200);
    expect(done.body.properties.changes.map((c: { changeType: string }) => c.changeType)).to.deep.equal(['Create', 'Create']);
  });

  it('evaluates the ARM functions it needs to name resources', () => {
    const ctx = { subscriptionId: 's', resourceGroup: { name: 'rg', location: 'westeurope' }, deploymentName: 'd', parameters: { p: 'x' }, variables: { v: 'y' } };
    expect(evaluateValue("[format('{0}-{1}', parameters('p'), variables('v'))]", ctx)).to.equal('x-y');
    expect(evaluateValue("[resourceGroup().location]", ctx)).to.equal('westeurope');
    expect(evaluateValue("[resourceId('Microsoft.Network/virtualNetworks/subnets', 'v', 'a')]", ctx)).to.equal('/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/a');
    // ARM's own hash (lib/deploy/unique-string.ts), shared with the CLI.
    expect(evaluateValue("[uniqueString('hello', 'world')]", ctx)).to.equal('a7wkljktk6wne');
    expect(evaluateValue('[[not an expression]', ctx)).to.equal('[not an expression]');
    expect(() => evaluateValue("[take('abc', 1)]", ctx)).to.throw(/'take' is not supported by the test ARM endpoint/);
  });
});
