/**
 * The result of synthesis, in memory: file contents plus what the CLI needs to report.
 * lib/synth produces it; the CLI writes or checks it.
 */
import type { Annotation } from './annotations.js';

/** Options for synthesis. */
export interface SynthesisOptions {
  /**
   * Synthesize only these stacks (by name).
   * @default all stacks
   */
  readonly stacks?: readonly string[];
}

/** Synthesized output, ready to be written. */
export interface Assembly {
  /** File name (relative to the output folder) to content, in the order they are written. */
  readonly files: ReadonlyMap<string, string>;
  /** Names of the stacks in this assembly, sorted. */
  readonly stackNames: readonly string[];
  /** Info and warnings found (errors fail synthesis instead). */
  readonly annotations: readonly Annotation[];
}
