/**
 * Equivalence of a stack's ARM template and Bicep file: both are read into the canonical
 * deployment and compared, and the Bicep text is checked against the formatting rules.
 */
import { expect } from 'chai';
import type { App } from '../../../lib/index.js';
import { readBicep } from '../../support/bicep-reader.js';
import { fileOf } from '../../support/synth.js';
import { readArmTemplate } from './arm-reader.js';
import type { Deployment } from './canonical.js';

/** Both readings of one stack. */
export interface Readings {
  readonly arm: Deployment;
  readonly bicep: Deployment;
}

/** Reads both files. */
export function readBoth(templateJson: string, bicepText: string): Readings {
  return { arm: readArmTemplate(JSON.parse(templateJson)), bicep: readBicep(bicepText) };
}

/**
 * Asserts that the Bicep file describes the same deployment as the template, and is formatted.
 *
 * Dependencies are compared as deployment order: the transitive closures must be equal, and every
 * edge Bicep infers must be one the template lists. The template may list more direct edges when
 * they are implied (a child whose name embeds its parent's name, which references a third
 * resource, lists that resource too; Bicep only its parent).
 */
export function expectEquivalent(templateJson: string, bicepText: string, label = ''): void {
  checkBicepFormatting(bicepText, label);
  const { arm, bicep } = readBoth(templateJson, bicepText);
  for (const [key, r] of Object.entries(bicep.resources)) {
    const listed = arm.resources[key]?.dependsOn ?? [];
    const extra = r.dependsOn.filter((d) => !listed.includes(d));
    expect(extra, `${label}: ${key}: Bicep infers dependencies the template does not list`).to.deep.equal([]);
  }
  expect(withClosures(bicep), `${label}: Bicep and ARM describe different deployments`).to.deep.equal(withClosures(arm));
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


/** Synthesizes an app and checks every stack. Returns the stack names checked. */
export function expectAppEquivalent(app: App, label = ''): string[] {
  const assembly = app.synth();
  for (const name of assembly.stackNames) {
    expectEquivalent(fileOf(assembly, `${name}.json`), fileOf(assembly, `${name}.bicep`), `${label}${name}`);
  }
  return [...assembly.stackNames];
}

/**
 * `bicep format` conventions: LF only, exactly one final newline, no tabs, no trailing spaces,
 * 2-space indentation, no two blank lines in a row, one blank line between top-level declarations,
 * and comment lines within the 120-column width.
 */
export function checkBicepFormatting(text: string, label = ''): void {
  const where = (i: number) => `${label} line ${i + 1}`;
  expect(text.includes('\r'), `${label}: CR found`).to.equal(false);
  expect(text.endsWith('\n') && !text.endsWith('\n\n'), `${label}: must end with exactly one newline`).to.equal(true);
  const lines = text.slice(0, -1).split('\n');
  lines.forEach((line, i) => {
    expect(line.includes('\t'), `${where(i)}: tab`).to.equal(false);
    expect(/ $/.test(line), `${where(i)}: trailing space`).to.equal(false);
    expect(/^ */.exec(line)![0].length % 2, `${where(i)}: indentation not a multiple of 2`).to.equal(0);
    // Comments (the reasons of dependsOn entries) are short: the manifest has the full reason.
    if (line.includes(' // ')) expect(line.length, `${where(i)}: a comment line wider than 120 columns`).to.be.at.most(120);
    if (i > 0) expect(line === '' && lines[i - 1] === '', `${where(i)}: two blank lines`).to.equal(false);
  });
  // Blank lines separate declarations: each block holds one declaration, after its decorators.
  text.slice(0, -1).split('\n\n').forEach((block, b) => {
    const topLevel = block.split('\n').filter((l) => !l.startsWith(' '));
    const heads = topLevel.filter((l) => /^(param|var|resource|output|metadata) /.test(l));
    expect(heads.length, `${label} block ${b + 1} must hold exactly one declaration:\n${block}`).to.equal(1);
    const before = topLevel.slice(0, topLevel.indexOf(heads[0]));
    expect(before.every((l) => /^[@\])}]/.test(l)), `${label} block ${b + 1}: only decorators may precede the declaration`).to.equal(true);
  });
}
