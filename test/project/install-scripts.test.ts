/**
 * npm 11 lists every dependency whose install script package.json's `allowScripts` does not
 * approve ("1 package has install scripts not yet covered by allowScripts"), and a stricter npm
 * skips those scripts: every package the lockfile marks with an install script is approved. The
 * approval is by name (what `npm install-scripts approve esbuild` writes for a lockfile without
 * "resolved" URLs, as ours is); package.json pins esbuild's version itself.
 */
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../support/cli.js';

interface LockedPackage { readonly version?: string; readonly hasInstallScript?: boolean }

/** `name@version` of every installed package with an install script, from package-lock.json. */
export function packagesWithInstallScripts(root: string): string[] {
  const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as { packages: Record<string, LockedPackage> };
  return Object.entries(lock.packages)
    .filter(([path, p]) => path !== '' && p.hasInstallScript)
    .map(([path, p]) => `${path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length)}@${p.version}`)
    .sort();
}

describe('npm install scripts', () => {
  it('package.json approves every install script the lockfile installs (npm ci prints no install-scripts warning)', () => {
    const pkg = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { allowScripts?: Record<string, boolean> };
    const needed = packagesWithInstallScripts(PROJECT_ROOT);
    expect(needed).to.include('esbuild@0.28.2');
    const approved = Object.keys(pkg.allowScripts ?? {}).filter((k) => pkg.allowScripts![k] === true);
    const covers = (entry: string, p: string) => entry === p || entry === p.slice(0, p.lastIndexOf('@'));
    expect(needed.filter((p) => !approved.some((a) => covers(a, p))), 'not approved in package.json allowScripts').to.deep.equal([]);
    expect(approved.filter((a) => !needed.some((p) => covers(a, p))), 'approvals of packages not installed (npm install-scripts prune)').to.deep.equal([]);
  });
});
