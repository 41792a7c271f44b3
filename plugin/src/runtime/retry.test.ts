import { describe, expect, it } from 'vitest';
import type { Clock } from './clock';
import { backoffDelay, currentAttempt, DeadlineExceeded, retry } from './retry';

/** A clock whose waits are recorded and pass at once. */
function fakeClock(start = 0): Clock & { sleeps: number[] } {
  let t = start;
  const sleeps: number[] = [];
  return { sleeps, now: () => t, sleep: async (ms) => void (sleeps.push(ms), (t += ms)) };
}

/** Fails `times` times, then answers. */
function flaky(times: number) {
  let calls = 0;
  return {
    calls: () => calls,
    fn: async () => {
      calls++;
      if (calls <= times) throw new Error(`failure ${calls}`);
      return 'ok';
    },
  };
}

describe('retry', () => {
  it('backs off exponentially up to the cap, on the injected clock, noting every attempt', async () => {
    const clock = fakeClock();
    const notes: Array<[number, string | undefined]> = [];
    const f = flaky(5);
    const value = await retry(f.fn, { initialMs: 100, maxMs: 500, clock, onAttempt: (n, e) => void notes.push([n, (e as Error | undefined)?.message]) });
    expect(value).toBe('ok');
    expect(clock.sleeps).toEqual([100, 200, 400, 500, 500]);
    expect(notes).toEqual([[1, 'failure 1'], [2, 'failure 2'], [3, 'failure 3'], [4, 'failure 4'], [5, 'failure 5'], [6, undefined]]);
    expect(backoffDelay({ initialMs: 250, maxMs: 1000, factor: 3 }, 1)).toBe(750);
  });

  it('gives up after `retries` with the last error', async () => {
    const clock = fakeClock();
    const f = flaky(10);
    await expect(retry(f.fn, { retries: 2, initialMs: 10, maxMs: 10, clock })).rejects.toThrow('failure 3');
    expect(f.calls()).toBe(3);
  });

  it('never waits past the deadline: the last error comes back as DeadlineExceeded', async () => {
    const clock = fakeClock(1_000);
    const f = flaky(10);
    const err = await retry(f.fn, { initialMs: 100, maxMs: 1000, deadlineAt: 1_000 + 750, clock }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DeadlineExceeded);
    expect((err as DeadlineExceeded).last).toMatchObject({ message: 'failure 4' });
    // 100 + 200 + 400 = 700; the next 800 would end past 1750
    expect(clock.sleeps).toEqual([100, 200, 400]);
    expect(clock.now()).toBeLessThanOrEqual(1_750);
  });

  it('an error not worth another try comes back at once', async () => {
    const clock = fakeClock();
    const f = flaky(10);
    await expect(retry(f.fn, { initialMs: 10, maxMs: 10, clock, retryable: (e) => !(e as Error).message.endsWith('2') })).rejects.toThrow('failure 2');
    expect(clock.sleeps).toEqual([10]);
  });

  it('the attempt number is known to what the attempt calls (the provider call log records it)', async () => {
    const seen: number[] = [];
    const f = flaky(2);
    await retry(async () => (seen.push(currentAttempt()), f.fn()), { initialMs: 1, maxMs: 1, clock: fakeClock() });
    expect(seen).toEqual([1, 2, 3]);
    expect(currentAttempt()).toBe(1);
  });

  it('a stop ends the waiting', async () => {
    const stop = new AbortController();
    const f = flaky(10);
    const pending = retry(f.fn, { initialMs: 60_000, maxMs: 60_000, signal: stop.signal });
    setTimeout(() => stop.abort(new Error('stopped')), 5);
    await expect(pending).rejects.toThrow('stopped');
    expect(f.calls()).toBe(1);
  });
});
