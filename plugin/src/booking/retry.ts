/**
 * Retries inside one deadline for a booking step. Only transient provider
 * errors are retried, with exponential backoff through the injected `sleep`
 * and clock. An open breaker ends the attempt at once: the provider is known
 * to be failing and the customer should not wait for it. Every attempt is
 * noted, so a failure's EventLog entry says what was tried.
 */
import { ProviderError } from '../provider/port';
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

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function startRun(deps: BookingDeps): RunCtx {
  const config = configOf(deps);
  return { deps, config, deadlineAt: deps.now().getTime() + config.deadlineMs, attempts: [] };
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

/** Backoff delays in order; `wait` returns false when the next delay would cross the deadline. */
export function backoff(ctx: RunCtx) {
  let delay = ctx.config.backoffMs;
  return async (): Promise<boolean> => {
    if (ctx.deps.now().getTime() + delay > ctx.deadlineAt) return false;
    await (ctx.deps.sleep ?? defaultSleep)(delay);
    delay = Math.min(delay * ctx.config.backoffFactor, ctx.config.backoffMaxMs);
    return true;
  };
}

/** Runs a safe (repeatable) provider call; throws GaveUp when out of time or the breaker is open, else the error. */
export async function withRetry<T>(ctx: RunCtx, step: string, fn: () => Promise<T>): Promise<T> {
  const wait = backoff(ctx);
  for (let n = 1; ; n++) {
    try {
      const value = await fn();
      note(ctx, step, n);
      return value;
    } catch (err) {
      note(ctx, step, n, err);
      if (!(err instanceof ProviderError)) throw err;
      if (err.kind === 'circuit_open') throw new GaveUp('circuit_open', err);
      // these calls are safe to repeat, so an unreadable body (a proxy hiccup) is worth another try too
      if (!err.transient && err.kind !== 'malformed') throw err;
      if (!(await wait())) throw new GaveUp('deadline', err);
    }
  }
}
