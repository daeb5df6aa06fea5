/**
 * App: the root of the construct tree. Holds stacks; synthesis starts here.
 */
import { addBrand, hasBrand } from './brand.js';
import { Construct } from 'constructs';
import type { Assembly, SynthesisOptions } from './assembly.js';
import { AzcdkError } from './errors.js';
import { appCreated, registeredSynthesizer } from './process-state.js';

const APP_BRAND = Symbol.for('azcdk.App');

/** Options for an App. */
export interface AppProps {
  /**
   * Enforce ARM template limits (4 MB, 256 parameters, 800 resources, ...) at synth time.
   * Switch off only for benchmarks or when splitting templates yourself.
   * @default true
   */
  readonly enforceLimits?: boolean;
}

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

  /** Whether ARM limits are enforced. */
  public readonly enforceLimits: boolean;
  private cached?: Assembly;

  constructor(props: AppProps = {}) {
    // The root has an empty id, so construct paths start at the stack: `Network/Vnet`.
    super(undefined as unknown as Construct, '');
    this.enforceLimits = props.enforceLimits ?? true;
    // The CLI's collector, or the shell-command hook (process-state.ts: the one place for process-wide state).
    appCreated(this);
  }

  /**
   * Synthesizes the app: runs aspects, validates, renders templates and the manifest.
   * Throws a ValidationError listing every problem. Every stack is synthesized once (the tree is
   * locked after the first call); `options.stacks` narrows what is returned.
   */
  public synth(options?: SynthesisOptions): Assembly {
    const synthesizer = registeredSynthesizer();
    if (!synthesizer) throw new AzcdkError("azcdk's synthesizer is not loaded: import from 'azcdk', not from a file inside it.");
    this.cached ??= synthesizer.synthesize(this);
    return synthesizer.select(this.cached, options?.stacks);
  }
}


addBrand(App, APP_BRAND);
