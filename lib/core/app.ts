/**
 * App: the root of the construct tree. Holds stacks; synthesis starts here.
 */
import { addBrand, hasBrand } from './brand.js';
import { Construct } from 'constructs';
import type { Assembly, SynthesisOptions } from './assembly.js';
import { AzcdkError } from './errors.js';

const APP_BRAND = Symbol.for('azcdk.App');
/** Where the CLI collects the Apps a loaded app file creates (shared across library copies). */
export const APP_REGISTRY = Symbol.for('azcdk.AppRegistry');
/** Environment variable the CLI sets when it runs the app as a shell command. */
export const OUTDIR_ENV = 'AZCDK_OUTDIR';

/** Options for an App. */
export interface AppProps {
  /**
   * Enforce ARM template limits (4 MB, 256 parameters, 800 resources, ...) at synth time.
   * Switch off only for benchmarks or when splitting templates yourself.
   * @default true
   */
  readonly enforceLimits?: boolean;
}

/** The synthesizer, registered by lib/synth so that core does not depend on the renderers. */
export interface Synthesizer {
  /** Renders every stack of the app into an in-memory assembly (throws ValidationError). */
  synthesize(app: App): Assembly;
  /** Narrows an assembly to the named stacks (all when none are named). */
  select(assembly: Assembly, stacks: readonly string[] | undefined): Assembly;
  /** Writes an assembly into a folder atomically. */
  write(assembly: Assembly, outdir: string): void;
}
let synthesizer: Synthesizer | undefined;

/**
 * The root construct. Create one per program; add Stacks to it.
 *
 * When run by `azcdk synth`, the CLI synthesizes the app after the program finishes; a program
 * does not need to call `synth()` itself (but may, e.g. in tests).
 */
export class App extends Construct {
  /** True if `x` is an App (works across copies of this library). */
  public static isApp(x: unknown): x is App {
    return hasBrand(x, APP_BRAND);
  }

  /** @internal lib/synth registers itself here. */
  public static _registerSynthesizer(fn: Synthesizer): void {
    synthesizer = fn;
  }

  /** Whether ARM limits are enforced. */
  public readonly enforceLimits: boolean;
  private cached?: Assembly;

  constructor(props: AppProps = {}) {
    // The root has an empty id, so construct paths start at the stack: `Network/Vnet`.
    super(undefined as unknown as Construct, '');
    this.enforceLimits = props.enforceLimits ?? true;
    const registry = (globalThis as unknown as Record<symbol, App[] | undefined>)[APP_REGISTRY];
    if (registry) registry.push(this);
    else if (process.env[OUTDIR_ENV]) this.synthOnExit(process.env[OUTDIR_ENV]!);
  }

  /**
   * Synthesizes the app: runs aspects, validates, renders templates and the manifest.
   * Throws a ValidationError listing every problem. Every stack is synthesized once (the tree is
   * locked after the first call); `options.stacks` narrows what is returned.
   */
  public synth(options?: SynthesisOptions): Assembly {
    if (!synthesizer) throw new AzcdkError("azcdk's synthesizer is not loaded: import from 'azcdk', not from a file inside it.");
    this.cached ??= synthesizer.synthesize(this);
    return synthesizer.select(this.cached, options?.stacks);
  }

  // Shell-command apps (`"app": "node app.js"`): the CLI sets AZCDK_OUTDIR and reads the folder back.
  private synthOnExit(outdir: string): void {
    process.once('beforeExit', () => {
      try {
        synthesizer?.write(this.synth(), outdir);
      } catch (error) {
        process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
        process.exitCode = 1;
      }
    });
  }
}


addBrand(App, APP_BRAND);
