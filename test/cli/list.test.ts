import { expect } from 'chai';
import { NETWORK_APP, run, tempDir, writeApp } from './diff-fixtures.js';

describe('cli: azcdk list', () => {
  it('lists stacks with scope and counts', async () => {
    const dir = tempDir();
    const app = writeApp(dir, `${NETWORK_APP}\nconst other = new Stack(app, 'App');\nnew ArmResource(other, 'Plan', { type: 'Microsoft.Web/serverfarms', apiVersion: '2024-04-01', name: 'plan' });`);
    const { code, out, err } = await run(['list', '--app', app], dir);
    expect(err).to.equal('');
    expect(code).to.equal(0);
    expect(out).to.equal(
      'App      resourceGroup  1 resource, 1 parameter, 0 outputs\n' +
        'Network  resourceGroup  5 resources, 2 parameters, 1 output',
    );
  });

  it('--long shows each resource with type, name, path and dependencies; ls is an alias', async () => {
    const dir = tempDir();
    const { code, out } = await run(['ls', '--long', '--app', writeApp(dir, NETWORK_APP), 'Network'], dir);
    expect(code).to.equal(0);
    const lines = out.split('\n');
    expect(lines[0]).to.equal('Network  resourceGroup  5 resources, 2 parameters, 1 output');
    expect(lines.slice(1, 5)).to.deep.equal([
      '  nsg  Microsoft.Network/networkSecurityGroups@2025-07-01',
      '      name  {prefix}-nsg',
      '      path  Network/Nsg',
      '      dependsOn  -',
    ]);
    expect(out).to.contain('  vnet  Microsoft.Network/virtualNetworks@2025-07-01\n      name  vnet\n      path  Network/Vnet\n' +
      '      dependsOn  nsg (reference: properties.subnets[0].properties.networkSecurityGroup.id)');
    expect(out).to.contain('      dependsOn  db (ordering: PostgreSQL serialises child writes), server (parent: parent)');
  });

  it('--long keeps a reason written over several lines on its line (line breaks as \\n)', async () => {
    const dir = tempDir();
    const app = writeApp(dir, NETWORK_APP.replace("'PostgreSQL serialises child writes'", "'PostgreSQL serialises child writes:\\nServerIsBusy otherwise'"));
    const { code, out } = await run(['ls', '--long', '--app', app], dir);
    expect(code).to.equal(0);
    expect(out).to.contain('      dependsOn  db (ordering: PostgreSQL serialises child writes:\\nServerIsBusy otherwise), server (parent: parent)');
    expect(out.split('\n').filter((l) => !/^(\S|  \S|      (name|path|dependsOn)  )/.test(l))).to.deep.equal([]);
  });

    it('rejects an unknown stack as wrong usage (exit 2), naming the stacks there are', async () => {
    const dir = tempDir();
    const { code, err } = await run(['list', 'Nope', '--app', writeApp(dir, NETWORK_APP)], dir);
    expect(code).to.equal(2);
    expect(err).to.equal("No stack named 'Nope'; the app has: Network.");
  });
});
