import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../test/support/database';
import type { Database } from '../store/database';
import { ensureBusiness } from './business';
import { CLAIM_KIND, claimingJobs, claimScheduledRun } from './claim';
import { loadFixture } from './fixture';

const NOW = new Date('2026-03-01T06:00:00Z');
const MIN = 60_000;
const fixture = loadFixture('kuwait-spa');
let db: Database;
let n = 0;

beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(async () => {
  await db?.close();
});

async function business() {
  const businessId = `claim-test-${++n}`;
  await ensureBusiness(db.prisma, { ...fixture.business, id: businessId });
  return businessId;
}

describe('claiming a scheduled sync', () => {
  it('one claim per job within the gap; the next tick after it claims again', async () => {
    const businessId = await business();
    const claim = (job: 'full' | 'slots', at: Date) => claimScheduledRun(db.prisma, { businessId, job, now: at, gapMs: 10 * MIN });
    expect(await claim('slots', NOW)).toBe(true);
    expect(await claim('slots', new Date(NOW.getTime() + 1000))).toBe(false); // a second process, same tick
    expect(await claim('full', NOW)).toBe(true); // another job is claimed apart
    expect(await claim('slots', new Date(NOW.getTime() + 20 * MIN))).toBe(true); // the next tick
    expect(await db.prisma.eventLog.count({ where: { businessId, kind: CLAIM_KIND } })).toBe(3);
  });

  // meaningful on a Postgres server (TEST_DATABASE_URL, as in CI): the embedded database has one connection,
  // so its transactions run one after another even without the lock
  it('of many ticks at the same moment, exactly one wins', async () => {
    const businessId = await business();
    const results = await Promise.all(Array.from({ length: 12 }, () => claimScheduledRun(db.prisma, { businessId, job: 'slots', now: NOW, gapMs: 10 * MIN })));
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it('each business claims its own sync', async () => {
    const [a, b] = [await business(), await business()];
    expect(await claimScheduledRun(db.prisma, { businessId: a, job: 'full', now: NOW, gapMs: 6 * 60 * MIN })).toBe(true);
    expect(await claimScheduledRun(db.prisma, { businessId: b, job: 'full', now: NOW, gapMs: 6 * 60 * MIN })).toBe(true);
  });

  it('claimingJobs runs a job only in the process that won its tick', async () => {
    const businessId = await business();
    const ran: string[] = [];
    const jobs = { full: async () => ran.push('full'), slots: async () => ran.push('slots') };
    const q = { prisma: db.prisma, businessId, now: () => NOW, slotRefreshMinutes: 20 };
    const [one, two] = [claimingJobs(jobs, q), claimingJobs(jobs, q)];
    const results = await Promise.all([one.slots(), two.slots(), one.full(), two.full()]);
    expect(ran.sort()).toEqual(['full', 'slots']);
    expect(results.filter((r) => r === null)).toHaveLength(2);
  });
});
