/**
 * The one retry helper: attempts with exponential backoff, within a deadline,
 * on an injectable clock (tests and scenarios wait for nothing), on p-retry.
 * Every retry in the product goes through it: provider reads during sync,
 * the booking's provider calls, replies through a channel, reconnecting the
 * WhatsApp bridge and the Botpress Chat stream. A call is retried by one
 * layer only: the provider client makes single attempts.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import pRetry from 'p-retry';
import { systemClock, type Clock } from './clock';

export interface Backoff {
  /** Wait before the second attempt; each next wait `factor` (default 2) times longer, at most `maxMs`. */
  initialMs: number;
  maxMs: number;
  factor?: number;
}

/** A fixed number of retries with backoff: outbound sends, Chat API calls. */
export type RetryPolicy = Backoff & { retries: number };

/** The wait after `retriesDone` failed retries (0: after the first attempt). */
export const backoffDelay = (b: Backoff, retriesDone: number): number => Math.min(b.maxMs, b.initialMs * (b.factor ?? 2) ** retriesDone);

export interface RetryOptions extends Backoff {
  /** Attempts after the first; default: until the deadline, or `retryable` says no. */
  retries?: number;
  /** On `clock.now()`: no wait may end past it; the last error then comes back as DeadlineExceeded. */
  deadlineAt?: number;
  clock?: Clock;
  /** Whether an error is worth another attempt; default: every error. */
  retryable?(error: unknown): boolean;
  /** After every attempt (`error` unset when it succeeded): logs and notes. */
  onAttempt?(attempt: number, error?: unknown): void | Promise<void>;
  /** A stop: waiting ends, the abort reason is thrown. */
  signal?: AbortSignal;
  /** The waits do not keep the process alive (a stream waiting to reconnect while the process stops). */
  unref?: boolean;
}

/** Out of time: the next wait would end past the deadline. `last` is the last attempt's error. */
export class DeadlineExceeded extends Error {
  readonly name = 'DeadlineExceeded';
  constructor(readonly last: unknown) {
    super(`deadline passed: ${last instanceof Error ? last.message : String(last)}`);
  }
}

const attemptOf = new AsyncLocalStorage<number>();

/** The attempt number of the `retry` this code runs in (1 outside any): the provider's call log records it. */
export const currentAttempt = (): number => attemptOf.getStore() ?? 1;

export function retry<T>(fn: (attempt: number) => Promise<T>, opts: RetryOptions): Promise<T> {
  const clock = opts.clock ?? systemClock;
  return pRetry(
    async (attempt) => {
      const value = await attemptOf.run(attempt, () => fn(attempt));
      await opts.onAttempt?.(attempt);
      return value;
    },
    {
      retries: opts.retries ?? Number.POSITIVE_INFINITY,
      signal: opts.signal,
      // p-retry's own timer is off: the wait goes through the injectable clock, checked against the deadline
      minTimeout: 0,
      maxTimeout: 0,
      onFailedAttempt: ({ error, attemptNumber }) => opts.onAttempt?.(attemptNumber, error),
      shouldRetry: async ({ error, retriesConsumed }) => {
        if (opts.retryable && !opts.retryable(error)) return false;
        const wait = backoffDelay(opts, retriesConsumed);
        if (opts.deadlineAt !== undefined && clock.now() + wait > opts.deadlineAt) throw new DeadlineExceeded(error);
        await clock.sleep(wait, { signal: opts.signal, unref: opts.unref });
        return true;
      },
    },
  );
}
