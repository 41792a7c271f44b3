import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../test/support/database';
import type { Database } from '../store/database';
import { ensureBusiness } from './business';
import { CLAIM_KIND, claimIfDue, scheduledJobs } from './claim';
import { loadFixture } from './fixture';
import type { SyncSchedule } from './scheduler';

const NOW = new Date('2026-03-01T06:00:00Z');
const MIN = 60_000;
const fixture = loadFixture('kuwait-spa');
/** 03:00 in Kuwait is 00:00 UTC. */
const schedule: SyncSchedule = { fullSyncCron: '0 3 * * *', slotRefreshMinutes: 20, timezone: 'Asia/Kuwait' };
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

const at = (iso: string) => new Date(iso);

describe('claiming a scheduled sync', () => {
  it('a job is claimed once per scheduled time: never run is due, then again only once its next time has come', async () => {
    const businessId = await business();
    const claim = (job: 'full' | 'slots', now: Date) => claimIfDue(db.prisma, { businessId, job, now, schedule });
    expect(await claim('slots', at('2026-03-01T06:00:00Z'))).toBe(true);
    expect(await claim('slots', at('2026-03-01T06:00:01Z'))).toBe(false); // a second process, same tick
    expect(await claim('slots', at('2026-03-01T06:19:59Z'))).toBe(false);
    expect(await claim('slots', at('2026-03-01T06:20:00Z'))).toBe(true); // the next time
    expect(await claim('full', at('2026-03-01T06:00:00Z'))).toBe(true); // another job is claimed apart
    expect(await claim('full', at('2026-03-01T23:59:00Z'))).toBe(false); // 02:59 in Kuwait
    // a tick long after the time (nothing ticked at 03:00): the missed run is run now, once
    expect(await claim('full', at('2026-03-02T05:00:00Z'))).toBe(true);
    expect(await claim('full', at('2026-03-02T05:05:00Z'))).toBe(false);
    expect(await db.prisma.eventLog.count({ where: { businessId, kind: CLAIM_KIND } })).toBe(4);
  });

  it('follows the configured schedule', async () => {
    const businessId = await business();
    const every5 = { ...schedule, slotRefreshMinutes: 5 };
    expect(await claimIfDue(db.prisma, { businessId, job: 'slots', now: NOW, schedule: every5 })).toBe(true);
    expect(await claimIfDue(db.prisma, { businessId, job: 'slots', now: new Date(NOW.getTime() + 5 * MIN), schedule: every5 })).toBe(true);
    expect(await claimIfDue(db.prisma, { businessId, job: 'slots', now: new Date(NOW.getTime() + 10 * MIN), schedule })).toBe(false);
  });

  // meaningful on a Postgres server (TEST_DATABASE_URL, as in CI): the embedded database has one connection,
  // so its transactions run one after another even without the lock
  it('of many ticks at the same moment, exactly one wins', async () => {
    const businessId = await business();
    const results = await Promise.all(Array.from({ length: 12 }, () => claimIfDue(db.prisma, { businessId, job: 'slots', now: NOW, schedule })));
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it('each business claims its own sync', async () => {
    const [a, b] = [await business(), await business()];
    expect(await claimIfDue(db.prisma, { businessId: a, job: 'full', now: NOW, schedule })).toBe(true);
    expect(await claimIfDue(db.prisma, { businessId: b, job: 'full', now: NOW, schedule })).toBe(true);
  });

  it('scheduledJobs runs a job only in the process that won its tick', async () => {
    const businessId = await business();
    const ran: string[] = [];
    const jobs = { full: async () => ran.push('full'), slots: async () => ran.push('slots') };
    const q = { prisma: db.prisma, businessId, now: () => NOW, schedule };
    const [one, two] = [scheduledJobs(jobs, q), scheduledJobs(jobs, q)];
    const results = await Promise.all([one('slots'), two('slots'), one('full'), two('full')]);
    expect(ran.sort()).toEqual(['full', 'slots']);
    expect(results.filter((r) => r === null)).toHaveLength(2);
  });
});
