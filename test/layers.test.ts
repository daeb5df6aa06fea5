/**
 * The import rules between the folders of lib/ (README, "Layout"): every relative import of every
 * lib/**\/*.ts file, including `import type`, re-exports and dynamic `import()`, must go to its own
 * folder or to one its layer may import.
 */
import { expect } from 'chai';
import { readdirSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import ts from 'typescript';
import { PROJECT_ROOT } from './support/cli.js';

/** What each layer (folder of lib/) may import besides itself. '*' = everything. */
const MAY_IMPORT: Readonly<Record<string, readonly string[] | '*'>> = {
  core: [],
  synth: ['core'],
  resources: ['core'],
  generated: ['resources', 'core'],
  patterns: ['resources', 'core'],
  common: ['core'],
  deploy: ['common', 'synth', 'core'],
  review: ['common', 'synth', 'core'],
  assertions: ['common', 'synth', 'core'],
  cli: '*',
  // lib/index.ts, the package's entry point.
  '.': '*',
};

/** The layer of a path relative to lib/: its first folder, or '.' for a file directly in lib/. */
function layerOf(path: string): string {
  const parts = path.split('/');
  return parts.length === 1 ? '.' : parts[0];
}

/** Every import of `files` (paths relative to lib/, posix) that breaks MAY_IMPORT, as readable lines. */
function forbiddenImports(files: ReadonlyArray<{ readonly path: string; readonly text: string }>): string[] {
  const problems: string[] = [];
  for (const { path, text } of files) {
    const from = layerOf(path);
    const allowed = MAY_IMPORT[from];
    if (allowed === undefined) {
      problems.push(`lib/${path}: folder lib/${from} has no import rule: add it to MAY_IMPORT and to the README's layout table`);
      continue;
    }
    for (const { fileName } of ts.preProcessFile(text, true, true).importedFiles) {
      if (!fileName.startsWith('.')) continue;
      const target = posix.normalize(posix.join(posix.dirname(path), fileName));
      if (target.startsWith('../')) {
        problems.push(`lib/${path} imports '${fileName}', outside lib/`);
        continue;
      }
      const to = layerOf(target);
      if (to === from || allowed === '*' || allowed.includes(to)) continue;
      problems.push(`lib/${path} (${from}) imports '${fileName}' (${to}): ${from} may import ${allowed.length === 0 ? 'nothing outside itself' : allowed.join(', ')}`);
    }
  }
  return problems;
}

/** The .ts files below `dir`, relative to it, posix. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => f.split(/[\\/]/).join('/'))
    .sort();
}

describe('layers: import rules of lib/', () => {
  const lib = join(PROJECT_ROOT, 'lib');

  it('no file of lib/ imports a layer its own may not', () => {
    const files = sourceFiles(lib).map((path) => ({ path, text: readFileSync(join(lib, path), 'utf8') }));
    expect(files.length).to.be.greaterThan(100);
    expect(forbiddenImports(files)).to.deep.equal([]);
  });

  it('reports each kind of forbidden import (deploy -> cli, review <-> deploy, core upwards, type-only and dynamic)', () => {
    const files = [
      { path: 'deploy/progress.ts', text: `import type { CliIo } from '../cli/io.js';\nimport { x } from './stacks.js';` },
      { path: 'review/assembly.ts', text: `import { jsonErrorPosition } from '../deploy/parameters.js';\nimport { y } from '../common/json-position.js';` },
      { path: 'deploy/what-if.ts', text: `export { fmtPair } from '../review/value-text.js';` },
      { path: 'core/stack.ts', text: `// import { nope } from '../synth/x.js' (a comment is not an import)\nconst m = await import('../synth/synthesize.js');` },
      { path: 'patterns/network/subnet.ts', text: `import { ArmResource } from '../../core/index.js';\nimport { z } from '../../deploy/stacks.js';` },
      { path: 'cli/deploy.ts', text: `import { deployStacks } from '../deploy/deployer.js';` },
      { path: 'extra/thing.ts', text: `import { a } from '../core/index.js';` },
    ];
    expect(forbiddenImports(files)).to.deep.equal([
      `lib/deploy/progress.ts (deploy) imports '../cli/io.js' (cli): deploy may import common, synth, core`,
      `lib/review/assembly.ts (review) imports '../deploy/parameters.js' (deploy): review may import common, synth, core`,
      `lib/deploy/what-if.ts (deploy) imports '../review/value-text.js' (review): deploy may import common, synth, core`,
      `lib/core/stack.ts (core) imports '../synth/synthesize.js' (synth): core may import nothing outside itself`,
      `lib/patterns/network/subnet.ts (patterns) imports '../../deploy/stacks.js' (deploy): patterns may import resources, core`,
      `lib/extra/thing.ts: folder lib/extra has no import rule: add it to MAY_IMPORT and to the README's layout table`,
    ]);
  });

  it('knows every folder of lib/', () => {
    const folders = readdirSync(lib, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
    expect(folders).to.deep.equal(Object.keys(MAY_IMPORT).filter((k) => k !== '.').sort());
  });
});
