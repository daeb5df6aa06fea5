import { expect } from 'chai';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compareWithFolder } from '../../lib/synth/write-assembly.js';

describe('compareWithFolder', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'azcdk-compare-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('lists missing, changed and extra files (dotfiles and folders ignored); a missing folder is empty', () => {
    writeFileSync(join(dir, 'S.json'), '{\n  "a": 1\n}\n');
    writeFileSync(join(dir, 'old.json'), '{}');
    writeFileSync(join(dir, '.gitkeep'), '');
    mkdirSync(join(dir, 'sub'));
    const files = new Map([['S.json', '{\n  "a": 2\n}\n'], ['manifest.json', '{}']]);
    expect(compareWithFolder(files, dir)).to.deep.equal([
      { file: 'S.json', kind: 'changed', detail: 'line 2: committed "  \\"a\\": 1", synth "  \\"a\\": 2"' },
      { file: 'manifest.json', kind: 'missing' },
      { file: 'old.json', kind: 'extra' },
    ]);
    expect(compareWithFolder(files, join(dir, 'none'))).to.deep.equal([{ file: 'S.json', kind: 'missing' }, { file: 'manifest.json', kind: 'missing' }]);
  });

  it('refuses a file, naming it, without the CLI flag (the CLI checks --check itself)', () => {
    const file = join(dir, 'S.json');
    writeFileSync(file, '{}');
    expect(() => compareWithFolder(new Map(), file)).to.throw(`[${file}] is a file, not a folder: compare with the folder the assembly was written to.`);
  });
});
