/**
 * Running a TypeScript app without a build step.
 *
 * esbuild bundles the app's own files (packages stay external, and `azcdk` itself resolves to
 * this copy of the library) into a module written to `node_modules/.cache/azcdk` (bundleFolder),
 * which is imported and removed. Types are not
 * checked here; run `tsc --noEmit` for that. esbuild is used directly rather than through a loader
 * such as tsx: starting a loader's hook thread costs more than synthesizing a small app.
 *
 * Bundles are cached by entry file and keyed on the size and mtime of every input, so an
 * unchanged app does not start esbuild at all.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { basename, dirname, extname, join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { AzcdkError } from '../core/errors.js';
import { escapeRegExp, isProcessRunning } from '../synth/output-folder.js';
import { VERSION } from './version.js';

interface CachedBundle {
  readonly inputs: ReadonlyArray<{ readonly path: string; readonly size: number; readonly mtimeMs: number }>;
  readonly code: string;
}

/** Runs of TypeScript apps in this process. */
let runs = 0;
const CACHE_DIR = join(tmpdir(), `azcdk-bundles-${safeUser()}`);

/** Imports a TypeScript app file (bundled by esbuild, or from the cache). */
export async function importTypeScriptApp(file: string): Promise<void> {
  const code = readCache(file) ?? (await bundle(file));
  // A new name per run: ES modules are cached by URL, and the app must run again when asked twice.
  const beside = join(bundleFolder(file), `${basename(file)}.azcdk-${process.pid}-${++runs}.mjs`);
  // Removed once imported, and also if the app calls process.exit() while it is being imported.
  const remove = () => rmSync(beside, { force: true });
  process.once('exit', remove);
  writeFileSync(beside, code);
  process.setSourceMapsEnabled(true); // stack traces point at the .ts lines
  try {
    await import(pathToFileURL(beside).href);
  } finally {
    remove();
    process.off('exit', remove);
  }
}

/**
 * Where the bundle is imported from: never the app's own folder (a killed run would leave it
 * among the user's sources), but `node_modules/.cache/azcdk` in the nearest `node_modules` above
 * the app, from where Node resolves the packages the bundle imports (they stay external) through
 * the same folders as from the app itself. Without a `node_modules` above the app, no package but
 * azcdk (imported by URL) and Node's own could resolve anyway: the per-user temporary folder.
 * Bundles there that stopped processes left behind (and those older versions left beside the app)
 * are removed first.
 */
function bundleFolder(file: string): string {
  removeStaleBundles(dirname(file), new RegExp(`^\\.${escapeRegExp(basename(file))}\\.azcdk-(\\d+)-\\d+\\.mjs$`));
  for (let dir = dirname(file); ; dir = dirname(dir)) {
    const modules = join(dir, 'node_modules');
    if (isFolder(modules)) return usableFolder(join(modules, '.cache', 'azcdk')) ?? dirname(file);
    if (dirname(dir) === dir) return usableFolder(join(CACHE_DIR, 'run')) ?? dirname(file);
  }
}

/** `folder`, created if missing and cleared of stale bundles; undefined if it cannot be created. */
function usableFolder(folder: string): string | undefined {
  try {
    mkdirSync(folder, { recursive: true });
  } catch {
    return undefined;
  }
  removeStaleBundles(folder, /\.azcdk-(\d+)-\d+\.mjs$/);
  return folder;
}

