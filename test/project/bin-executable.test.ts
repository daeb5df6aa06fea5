/**
 * `npm run build` leaves the CLI executable: a project that links this clone (`file:` or `npm
 * link`) runs `npx azcdk`, which executes dist/bin/azcdk.js directly; tsc alone writes it 644 and
 * the shell answers "Permission denied" (the failure CI once saw in the `azcdk init` test).
 */
import { expect } from 'chai';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../support/cli.js';

describe('the built CLI', () => {
  it('is executable by its owner, group and others after npm run build', () => {
    const mode = statSync(join(PROJECT_ROOT, 'dist', 'bin', 'azcdk.js')).mode & 0o777;
    expect(mode & 0o111, `mode ${mode.toString(8)}`).to.equal(0o111);
  });
});
