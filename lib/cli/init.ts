/**
 * `azcdk init`: turns an empty folder into a working azcdk project (see init/project-files.ts).
 * A folder with files in it (other than dotfiles such as .git) is refused unless --force, and
 * even then no existing file is overwritten; nothing is written unless every file can be.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Argv, CommandModule } from 'yargs';
import { AzcdkError, UsageError } from '../core/errors.js';
import { displayPath, type CliIo } from './io.js';
import { projectFiles, type ProjectSettings } from './init/project-files.js';
import { VERSION } from './version.js';

/** Flags of `azcdk init`. */
export interface InitArgs {
  readonly dir?: string;
  readonly force: boolean;
  readonly azcdk?: string;
}

/** This copy of azcdk's package folder (dist/lib/cli/init.js is three levels below it). */
const PACKAGE_ROOT = fileURLToPath(new URL('../../../', import.meta.url)).replace(/[\\/]$/, '');

/** The dev dependencies a new project gets, at the versions azcdk itself is built and tested with. */
const DEV_DEPENDENCIES = ['@types/chai', '@types/mocha', '@types/node', 'chai', 'mocha', 'typescript'];

/** The command. */
export function initCommand(io: CliIo): CommandModule<object, InitArgs> {
  return {
    command: 'init [dir]',
    describe: 'Create a TypeScript azcdk project (app, stack, test) in an empty folder',
    builder: (y) =>
      y
        .positional('dir', { type: 'string', describe: 'The folder (created if missing; default: the current folder)' })
        .option('force', { type: 'boolean', default: false, describe: 'Also in a folder with files in it (never overwriting one)' })
        .option('azcdk', {
          type: 'string',
          requiresArg: true,
          describe: 'How package.json names azcdk: a version, a file: folder or a tarball (default: this copy of azcdk)',
        }) as unknown as Argv<InitArgs>,
    handler: (args) => {
      const dir = io.resolve(args.dir ?? '.');
      const shown = displayPath(io.cwd, dir);
      if (existsSync(dir) && !statSync(dir).isDirectory()) throw new UsageError(`init ${args.dir}: ${dir} is a file, not a folder. Name a folder for the project.`);
      const files = projectFiles(settingsFor(dir, args.azcdk));
      const present = existsSync(dir) ? readdirSync(dir).filter((name) => !name.startsWith('.')).sort() : [];
      if (present.length && !args.force) {
        throw new AzcdkError(
          `[${shown}] is not empty (${present.slice(0, 5).join(', ')}${present.length > 5 ? ', ...' : ''}): azcdk init makes a new project in an empty folder. ` +
            `Run it in a new folder (azcdk init my-infra), or pass --force to add the project's files here (no existing file is overwritten).`,
        );
      }
      const clashes = [...files.keys()].filter((file) => existsSync(join(dir, file)));
      if (clashes.length) {
        throw new AzcdkError(`[${shown}] already has ${clashes.join(', ')}: azcdk init never overwrites a file. Move them away, or run it in a new folder.`);
      }
      writeAll(dir, files);
      io.out(`Created an azcdk project in ${shown}/: ${[...files.keys()].join(', ')}.`);
      io.out('Next:');
      if (shown !== '.') io.out(`  cd ${shown}`);
      io.out('  npm install');
      io.out('  npx azcdk synth      # writes azcdk.out/');
      io.out('  npx tsc --noEmit     # type checks');
      io.out('  npm test             # the assertions test in test/');
    },
  };
}

/** The package name, the azcdk dependency and the pinned dev dependencies of a project in `dir`. */
function settingsFor(dir: string, azcdk: string | undefined): ProjectSettings {
  const own = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as {
    dependencies: Record<string, string>;
    devDependencies: Record<string, string>;
  };
  const spec = azcdk ?? defaultAzcdkSpec(dir);
  return {
    name: packageName(basename(dir)),
    azcdk: spec,
    devDependencies: Object.fromEntries(DEV_DEPENDENCIES.map((name) => [name, own.devDependencies[name]!])),
    allowScripts: { esbuild: true, ...folderPrepare(dir, spec) },
  };
}

/**
 * An azcdk folder (`file:` of a clone, not a tarball) is linked, and npm 11 counts its `prepare`
 * (a build) as an install script to approve, naming it by its path from node_modules/ (what
 * `npm install-scripts deny` writes). The clone is built by its own `npm install`: deny it, so
 * installs stay quiet and do not rebuild the clone.
 */
function folderPrepare(dir: string, spec: string): Record<string, boolean> {
  if (!spec.startsWith('file:') || /\.(tgz|tar\.gz|tar)$/.test(spec)) return {};
  const target = join(dir, spec.slice('file:'.length));
  return { [`file:${relative(join(dir, 'node_modules'), target).split(sep).join('/')}`]: false };
}

/**
 * azcdk is not on the npm registry yet: a project depends on the copy that made it (its folder,
 * relative to the project) unless that copy was itself installed from a package (inside a
 * node_modules folder), when the registry version is the only stable name.
 */
function defaultAzcdkSpec(dir: string): string {
  if (PACKAGE_ROOT.split(sep).includes('node_modules')) return `^${VERSION}`;
  const rel = relative(dir, PACKAGE_ROOT).split(sep).join('/');
  return `file:${rel.startsWith('.') ? rel : `./${rel}`}`;
}

/** A valid npm package name made from a folder name (lowercase; other characters become '-'). */
function packageName(folder: string): string {
  const name = folder.toLowerCase().replace(/[^a-z0-9._~-]+/g, '-').replace(/^[._-]+/, '').slice(0, 214);
  return name || 'my-infra';
}

/** Writes every file, or none: a failure part way removes what this run wrote. */
function writeAll(dir: string, files: ReadonlyMap<string, string>): void {
  const written: string[] = [];
  const createdDir = !existsSync(dir);
  try {
    for (const [file, content] of files) {
      const path = join(dir, file);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, content, { flag: 'wx' });
      written.push(path);
    }
  } catch (error) {
    for (const path of written) rmSync(path, { force: true });
    if (createdDir) rmSync(dir, { recursive: true, force: true });
    throw new AzcdkError(`[${dir}] cannot write the project: ${(error as Error).message}. Nothing was left behind; choose another folder.`);
  }
}
