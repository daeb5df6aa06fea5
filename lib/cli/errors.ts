/**
 * CLI failures: a UsageError exits 2 (bad flags or arguments), everything else exits 1.
 */

// UsageError is defined in core so that synth, review and deploy can raise it too.
export { UsageError } from '../core/errors.js';

/** Exit codes of every command. */
export const ExitCode = { ok: 0, failure: 1, usage: 2 } as const;
