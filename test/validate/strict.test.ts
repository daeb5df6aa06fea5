import { expect } from 'chai';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { runAzcdk, tempDir, writeApp } from '../support/cli.js';

/** An unknown property is a warning (the type tables can lag Azure), and an error under --strict. */
const MISSPELLED = `
const app = new App();
const stack = new Stack(app, 'S', { location: 'westeurope' });
new ArmResource(stack, 'Storage', { type: 'Microsoft.Storage/storageAccounts', apiVersion: '2025-06-01', name: 'azcdkdemo', kind: 'StorageV2',
  sku: { name: 'Standard_LRS' }, properties: { minimumTlsVersio: 'TLS1_2' } });
`;

describe('validation: unknown properties under azcdk synth --strict', function () {
  this.timeout(30_000);
  it('warns without --strict and fails with it, writing nothing', () => {
    const dir = tempDir();
    try {
      writeApp(dir, 'app.mjs', MISSPELLED);
      const warning = "warning: [S/Storage] properties.minimumTlsVersio: is not a property of Microsoft.Storage/storageAccounts@2025-06-01. Did you mean 'minimumTlsVersion'?";
      const plain = runAzcdk(['synth', '--app', 'app.mjs', '--out', 'out'], dir);
      expect(plain.status, plain.stderr).to.equal(0);
      expect(plain.stderr).to.contain(warning);
      const strict = runAzcdk(['synth', '--app', 'app.mjs', '--out', 'strict-out', '--strict'], dir);
      expect(strict.status).to.equal(1);
      expect(strict.stderr).to.contain(warning);
      expect(strict.stderr).to.contain('--strict: 1 warning (above) fail synthesis. Fix them or drop --strict.');
      expect(existsSync(join(dir, 'strict-out'))).to.equal(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
