/**
 * Microsoft's Bicep compiler judges every Bicep file azcdk writes: the committed example
 * templates, the hand-built fixtures and the seeded random stacks. Each must compile with no error
 * and no warning outside the allow-list below, stay unchanged under `bicep format`, and compile to
 * a template that describes the same deployment as azcdk's own ARM JSON.
 *
 * Equivalence method: Bicep's compiled JSON and azcdk's JSON are both read by the same ARM reader
 * into the canonical deployment (test/bicep/support/canonical.ts), and compared with dependencies
 * as transitive closures. What the canonical form treats as equal is stated there (`format()` and
 * interpolation, `parameters()`, inlined variables, `reference()` forms, resource ids in other groups),
 * with the compiler's own spellings removed (compiled-template.ts says which and why).
 */
import { expect } from 'chai';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { App } from '../../lib/index.js';
import type { BicepCli, BicepCompilation } from '../../lib/synth/bicep/bicep-cli.js';
import { sharedBicep } from '../support/bicep-compiler.js';
import { fileOf } from '../support/synth.js';
import { readArmTemplate } from './support/arm-reader.js';
import { normalizeCompiledTemplate } from './support/compiled-template.js';
import { jsonDifferences, withClosures } from './support/equivalence.js';
import { bicepFixtureApps } from './support/fixtures.js';
import { randomApp } from './support/random-stack.js';

const RANDOM_STACKS = 300;

/** Warnings that may appear, each with the files it may appear in and why it is not a writer fault. */
const ALLOWED_WARNINGS: ReadonlyArray<{ code: string; files: RegExp; why: string }> = [
  {
    code: 'BCP081',
    files: /^(random|fixtures)\//,
    why: 'the random stacks and fixtures use made-up resource types (Microsoft.Test*/..., Microsoft.T/...) to put values of every shape where no type definition checks them',
  },
  {
    code: 'no-unused-params',
    files: /^random\//,
    why: 'the generator declares parameters before it picks what uses them; azcdk keeps every declared parameter, since it is part of the template\'s interface',
  },
  {
    code: 'no-unused-vars',
    files: /^random\//,
    why: 'the generator declares variables before it picks what uses them; azcdk writes every Variable the app declares',
  },
];

interface Case {
  /** `templates/<example>/<Stack>.bicep`, `fixtures/<Stack>.bicep` or `random/<seed>/<Stack>.bicep`. */
  readonly label: string;
  readonly path: string;
  readonly bicep: string;
  readonly json: string;
}

describe('the Bicep compiler on every Bicep file azcdk writes', function () {
  this.timeout(120_000);
  let bicep: BicepCli | undefined;
  let dir = '';
  const cases: Case[] = [];
  const compiled = new Map<string, BicepCompilation>();
  const crashed: string[] = [];

  before(async function () {
    bicep = sharedBicep();
    if (!bicep) return this.skip();
    dir = mkdtempSync(join(tmpdir(), 'azcdk-bicep-compiler-'));
    for (const example of readdirSync('templates').sort()) {
      for (const file of readdirSync(join('templates', example)).filter((f) => f.endsWith('.bicep')).sort()) {
        const path = resolve('templates', example, file);
        cases.push({ label: `templates/${example}/${file}`, path, bicep: readFileSync(path, 'utf8'), json: readFileSync(path.replace(/\.bicep$/, '.json'), 'utf8') });
      }
    }
    const add = (app: App, folder: string) => {
      const assembly = app.synth();
      mkdirSync(join(dir, folder), { recursive: true });
      for (const name of assembly.stackNames) {
        const path = join(dir, folder, `${name}.bicep`);
        const text = fileOf(assembly, `${name}.bicep`);
        writeFileSync(path, text);
        cases.push({ label: `${folder}/${name}.bicep`, path, bicep: text, json: fileOf(assembly, `${name}.json`) });
      }
    };
    for (const app of bicepFixtureApps()) add(app, 'fixtures');
    for (let seed = 1; seed <= RANDOM_STACKS; seed++) add(randomApp(seed), `random/${seed}`);
    for (const c of cases) {
      try {
        compiled.set(c.label, await bicep.compile(c.path));
      } catch (error) {
        crashed.push(`${c.label}: ${(error as Error).message.split('\n')[0]}`);
      }
    }
  });

  after(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const findings = (level: string) =>
    [...compiled].flatMap(([label, result]) => result.diagnostics.filter((d) => d.level === level).map((d) => ({ label, ...d })));
  const describeFinding = (f: { label: string; line: number; column: number; code: string; message: string }) =>
    `${f.label}:${f.line}:${f.column} ${f.code} ${f.message}`;

  it(`compiles the examples, the fixtures and ${RANDOM_STACKS} random stacks without crashing the compiler`, () => {
    expect(cases.filter((c) => c.label.startsWith('templates/'))).to.have.length.greaterThan(1);
    expect(crashed).to.deep.equal([]);
    expect(compiled.size).to.equal(cases.length);
  });

  it('finds no error in any file', () => {
    expect(findings('Error').map(describeFinding)).to.deep.equal([]);
  });

  it('finds no warning outside the allow-list, where each entry says why', () => {
    const unexpected = findings('Warning').filter((f) => !ALLOWED_WARNINGS.some((a) => a.code === f.code && a.files.test(f.label)));
    expect(unexpected.map(describeFinding)).to.deep.equal([]);
  });

  it('needs every allow-list entry (an entry no file uses any more is removed)', () => {
    const used = new Set(findings('Warning').map((f) => f.code));
    expect(ALLOWED_WARNINGS.filter((a) => !used.has(a.code)).map((a) => a.code)).to.deep.equal([]);
  });

  it('finds nothing at all in the examples: no compiler or linter finding (bicep lint runs the same rules)', () => {
    const inExamples = [...findings('Error'), ...findings('Warning'), ...findings('Info')].filter((f) => f.label.startsWith('templates/'));
    expect(inExamples.map(describeFinding)).to.deep.equal([]);
  });

  it('leaves every file unchanged under bicep format, byte for byte', async () => {
    const changed: string[] = [];
    for (const c of cases) {
      const formatted = await bicep!.format(c.path);
      if (formatted !== c.bicep) changed.push(`${c.label}: ${firstDifference(c.bicep, formatted)}`);
    }
    expect(changed).to.deep.equal([]);
  });

  it("compiles each file to a template that describes the same deployment as azcdk's ARM JSON", () => {
    const different: string[] = [];
    for (const c of cases) {
      const template = compiled.get(c.label)?.template;
      if (template === undefined) continue; // reported by the error test
      const theirs = withClosures(readArmTemplate(normalizeCompiledTemplate(JSON.parse(template))));
      const ours = withClosures(readArmTemplate(JSON.parse(c.json)));
      const differences = jsonDifferences(theirs, ours);
      if (differences.length) different.push(`${c.label}:\n    ${differences.slice(0, 5).join('\n    ')}`);
    }
    expect(different).to.deep.equal([]);
    expect(compiled.size).to.equal(cases.length);
  });
});

/** Line and texts of the first line that differs. */
function firstDifference(ours: string, formatted: string): string {
  const a = ours.split('\n');
  const b = formatted.split('\n');
  const i = a.findIndex((line, n) => line !== b[n]);
  const at = i < 0 ? a.length : i;
  return `line ${at + 1}: azcdk ${JSON.stringify(a[at])}, bicep format ${JSON.stringify(b[at])}`;
}
