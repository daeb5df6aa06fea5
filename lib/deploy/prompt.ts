/**
 * Asking the user: questions and secrets (without echo) on the terminal, and Ctrl-C. Tests
 * provide their own implementations through the CLI io (see DeployIo).
 */
import { createInterface } from 'node:readline';
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

/** Prompts on the process's terminal. */
export function terminalPrompter(): Prompter {
  return {
    ask: (question) =>
      new Promise((resolve, reject) => {
        const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
        rl.on('SIGINT', () => { rl.close(); reject(new PromptInterrupted()); });
        rl.question(question, (answer) => { rl.close(); resolve(answer.trim()); });
      }),
    askSecret: (question) =>
      new Promise((resolve, reject) => {
        const stdin = process.stdin;
        // Raw mode before the question: otherwise what is typed as soon as it shows is echoed.
        stdin.setRawMode(true);
        stdin.resume();
        process.stderr.write(question);
        let value = '';
        const done = (error?: Error) => {
          stdin.off('data', onData);
          stdin.setRawMode(false);
          stdin.pause();
          process.stderr.write('\n');
          if (error) reject(error);
          else resolve(value);
        };
        const onData = (chunk: Buffer) => {
          for (const ch of chunk.toString('utf8')) {
            if (ch === '\r' || ch === '\n') return done();
            if (ch === '\u0003') return done(new PromptInterrupted());
            if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
            else if (ch >= ' ') value += ch;
          }
        };
        stdin.on('data', onData);
      }),
  };
}

/** SIGINT of this process. */
export function processInterrupts(): InterruptSource {
  return {
    onInterrupt(handler) {
      process.on('SIGINT', handler);
      return () => process.off('SIGINT', handler);
    },
  };
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
