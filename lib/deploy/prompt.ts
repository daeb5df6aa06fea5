/**
 * Asking the user: questions and secrets (without echo), and Ctrl-C, as interfaces. The CLI passes
 * the real terminal's (cli/terminal.ts); tests provide their own through the io (see DeployIo).
 */
import { AzcdkError } from '../core/errors.js';
import type { CliIo } from '../common/console-io.js';
import type { Clock } from './clock.js';

/** Asks the user things. Only used when the io is interactive. */
export interface Prompter {
  /** Asks a question and resolves to the answer, trimmed. */
  ask(question: string): Promise<string>;
  /** Asks for a secret; what the user types is not echoed. */
  askSecret(question: string): Promise<string>;
}

/** Ctrl-C while a deployment runs. */
export interface InterruptSource {
  /** Calls `handler` on each interrupt until the returned function is called. */
  onInterrupt(handler: () => void): () => void;
}

/** CliIo plus what deploy needs beyond it; the extra members are optional (tests set them). */
export interface DeployIo extends CliIo {
  readonly prompter?: Prompter;
  /** Questions may be asked (stdin is a terminal). @default interactive */
  readonly canPrompt?: boolean;
  readonly interrupts?: InterruptSource;
  /**
   * Waits between retries of Azure calls and between status polls: tests pass one that records
   * the delays (Retry-After, backoff) and returns at once. @default a timer
   */
  readonly sleep?: (ms: number) => Promise<void>;
  /**
   * The time the pacing of polls (Retry-After, --poll-interval) is measured and waited in: tests
   * pass one that does not spend it. @default systemClock
   */
  readonly clock?: Clock;
}

/** Thrown when the user presses Ctrl-C at a prompt. */
export class PromptInterrupted extends AzcdkError {
  constructor() {
    super('Interrupted.');
  }
}

/** Asks a yes/no question; only 'y' or 'yes' is yes. */
export async function confirm(prompter: Prompter, question: string): Promise<boolean> {
  const answer = (await prompter.ask(`${question} [y/N] `)).toLowerCase();
  return answer === 'y' || answer === 'yes';
}

/** One answer `choose` accepts: its key (typed as is, or as the whole word) and the word. */
export interface Choice<T extends string> {
  readonly key: string;
  readonly word: T;
}

/**
 * Asks until the answer is one of the offered ones: a choice's key or its whole word (any
 * case), or Enter for `fallback`, which the question names. Anything else (`y`, a typo) is not
 * taken for either answer: the question is asked again, saying what it accepts.
 */
export async function choose<T extends string>(prompter: Prompter, question: string, choices: readonly Choice<T>[], fallback: T): Promise<T> {
  const offered = `${choices.map((c) => `[${c.key}]${c.word.slice(c.key.length)}`).join(' / ')} (Enter: ${fallback})`;
  let ask = `${question} ${offered}: `;
  for (;;) {
    const answer = (await prompter.ask(ask)).trim().toLowerCase();
    if (answer === '') return fallback;
    const chosen = choices.find((c) => answer === c.key || answer === c.word);
    if (chosen) return chosen.word;
    ask = `Answer ${choices.map((c) => `${c.key} (${c.word})`).join(' or ')}, or press Enter to ${fallback}: `;
  }
}
