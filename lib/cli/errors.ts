/**
 * CLI failures: a UsageError exits 2 (bad flags or arguments), everything else exits 1.
 */
import { AzcdkError } from '../core/errors.js';

/** Wrong command-line usage: exit code 2. */
export class UsageError extends AzcdkError {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Exit codes of every command. */
export const ExitCode = { ok: 0, failure: 1, usage: 2 } as const;
