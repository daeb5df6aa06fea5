import { expect } from 'chai';
import { Fn, Parameter } from '../../lib/index.js';
import { findings, resource, stackOf } from './support.js';

const SA = 'Microsoft.Storage/storageAccounts';
const SA_AT = `${SA}@2025-06-01`;
/** A storage account that passes every check; tests change one thing. */
function storage(overrides: Record<string, unknown> = {}, properties: Record<string, unknown> = {}) {
  const { app, stack } = stackOf();
  resource(stack, 'Sa', { type: SA, apiVersion: '2025-06-01', name: 'azcdkdemo', kind: 'StorageV2', sku: { name: 'Standard_LRS' }, properties, ...overrides });
  return findings(app);
}

describe('validation against the type snapshot: each rule', () => {
  it('passes a correct resource with no finding', () => {
    expect(storage({}, { accessTier: 'Hot', supportsHttpsTrafficOnly: true })).to.deep.equal({ errors: [], warnings: [], infos: [] });
  });

  it('unknown resource type: an error naming the nearest types', () => {
    expect(storage({ type: 'Microsoft.Storage/storageAccount' }).errors).to.deep.equal([
      "[S/Sa] type: 'Microsoft.Storage/storageAccount' is not an Azure resource type azcdk knows. Did you mean 'Microsoft.Storage/storageAccounts'? Fix the type name.",
    ]);
  });

  it('unknown api-version: an error listing the known versions, newest first', () => {
    expect(storage({ apiVersion: '2023-13-01' }).errors).to.deep.equal([
      "[S/Sa] apiVersion: '2023-13-01' is not an api-version of Microsoft.Storage/storageAccounts. Known versions, newest first: 2026-09-01, 2026-06-01, 2026-04-01, 2025-08-01, 2025-06-01, 2025-01-01, 2024-01-01, 2023-05-01, 2023-04-01, 2023-01-01, 2022-09-01, 2022-05-01 and 20 older. Use one of them.",
    ]);
  });

  it('a preview api-version the snapshot holds no shapes for: said once, as info', () => {
    const { app, stack } = stackOf();
    for (const id of ['A', 'B']) resource(stack, id, { type: SA, apiVersion: '2020-08-01-preview', name: `azcdk${id.toLowerCase()}`, properties: { anything: 1 } });
    expect(findings(app)).to.deep.equal({
      errors: [], warnings: [],
      infos: ['[S/A] apiVersion: Microsoft.Storage/storageAccounts@2020-08-01-preview is a preview version azcdk holds no shapes for (only stable and default api-versions), so this resource was not validated.'],
    });
  });

  it('validates a stable api-version other than the default against that version\'s own shapes', () => {
    // accessTier 'Cold' was added in 2023-05-01 (hypothetical Hot/Cool-only in 2019-06-01).
    expect(storage({ apiVersion: '2019-06-01' }, { accessTier: 'Cold' }).errors).to.deep.equal([
      "[S/Sa] properties.accessTier: 'Cold' is not one of the values Microsoft.Storage/storageAccounts@2019-06-01 allows: 'Hot', 'Cool'. Did you mean 'Cool'? Use one of them.",
    ]);
  });

  it('scopes: a type deployed only above resource groups is an error; a read-only type a warning', () => {
    const { app, stack } = stackOf();
    resource(stack, 'Rg', { type: 'Microsoft.Resources/resourceGroups', apiVersion: '2025-04-01', name: 'rg' });
    resource(stack, 'Lock', { type: 'Microsoft.Authorization/locks', apiVersion: '2020-05-01', name: 'lock', location: null, properties: { level: 'CanNotDelete' } });
    expect(findings(app).errors).to.deep.equal([
      "[S/Rg] type: Microsoft.Resources/resourceGroups@2025-04-01 is deployed at subscription scope, but a stack deploys into a resource group. Deploy it with a template at that scope (az deployment sub create ...), outside azcdk.",
    ]);
    const other = stackOf();
    const env = resource(other.stack, 'App', { type: 'Microsoft.App/containerApps', apiVersion: '2026-07-01', name: 'app' });
    resource(other.stack, 'Pl', { type: 'Microsoft.App/containerApps/privateLinkResources', apiVersion: '2026-07-01', name: 'link', parent: env });
    expect(findings(other.app).warnings).to.include(
      '[S/Pl] type: Microsoft.App/containerApps/privateLinkResources@2026-07-01 is read-only: Azure does not deploy it, only reads it. Import it with ExistingResource instead.',
    );
  });

  it('name length and pattern', () => {
    expect(storage({ name: 'Ab' }).errors).to.deep.equal([
      `[S/Sa] name: 'Ab' is 2 characters long: ${SA_AT} allows 3 to 24 characters. Lengthen it.`,
      `[S/Sa] name: 'Ab' does not match the pattern ^[a-z0-9]+$ that ${SA_AT} requires. Change the value to match it.`,
    ]);
  });

  it('a literal name where the type fixes it', () => {
    const { app, stack } = stackOf();
    const sa = resource(stack, 'Sa', { type: SA, apiVersion: '2025-06-01', name: 'azcdkdemo', kind: 'StorageV2', sku: { name: 'Standard_LRS' } });
    resource(stack, 'Blob', { type: `${SA}/blobServices`, apiVersion: '2025-06-01', name: 'blobs', parent: sa });
    expect(findings(app).errors).to.deep.equal([
      `[S/Blob] name: 'blobs' is not one of the values ${SA}/blobServices@2025-06-01 allows: 'default'. Use one of them.`,
    ]);
  });

  it('property JSON types', () => {
    expect(storage({}, { supportsHttpsTrafficOnly: 'yes', encryption: 'on', networkAcls: { defaultAction: 'Deny', ipRules: {} } }).errors).to.deep.equal([
      `[S/Sa] properties.supportsHttpsTrafficOnly: is the string 'yes', but ${SA_AT} expects a boolean (true or false) here. Give a boolean (true or false).`,
      `[S/Sa] properties.encryption: is the string 'on', but ${SA_AT} expects an object here. Give an object.`,
      `[S/Sa] properties.networkAcls.ipRules: is an object, but ${SA_AT} expects an array here. Give an array.`,
    ]);
  });

  it('integers: type and range', () => {
    const { app, stack } = stackOf();
    const sa = resource(stack, 'Sa', { type: SA, apiVersion: '2025-06-01', name: 'azcdkdemo', kind: 'StorageV2', sku: { name: 'Standard_LRS' } });
    resource(stack, 'Blob', {
      type: `${SA}/blobServices`, apiVersion: '2025-06-01', name: 'default', parent: sa,
      properties: { deleteRetentionPolicy: { enabled: true, days: 400 }, containerDeleteRetentionPolicy: { enabled: true, days: 1.5 } },
    });
    expect(findings(app).errors).to.deep.equal([
      `[S/Blob] properties.deleteRetentionPolicy.days: 400 is out of range: ${SA}/blobServices@2025-06-01 allows 1 to 365. Use a value in that range.`,
      `[S/Blob] properties.containerDeleteRetentionPolicy.days: is the number 1.5, but ${SA}/blobServices@2025-06-01 expects an integer here. Give an integer.`,
    ]);
  });

  it('closed enums: an error with the allowed values; a case-only difference is a warning', () => {
    expect(storage({}, { accessTier: 'Hott' }).errors).to.deep.equal([
      `[S/Sa] properties.accessTier: 'Hott' is not one of the values ${SA_AT} allows: 'Hot', 'Cool', 'Premium', 'Cold'. Did you mean 'Hot'? Use one of them.`,
    ]);
    expect(storage({}, { accessTier: 'hot' }).warnings).to.deep.equal([
      `[S/Sa] properties.accessTier: 'hot' differs only in case from 'Hot', the value ${SA_AT} defines. Write 'Hot'.`,
    ]);
  });

  it('open enums: a warning naming the known values', () => {
    expect(storage({}, { minimumTlsVersion: 'TLS1_4' }).warnings).to.deep.equal([
      `[S/Sa] properties.minimumTlsVersion: 'TLS1_4' is not one of the values ${SA_AT} knows: 'TLS1_0', 'TLS1_1', 'TLS1_2', 'TLS1_3'. Did you mean 'TLS1_0' or 'TLS1_1' or 'TLS1_2'? Azure may accept a value newer than azcdk's type tables; check the spelling.`,
    ]);
  });

  it('required properties: a warning, as in Bicep (the tables mark some that Azure fills in)', () => {
    const { app, stack } = stackOf();
    resource(stack, 'Sa', { type: SA, apiVersion: '2025-06-01', name: 'azcdkdemo', properties: { customDomain: { useSubDomainName: true } } });
    const required = (where: string) => `[S/Sa] ${where}: is required by ${SA_AT} but not set: Azure refuses the resource without it unless it fills it in. Set it.`;
    expect(findings(app).warnings).to.deep.equal([required('properties.customDomain.name'), required('sku'), required('kind')]);
  });

  it('read-only properties set: a warning', () => {
    expect(storage({}, { primaryEndpoints: { blob: 'https://x' } }).warnings).to.deep.equal([
      `[S/Sa] properties.primaryEndpoints: is read-only in ${SA_AT} (Azure sets it), so the value given is ignored. Remove it.`,
    ]);
  });

  it('unknown properties: a warning with "did you mean", at any depth', () => {
    expect(storage({}, { minimumTlsVersio: 'TLS1_2', networkAcls: { defaultAction: 'Deny', bypas: 'AzureServices' } }).warnings).to.deep.equal([
      `[S/Sa] properties.minimumTlsVersio: is not a property of ${SA_AT}. Did you mean 'minimumTlsVersion'? Fix the name; if Azure added the property after azcdk's type tables, this warning can be ignored (it fails synthesis with --strict).`,
      `[S/Sa] properties.networkAcls.bypas: is not a property of ${SA_AT}. Did you mean 'bypass'? Fix the name; if Azure added the property after azcdk's type tables, this warning can be ignored (it fails synthesis with --strict).`,
    ]);
  });

  it('map values (additionalProperties) are checked against their type', () => {
    expect(storage({ tags: { team: 'a' } }, {}).errors).to.deep.equal([]);
    expect(storage({}, { encryption: { services: { blob: { enabled: 'yes' } } } }).errors).to.deep.equal([
      `[S/Sa] properties.encryption.services.blob.enabled: is the string 'yes', but ${SA_AT} expects a boolean (true or false) here. Give a boolean (true or false).`,
    ]);
  });

  it('array lengths', () => {
    const { app, stack } = stackOf();
    resource(stack, 'Nva', {
      type: 'Microsoft.Network/networkVirtualAppliances', apiVersion: '2025-07-01', name: 'nva',
      properties: { nvaInterfaceConfigurations: [{}, {}, {}, {}] },
    });
    expect(findings(app).errors).to.include(
      '[S/Nva] properties.nvaInterfaceConfigurations: has 4 items: Microsoft.Network/networkVirtualAppliances@2025-07-01 allows at most 3 items. Add or remove items.',
    );
  });

  it('discriminated bodies: the discriminator picks the shape; missing or unknown is an error', () => {
    const DS = 'Microsoft.Resources/deploymentScripts';
    const { app, stack } = stackOf();
    resource(stack, 'Cli', { type: DS, apiVersion: '2023-08-01', name: 'cli', kind: 'AzureCLI', properties: { azCliVersion: '2.60.0', retentionInterval: 'PT1H', scriptContent: 'echo', azPowerShellVersion: '11' } });
    resource(stack, 'None', { type: DS, apiVersion: '2023-08-01', name: 'none', properties: {} });
    resource(stack, 'Bash', { type: DS, apiVersion: '2023-08-01', name: 'bash', kind: 'Bash', properties: {} });
    expect(findings(app).errors).to.deep.equal([
      `[S/None] kind: is not set, but ${DS}@2023-08-01 needs it to tell which shape this object has: set it to one of 'AzureCLI', 'AzurePowerShell'.`,
      `[S/Bash] kind: 'Bash' is not one of the values ${DS}@2023-08-01 allows here: 'AzureCLI', 'AzurePowerShell'. Use one of them.`,
    ]);
  });

  it('skips values known only at deployment', () => {
    const { app, stack } = stackOf();
    const https = new Parameter(stack, 'https', { type: 'bool' });
    resource(stack, 'Sa', {
      type: SA, apiVersion: '2025-06-01', name: Fn.call('concat', ['azcdk', Fn.uniqueString(Fn.resourceGroup().get('id'))]).toString(), kind: 'StorageV2', sku: { name: 'Standard_LRS' },
      properties: { supportsHttpsTrafficOnly: https.value, accessTier: Fn.call('if', [https.value, 'Hot', 'Cool']) },
    });
    expect(findings(app)).to.deep.equal({ errors: [], warnings: [], infos: [] });
  });

  it('expression lengths: certainly too long is an error, possibly too long a warning, certainly too short an error', () => {
    const { app, stack } = stackOf();
    const short = new Parameter(stack, 'short', { type: 'string', minLength: 1, maxLength: 2 });
    const long = new Parameter(stack, 'long', { type: 'string', minLength: 15 });
    const sku = { kind: 'StorageV2', sku: { name: 'Standard_LRS' } };
    resource(stack, 'Long', { type: SA, apiVersion: '2025-06-01', name: `${long.valueAsString}${Fn.uniqueString('x')}`, ...sku });
    resource(stack, 'Short', { type: SA, apiVersion: '2025-06-01', name: `${short.valueAsString}`, ...sku });
    const { errors } = findings(app);
    expect(errors).to.deep.equal([
      `[S/Long] name: is at least 28 characters long (parameter 'long' has minLength 15; uniqueString() gives 13 characters), but ${SA_AT} allows 3 to 24 characters. Shorten the fixed text.`,
      `[S/Short] name: is at most 2 characters long (parameter 'short' has minLength 1, maxLength 2), but ${SA_AT} allows 3 to 24 characters. Lengthen the fixed text or raise the parameters' minLength.`,
    ]);
  });

  it('expression lengths: a possible overflow is a warning naming the parts', () => {
    const { app, stack } = stackOf();
    const env = new Parameter(stack, 'env', { type: 'string', allowedValues: ['dev', 'production'] });
    resource(stack, 'Maybe', { type: SA, apiVersion: '2025-06-01', name: `st${env.valueAsString}${Fn.uniqueString('x')}`, kind: 'StorageV2', sku: { name: 'Standard_LRS' } });
    expect(findings(app).warnings).to.deep.equal([
      `[S/Maybe] name: can be 25 characters long (parameter 'env' allows values of 3 to 10 characters; uniqueString() gives 13 characters), but ${SA_AT} allows 3 to 24 characters. Shorten the fixed text or lower the parameters' maxLength.`,
    ]);
  });

  it('locations: a literal that is not a region, and a parameter default that is not one', () => {
    const { app, stack } = stackOf();
    const where = new Parameter(stack, 'where', { type: 'string', defaultValue: 'northeurop' });
    resource(stack, 'A', { type: SA, apiVersion: '2025-06-01', name: 'azcdka', kind: 'StorageV2', sku: { name: 'Standard_LRS' }, location: 'West Europe' });
    resource(stack, 'B', { type: SA, apiVersion: '2025-06-01', name: 'azcdkb', kind: 'StorageV2', sku: { name: 'Standard_LRS' }, location: 'uksouht' });
    resource(stack, 'C', { type: SA, apiVersion: '2025-06-01', name: 'azcdkc', kind: 'StorageV2', sku: { name: 'Standard_LRS' }, location: where.valueAsString });
    expect(findings(app).warnings.filter((w) => w.includes('is not an Azure region'))).to.deep.equal([
      "[S/B] location: 'uksouht' is not an Azure region. Did you mean 'uksouth'? Use a region name such as 'westeurope' (a region newer than azcdk's list: ignore this warning).",
      "[S/where] defaultValue: 'northeurop' is not an Azure region. Did you mean 'northeurope'? Use a region name such as 'westeurope' (a region newer than azcdk's list: ignore this warning).",
    ]);
  });
});
