import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadFixture } from './fixture';
import { ensureBusiness } from './business';
import { fullSync, refreshSlots, SYNC_READ_RETRY, type SyncDeps } from './sync';
import { createDbCatalog } from './queries';
import { createNailItClient } from '../provider/nailit-client';
import { startSimulator, type Simulator } from '../provider/simulator';
import { createProviderCallLog } from '../store/provider-calls';
import { openTestDatabase } from '../../../test/support/database';
import type { Database } from '../store/database';

const NOW = new Date('2026-03-01T06:00:00Z'); // 09:00 in Kuwait, a Sunday
const fixture = loadFixture('kuwait-spa');
let db: Database;
let sim: Simulator;
let n = 0;

beforeAll(async () => {
  db = await openTestDatabase();
  sim = await startSimulator({ fixture, seed: 7, now: () => NOW });
});
afterAll(async () => {
  await sim?.close();
  await db?.close();
});
beforeEach(() => sim.reset());

/** Each test is its own tenant. */
async function tenant(overrides: Partial<SyncDeps> = {}) {
  const businessId = `sync-test-${++n}`;
  await ensureBusiness(db.prisma, { ...fixture.business, id: businessId });
  const calls = createProviderCallLog(db.prisma, businessId);
  const provider = createNailItClient({ baseUrl: sim.url, timeoutMs: 2000, recorder: calls.record });
  // reads are not retried here unless a test says so: a fault then shows as a failed scope
  const deps: SyncDeps = { prisma: db.prisma, provider, businessId, now: () => NOW, slotDays: 3, retry: { retries: 0, initialMs: 1, maxMs: 1 }, ...overrides };
  return { deps, businessId, calls };
}

