/**
 * Temporary folders for tests, all removed when the test run ends (even after failures).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const created: string[] = [];

/** A fresh temporary folder, removed at the end of the run. */
export function tempDir(prefix = 'azcdk-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  created.push(dir);
  return dir;
}

/** Removes every folder tempDir created so far. */
export function removeTempDirs(): void {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
}

// A root-level hook, registered once when the first test file imports this module (outside
// mocha, e.g. in the endpoint's own script, there is no `after` and callers clean up themselves).
if (typeof after === 'function') after(removeTempDirs);
