/**
 * Time, injectable. `Clock` is what waits and timeouts run on (retries,
 * backoff, the provider's per-call timeout): the system's in production, a
 * fake or virtual one in tests and scenarios, so nothing waits for real.
 *
 * And the clock of each business's handlers. Message handlers take the
 * message's own time; actions and scheduled jobs have none, so they read
 * this. It is the wall clock unless a host registers another (the local host
 * does, with the frozen clock of a scenario or a test). Kept on globalThis,
 * so a bundled copy of the plugin loaded into the host reads the host's clock too.
 */
import { processShared } from './process-shared';

export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Resolves after `ms` (at once when aborted: a stop ends the wait; the caller checks). */
  sleep(ms: number, opts?: { signal?: AbortSignal; unref?: boolean }): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, opts = {}) =>
    new Promise<void>((resolve) => {
      if (opts.signal?.aborted) return resolve();
      const done = () => {
        clearTimeout(timer);
        opts.signal?.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      if (opts.unref) timer.unref();
      opts.signal?.addEventListener('abort', done, { once: true });
    }),
};

const clocks = processShared('clocks', () => new Map<string, () => Date>());
const wall = () => new Date();

export function registerClock(businessId: string, now: () => Date): () => void {
  clocks.set(businessId, now);
  return () => {
    if (clocks.get(businessId) === now) clocks.delete(businessId);
  };
}

export const clockOf = (businessId: string): (() => Date) => clocks.get(businessId) ?? wall;
