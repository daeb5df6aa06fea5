/**
 * When an in-process app (a .ts/.js file) is done: after `import()` returns, an app may still be
 * building its tree (an async IIFE, a timer, a promise chain). It is synthesized when its own work
 * is done, as shell-command apps are (App.synthOnExit on 'beforeExit'), and an error its async work
 * throws, or a `process.exit()` it calls, fails the run before anything is written.
 */

/** How the CLI waits for an app's work after importing it. */
export type AppSettling =
  /** Until the event loop has nothing but the CLI left ('beforeExit'): the `azcdk` binary. */
  | 'event-loop'
  /** One turn of the event loop: in-process callers (tests), whose own timers keep the loop busy. */
  | 'turn';

let settling: AppSettling = 'turn';

/** How long an app's pending work may run before azcdk says what it is waiting for. */
const STILL_WAITING_MS = 3000;

/** Chooses how apps are waited for (the `azcdk` binary calls this with 'event-loop'). */
export function setAppSettling(mode: AppSettling): void {
  settling = mode;
}

/**
 * Watches a running app: `settled()` resolves when its work is done, with the first error its
 * async work threw (uncaught exception or unhandled rejection), if any. A `process.exit()` while
 * the app runs calls `onExit` (synchronously: only synchronous clean-up and messages are possible).
 * `dispose()` removes every listener.
 */
export function watchApp(
  onExit: (code: number) => void,
  onStillWaiting: () => void = () => {},
): { settled(): Promise<{ readonly error: unknown } | undefined>; dispose(): void } {
  let failure: { error: unknown } | undefined;
  let wake: (() => void) | undefined;
  const idle = () => wake?.();
  const fail = (error: unknown) => {
    failure ??= { error };
    wake?.(); // report it now: the rest of the app's work may never end
  };
  const exit = (code: number) => onExit(code);
  process.on('uncaughtException', fail);
  process.on('unhandledRejection', fail);
  process.on('exit', exit);
  return {
    async settled() {
      // An app that keeps a timer or socket open never lets the loop empty: say why nothing happens.
      // unref(): the notice itself must not keep the app alive.
      const slow = setTimeout(onStillWaiting, STILL_WAITING_MS).unref();
      await new Promise<void>((resolve) => {
        wake = resolve;
        if (failure) return resolve();
        if (settling === 'event-loop') process.once('beforeExit', idle);
        else setImmediate(resolve);
      });
      clearTimeout(slow);
      return failure;
    },
    dispose() {
      process.off('uncaughtException', fail);
      process.off('unhandledRejection', fail);
      process.off('exit', exit);
      process.off('beforeExit', idle);
    },
  };
}
