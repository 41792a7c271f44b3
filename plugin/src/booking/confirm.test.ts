import { describe, expect, it } from 'vitest';
import { createDbCatalog } from '../catalog/queries';
import type { BookingProvider } from '../provider/port';
import { confirmBooking } from './confirm';
import { freeSlot, NOW, request, useHarness, tenant } from './testing';

const h = useHarness();

const DATE = '2026-03-02';
const orders = () => h.sim.ledger.orders();

describe('confirm: happy path', () => {
  it('re-checks live, orders once, stores and returns the payment link', async () => {
    const t = await tenant(h);
    const conversationId = await t.conversation('+96599887766');
    const slot = await freeSlot(t, { locationId: 'LOC-AV', serviceId: 'SVC-102', date: DATE, staffId: 'STF-01' });
    const r = await confirmBooking(request({ conversationId, items: [{ serviceId: 'SVC-102', ...slot }] }), t.deps);

    expect(r.kind).toBe('booked');
    if (r.kind !== 'booked') return;
    expect(orders()).toHaveLength(1);
    const order = orders()[0];
    expect(r.paymentLink).toBe(order.paymentLink);
    expect(r.paymentLink).toMatch(/\/pay\/NI-\d+$/);
    expect(h.sim.calls()).toMatchObject({ GetItemsByDate: 1, AddOrder: 1, GetOrder: 0 });
    const row = await t.deps.prisma.booking.findUniqueOrThrow({ where: { id: r.booking.id }, include: { items: true, customer: true } });
    expect(row).toMatchObject({ status: 'confirmed', providerOrderId: order.orderId, paymentLink: order.paymentLink, conversationId, currency: 'KWD', failureReason: null });
    expect(row.idempotencyKey).toBe(order.idempotencyKey);
    expect(row.idempotencyKey).toContain(conversationId);
    expect(Number(row.total)).toBe(10);
    expect(row.items).toHaveLength(1);
    expect(row.items[0].start).toEqual(slot.start);
    expect(row.customer).toMatchObject({ phone: '+96599887766', name: 'Noura', email: 'noura@example.com' });
    expect(t.events).toEqual([
      { name: 'bookingConfirmed', payload: expect.objectContaining({ bookingId: row.id, providerOrderId: order.orderId, paymentLink: order.paymentLink, conversationId }) },
    ]);
  });

  it('orders several services as one order with several lines', async () => {
    const t = await tenant(h);
    const first = await freeSlot(t, { locationId: 'LOC-AV', serviceId: 'SVC-102', date: DATE, staffId: 'STF-01', minutes: 90 });
    const second = new Date(first.start.getTime() + 45 * 60_000);
    const r = await confirmBooking(
      request({ items: [{ serviceId: 'SVC-102', ...first }, { serviceId: 'SVC-104', staffId: first.staffId, start: second }] }),
      t.deps,
    );
    expect(r.kind).toBe('booked');
    expect(orders()).toHaveLength(1);
    expect(orders()[0].items.map((i) => i.serviceId)).toEqual(['SVC-102', 'SVC-104']);
    if (r.kind === 'booked') expect(r.booking.items.map((i) => i.start)).toEqual([first.start, second]);
  });
});

describe('confirm: double yes', () => {
  it('a second yes with the same confirmation returns the booking without calling the provider', async () => {
    const t = await tenant(h);
    const slot = await freeSlot(t, { locationId: 'LOC-AV', serviceId: 'SVC-101', date: DATE });
    const req = request({ items: [{ serviceId: 'SVC-101', ...slot }] });
    const first = await confirmBooking(req, t.deps);
    const calls = h.sim.calls();
    const second = await confirmBooking(req, t.deps);
    expect(first.kind).toBe('booked');
    expect(second.kind).toBe('already_booked');
    if (first.kind === 'booked' && second.kind === 'already_booked') expect(second.booking.paymentLink).toBe(first.paymentLink);
    expect(h.sim.calls()).toEqual(calls);
    expect(orders()).toHaveLength(1);
    expect(t.events.filter((e) => e.name === 'bookingConfirmed')).toHaveLength(1);
  });

  it('two concurrent yeses in one process run one confirmation', async () => {
    const t = await tenant(h);
    const slot = await freeSlot(t, { locationId: 'LOC-AV', serviceId: 'SVC-101', date: DATE });
    const req = request({ items: [{ serviceId: 'SVC-101', ...slot }] });
    const results = await Promise.all([confirmBooking(req, t.deps), confirmBooking(req, t.deps)]);
    expect(results.map((r) => r.kind).sort()).toEqual(['already_booked', 'booked']);
    expect(orders()).toHaveLength(1);
    expect(h.sim.calls().AddOrder).toBe(1);
  });

  it('two concurrent yeses in two processes (no shared memory) still make one order', async () => {
    const t = await tenant(h);
    const slot = await freeSlot(t, { locationId: 'LOC-AV', serviceId: 'SVC-101', date: DATE });
    const req = request({ items: [{ serviceId: 'SVC-101', ...slot }] });
    const processA = { ...t.deps, flights: undefined, provider: t.client() };
    const processB = { ...t.deps, flights: undefined, provider: t.client() };
    const results = await Promise.all([confirmBooking(req, processA), confirmBooking(req, processB)]);
    expect(results.map((r) => r.kind).sort()).toEqual(['already_booked', 'booked']);
    expect(orders()).toHaveLength(1);
    expect(await t.deps.prisma.booking.count({ where: { businessId: t.businessId } })).toBe(1);
    expect(t.events.filter((e) => e.name === 'bookingConfirmed')).toHaveLength(1);
  });
});

