/**
 * The engine on its real catalog: the Kuwait fixture synced from the simulator
 * (over HTTP) into the database, read back through the DB-backed CatalogQueries.
 * Proves a conversation reads the catalog from our DB only, and that a stale
 * location-date is refreshed just in time.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../test/support/database';
import { ensureBusiness } from '../catalog/business';
import { loadFixture } from '../catalog/fixture';
import { createDbCatalog } from '../catalog/queries';
import { fullSync, refreshSlots, type SyncDeps } from '../catalog/sync';
import { createNailItClient } from '../provider/nailit-client';
import { startSimulator, type Simulator } from '../provider/simulator';
import type { Database } from '../store/database';
import { createRuleExtractor } from '../understanding/index';
import { chat, noBookings, NOW } from './testing';

const fixture = loadFixture('kuwait-spa');
let db: Database;
let sim: Simulator;
let now = NOW;
let sync: SyncDeps;

beforeAll(async () => {
  db = await openTestDatabase();
  sim = await startSimulator({ fixture, seed: 3, now: () => now });
  await ensureBusiness(db.prisma, fixture.business);
  sync = {
    prisma: db.prisma,
    provider: createNailItClient({ baseUrl: sim.url }),
    businessId: fixture.business.id,
    now: () => now,
    slotDays: 3,
    freshness: { catalogTtlMs: 48 * 3600_000, slotTtlMs: 3600_000 },
  };
  expect((await fullSync(sync)).status).toBe('ok');
});
afterAll(async () => {
  await sim?.close();
  await db?.close();
});

async function engineDeps() {
  const catalog = createDbCatalog({
    prisma: db.prisma,
    businessId: fixture.business.id,
    now: () => now,
    refresh: { catalog: () => fullSync(sync), slots: (loc, dates) => refreshSlots(sync, { locationExternalId: loc, dates }) },
  });
  return { catalog, bookings: noBookings, extract: createRuleExtractor(await catalog.snapshot()), now: () => now };
}

describe('engine on the synced catalog', () => {
  it('books from the DB copy without a single provider call during the chat', async () => {
    now = NOW;
    const c = chat(await engineDeps(), { channelPhone: '+96599887766' });
    const before = { ...sim.calls() };
    const first = await c.say('Hi, I want a gel manicure at the Avenues tomorrow');
    expect(first.asked).toBe('staff');
    expect(first.replies[0]).toContain('Gel Manicure');
    await c.say('anyone');
    const time = c.turns.at(-1)!;
    expect(time.asked).toBe('time');
    // free times come from the synced windows (seeded bookings included)
    expect(c.state!.offered).toEqual({ slot: 'time', options: ['2026-03-02T10:00', '2026-03-02T11:30', '2026-03-02T13:00'] });
    const afterTime = await c.say('the second one');
    expect(afterTime.asked).toBe('name');
    expect(afterTime.replies[0]).toContain('Monday, March 2 at 11:30 AM');
    await c.say('Fatima Ali');
    const summary = await c.say('fatima@example.com');
    expect(summary.outcome).toBe('ready_to_confirm');
    expect(summary.replies[0]).toContain('Total: KWD 10.000');
    expect((await c.say('yes')).outcome).toBe('confirmed');
    expect(sim.calls()).toEqual(before);
    const asked = c.turns.map((t) => t.asked).filter(Boolean);
    expect(new Set(asked).size).toBe(asked.length);
  });

  it('refreshes stale windows just in time, once, and answers from the refreshed copy', async () => {
    now = new Date(NOW.getTime() + 2 * 3600_000); // slots synced at NOW are past validUntil
    sim.setNow(now);
    const c = chat(await engineDeps(), { channelPhone: '+96599887766' });
    const before = sim.calls().GetItemsByDate;
    const r = await c.say('gel manicure at Marina Mall today at 4pm with anyone');
    expect(['name', 'time']).toContain(r.asked);
    expect(sim.calls().GetItemsByDate - before).toBeGreaterThanOrEqual(1);
    const jit = await db.prisma.syncRun.count({ where: { businessId: fixture.business.id, kind: 'jit' } });
    expect(jit).toBeGreaterThanOrEqual(1);
    const mid = sim.calls().GetItemsByDate;
    await c.say('Noor');
    expect(sim.calls().GetItemsByDate).toBe(mid);
  });
});
