/**
 * Issue 10: "All of these synthesized with exit 0 and no warning". Each now gets a message
 * naming the construct path.
 */
import { expect } from 'chai';
import { Fn, Parameter } from '../../lib/index.js';
import { findings, resource, stackOf } from './support.js';

const SA = 'Microsoft.Storage/storageAccounts';

function storageWith(overrides: Record<string, unknown>, properties: Record<string, unknown> = {}, location?: string) {
  const { app, stack } = stackOf(location);
  resource(stack, 'Storage', { type: SA, apiVersion: '2025-06-01', name: 'azcdkdemo', kind: 'StorageV2', sku: { name: 'Standard_LRS' }, properties, ...overrides });
  return findings(app);
}

describe('issue 10: mistakes that used to synthesize silently', () => {
  it('type Microsoft.Storage/storageAccount (missing s)', () => {
    expect(storageWith({ type: 'Microsoft.Storage/storageAccount' }).errors).to.deep.equal([
      "[S/Storage] type: 'Microsoft.Storage/storageAccount' is not an Azure resource type azcdk knows. Did you mean 'Microsoft.Storage/storageAccounts'? Fix the type name.",
    ]);
  });

  it('apiVersion 2023-13-01', () => {
    expect(storageWith({ apiVersion: '2023-13-01' }).errors[0]).to.match(
      /^\[S\/Storage\] apiVersion: '2023-13-01' is not an api-version of Microsoft\.Storage\/storageAccounts\. Known versions, newest first: 2026-09-01, .* Use one of them\.$/,
    );
  });

  it('storage account name MyStorageAcctWithAVeryLongName12345', () => {
    expect(storageWith({ name: 'MyStorageAcctWithAVeryLongName12345' }).errors).to.deep.equal([
      "[S/Storage] name: 'MyStorageAcctWithAVeryLongName12345' is 35 characters long: Microsoft.Storage/storageAccounts@2025-06-01 allows 3 to 24 characters. Shorten it.",
      "[S/Storage] name: 'MyStorageAcctWithAVeryLongName12345' does not match the pattern ^[a-z0-9]+$ that Microsoft.Storage/storageAccounts@2025-06-01 requires. Change the value to match it.",
    ]);
  });

  it("supportsHttpsTrafficOnly: 'yes'", () => {
    expect(storageWith({}, { supportsHttpsTrafficOnly: 'yes' }).errors).to.deep.equal([
      "[S/Storage] properties.supportsHttpsTrafficOnly: is the string 'yes', but Microsoft.Storage/storageAccounts@2025-06-01 expects a boolean (true or false) here. Give a boolean (true or false).",
    ]);
  });

  it('misspelled minimumTlsVersio', () => {
    expect(storageWith({}, { minimumTlsVersio: 'TLS1_2' }).warnings).to.deep.equal([
      "[S/Storage] properties.minimumTlsVersio: is not a property of Microsoft.Storage/storageAccounts@2025-06-01. Did you mean 'minimumTlsVersion'? Fix the name; if Azure added the property after azcdk's type tables, this warning can be ignored (it fails synthesis with --strict).",
    ]);
  });

  it("kind: 'StorageV3'", () => {
    expect(storageWith({ kind: 'StorageV3' }).warnings).to.deep.equal([
      "[S/Storage] kind: 'StorageV3' is not one of the values Microsoft.Storage/storageAccounts@2025-06-01 knows: 'Storage', 'StorageV2', 'BlobStorage', 'FileStorage', 'BlockBlobStorage'. Did you mean 'StorageV2' or 'Storage'? Azure may accept a value newer than azcdk's type tables; check the spelling.",
    ]);
  });

  it('stack location westeurop', () => {
    expect(storageWith({}, {}, 'westeurop').warnings).to.deep.equal([
      "[S] location: 'westeurop' is not an Azure region. Did you mean 'westeurope'? Use a region name such as 'westeurope' (a region newer than azcdk's list: ignore this warning).",
    ]);
  });

  it('a Key Vault name ${prefix}-kv-${uniqueString(...)} that reaches 25 characters with a prefix of maxLength 8', () => {
    const { app, stack } = stackOf();
    const prefix = new Parameter(stack, 'prefix', { type: 'string', maxLength: 8 });
    resource(stack, 'Vault', {
      type: 'Microsoft.KeyVault/vaults', apiVersion: '2024-11-01', name: `${prefix.valueAsString}-kv-${Fn.uniqueString(Fn.resourceGroup().get('id'))}`,
      properties: { tenantId: Fn.subscription().get('tenantId'), sku: { family: 'A', name: 'standard' } },
    });
    expect(findings(app).warnings).to.deep.equal([
      "[S/Vault] name: can be 25 characters long (parameter 'prefix' has maxLength 8; uniqueString() gives 13 characters), but Microsoft.KeyVault/vaults@2024-11-01 allows 3 to 24 characters. Shorten the fixed text or lower the parameters' maxLength.",
    ]);
  });
});
