/**
 * The Bicep CLI for the compiler tests: `AZCDK_BICEP`, else the copy `tools/bicep-cli/restore.sh`
 * downloads into .cache/nuget, else `bicep` on PATH. Without one, the tests that need it are
 * skipped with one line saying how to get it; in CI (CI=true) a missing compiler fails them.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { BicepCli, locateBicep } from '../../lib/synth/bicep/bicep-cli.js';

const RESTORED = resolve('.cache/nuget/azure.bicep.commandline.linux-x64/0.49.2/tools/bicep');

/** How a contributor gets the compiler. */
export const HOW_TO_GET_BICEP = 'run tools/bicep-cli/restore.sh (needs the .NET SDK), or set AZCDK_BICEP to a bicep executable';

/** The compiler's path, or undefined when there is none (and this is not CI). */
export function testBicepPath(): string | undefined {
  const found = process.env.AZCDK_BICEP ? locateBicep() : existsSync(RESTORED) ? { path: RESTORED } : locateBicep();
  if (!found && process.env.CI === 'true') throw new Error(`CI=true but no Bicep CLI was found: ${HOW_TO_GET_BICEP}.`);
  return found?.path;
}

let shared: BicepCli | undefined;
let skipSaid = false;

/**
 * The one compiler process of the test run (it starts in about a second), or undefined after
 * saying once why the compiler tests are skipped. It does not keep mocha alive and ends with it.
 */
export function sharedBicep(): BicepCli | undefined {
  if (shared) return shared;
  const path = testBicepPath();
  if (!path) {
    if (!skipSaid) console.log(`    Bicep compiler tests skipped: no Bicep CLI found; ${HOW_TO_GET_BICEP}.`);
    skipSaid = true;
    return undefined;
  }
  shared = BicepCli.start(path);
  process.once('exit', () => shared?.close());
  return shared;
}