describe('full sync', () => {
  it('copies the Kuwait fixture: 4 locations, 40 services, 14 staff, and free windows', async () => {
    const { deps, businessId } = await tenant();
    const r = await fullSync(deps);
    expect(r.errors).toEqual([]);
    expect(r).toMatchObject({ status: 'ok', locations: 4, services: 40, staff: 14 });
    expect(await db.prisma.location.count({ where: { businessId, active: true } })).toBe(4);
    expect(await db.prisma.service.count({ where: { businessId, active: true } })).toBe(40);
    expect(await db.prisma.staff.count({ where: { businessId, active: true } })).toBe(14);
    const slots = await db.prisma.slot.count({ where: { businessId, active: true } });
    expect(slots).toBe(r.slots);
    expect(slots).toBeGreaterThan(50);
    // locations + (services + staff) per location + slots per location-day
    expect(r.providerCalls).toBe(1 + 4 * 2 + 4 * 3);
    const run = await db.prisma.syncRun.findFirstOrThrow({ where: { businessId } });
    expect(run).toMatchObject({ kind: 'full', status: 'ok', locations: 4, services: 40, staff: 14, rowsWritten: r.rowsWritten });
  });

  it('matches what the fixture says each staff member does', async () => {
    const { deps } = await tenant();
    await fullSync(deps);
    const snap = await createDbCatalog({ prisma: db.prisma, businessId: deps.businessId, now: () => NOW }).snapshot();
    const sara = snap.staff.find((p) => p.name === 'Sara')!;
    const saraFixture = fixture.staff.find((p) => p.name === 'Sara')!;
    const expected = fixture.services
      .filter((s) => saraFixture.categories.includes(s.category) && s.locations.includes(saraFixture.locationId))
      .map((s) => s.id)
      .sort();
    expect([...sara.serviceIds].sort()).toEqual(expected);
    const gel = snap.services.find((s) => s.id === 'SVC-102')!;
    expect(gel).toMatchObject({ name: 'Gel Manicure', nameAr: 'مانيكير جل', price: 10, currency: 'KWD', durationMin: 45 });
    expect(gel.locationIds.sort()).toEqual(['LOC-AV', 'LOC-HT', 'LOC-KT', 'LOC-MM']);
    expect(snap.locations.find((l) => l.id === 'LOC-HT')!.hours[4]).toBeNull(); // closed on Fridays
    // her Arabic name and her working week come with her: off on Fridays, 10:00-18:00 otherwise
    expect(sara.nameAr).toBe('سارة');
    expect(sara.hours).toEqual([...Array(4).fill(['10:00', '18:00']), null, ['10:00', '18:00'], ['10:00', '18:00']]);
  });

  it('a staff member\'s new Arabic name or working days reach our copy on the next sync', async () => {
    const { deps } = await tenant();
    await fullSync(deps);
    sim.catalog.updateStaff('STF-01', { nameAr: 'ساره', daysOff: [3, 4] });
    const second = await fullSync(deps);
    expect(second.rowsWritten).toBeGreaterThan(0);
    const snap = await createDbCatalog({ prisma: db.prisma, businessId: deps.businessId, now: () => NOW }).snapshot();
    const sara = snap.staff.find((p) => p.id === 'STF-01')!;
    expect(sara.nameAr).toBe('ساره');
    expect(sara.hours?.[3]).toBeNull();
  });

  it('a re-sync with no upstream change writes no rows', async () => {
    const { deps, businessId } = await tenant();
    const first = await fullSync(deps);
    expect(first.rowsWritten).toBeGreaterThan(0);
    const before = await db.prisma.slot.findMany({ where: { businessId }, select: { id: true, lastSyncedAt: true } });
    const second = await fullSync(deps);
    expect(second).toMatchObject({ status: 'ok', rowsWritten: 0, locations: 4, services: 40, staff: 14, slots: first.slots });
    const after = await db.prisma.slot.findMany({ where: { businessId }, select: { id: true, lastSyncedAt: true } });
    expect(after).toEqual(before);
    expect((await refreshSlots(deps)).rowsWritten).toBe(0);
  });

  it('a service removed upstream becomes inactive, not deleted, and comes back when restored', async () => {
    const { deps, businessId } = await tenant();
    await fullSync(deps);
    sim.catalog.removeService('SVC-103');
    const r = await fullSync(deps);
    expect(r.services).toBe(39);
    expect(r.rowsWritten).toBeGreaterThan(0);
    const row = await db.prisma.service.findUniqueOrThrow({ where: { businessId_externalId: { businessId, externalId: 'SVC-103' } } });
    expect(row.active).toBe(false);
    const snap = await createDbCatalog({ prisma: db.prisma, businessId, now: () => NOW }).snapshot();
    expect(snap.services.map((s) => s.id)).not.toContain('SVC-103');
    expect(snap.staff.every((p) => !p.serviceIds.includes('SVC-103'))).toBe(true);

    sim.reset();
    await fullSync(deps);
    expect((await db.prisma.service.findUniqueOrThrow({ where: { businessId_externalId: { businessId, externalId: 'SVC-103' } } })).active).toBe(true);
  });

  it('an upstream price change updates that one row', async () => {
    const { deps, businessId } = await tenant();
    await fullSync(deps);
    sim.catalog.setServicePrice('SVC-101', 7.5);
    const r = await fullSync(deps);
    expect(r.rowsWritten).toBe(1);
    const row = await db.prisma.service.findUniqueOrThrow({ where: { businessId_externalId: { businessId, externalId: 'SVC-101' } } });
    expect(Number(row.price)).toBe(7.5);
  });

  it('keeps the progress made when the provider fails part-way, and records the errors', async () => {
    const { deps, businessId, calls } = await tenant();
    sim.faults.set({ endpoint: 'GetLocationStaff', kind: 'error', status: 500, call: 2 });
    sim.faults.set({ endpoint: 'GetItemsByDate', kind: 'malformed', call: 1 });
    const r = await fullSync(deps);
    expect(r.status).toBe('partial');
    expect(r.errors.map((e) => e.scope)).toHaveLength(2);
    expect(r.errors.some((e) => e.scope.startsWith('catalog ') && /500/.test(e.message))).toBe(true);
    expect(r.errors.some((e) => e.scope.startsWith('slots ') && /malformed|invalid|unexpected/i.test(e.message))).toBe(true);
    // three locations' catalogs landed; nothing was deactivated for the one that failed
    expect(await db.prisma.location.count({ where: { businessId } })).toBe(4);
    expect(await db.prisma.staff.count({ where: { businessId } })).toBeGreaterThan(8);
    expect(await db.prisma.service.count({ where: { businessId, active: false } })).toBe(0);
    const run = await db.prisma.syncRun.findFirstOrThrow({ where: { businessId } });
    expect(run.status).toBe('partial');
    expect(run.errors).toHaveLength(2);
    expect(await db.prisma.eventLog.count({ where: { businessId, kind: 'sync_error' } })).toBe(2);
    await calls.flush();
    expect(await db.prisma.providerCall.count({ where: { businessId, outcome: 'error' } })).toBe(2);

    sim.faults.clear();
    const again = await fullSync(deps);
    expect(again.status).toBe('ok');
    expect(await db.prisma.staff.count({ where: { businessId, active: true } })).toBe(14);
  });

  it('retries a read that failed once, once: the client makes single attempts, the sync retries (each attempt logged with its number)', async () => {
    const sleeps: number[] = [];
    const clock = { now: () => NOW.getTime(), sleep: async (ms: number) => void sleeps.push(ms) };
    const { deps, businessId, calls } = await tenant({ retry: SYNC_READ_RETRY, clock });
    sim.faults.set({ endpoint: 'GetLocations', kind: 'error', status: 503, call: 1 });
    const r = await fullSync(deps);
    expect(r.status).toBe('ok');
    expect(sim.calls().GetLocations).toBe(2);
    expect(sleeps).toEqual([250]);
    // the report counts the read once
    expect(r.providerCalls).toBe(1 + 4 * 2 + 4 * 3);
    await calls.flush();
    const logged = await db.prisma.providerCall.findMany({ where: { businessId, endpoint: 'GetLocations' }, orderBy: { attempt: 'asc' } });
    expect(logged.map((c) => [c.attempt, c.outcome])).toEqual([[1, 'error'], [2, 'ok']]);
  });

  it('a provider that is down fails the run cleanly', async () => {
    const { deps, businessId } = await tenant();
    sim.faults.set({ endpoint: 'GetLocations', kind: 'error', status: 503 });
    const r = await fullSync(deps);
    expect(r.status).toBe('failed');
    expect(await db.prisma.location.count({ where: { businessId } })).toBe(0);
  });
});

