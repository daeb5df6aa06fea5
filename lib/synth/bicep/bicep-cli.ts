/**
 * Microsoft's Bicep CLI as an optional judge of the Bicep files azcdk writes.
 *
 * azcdk never needs it to synthesize or deploy; `azcdk synth --bicep-check` and the test suite use
 * it when one is found. One `bicep jsonrpc --stdio` process compiles and formats any number of
 * files, so a check of hundreds of files pays the CLI's start-up (about a second) once.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';

/** Environment variable that names the Bicep CLI executable. */
export const BICEP_ENV = 'AZCDK_BICEP';

/** Where a Bicep CLI was found, and how. */
export interface LocatedBicep {
  /** Absolute path of the executable. */
  readonly path: string;
  /** How it was found: the option, the environment variable, PATH or the Azure CLI's copy. */
  readonly source: 'option' | 'environment' | 'PATH' | 'Azure CLI';
}

/** Options of {@link locateBicep}. */
export interface LocateBicepOptions {
  /** A path given explicitly (a CLI flag); it must exist. */
  readonly explicit?: string;
  /** @default process.env */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/**
 * Finds a Bicep CLI: the explicit path, then `AZCDK_BICEP`, then `bicep` on PATH, then the copy
 * `az bicep install` keeps in `~/.azure/bin`. Returns undefined when there is none; an explicit
 * path or `AZCDK_BICEP` that names no file is an error (a typo should not silently skip the check).
 */
export function locateBicep(options: LocateBicepOptions = {}): LocatedBicep | undefined {
  const env = options.env ?? process.env;
  if (options.explicit !== undefined) return { path: mustBeFile(options.explicit, 'the path given'), source: 'option' };
  const fromEnv = env[BICEP_ENV];
  if (fromEnv) return { path: mustBeFile(fromEnv, BICEP_ENV), source: 'environment' };
  for (const dir of (env.PATH ?? '').split(delimiter).filter(Boolean)) {
    const candidate = join(dir, 'bicep');
    if (isFile(candidate)) return { path: candidate, source: 'PATH' };
  }
  const azure = join(env.HOME ?? homedir(), '.azure', 'bin', 'bicep');
  return isFile(azure) ? { path: azure, source: 'Azure CLI' } : undefined;
}

function isFile(path: string): boolean {
  return existsSync(path) && statSync(path).isFile();
}

function mustBeFile(path: string, what: string): string {
  if (!isFile(path)) throw new Error(`Bicep CLI not found at ${path} (${what}): give the path of the 'bicep' executable.`);
  return path;
}

/** One diagnostic of the compiler or its linter. Lines and columns count from 1. */
export interface BicepDiagnostic {
  readonly line: number;
  readonly column: number;
  readonly level: 'Error' | 'Warning' | 'Info';
  /** `BCP037`, or a linter rule such as `no-unused-params`. */
  readonly code: string;
  readonly message: string;
}

/** What compiling one file gives. */
export interface BicepCompilation {
  readonly success: boolean;
  readonly diagnostics: readonly BicepDiagnostic[];
  /** The ARM template Bicep compiled the file to (JSON text), when it succeeded. */
  readonly template?: string;
}

interface RpcDiagnostic {
  range: { start: { line: number; char: number } };
  level: BicepDiagnostic['level'];
  code: string;
  message: string;
}

/**
 * A running `bicep jsonrpc --stdio`. Requests are answered in order; a crash of the compiler on
 * one file rejects that request with the compiler's own message and leaves the process usable.
 */
export class BicepCli {
  /** Starts the CLI at `path`. Call {@link close} when done. */
  public static start(path: string): BicepCli {
    return new BicepCli(spawn(path, ['jsonrpc', '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] }), path);
  }

  private buffer = Buffer.alloc(0);
  private nextId = 0;
  private readonly pending = new Map<number, { resolve: (v: any) => void; reject: (e: Error) => void }>();
  private stderr = '';
  private exited: Error | undefined;

  private constructor(
    private readonly child: ChildProcessWithoutNullStreams,
    private readonly path: string,
  ) {
    child.stdout.on('data', (chunk: Buffer) => this.receive(chunk));
    child.stderr.on('data', (chunk: Buffer) => (this.stderr = (this.stderr + chunk.toString()).slice(-4000)));
    const fail = (why: string) => {
      this.exited = new Error(`Bicep CLI ${this.path} ${why}${this.stderr.trim() ? `: ${this.stderr.trim()}` : ''}`);
      for (const p of this.pending.values()) p.reject(this.exited);
      this.pending.clear();
    };
    child.on('error', (e) => fail(`could not run (${e.message})`));
    child.on('exit', (code, signal) => fail(`exited (${signal ?? `code ${code}`})`));
    this.holdProcess(false);
  }

  /** An idle compiler must not keep node running; a request waiting for its answer must. */
  private holdProcess(hold: boolean): void {
    for (const handle of [this.child, this.child.stdin, this.child.stdout, this.child.stderr] as Array<{ ref(): void; unref(): void }>) {
      if (hold) handle.ref();
      else handle.unref();
    }
  }

  /** The CLI's version, e.g. `0.49.2`. */
  public async version(): Promise<string> {
    return ((await this.request('bicep/version', {})) as { version: string }).version;
  }

  /** Compiles the file at `path` (absolute) as `bicep build` would, linter included. */
  public async compile(path: string): Promise<BicepCompilation> {
    const result = (await this.request('bicep/compile', { path })) as { success: boolean; diagnostics: RpcDiagnostic[]; contents?: string };
    return {
      success: result.success,
      diagnostics: result.diagnostics.map((d) => ({ line: d.range.start.line + 1, column: d.range.start.char + 1, level: d.level, code: d.code, message: d.message })),
      ...(result.success && result.contents !== undefined ? { template: result.contents } : {}),
    };
  }

  /** The file at `path` as `bicep format` writes it (default settings). */
  public async format(path: string): Promise<string> {
    return ((await this.request('bicep/format', { path })) as { contents: string }).contents;
  }

  /** Ends the process. */
  public close(): void {
    this.child.stdin.end();
    this.child.kill();
  }

  private request(method: string, params: object): Promise<unknown> {
    if (this.exited) return Promise.reject(this.exited);
    const id = ++this.nextId;
    const body = JSON.stringify({ jsonrpc: '2.0', id, method, params });
    return new Promise((resolve, reject) => {
      if (this.pending.size === 0) this.holdProcess(true);
      this.pending.set(id, { resolve, reject });
      this.child.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    });
  }

  /** Reads `Content-Length`-framed JSON-RPC messages (the LSP framing) off stdout. */
  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const length = Number(/content-length:\s*(\d+)/i.exec(this.buffer.subarray(0, headerEnd).toString())?.[1] ?? NaN);
      const start = headerEnd + 4;
      if (!Number.isFinite(length) || this.buffer.length < start + length) return;
      const message = JSON.parse(this.buffer.subarray(start, start + length).toString('utf8'));
      this.buffer = this.buffer.subarray(start + length);
      const waiting = this.pending.get(message.id);
      if (!waiting) continue;
      this.pending.delete(message.id);
      if (this.pending.size === 0) this.holdProcess(false);
      if (message.error) waiting.reject(new Error(`Bicep CLI failed: ${message.error.data?.message ?? message.error.message}`));
      else waiting.resolve(message.result);
    }
  }
}
