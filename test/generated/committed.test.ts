/**
 * The committed generated L1 code (lib/generated) is exactly what `npm run generate-l1` makes
 * from the committed snapshot (types/az), byte for byte, with no file left over.
 */
import { expect } from 'chai';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateAll, GENERATED_DIR } from '../../tools/generate-l1/generate.js';
import { PROJECT_ROOT } from '../support/cli.js';

describe('generated L1 classes: committed code', () => {
  it('lib/generated is what the generator makes from types/az (run npm run generate-l1 if not)', function () {
    this.timeout(120_000);
    const files = generateAll();
    const committed = readdirSync(join(PROJECT_ROOT, GENERATED_DIR)).map((f) => `${GENERATED_DIR}/${f}`).sort();
    expect(committed).to.deep.equal([...files.keys()].sort());
    const differing = [...files].filter(([path, text]) => readFileSync(join(PROJECT_ROOT, path), 'utf8') !== text).map(([path]) => path);
    expect(differing).to.deep.equal([]);
  });
});
