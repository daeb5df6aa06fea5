/**
 * The process's terminal for deploy: questions and secrets (without echo) on stdin/stderr, and
 * Ctrl-C as SIGINT. The CLI is the only layer that talks to the terminal; deploy sees these
 * through the Prompter and InterruptSource interfaces (deploy/prompt.ts).
 */
import { createInterface } from 'node:readline';
import { PromptInterrupted, type InterruptSource, type Prompter } from '../deploy/prompt.js';

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
