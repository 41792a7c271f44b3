import { describe, expect, test } from 'vitest';
import { runOnClock, systemClock, type Clock } from './clock';
import { retry } from './retry';

/** A clock whose sleeps pass at once, moving its time: what a scenario's virtual clock does. */
function virtual(start: number): Clock & { slept: number[] } {
  let t = start;
  const slept: number[] = [];
  return {
    slept,
    now: () => t,
    sleep: async (ms) => {
      slept.push(ms);
      t += ms;
    },
  };
}

describe('the system clock', () => {
  test('is the real one outside any scope', () => {
    const before = Date.now();
    expect(systemClock.now()).toBeGreaterThanOrEqual(before);
    expect(systemClock.now()).toBeLessThan(before + 60_000);
  });

  test('inside runOnClock, it is the scope\'s, for everything started there (a retry\'s backoff after an await)', async () => {
    const clock = virtual(1_000);
    let attempts = 0;
    const value = await runOnClock(clock, async () => {
      await new Promise((r) => setImmediate(r));
      return retry(
        async () => {
          if (++attempts < 3) throw new Error('not yet');
          return systemClock.now();
        },
        { initialMs: 10_000, maxMs: 60_000 },
      );
    });
    expect(clock.slept).toEqual([10_000, 20_000]);
    expect(value).toBe(31_000);
    // and the scope ends with its callback
    expect(systemClock.now()).not.toBe(31_000);
  });
});
