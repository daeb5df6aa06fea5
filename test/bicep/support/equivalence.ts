/**
 * Equivalence of azcdk's two outputs, judged by Microsoft's Bicep compiler: the Bicep file is
 * compiled, and the compiled template and azcdk's ARM JSON are read by the same reader into the
 * canonical deployment (canonical.ts says what it treats as equal; compiled-template.ts which
 * compiler spellings are set aside) and compared, dependencies as transitive closures.
 */
import { expect } from 'chai';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { App } from '../../../lib/index.js';
import type { BicepCli } from '../../../lib/synth/bicep/bicep-cli.js';
import { sharedBicep } from '../../support/bicep-compiler.js';
import { fileOf } from '../../support/synth.js';
import { readArmTemplate } from './arm-reader.js';
import type { Deployment } from './canonical.js';
import { normalizeCompiledTemplate } from './compiled-template.js';

/** What compiling a Bicep file and comparing it with the ARM template found. */
export interface Comparison {
  /** Compiler errors, `line:column code message`. */
  readonly errors: string[];
  /** Where the compiled template and azcdk's describe different deployments. */
  readonly differences: string[];
}

/** Compiles `bicepPath` and compares the result with `templateJson`. */
export async function compareCompiled(bicep: BicepCli, bicepPath: string, templateJson: string): Promise<Comparison> {
  const compiled = await bicep.compile(bicepPath);
  const errors = compiled.diagnostics.filter((d) => d.level === 'Error').map((d) => `${d.line}:${d.column} ${d.code} ${d.message}`);
  if (compiled.template === undefined) return { errors, differences: [] };
  const theirs = withClosures(readArmTemplate(normalizeCompiledTemplate(JSON.parse(compiled.template))));
  const ours = withClosures(readArmTemplate(JSON.parse(templateJson)));
  return { errors, differences: jsonDifferences(theirs, ours) };
}

/**
 * Synthesizes an app and asserts, for every stack, that its Bicep compiles without error to the
 * deployment its template describes. Skips the calling test when no compiler is found. Returns
 * the stack names checked.
 */
export async function expectCompiledEquivalent(test: Mocha.Context, app: App): Promise<string[]> {
  const bicep = sharedBicep();
  if (!bicep) test.skip();
  const assembly = app.synth();
  const dir = mkdtempSync(join(tmpdir(), 'azcdk-equivalence-'));
  try {
    for (const name of assembly.stackNames) {
      const path = join(dir, `${name}.bicep`);
      writeFileSync(path, fileOf(assembly, `${name}.bicep`));
      const { errors, differences } = await compareCompiled(bicep!, path, fileOf(assembly, `${name}.json`));
      expect(errors, `${name}: the compiler's errors`).to.deep.equal([]);
      expect(differences, `${name}: compiled Bicep and azcdk's ARM JSON differ`).to.deep.equal([]);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return [...assembly.stackNames];
}

/** The deployment with each resource's dependsOn replaced by everything it transitively waits for. */
export function withClosures(d: Deployment): Deployment {
  const byId = new Map<string, string[]>();
  for (const r of Object.values(d.resources)) byId.set(r.id, r.dependsOn);
  const closure = (start: readonly string[]): string[] => {
    const seen = new Set<string>();
    const pending = [...start];
    while (pending.length) {
      const id = pending.pop()!;
      if (seen.has(id)) continue;
      seen.add(id);
      pending.push(...(byId.get(id) ?? []));
    }
    return [...seen].sort();
  };
  const resources = Object.fromEntries(Object.entries(d.resources).map(([k, r]) => [k, { ...r, dependsOn: closure(r.dependsOn) }]));
  return { ...d, resources };
}

/** Paths where two JSON values differ, with both values: readable where a deep-equal diff is not. */
export function jsonDifferences(bicep: unknown, azcdk: unknown, path = '', out: string[] = []): string[] {
  if (JSON.stringify(bicep) === JSON.stringify(azcdk)) return out;
  const bothObjects = bicep !== null && azcdk !== null && typeof bicep === 'object' && typeof azcdk === 'object' && Array.isArray(bicep) === Array.isArray(azcdk);
  if (!bothObjects) {
    out.push(`${path || '(root)'}: compiled Bicep ${JSON.stringify(bicep)}, azcdk ${JSON.stringify(azcdk)}`);
    return out;
  }
  const a = bicep as Record<string, unknown>;
  const b = azcdk as Record<string, unknown>;
  for (const key of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) jsonDifferences(a[key], b[key], `${path}.${key}`, out);
  return out;
}
