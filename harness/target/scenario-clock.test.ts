import { describe, expect, test } from 'vitest';
import { ScenarioClock } from './scenario-clock';

const START = Date.parse('2026-03-01T06:00:00Z');
/** Lets the clock look a few times (it checks after the current work yields). */
const settle = async () => {
  for (let i = 0; i < 20; i++) await new Promise((r) => setImmediate(r));
};

describe('the scenario clock', () => {
  test('a plain wait (a backoff) passes by itself: virtual time moves, no real time is slept', async () => {
    const clock = new ScenarioClock(START);
    const t0 = performance.now();
    await clock.sleep(60_000);
    expect(clock.now() - START).toBe(60_000);
    expect(clock.skippedMs).toBe(60_000);
    expect(performance.now() - t0).toBeLessThan(60_000);
  });

  test('a wait with a stop signal is still a plain wait (a backoff that a stop may end early)', async () => {
    const clock = new ScenarioClock(START);
    const stop = new AbortController();
    await clock.sleep(5_000, { signal: stop.signal });
    expect(clock.now() - START).toBe(5_000);
    expect(clock.forcedAdvances).toBe(0);
  });

  test('a guard (a call timeout) does not fire while its call may still be answered', async () => {
    const clock = new ScenarioClock(START);
    const answered = new AbortController();
    let fired = false;
    void clock.sleep(600, { signal: answered.signal, guard: true }).then(() => (fired = !answered.signal.aborted));
    // a backoff elsewhere does not drag the guard along either
    let waited = false;
    void clock.sleep(1_000).then(() => (waited = true));
    await settle();
    expect({ fired, waited, elapsed: clock.now() - START }).toEqual({ fired: false, waited: false, elapsed: 0 });
    answered.abort();
    await settle();
    expect({ fired, waited, elapsed: clock.now() - START }).toEqual({ fired: false, waited: true, elapsed: 1_000 });
  });

  test('a reply held for good (a timeout fault) lets time jump to the guard, which ends the hold', async () => {
    const clock = new ScenarioClock(START);
    const answered = new AbortController();
    const connection = new AbortController();
    const timedOut = clock.sleep(600, { signal: answered.signal, guard: true }).then(() => !answered.signal.aborted);
    const released = clock.hold(null, connection.signal).then(() => clock.now() - START);
    expect(await timedOut).toBe(true);
    connection.abort(); // the caller gave up: the simulator's socket closes
    expect(await released).toBe(600);
  });

  test('a reply held for less than the guard (latency) is answered in time; a longer one loses to the guard', async () => {
    const clock = new ScenarioClock(START);
    const answered = new AbortController();
    const guard = clock.sleep(600, { signal: answered.signal, guard: true });
    await clock.hold(200, new AbortController().signal);
    expect(clock.now() - START).toBe(200);
    answered.abort();
    await guard;
    expect(clock.now() - START).toBe(200);

    const late = new AbortController();
    const connection = new AbortController();
    const lost = clock.sleep(600, { signal: late.signal, guard: true }).then(() => clock.now() - START);
    const held = clock.hold(5_000, connection.signal);
    expect(await lost).toBe(800);
    connection.abort();
    await held;
    expect(clock.now() - START).toBe(800);
  });

  test('advance() (an advanceClock step) fires what falls due, in order, and ends at now + ms', async () => {
    const clock = new ScenarioClock(START);
    const order: string[] = [];
    const guard = new AbortController();
    void clock.sleep(90 * 60_000, { signal: guard.signal, guard: true }).then(() => order.push('90m'));
    void clock.sleep(30 * 60_000, { signal: guard.signal, guard: true }).then(() => order.push('30m'));
    clock.advance(2 * 3_600_000);
    await settle();
    expect(order).toEqual(['30m', '90m']);
    expect(clock.now() - START).toBe(2 * 3_600_000);
    expect(clock.skippedMs).toBe(0);
  });
});
