/**
 * Retries inside one deadline for a booking step, through the one retry
 * helper (runtime/retry.ts) on the booking's clock (`now` and `sleep`, both
 * injectable). Only transient provider errors are retried, with exponential
 * backoff. An open breaker ends the attempt at once: the provider is known to
 * be failing and the customer should not wait for it. Every attempt is
 * noted, so a failure's EventLog entry says what was tried.
 */
import { ProviderError } from '../provider/port';
import { systemClock, type Clock } from '../runtime/clock';
import { DeadlineExceeded, retry, type RetryOptions } from '../runtime/retry';
import { type BookingConfig, type BookingDeps, configOf } from './types';

export interface AttemptNote {
  step: string;
  attempt: number;
  at: string;
  outcome: 'ok' | 'error';
  error?: string;
}

export interface RunCtx {
  deps: BookingDeps;
  config: BookingConfig;
  deadlineAt: number;
  attempts: AttemptNote[];
  /**
   * Whether the caller tells the customer how this run ends (the chat's reply at the "yes"): then the
   * booking's notice is cleared as it settles. The reconciler leaves it for its own message.
   */
  tells: boolean;
}

export class GaveUp extends Error {
  readonly name = 'GaveUp';
  constructor(
    readonly reason: 'deadline' | 'circuit_open',
    readonly last: ProviderError,
  ) {
    super(`gave up (${reason}): ${last.message}`);
  }
}

export function startRun(deps: BookingDeps, opts: { tells: boolean } = { tells: true }): RunCtx {
  const config = configOf(deps);
  return { deps, config, deadlineAt: deps.now().getTime() + config.deadlineMs, attempts: [], tells: opts.tells };
}

export function note(ctx: RunCtx, step: string, attempt: number, err?: unknown): void {
  ctx.attempts.push({
    step,
    attempt,
    at: ctx.deps.now().toISOString(),
    outcome: err === undefined ? 'ok' : 'error',
    ...(err === undefined ? {} : { error: err instanceof Error ? err.message : String(err) }),
  });
}

/** The booking's clock: its `now`, and its `sleep` when one is injected. */
const clockOf = (deps: BookingDeps): Clock => ({ now: () => deps.now().getTime(), sleep: deps.sleep ? (ms) => deps.sleep!(ms) : systemClock.sleep });

/** Worth another try: a transient error, or (these calls are safe to repeat) an unreadable body, a proxy hiccup. */
export const retryable = (err: unknown): boolean => err instanceof ProviderError && err.kind !== 'circuit_open' && (err.transient || err.kind === 'malformed');

/** The booking's backoff, deadline and clock, for `retry`. */
export const retryPolicy = (ctx: RunCtx): RetryOptions => ({
  initialMs: ctx.config.backoffMs,
  factor: ctx.config.backoffFactor,
  maxMs: ctx.config.backoffMaxMs,
  deadlineAt: ctx.deadlineAt,
  clock: clockOf(ctx.deps),
});

/**
 * Runs a safe (repeatable) provider call until it succeeds, its error is not worth another try, or
 * the next wait would cross the deadline. Throws GaveUp when out of time or the breaker is open, else the error.
 */
export async function withRetry<T>(ctx: RunCtx, step: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await retry(fn, { ...retryPolicy(ctx), retryable, onAttempt: (n, err) => note(ctx, step, n, err) });
  } catch (err) {
    const last = err instanceof DeadlineExceeded ? err.last : err;
    if (err instanceof DeadlineExceeded && last instanceof ProviderError) throw new GaveUp('deadline', last);
    if (last instanceof ProviderError && last.kind === 'circuit_open') throw new GaveUp('circuit_open', last);
    throw last;
  }
}
