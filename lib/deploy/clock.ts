/**
 * The time the deployer's waits are measured in: the pacing of polls (Retry-After, --poll-interval).
 * The real one reads Date.now() and sets timers; tests pass one whose waits only move its own
 * time forward, so they check the pacing without spending it.
 */

/** An abort signal, as the Azure SDK's requests carry it. */
export interface AbortSignalLike {
  readonly aborted: boolean;
  addEventListener(type: 'abort', listener: () => void, options?: { once?: boolean }): void;
  removeEventListener(type: 'abort', listener: () => void): void;
}

/** Now, and waiting. */
export interface Clock {
  /** Milliseconds since the epoch (or any fixed start). */
  now(): number;
  /** Resolves after `ms` milliseconds of this clock; rejects with an AbortError when `signal` aborts. */
  sleep(ms: number, signal?: AbortSignalLike): Promise<void>;
}

/** Date.now() and timers. */
export const systemClock: Clock = {
  now: () => Date.now(),
  sleep(ms, signal) {
    if (ms <= 0) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const onAbort = () => {
        clearTimeout(timer);
        reject(Object.assign(new Error('The operation was aborted.'), { name: 'AbortError' }));
      };
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      if (signal?.aborted) onAbort();
      else signal?.addEventListener('abort', onAbort, { once: true });
    });
  },
};
