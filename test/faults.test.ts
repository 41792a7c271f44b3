/**
 * The fault run in the suite (bench/support/fault-run.ts; `npm run
 * bench:faults` prints the same figures): 300 customers say yes while 30% of
 * the provider's calls fail, the booking reconciler settles what is left, and
 * no customer was told something false: everyone told "booked" has the order,
 * everyone told "nothing booked" has none, every order reached its chat with
 * its link exactly once, nothing is left pending.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { formatFaultRun, runFaults } from '../bench/support/fault-run';
import type { Database } from '../plugin/src/store/database';
import { openTestDatabase } from './support/database';

let db: Database;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(() => db?.close());

test('300 bookings at a 30% fault rate: 0 customers told something false', { timeout: 300_000 }, async () => {
  const r = await runFaults(db, { bookings: 300, faultRate: 0.3, seed: 7, reconcileEvery: 50 });
  const summary = formatFaultRun(r).join('\n');
  expect(r.falseStatements, summary).toEqual([]);
  expect(r.pendingLeft).toBe(0);
  // the run did exercise what it is about: faults at about the rate, unknown outcomes settled by the reconciler
  expect(r.faultsInjected / r.providerCalls).toBeGreaterThan(0.2);
  expect(r.atYes.still_confirming, summary).toBeGreaterThan(0);
  expect(r.notices.link + r.notices.not_made).toBe(r.atYes.still_confirming);
});
