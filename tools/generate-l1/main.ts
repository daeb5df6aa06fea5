/**
 * `npm run generate-l1`: writes lib/generated (the typed L1 classes of every writable Azure
 * resource type) from the committed snapshot types/az, and removes modules of namespaces the
 * snapshot no longer has. Prints how big the output is.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateAll, GENERATED_DIR } from './generate.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const files = generateAll();
const dir = join(root, GENERATED_DIR);
mkdirSync(dir, { recursive: true });
for (const name of readdirSync(dir)) if (!files.has(`${GENERATED_DIR}/${name}`)) rmSync(join(dir, name));
for (const [path, text] of files) writeFileSync(join(root, path), text);

const sizes = [...files].map(([path, text]) => ({ path, bytes: Buffer.byteLength(text), lines: text.split('\n').length - 1 }));
const largest = sizes.filter((s) => s.path.endsWith('.d.ts')).sort((a, b) => b.bytes - a.bytes)[0];
const classes = [...files].filter(([p]) => p.endsWith('.js')).reduce((n, [, t]) => n + (t.match(/^export class /gm)?.length ?? 0), 0);
console.log(JSON.stringify({
  modules: files.size / 2, classes,
  jsBytes: sizes.filter((s) => s.path.endsWith('.js')).reduce((a, s) => a + s.bytes, 0),
  dtsBytes: sizes.filter((s) => s.path.endsWith('.d.ts')).reduce((a, s) => a + s.bytes, 0),
  largestDeclaration: largest,
}, null, 2));
