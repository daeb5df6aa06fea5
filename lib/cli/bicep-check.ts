/**
 * `azcdk synth --bicep-check`: compiles the Bicep files synth wrote with Microsoft's Bicep CLI and
 * prints its findings at the construct they are about. Off by default: azcdk never needs Bicep.
 */
import { join } from 'node:path';
import type { Assembly } from '../core/assembly.js';
import { AzcdkError, UsageError } from '../core/errors.js';
import { BICEP_ENV, BicepCli, locateBicep, type LocatedBicep } from '../synth/bicep/bicep-cli.js';
import type { CliIo } from './io.js';

/** Options of {@link checkBicepFiles}. */
export interface BicepCheckOptions {
  /** Fail on warnings too. @default false */
  readonly strict?: boolean;
}

/**
 * The Bicep CLI `--bicep-check` runs: `--bicep-path`, else AZCDK_BICEP, PATH, then
 * ~/.azure/bin/bicep. A path given that is no file is a usage error; none found, a failure
 * that says how to get one.
 */
export function findBicepForCheck(bicepPath: string | undefined, io: CliIo): LocatedBicep {
  let located: LocatedBicep | undefined;
  try {
    located = locateBicep({ explicit: bicepPath, env: io.env ?? process.env });
  } catch (error) {
    throw new UsageError(`--bicep-check: ${(error as Error).message}`);
  }
  if (!located) {
    throw new AzcdkError(
      `--bicep-check: no Bicep CLI found (looked at ${BICEP_ENV}, PATH and ~/.azure/bin/bicep). Install it (az bicep install, or https://aka.ms/bicep-install), or give its path with --bicep-path.`,
    );
  }
  return located;
}

/**
 * Compiles `<outdir>/<stack>.bicep` for each stack of `selected`, prints every finding as
 * `error|warning: [construct path] File.bicep:line:column CODE message`, and fails on errors (and
 * on warnings with `strict`). The files stay written: they are what the check looked at.
 */
export async function checkBicepFiles(located: LocatedBicep, selected: Assembly, whole: Assembly, outdir: string, io: CliIo, options: BicepCheckOptions = {}): Promise<void> {
  const manifest = JSON.parse(whole.files.get('manifest.json') ?? '{"stacks":{}}');
  const bicep = BicepCli.start(located.path);
  let errors = 0;
  let warnings = 0;
  try {
    const version = await bicep.version();
    for (const stack of selected.stackNames) {
      const file = `${stack}.bicep`;
      const text = whole.files.get(file);
      if (text === undefined) continue;
      const result = await bicep.compile(join(outdir, file)).catch((error: Error) => {
        throw new AzcdkError(`--bicep-check: ${file}: ${error.message}`);
      });
      const owners = declarationOwners(text, stack, manifest.stacks?.[stack]?.resources ?? {});
      for (const d of result.diagnostics) {
        if (d.level === 'Error') errors++;
        else if (d.level === 'Warning') warnings++;
        io.err(`${d.level.toLowerCase()}: [${owners(d.line)}] ${file}:${d.line}:${d.column} ${d.code} ${d.message}`);
      }
    }
    const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;
    io.out(`Bicep CLI ${version} (${located.source}): ${count(selected.stackNames.length, 'file')} compiled, ${count(errors, 'error')}, ${count(warnings, 'warning')}.`);
  } finally {
    bicep.close();
  }
  if (errors) {
    throw new AzcdkError(`--bicep-check: the Bicep compiler found ${errors} error${errors === 1 ? '' : 's'} (above) in files azcdk wrote. The ARM templates are unaffected; please report the Bicep file and these lines as an azcdk bug.`);
  }
  if (options.strict && warnings) {
    throw new AzcdkError(`--strict: the Bicep compiler found ${warnings} warning${warnings === 1 ? '' : 's'} (above). Fix them or drop --strict.`);
  }
}

/**
 * For a line of a Bicep file azcdk wrote, who it belongs to: a resource's construct path (from the
 * manifest, keyed by the Bicep symbol), else `Stack param|var|output name`, else the stack.
 * A top-level declaration owns its decorator lines above it and every line up to the next one.
 */
export function declarationOwners(text: string, stack: string, resources: Record<string, { path: string }>): (line: number) => string {
  const lines = text.split('\n');
  const owner: string[] = [];
  let current = stack;
  let pendingDecorators = 0;
  for (let i = 0; i < lines.length; i++) {
    const declaration = /^(resource|param|var|output) ([A-Za-z_][A-Za-z0-9_]*)/.exec(lines[i]);
    if (lines[i].startsWith('@')) {
      pendingDecorators++;
      owner.push(current);
      continue;
    }
    if (declaration) {
      const [, kind, symbol] = declaration;
      current = kind === 'resource' ? (resources[symbol]?.path ?? `${stack} resource ${symbol}`) : `${stack} ${kind} ${symbol}`;
      for (let d = 1; d <= pendingDecorators; d++) owner[i - d] = current;
    }
    pendingDecorators = 0;
    owner.push(current);
  }
  return (line) => owner[line - 1] ?? stack;
}
