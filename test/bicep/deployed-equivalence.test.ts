/**
 * The strongest equivalence check, on the examples: each committed template is deployed to the
 * loopback ARM endpoint, and so is the template the Bicep compiler makes of the committed Bicep
 * file, with the same parameters, into the same resource group of a fresh endpoint. The resources
 * the two deployments leave (ids, types, api-versions, locations, tags, SKUs, properties, as the
 * endpoint evaluated them) and their outputs must be the same.
 */
import { expect } from 'chai';
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ArmEndpoint } from '../support/arm-endpoint.js';
import { sharedBicep } from '../support/bicep-compiler.js';
import { deploy, ioFor, removeDir, tempDir } from '../support/deploy-cli.js';

/** Values for the parameters each example requires (secure ones included: they go to the endpoint only). */
const REQUIRED: Record<string, string> = {
  administratorLoginPassword: 'Pg-Pass-5f3a9c!',
  vmAdminPassword: 'Vm-Pass-81d2e4b7!',
};

interface Deployed {
  readonly code: number;
  readonly log: string;
  readonly resources: unknown[];
  readonly outputs: unknown;
}

/** Deploys the folder `out` to a fresh endpoint and returns what it left. */
async function deployFolder(out: string, dir: string, label: string): Promise<Deployed> {
  const endpoint = await ArmEndpoint.start({ stepMs: 1 });
  try {
    endpoint.resourceGroups.set('rg', { name: 'rg', location: 'westeurope' });
    const outputsFile = join(dir, `${label}-outputs.json`);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    const declared = new Set(Object.values<any>(manifest.stacks).flatMap((s) => Object.keys(s.parameters ?? {})));
    const given = Object.entries(REQUIRED).filter(([k]) => declared.has(k));
    const io = ioFor(endpoint, dir, { env: Object.fromEntries(given.map(([k, v]) => [`TEST_${k.toUpperCase()}`, v])) });
    const parameters = given.length ? ['-p', ...given.map(([k]) => `${k}=@env:TEST_${k.toUpperCase()}`)] : [];
    const code = await deploy(endpoint, out, ['--yes', '--outputs-file', outputsFile, ...parameters], io);
    const resources = [...endpoint.resources.values()].sort((a, b) => a.id.localeCompare(b.id));
    let outputs: unknown;
    try {
      outputs = JSON.parse(readFileSync(outputsFile, 'utf8'));
    } catch {
      outputs = undefined;
    }
    return { code, log: io.text(), resources, outputs };
  } finally {
    await endpoint.close();
  }
}

describe('Bicep and ARM equivalence, deployed: the examples', function () {
  this.timeout(120_000);
  const examples = readdirSync('templates').sort();

  it('has examples to deploy', () => expect(examples.length).to.be.greaterThan(1));

  for (const example of examples) {
    it(`templates/${example}: the compiled Bicep deploys to the same resources and outputs as the template`, async function () {
      const bicep = sharedBicep();
      if (!bicep) this.skip();
      const dir = tempDir('azcdk-deployed-equivalence-');
      try {
        const ours = join(dir, 'azcdk');
        const theirs = join(dir, 'bicep');
        cpSync(resolve('templates', example), ours, { recursive: true });
        cpSync(resolve('templates', example), theirs, { recursive: true });
        const stacks = readdirSync(ours).filter((f) => f.endsWith('.bicep')).map((f) => f.slice(0, -'.bicep'.length));
        for (const stack of stacks) {
          const compiled = await bicep!.compile(join(theirs, `${stack}.bicep`));
          expect(compiled.template, `${stack}: ${JSON.stringify(compiled.diagnostics)}`).to.be.a('string');
          writeFileSync(join(theirs, `${stack}.json`), compiled.template!);
        }
        const a = await deployFolder(ours, dir, 'azcdk');
        const b = await deployFolder(theirs, dir, 'bicep');
        expect(a.code, a.log).to.equal(0);
        expect(b.code, b.log).to.equal(0);
        expect(a.resources.length).to.be.greaterThan(0);
        expect(a.resources.every((r: any) => r.properties !== undefined), 'the endpoint keeps each resource body').to.equal(true);
        expect(b.resources).to.deep.equal(a.resources);
        expect(b.outputs).to.deep.equal(a.outputs);
      } finally {
        removeDir(dir);
      }
    });
  }
});