describe('confirm: slot taken', () => {
  it('at the live re-check: no order, 3 nearest alternatives from fresh data, our slot copy refreshed', async () => {
    const t = await tenant(h);
    const slot = await freeSlot(t, { locationId: 'LOC-AV', serviceId: 'SVC-102', date: DATE, staffId: 'STF-01', after: '13:00' });
    h.sim.faults.set({ endpoint: 'GetItemsByDate', kind: 'slot_taken', call: 1, slot: { staffId: 'STF-01', start: slot.start.toISOString(), durationMin: 45 } });
    const r = await confirmBooking(request({ items: [{ serviceId: 'SVC-102', ...slot }] }), t.deps);

    expect(r.kind).toBe('slot_taken');
    if (r.kind !== 'slot_taken') return;
    expect(r.staffSpecific).toBe(true);
    expect(r.alternatives).toHaveLength(3);
    expect(r.alternatives.map((d) => d.getTime())).not.toContain(slot.start.getTime());
    expect(h.sim.calls().AddOrder).toBe(0);
    expect(orders()).toHaveLength(0);
    // every alternative fits Sara's windows as the provider reports them now
    const live = await t.client().getItemsByDate({ locationId: 'LOC-AV', date: DATE, staffId: 'STF-01' });
    for (const a of r.alternatives) {
      expect(live.some((w) => Date.parse(w.start) <= a.getTime() && a.getTime() + 45 * 60_000 <= Date.parse(w.end))).toBe(true);
    }
    // the nearest ones, in time order: every free start on Sara's day, by distance from the requested one
    const grid = 15 * 60_000;
    const starts = live.flatMap((w) => {
      const out: number[] = [];
      for (let s = Math.ceil(Date.parse(w.start) / grid) * grid; s + 45 * 60_000 <= Date.parse(w.end); s += grid) out.push(s);
      return out;
    });
    const want = slot.start.getTime();
    const nearest = starts.sort((a, b) => Math.abs(a - want) - Math.abs(b - want) || a - b).slice(0, 3).sort((a, b) => a - b);
    expect(r.alternatives.map((d) => d.getTime())).toEqual(nearest);
    // the conversation reads the same fresh data from our copy
    const copy = await createDbCatalog({ prisma: t.deps.prisma, businessId: t.businessId, now: () => NOW }).freeWindows({
      locationId: 'LOC-AV', from: slot.start, to: new Date(slot.start.getTime() + 45 * 60_000), staffId: 'STF-01',
    });
    expect(copy.some((w) => w.start <= slot.start && w.end.getTime() >= slot.start.getTime() + 45 * 60_000)).toBe(false);
    const log = await t.deps.prisma.eventLog.findFirstOrThrow({ where: { businessId: t.businessId, kind: 'booking_slot_taken' } });
    expect(log.data).toMatchObject({ stage: 'recheck' });
  });

  it('at the order: the booking is failed with its reason, alternatives offered', async () => {
    const t = await tenant(h);
    const slot = await freeSlot(t, { locationId: 'LOC-AV', serviceId: 'SVC-102', date: DATE, staffId: 'STF-01' });
    h.sim.faults.set({ endpoint: 'AddOrder', kind: 'slot_taken', call: 1 });
    const r = await confirmBooking(request({ items: [{ serviceId: 'SVC-102', ...slot }] }), t.deps);
    expect(r.kind).toBe('slot_taken');
    if (r.kind === 'slot_taken') {
      expect(r.alternatives).toHaveLength(3);
      expect(r.alternatives.map((d) => d.getTime())).not.toContain(slot.start.getTime());
    }
    expect(orders()).toHaveLength(0);
    const row = await t.deps.prisma.booking.findFirstOrThrow({ where: { businessId: t.businessId } });
    expect(row).toMatchObject({ status: 'failed', failureReason: 'slot_taken', providerOrderId: null });
  });

  it('with "anyone": alternatives come from every staff member who performs the service', async () => {
    const t = await tenant(h);
    const slot = await freeSlot(t, { locationId: 'LOC-AV', serviceId: 'SVC-102', date: DATE, staffId: 'STF-01', after: '14:00' });
    h.sim.faults.set({ endpoint: 'AddOrder', kind: 'slot_taken', call: 1 });
    const r = await confirmBooking(request({ items: [{ serviceId: 'SVC-102', ...slot, anyStaff: true }] }), t.deps);
    expect(r).toMatchObject({ kind: 'slot_taken', staffSpecific: false });
    // Maria (STF-02) also does nails at The Avenues and works afternoons: someone is free close by
    if (r.kind === 'slot_taken') expect(r.alternatives).toHaveLength(3);
  });

  it('a later confirmation with a new time books normally', async () => {
    const t = await tenant(h);
    const slot = await freeSlot(t, { locationId: 'LOC-AV', serviceId: 'SVC-102', date: DATE, staffId: 'STF-01' });
    h.sim.faults.set({ endpoint: 'AddOrder', kind: 'slot_taken', call: 1 });
    const conversationId = await t.conversation('+96599887766');
    const taken = await confirmBooking(request({ conversationId, items: [{ serviceId: 'SVC-102', ...slot }] }), t.deps);
    if (taken.kind !== 'slot_taken') throw new Error(taken.kind);
    const retry = await confirmBooking(request({ conversationId, items: [{ serviceId: 'SVC-102', staffId: 'STF-01', start: taken.alternatives[0] }] }), t.deps);
    expect(retry.kind).toBe('booked');
    expect(orders()).toHaveLength(1);
  });
});

