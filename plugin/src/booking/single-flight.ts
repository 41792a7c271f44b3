/**
 * Joins concurrent calls with the same key inside one process: a double "yes"
 * runs one confirmation and the second caller gets its outcome. Across
 * processes the unique idempotency key and the provider's idempotency cover it.
 */
import type { SingleFlight } from './types';

export function createSingleFlight(): SingleFlight {
  const inFlight = new Map<string, Promise<unknown>>();
  return {
    run<T>(key: string, fn: () => Promise<T>) {
      const running = inFlight.get(key) as Promise<T> | undefined;
      if (running) return { promise: running, joined: true };
      const promise = fn().finally(() => inFlight.delete(key));
      inFlight.set(key, promise);
      return { promise, joined: false };
    },
  };
}