/** Removes the files in `folder` whose name matches `pattern` (group 1: a process id) of processes no longer running. */
function removeStaleBundles(folder: string, pattern: RegExp): void {
  try {
    for (const name of readdirSync(folder)) {
      const m = pattern.exec(name);
      if (m && !isProcessRunning(Number(m[1]))) rmSync(join(folder, name), { force: true });
    }
  } catch {
    // An unreadable folder holds nothing we could remove.
  }
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/**
 * `import ... from 'azcdk'` in the app resolves to this very copy of azcdk (by file URL), so an
 * app anywhere — outside the project, or with its own node_modules/azcdk — shares the CLI's
 * library: one token table, one synthesizer.
 */
const useThisAzcdk: import('esbuild').Plugin = {
  name: 'azcdk-self',
  setup(build) {
    const self: Record<string, string> = {
      azcdk: new URL('../index.js', import.meta.url).href,
      'azcdk/assertions': new URL('../assertions/index.js', import.meta.url).href,
    };
    build.onResolve({ filter: /^azcdk(\/assertions)?$/ }, (args) => ({ path: self[args.path], external: true }));
  },
};

/**
 * Where each of the app's files is: the bundle is one file beside the entry, but `__dirname`,
 * `__filename`, `require` (CDK apps use them a lot) and `import.meta.url` / `.dirname` /
 * `.filename` get the values they would have in that very file. Each file that uses one gets it
 * declared on its first line (so line numbers stay true); `import.meta.*` reads become those
 * names through esbuild's `define`, which replaces expressions, not text in strings or comments.
 */
const fileLocations: import('esbuild').Plugin = {
  name: 'azcdk-file-locations',
  setup(build) {
    build.initialOptions.define = { ...build.initialOptions.define, ...IMPORT_META_NAMES };
    build.onLoad({ filter: /\.[cm]?[jt]sx?$/ }, (args) => {
      if (args.path.includes(`${sep}node_modules${sep}`)) return undefined;
      const source = readFileSync(args.path, 'utf8');
      const prelude = filePrelude(source, args.path);
      if (prelude === '') return undefined; // esbuild reads the file itself
      const at = source.startsWith('#!') ? source.indexOf('\n') + 1 : 0; // after a shebang line
      return { contents: source.slice(0, at) + prelude + source.slice(at), loader: loaderFor(args.path) };
    });
  },
};

/** What `import.meta.url`, `.dirname` and `.filename` become in the bundle (declared per file by filePrelude). */
const IMPORT_META_NAMES = { 'import.meta.url': '__azcdkImportMetaUrl', 'import.meta.dirname': '__azcdkImportMetaDirname', 'import.meta.filename': '__azcdkImportMetaFilename' };

/** The declarations a file needs for the location names it uses (CommonJS ones only if it does not declare them itself). */
function filePrelude(source: string, path: string): string {
  const usesCommonJs = (name: string) =>
    new RegExp(`(?<![.$\\w])${name}(?![$\\w])`).test(source) &&
    !new RegExp(`\\b(?:const|let|var|function|class)\\s+${name}\\b|\\bimport\\b[^;]*\\b${name}\\b[^;]*\\bfrom\\b`).test(source);
  const usesImportMeta = (property: string) => new RegExp(`\\bimport\\s*\\.\\s*meta\\s*\\.\\s*${property}\\b`).test(source);
  const url = pathToFileURL(path).href;
  const values: string[] = [];
  if (usesCommonJs('__filename')) values.push(`__filename = ${JSON.stringify(path)}`);
  if (usesCommonJs('__dirname')) values.push(`__dirname = ${JSON.stringify(dirname(path))}`);
  if (usesCommonJs('require')) values.push(`require = process.getBuiltinModule('node:module').createRequire(${JSON.stringify(url)})`);
  if (usesImportMeta('url')) values.push(`${IMPORT_META_NAMES['import.meta.url']} = ${JSON.stringify(url)}`);
  if (usesImportMeta('dirname')) values.push(`${IMPORT_META_NAMES['import.meta.dirname']} = ${JSON.stringify(dirname(path))}`);
  if (usesImportMeta('filename')) values.push(`${IMPORT_META_NAMES['import.meta.filename']} = ${JSON.stringify(path)}`);
  return values.length ? `var ${values.join(', ')}; ` : '';
}

function loaderFor(path: string): import('esbuild').Loader {
  const ext = extname(path);
  return ext === '.tsx' ? 'tsx' : ext === '.jsx' ? 'jsx' : /ts$/.test(ext) ? 'ts' : 'js';
}

async function bundle(file: string): Promise<string> {
  const esbuild = await import('esbuild');
  // Paths in the source map and metafile are relative to absWorkingDir: the app's folder, where
  // the bundle is imported from, so stack traces name the real .ts files from any working folder.
  const appDir = dirname(resolve(file));
  let result: import('esbuild').BuildResult<{ write: false; metafile: true }>;
  try {
    result = await esbuild.build({
      absWorkingDir: appDir, entryPoints: [resolve(file)], bundle: true, format: 'esm', platform: 'node', target: 'node20',
      packages: 'external', write: false, sourcemap: 'inline', metafile: true, logLevel: 'silent',
      // The map's paths are relative to the app's folder, not to where the bundle is imported from.
      sourceRoot: `${pathToFileURL(appDir).href}/`,
      plugins: [useThisAzcdk, fileLocations],
    });
  } catch (error) {
    const errors = (error as { errors?: Array<{ text: string; location?: { file: string; line: number; column: number } | null }> }).errors ?? [];
    const where = (f: string) => relative(process.cwd(), resolve(appDir, f));
    const lines = errors.map((e) => (e.location ? `${where(e.location.file)}:${e.location.line}:${e.location.column}: ${e.text}` : e.text));
    throw new AzcdkError(`[${file}] the app does not compile:\n${lines.join('\n') || (error as Error).message}`);
  }
  const code = result.outputFiles[0].text;
  writeCache(file, { inputs: Object.keys(result.metafile.inputs).map((input) => stamp(resolve(appDir, input))), code });
  return code;
}

function cacheFile(file: string): string {
  // The bundle names this copy of azcdk by URL: another install must not reuse it.
  const key = createHash('sha256').update(`${VERSION}\0${import.meta.url}\0${process.version}\0${file}`).digest('hex').slice(0, 32);
  return join(CACHE_DIR, `${key}.json`);
}

function readCache(file: string): string | undefined {
  try {
    const cached = JSON.parse(readFileSync(cacheFile(file), 'utf8')) as CachedBundle;
    for (const input of cached.inputs) {
      const now = stamp(input.path);
      if (now.size !== input.size || now.mtimeMs !== input.mtimeMs) return undefined;
    }
    return cached.code;
  } catch {
    return undefined; // no cache, unreadable cache or a vanished input: bundle again
  }
}

function writeCache(file: string, entry: CachedBundle): void {
  try {
    mkdirSync(CACHE_DIR, { recursive: true, mode: 0o700 });
    const target = cacheFile(file);
    const temp = `${target}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify(entry), { mode: 0o600 });
    renameSync(temp, target);
  } catch {
    // A cache that cannot be written only costs the next run a bundle.
  }
}

function stamp(path: string): { path: string; size: number; mtimeMs: number } {
  const s = statSync(path);
  return { path, size: s.size, mtimeMs: s.mtimeMs };
}

function safeUser(): string {
  try {
    return userInfo().username.replace(/[^A-Za-z0-9_-]/g, '_');
  } catch {
    return String(process.getuid?.() ?? 'user');
  }
}
