/**
 * Time, injectable. `Clock` is what waits and timeouts run on (retries,
 * backoff, the provider's and the model's per-call timeouts): the system's in
 * production, a fake or virtual one in tests and scenarios, so nothing waits
 * for real.
 *
 * `systemClock` is the real clock unless the code runs inside `runOnClock`:
 * a scenario runs the whole plugin (its services build their own clients) on
 * the scenario's virtual clock that way, so a timeout or a backoff deep inside
 * costs no wall time, with nothing passed down. Outside any scope (production,
 * the CLI) it is Date.now and setTimeout.
 *
 * And the clock of each business's handlers. Message handlers take the
 * message's own time; actions and scheduled jobs have none, so they read
 * this. It is the wall clock unless a host registers another (the local host
 * does, with the frozen clock of a scenario or a test). Kept on globalThis,
 * so a bundled copy of the plugin loaded into the host reads the host's clock too.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { processShared } from './process-shared';

export interface SleepOptions {
  signal?: AbortSignal;
  unref?: boolean;
  /**
   * The wait is a timeout raced against some work (a call's answer), not a plain wait: a virtual
   * clock must not let it pass while that work may still be under way.
   */
  guard?: boolean;
}

export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Resolves after `ms` (at once when aborted: a stop ends the wait; the caller checks). */
  sleep(ms: number, opts?: SleepOptions): Promise<void>;
}

/** Date.now and setTimeout, whatever scope the code runs in. */
export const realClock: Clock = {
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

/** One per process, so a bundled copy of the plugin loaded into the host follows the host's scope. */
const scope = processShared('clockScope', () => new AsyncLocalStorage<Clock>());

/** Runs `fn`, and everything it starts (promises, timers, I/O callbacks), with `clock` as the system clock. */
export const runOnClock = <T>(clock: Clock, fn: () => T): T => scope.run(clock, fn);

/** The clock of the code that calls it: the scope's (runOnClock), else the real one. */
export const systemClock: Clock = {
  now: () => (scope.getStore() ?? realClock).now(),
  sleep: (ms, opts) => (scope.getStore() ?? realClock).sleep(ms, opts),
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