describe('just-in-time refresh', () => {
  it('refreshes stale windows of the location asked about before answering', async () => {
    const { deps, businessId } = await tenant({ freshness: { catalogTtlMs: 48 * 3600_000, slotTtlMs: 3600_000 } });
    await fullSync(deps);
    let now = NOW;
    const refreshed: string[] = [];
    const catalog = createDbCatalog({
      prisma: db.prisma,
      businessId,
      now: () => now,
      refresh: {
        catalog: async () => refreshed.push('catalog'),
        slots: async (loc, dates) => {
          refreshed.push(`${loc} ${dates.join(',')}`);
          return refreshSlots({ ...deps, now: () => now }, { locationExternalId: loc, dates });
        },
      },
    });
    const q = { locationId: 'LOC-AV', from: new Date('2026-03-01T07:00:00Z'), to: new Date('2026-03-01T19:00:00Z') };
    const fresh = await catalog.freeWindows(q);
    expect(fresh.length).toBeGreaterThan(0);
    expect(refreshed).toEqual([]);

    now = new Date(NOW.getTime() + 2 * 3600_000); // past validUntil
    sim.setNow(now);
    const before = sim.calls().GetItemsByDate;
    await catalog.freeWindows(q);
    expect(refreshed).toEqual(['LOC-AV 2026-03-01']);
    expect(sim.calls().GetItemsByDate).toBe(before + 1);
    const run = await db.prisma.syncRun.findFirstOrThrow({ where: { businessId, kind: 'jit' } });
    expect(run.status).toBe('ok');
    // fresh again: no second refresh
    await catalog.freeWindows(q);
    expect(refreshed).toHaveLength(1);
  });
});
