import { describe, expect, it } from 'vitest';
import type { BookingProvider } from '../provider/port';
import { confirmBooking } from './confirm';
import { reconcilePending } from './reconcile';
import { fakeTime, freeSlot, request, useHarness, tenant } from './testing';

const h = useHarness();

const DATE = '2026-03-02';
const orders = () => h.sim.ledger.orders();

async function oneItem(t: Awaited<ReturnType<typeof tenant>>) {
  const slot = await freeSlot(t, { locationId: 'LOC-AV', serviceId: 'SVC-102', date: DATE });
  return request({ items: [{ serviceId: 'SVC-102', ...slot }] });
}

describe('AddOrder timeout', () => {
  it('looks the order up by key instead of ordering again', async () => {
    const t = await tenant(h);
    const req = await oneItem(t);
    h.sim.faults.set({ endpoint: 'AddOrder', kind: 'timeout', call: 1 });
    const r = await confirmBooking(req, { ...t.deps, provider: t.client({ timeoutMs: 200 }) });
    expect(r.kind).toBe('booked');
    expect(orders()).toHaveLength(1);
    expect(h.sim.calls()).toMatchObject({ AddOrder: 1, GetOrder: 1 });
    if (r.kind === 'booked') expect(r.booking).toMatchObject({ status: 'confirmed', providerOrderId: orders()[0].orderId, paymentLink: orders()[0].paymentLink });
  });

  it('keeps the booking pending when the lookup cannot answer either, and reconciliation settles it', async () => {
    const t = await tenant(h);
    const req = await oneItem(t);
    const clock = fakeTime();
    h.sim.faults.set([
      { endpoint: 'AddOrder', kind: 'timeout', call: 1 },
      { endpoint: 'GetOrder', kind: 'error', status: 503 },
    ]);
    const r = await confirmBooking(req, { ...t.deps, ...clock, config: {}, provider: t.client({ timeoutMs: 200 }) });
    expect(r).toMatchObject({ kind: 'outcome_unknown', reason: 'deadline', booking: { status: 'pending' } });
    expect(clock.sleeps.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(20_000);
    const row = await t.deps.prisma.booking.findFirstOrThrow({ where: { businessId: t.businessId } });
    expect(row).toMatchObject({ status: 'pending', failureReason: 'provider_down: deadline' });
    expect(orders()).toHaveLength(1); // the provider did take it

    h.sim.faults.clear();
    expect(await reconcilePending(t.deps)).toMatchObject({ confirmed: 1, failed: 0, unresolved: 0 });
    const settled = await t.deps.prisma.booking.findUniqueOrThrow({ where: { id: row.id } });
    expect(settled).toMatchObject({ status: 'confirmed', providerOrderId: orders()[0].orderId, paymentLink: orders()[0].paymentLink, failureReason: null });
    expect(h.sim.calls().AddOrder).toBe(1);
  });
});

describe('crash between the order and the DB write', () => {
  /** The order reaches the provider, then the process "dies" before storing the answer. */
  const crashing = (real: BookingProvider): BookingProvider => ({
    ...real,
    addOrder: async (req) => {
      await real.addOrder(req);
      throw new Error('process crashed');
    },
  });

  it('start-up reconciliation confirms the pending booking from the provider, with one order', async () => {
    const t = await tenant(h);
    const req = await oneItem(t);
    await expect(confirmBooking(req, { ...t.deps, provider: crashing(t.client()) })).rejects.toThrow('process crashed');
    const row = await t.deps.prisma.booking.findFirstOrThrow({ where: { businessId: t.businessId } });
    expect(row.status).toBe('pending');

    const report = await reconcilePending({ ...t.deps, flights: undefined });
    expect(report).toMatchObject({ confirmed: 1, failed: 0, unresolved: 0 });
    const settled = await t.deps.prisma.booking.findUniqueOrThrow({ where: { id: row.id } });
    expect(settled).toMatchObject({ status: 'confirmed', providerOrderId: orders()[0].orderId, paymentLink: orders()[0].paymentLink });
    expect(orders()).toHaveLength(1);
    expect(h.sim.calls().AddOrder).toBe(1);
    expect(t.events.map((e) => e.name)).toEqual(['bookingConfirmed']);
    // nothing left to do on the next start
    expect(await reconcilePending(t.deps)).toMatchObject({ confirmed: 0, failed: 0, unresolved: 0 });
  });

  it('the customer repeating "yes" after the crash gets the same order and its link', async () => {
    const t = await tenant(h);
    const req = await oneItem(t);
    await expect(confirmBooking(req, { ...t.deps, provider: crashing(t.client()) })).rejects.toThrow();
    const r = await confirmBooking(req, t.deps);
    expect(r.kind).toBe('booked');
    if (r.kind === 'booked') expect(r.paymentLink).toBe(orders()[0].paymentLink);
    expect(orders()).toHaveLength(1);
    expect(h.sim.calls().AddOrder).toBe(1);
  });

  it('a booking another process is confirming right now is left to it: only pending ones older than the grace are settled', async () => {
    const t = await tenant(h);
    const req = await oneItem(t);
    const lost: BookingProvider = { ...t.client(), addOrder: () => Promise.reject(new Error('process crashed')) };
    await expect(confirmBooking(req, { ...t.deps, provider: lost })).rejects.toThrow();
    expect(await reconcilePending(t.deps, { olderThanMs: 60_000 })).toMatchObject({ confirmed: 0, failed: 0, unresolved: 0 });
    expect(await t.deps.prisma.booking.findFirstOrThrow({ where: { businessId: t.businessId } })).toMatchObject({ status: 'pending' });
  });

  it('a pending booking whose order never reached the provider becomes failed', async () => {
    const t = await tenant(h);
    const req = await oneItem(t);
    const lost: BookingProvider = { ...t.client(), addOrder: () => Promise.reject(new Error('process crashed')) };
    await expect(confirmBooking(req, { ...t.deps, provider: lost })).rejects.toThrow();
    expect(await reconcilePending(t.deps)).toMatchObject({ confirmed: 0, failed: 1, unresolved: 0 });
    expect(await t.deps.prisma.booking.findFirstOrThrow({ where: { businessId: t.businessId } })).toMatchObject({ status: 'failed' });
    expect(orders()).toHaveLength(0);
  });

  it('leaves bookings pending while the provider cannot be asked', async () => {
    const t = await tenant(h);
    const req = await oneItem(t);
    await expect(confirmBooking(req, { ...t.deps, provider: crashing(t.client()) })).rejects.toThrow();
    h.sim.faults.set({ endpoint: 'GetOrder', kind: 'error', status: 500 });
    const clock = fakeTime();
    expect(await reconcilePending({ ...t.deps, ...clock })).toMatchObject({ confirmed: 0, failed: 0, unresolved: 1 });
    expect(await t.deps.prisma.booking.findFirstOrThrow({ where: { businessId: t.businessId } })).toMatchObject({ status: 'pending' });
  });
});

describe('provider down', () => {
  it('AddOrder answering 500 until the deadline: retried with backoff, no order, provider_down, EventLog', async () => {
    const t = await tenant(h);
    const req = await oneItem(t);
    const clock = fakeTime();
    h.sim.faults.set({ endpoint: 'AddOrder', kind: 'error', status: 500 });
    const r = await confirmBooking(req, { ...t.deps, ...clock, config: { deadlineMs: 20_000, backoffMs: 500, backoffFactor: 2, backoffMaxMs: 4000 } });
    expect(r).toEqual({ kind: 'provider_down', reason: 'deadline' });
    expect(clock.sleeps).toEqual([500, 1000, 2000, 4000, 4000, 4000, 4000]);
    expect(h.sim.calls()).toMatchObject({ AddOrder: 8, GetOrder: 8 }); // each unknown outcome looked up before the next try
    expect(orders()).toHaveLength(0);
    const row = await t.deps.prisma.booking.findFirstOrThrow({ where: { businessId: t.businessId } });
    expect(row).toMatchObject({ status: 'failed', failureReason: 'provider_down: deadline' });
    const log = await t.deps.prisma.eventLog.findFirstOrThrow({ where: { businessId: t.businessId, kind: 'booking_provider_down' } });
    expect(log.level).toBe('error');
    const data = log.data as { attempts: Array<{ step: string; outcome: string }>; items: unknown[] };
    expect(data.attempts.filter((a) => a.step === 'AddOrder')).toHaveLength(8);
    expect(data.attempts[0]).toMatchObject({ step: 'GetItemsByDate', outcome: 'ok' });
    expect(data.items).toHaveLength(1);
  });

  it('a transient failure inside the deadline is retried and books', async () => {
    const t = await tenant(h);
    const req = await oneItem(t);
    const clock = fakeTime();
    h.sim.faults.set({ endpoint: 'AddOrder', kind: 'error', status: 503, call: 1, times: 2 });
    const r = await confirmBooking(req, { ...t.deps, ...clock });
    expect(r.kind).toBe('booked');
    expect(orders()).toHaveLength(1);
    expect(h.sim.calls()).toMatchObject({ AddOrder: 3, GetOrder: 2 });
  });

  it('the live re-check failing until the deadline stores nothing and logs the attempt', async () => {
    const t = await tenant(h);
    const req = await oneItem(t);
    h.sim.faults.set({ endpoint: 'GetItemsByDate', kind: 'error', status: 502 });
    const r = await confirmBooking(req, { ...t.deps, ...fakeTime(), config: {} });
    expect(r).toEqual({ kind: 'provider_down', reason: 'deadline' });
    expect(h.sim.calls()).toMatchObject({ GetItemsByDate: 8, AddOrder: 0 });
    expect(await t.deps.prisma.booking.count({ where: { businessId: t.businessId } })).toBe(0);
    expect(await t.deps.prisma.eventLog.count({ where: { businessId: t.businessId, kind: 'booking_provider_down' } })).toBe(1);
  });

  it('an unreadable re-check answer is retried like a transient one', async () => {
    const t = await tenant(h);
    const req = await oneItem(t);
    h.sim.faults.set({ endpoint: 'GetItemsByDate', kind: 'malformed', call: 1 });
    const r = await confirmBooking(req, { ...t.deps, ...fakeTime() });
    expect(r.kind).toBe('booked');
    expect(h.sim.calls()).toMatchObject({ GetItemsByDate: 2, AddOrder: 1 });
  });

  it('an open breaker gives up at once', async () => {
    const t = await tenant(h);
    const req = await oneItem(t);
    const clock = fakeTime();
    h.sim.faults.set({ endpoint: 'GetItemsByDate', kind: 'error', status: 500 });
    const r = await confirmBooking(req, { ...t.deps, ...clock, provider: t.client({ breaker: { failureThreshold: 2, resetMs: 60_000 } }) });
    expect(r).toEqual({ kind: 'provider_down', reason: 'circuit_open' });
    expect(h.sim.calls().GetItemsByDate).toBe(2);
    expect(clock.sleeps).toHaveLength(2);
  });
});
