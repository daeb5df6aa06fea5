/**
 * Errors that say what went wrong, where (a construct path or a file) and how to fix it.
 */
import { addBrand } from './brand.js';

/** One problem found while synthesizing: where it is and what is wrong. */
export interface Problem {
  /** Construct path (e.g. `Network/Vnet`) or file the problem is about. */
  readonly path: string;
  /** What is wrong and how to fix it. */
  readonly message: string;
}

/** Formats a problem the way every azcdk message reads: `[path] message`. */
export function formatProblem(problem: Problem): string {
  return `[${problem.path}] ${problem.message}`;
}

const ERROR_BRAND = Symbol.for('azcdk.Error');

/** Base class of errors azcdk raises on purpose (as opposed to bugs). */
export class AzcdkError extends Error {
  /** True for errors raised by any copy of azcdk (an app may load its own copy). */
  public static isAzcdkError(x: unknown): x is AzcdkError {
    return x instanceof Error && ERROR_BRAND in x;
  }

  constructor(message: string) {
    super(message);
    this.name = 'AzcdkError';
  }
}

/** Every problem synthesis found, reported together in one failure. */
export class ValidationError extends AzcdkError {
  /** @param problems every problem found, each with its construct path */
  constructor(public readonly problems: readonly Problem[]) {
    super(
      `Synthesis found ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n` +
        problems.map((p) => `  ${formatProblem(p).replace(/\n/g, '\n    ')}`).join('\n'),
    );
    this.name = 'ValidationError';
  }
}

const USAGE_BRAND = Symbol.for('azcdk.UsageError');

/**
 * Wrong usage: a flag, argument or name (such as a stack) that is not right. The CLI exits 2
 * for it (1 for other failures). It lives here, not in the CLI, so the library layers that
 * check names (synth, review, deploy) can raise it without depending on the CLI.
 */
export class UsageError extends AzcdkError {
  /** True for usage errors raised by any copy of azcdk (an app may load its own copy). */
  public static isUsageError(x: unknown): x is UsageError {
    return AzcdkError.isAzcdkError(x) && USAGE_BRAND in x;
  }

  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

addBrand(AzcdkError, ERROR_BRAND);
addBrand(UsageError, USAGE_BRAND);
