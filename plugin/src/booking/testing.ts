/**
 * Test support for the booking service: one database and one simulator per
 * test file (frozen clock, fixed seed), one tenant per test with the Kuwait
 * catalog synced from the simulator, and helpers to find a slot that is free.
 */
import { DateTime } from 'luxon';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { ensureBusiness } from '../catalog/business';
import { loadFixture } from '../catalog/fixture';
import { createDbCatalog } from '../catalog/queries';
import { fullSync } from '../catalog/sync';
import { SLOT_GRID_MINUTES } from '../catalog/types';
import { createNailItClient, type NailItClientOptions } from '../provider/nailit-client';
import type { BookingProvider } from '../provider/port';
import { startSimulator, type Simulator } from '../provider/simulator';
import type { Database } from '../store/database';
import { openTestDatabase } from '../../../test/support/database';
import { createSingleFlight } from './single-flight';
import type { BookingDeps, BookingEventMap, BookingEvents, BookingRequest } from './types';

/** 09:00 in Kuwait, a Sunday. */
export const NOW = new Date('2026-03-01T06:00:00Z');
export const fixture = loadFixture('kuwait-spa');

export interface Harness {
  db: Database;
  sim: Simulator;
  close(): Promise<void>;
}

/** The harness of a whole test file: started before its first test, closed after its last, the simulator reset before each. */
export function useHarness(): Harness {
  let started: Harness | undefined;
  beforeAll(async () => {
    started = await startHarness();
  });
  afterAll(() => started?.close());
  beforeEach(() => started!.sim.reset());
  const get = () => {
    if (!started) throw new Error('the test harness is used before beforeAll started it');
    return started;
  };
  return {
    get db() {
      return get().db;
    },
    get sim() {
      return get().sim;
    },
    close: () => get().close(),
  };
}

export async function startHarness(): Promise<Harness> {
  const db = await openTestDatabase();
  const sim = await startSimulator({ fixture, seed: 7, now: () => NOW });
  return {
    db,
    sim,
    async close() {
      await sim.close();
      await db.close();
    },
  };
}

export type RecordedEvent = { [K in keyof BookingEventMap]: { name: K; payload: BookingEventMap[K] } }[keyof BookingEventMap];

export interface Tenant {
  businessId: string;
  deps: BookingDeps;
  events: RecordedEvent[];
  client(opts?: Partial<NailItClientOptions>): BookingProvider;
  /** A conversation row (bookings reference it), with its customer. */
  conversation(phone: string, name?: string): Promise<string>;
}

let tenants = 0;

/** A fresh tenant with the catalog synced; the client makes single attempts, the booking service retries (runtime/retry.ts). */
export async function tenant(h: Harness, overrides: Partial<BookingDeps> = {}): Promise<Tenant> {
  const businessId = `booking-test-${process.pid}-${++tenants}`;
  const { prisma } = h.db;
  await ensureBusiness(prisma, { ...fixture.business, id: businessId });
  const client = (opts: Partial<NailItClientOptions> = {}) =>
    createNailItClient({ baseUrl: h.sim.url, timeoutMs: 2000, breaker: { failureThreshold: 100, resetMs: 60_000 }, ...opts });
  const now = () => NOW;
  const sync = await fullSync({ prisma, provider: client(), businessId, now, slotDays: 3 });
  if (sync.status !== 'ok') throw new Error(`catalog sync failed: ${JSON.stringify(sync.errors)}`);
  h.sim.faults.reset(); // call counters start at zero for the test proper
  const events: RecordedEvent[] = [];
  const sink: BookingEvents = { emit: (name, payload) => void events.push({ name, payload } as RecordedEvent) };
  const deps: BookingDeps = {
    prisma,
    provider: client(),
    businessId,
    now,
    events: sink,
    flights: createSingleFlight(),
    config: { backoffMs: 10, backoffMaxMs: 40 },
    ...overrides,
  };
  return {
    businessId,
    deps,
    events,
    client,
    async conversation(phone, name = 'Test Customer') {
      const customer = await prisma.customer.upsert({
        where: { businessId_phone: { businessId, phone } },
        create: { businessId, phone, name },
        update: {},
      });
      const c = await prisma.conversation.create({ data: { businessId, channel: 'test', externalId: `${phone}-${Math.random()}`, customerId: customer.id } });
      return c.id;
    },
  };
}

/** A fake clock that `sleep` advances: deadline tests run in no time. */
export function fakeTime(start = NOW) {
  let t = start.getTime();
  const sleeps: number[] = [];
  return {
    now: () => new Date(t),
    sleep: async (ms: number) => {
      sleeps.push(ms);
      t += ms;
    },
    sleeps,
  };
}

/**
 * The first start (after `after`, on the grid) where `staffId` (or anyone at
 * the location who performs the service) is free for the service on a date,
 * according to our synced copy.
 */
export async function freeSlot(
  t: Tenant,
  q: { locationId: string; serviceId: string; date: string; staffId?: string; after?: string; minutes?: number },
): Promise<{ staffId: string; start: Date }> {
  const { prisma, businessId } = t.deps;
  const service = fixture.services.find((s) => s.id === q.serviceId)!;
  const minutes = q.minutes ?? service.durationMin;
  const day = DateTime.fromISO(q.date, { zone: 'Asia/Kuwait' });
  const performers = await prisma.staffService.findMany({
    where: { businessId, service: { externalId: q.serviceId }, staff: { location: { externalId: q.locationId } } },
    select: { staff: { select: { externalId: true } } },
  });
  const allowed = performers.map((p) => p.staff.externalId).filter((id) => !q.staffId || id === q.staffId);
  const windows = await createDbCatalog({ prisma, businessId, now: () => NOW }).freeWindows({
    locationId: q.locationId,
    from: day.toJSDate(),
    to: day.plus({ days: 1 }).toJSDate(),
  });
  const after = q.after ? DateTime.fromISO(`${q.date}T${q.after}`, { zone: 'Asia/Kuwait' }).toMillis() : 0;
  const grid = SLOT_GRID_MINUTES * 60_000;
  for (const w of windows.filter((x) => allowed.includes(x.staffId))) {
    const first = Math.ceil(Math.max(w.start.getTime(), after) / grid) * grid;
    if (first + minutes * 60_000 <= w.end.getTime()) return { staffId: w.staffId, start: new Date(first) };
  }
  throw new Error(`no free slot for ${q.serviceId} at ${q.locationId} on ${q.date}`);
}

let confirmations = 0;

export function request(
  over: Partial<BookingRequest> & Pick<BookingRequest, 'items'>,
  phone = '+96599887766',
): BookingRequest {
  return {
    customer: { phone, name: 'Noura', email: 'noura@example.com' },
    locationId: 'LOC-AV',
    confirmationId: `c${++confirmations}`,
    ...over,
  };
}