describe('confirm: multi-service all or nothing', () => {
  it('cancels a part the provider created and reports it', async () => {
    const t = await tenant(h);
    const first = await freeSlot(t, { locationId: 'LOC-AV', serviceId: 'SVC-102', date: DATE, staffId: 'STF-01', minutes: 90 });
    const second = new Date(first.start.getTime() + 45 * 60_000);
    const real = t.client();
    // a provider that silently drops every line but the first
    const partial: BookingProvider = { ...real, addOrder: (req) => real.addOrder({ ...req, items: req.items.slice(0, 1) }) };
    const r = await confirmBooking(
      request({ items: [{ serviceId: 'SVC-102', ...first }, { serviceId: 'SVC-104', staffId: first.staffId, start: second }] }),
      { ...t.deps, provider: partial },
    );
    expect(r).toMatchObject({ kind: 'failed', reason: 'partial_order' });
    expect(orders()).toHaveLength(1);
    expect(orders()[0].status).toBe('cancelled');
    expect(h.sim.calls().CancelOrder).toBe(1);
    const row = await t.deps.prisma.booking.findFirstOrThrow({ where: { businessId: t.businessId } });
    expect(row.status).toBe('failed');
    expect(row.failureReason).toMatch(/partial order NI-\d+ cancelled/);
    expect(await t.deps.prisma.eventLog.count({ where: { businessId: t.businessId, kind: 'booking_partial_order' } })).toBe(1);
    expect(t.events).toEqual([]);
  });

  it('a provider refusal (4xx) fails the booking without retrying', async () => {
    const t = await tenant(h);
    const slot = await freeSlot(t, { locationId: 'LOC-AV', serviceId: 'SVC-102', date: DATE });
    h.sim.faults.set({ endpoint: 'AddOrder', kind: 'error', status: 422, call: 1 });
    const r = await confirmBooking(request({ items: [{ serviceId: 'SVC-102', ...slot }] }), t.deps);
    expect(r).toMatchObject({ kind: 'failed', reason: 'rejected' });
    expect(h.sim.calls()).toMatchObject({ AddOrder: 1, GetOrder: 0 });
  });
});
