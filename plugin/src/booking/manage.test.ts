import { describe, expect, it } from 'vitest';
import { cancelBooking } from './cancel';
import { confirmBooking } from './confirm';
import { isHandedOff, releaseHandoff, requestHandoff } from './handoff';
import { listUpcomingBookings } from './list';
import { rescheduleBooking } from './reschedule';
import { freeSlot, request, useHarness, type Tenant, tenant } from './testing';
import type { BookingWithItems } from './types';

const h = useHarness();

const DATE = '2026-03-02';
const PHONE = '+96599887766';

/** Our slot copy is not refreshed after a booking: each booking of a test uses its own staff member and date. */
async function book(t: Tenant, q: { staffId?: string; date?: string; after?: string; phone?: string } = {}): Promise<BookingWithItems> {
  const serviceId = 'SVC-102';
  const slot = await freeSlot(t, { locationId: 'LOC-AV', serviceId, date: q.date ?? DATE, staffId: q.staffId ?? 'STF-01', after: q.after });
  const r = await confirmBooking(request({ items: [{ serviceId, ...slot }] }, q.phone ?? PHONE), t.deps);
  if (r.kind !== 'booked') throw new Error(`could not book: ${r.kind}`);
  return r.booking;
}

describe('cancel', () => {
  it('cancels at the provider, then here, once', async () => {
    const t = await tenant(h);
    const booking = await book(t);
    const r = await cancelBooking({ bookingId: booking.id, phone: PHONE }, t.deps);
    expect(r.kind).toBe('cancelled');
    expect(h.sim.ledger.orders()[0].status).toBe('cancelled');
    expect(await t.deps.prisma.booking.findUniqueOrThrow({ where: { id: booking.id } })).toMatchObject({ status: 'cancelled' });
    expect(t.events.map((e) => e.name)).toEqual(['bookingConfirmed', 'bookingCancelled']);

    const again = await cancelBooking({ bookingId: booking.id }, t.deps);
    expect(again.kind).toBe('cancelled');
    expect(h.sim.calls().CancelOrder).toBe(1);
    expect(t.events).toHaveLength(2);
  });

  it("does not cancel another customer's booking, nor one that is not confirmed", async () => {
    const t = await tenant(h);
    const booking = await book(t);
    expect(await cancelBooking({ bookingId: booking.id, phone: '+96511112222' }, t.deps)).toEqual({ kind: 'not_found' });
    await t.deps.prisma.booking.update({ where: { id: booking.id }, data: { status: 'failed' } });
    expect((await cancelBooking({ bookingId: booking.id }, t.deps)).kind).toBe('not_cancellable');
    expect(h.sim.calls().CancelOrder).toBe(0);
  });

  it('keeps the booking when the provider cannot cancel it', async () => {
    const t = await tenant(h);
    const booking = await book(t);
    h.sim.faults.set({ endpoint: 'CancelOrder', kind: 'error', status: 500 });
    const r = await cancelBooking({ bookingId: booking.id }, { ...t.deps, sleep: async () => undefined, config: { deadlineMs: 0 } });
    expect(r).toEqual({ kind: 'provider_down', reason: 'deadline' });
    expect(await t.deps.prisma.booking.findUniqueOrThrow({ where: { id: booking.id } })).toMatchObject({ status: 'confirmed' });
    expect(await t.deps.prisma.eventLog.count({ where: { businessId: t.businessId, kind: 'booking_cancel_failed' } })).toBe(1);
  });
});

describe('reschedule', () => {
  it('orders the new time, then cancels the old booking', async () => {
    const t = await tenant(h);
    const old = await book(t);
    const slot = await freeSlot(t, { locationId: 'LOC-AV', serviceId: 'SVC-102', date: '2026-03-03', staffId: 'STF-01' });
    const r = await rescheduleBooking({ bookingId: old.id, phone: PHONE, items: [{ serviceId: 'SVC-102', ...slot }], confirmationId: 'r1' }, t.deps);
    expect(r.kind).toBe('rescheduled');
    if (r.kind !== 'rescheduled') return;
    expect(r.oldCancelled).toBe(true);
    expect(r.booking).toMatchObject({ status: 'confirmed', rescheduledFromId: old.id });
    expect(r.paymentLink).toMatch(/\/pay\//);
    expect(r.old.status).toBe('cancelled');
    const [first, second] = h.sim.ledger.orders();
    expect([first.status, second.status]).toEqual(['cancelled', 'confirmed']);
    expect(t.events.map((e) => e.name)).toEqual(['bookingConfirmed', 'bookingConfirmed', 'bookingCancelled']);
  });

  it('keeps the old booking when the new order fails', async () => {
    const t = await tenant(h);
    const old = await book(t);
    const slot = await freeSlot(t, { locationId: 'LOC-AV', serviceId: 'SVC-102', date: '2026-03-03', staffId: 'STF-01' });
    h.sim.faults.set({ endpoint: 'AddOrder', kind: 'slot_taken', call: 1 });
    const r = await rescheduleBooking({ bookingId: old.id, items: [{ serviceId: 'SVC-102', ...slot }], confirmationId: 'r1' }, t.deps);
    expect(r.kind).toBe('slot_taken');
    expect(h.sim.calls().CancelOrder).toBe(0);
    expect(h.sim.ledger.orders()).toHaveLength(1);
    expect(h.sim.ledger.orders()[0].status).toBe('confirmed');
    expect(await t.deps.prisma.booking.findUniqueOrThrow({ where: { id: old.id } })).toMatchObject({ status: 'confirmed' });
  });

  it('a repeated "yes" to the same reschedule changes nothing more', async () => {
    const t = await tenant(h);
    const old = await book(t);
    const slot = await freeSlot(t, { locationId: 'LOC-AV', serviceId: 'SVC-102', date: '2026-03-03', staffId: 'STF-01' });
    const q = { bookingId: old.id, items: [{ serviceId: 'SVC-102', ...slot }], confirmationId: 'r1' };
    expect((await rescheduleBooking(q, t.deps)).kind).toBe('rescheduled');
    expect((await rescheduleBooking(q, t.deps)).kind).toBe('not_reschedulable');
    expect(h.sim.ledger.orders()).toHaveLength(2);
  });
});

describe('my bookings', () => {
  it('lists upcoming bookings soonest first, in the location time zone, with place, status and link', async () => {
    const t = await tenant(h);
    const later = await book(t, { date: '2026-03-03' });
    const sooner = await book(t, { after: '15:00' });
    const gone = await book(t, { staffId: 'STF-02' });
    await cancelBooking({ bookingId: gone.id }, t.deps);
    await book(t, { phone: '+96511112222', date: '2026-03-03', staffId: 'STF-02' });

    const list = await listUpcomingBookings({ phone: PHONE }, t.deps);
    expect(list.map((b) => b.id)).toEqual([sooner.id, later.id]);
    const first = list[0];
    expect(first).toMatchObject({
      status: 'confirmed',
      paymentLink: sooner.paymentLink,
      total: 10,
      currency: 'KWD',
      date: DATE,
      location: { id: 'LOC-AV', name: 'The Avenues', timezone: 'Asia/Kuwait' },
      items: [{ serviceId: 'SVC-102', serviceName: 'Gel Manicure', staffName: 'Sara' }],
    });
    // Kuwait is UTC+3: the local time is three hours after the UTC one
    const utc = sooner.items[0].start;
    expect(first.time).toBe(`${String((utc.getUTCHours() + 3) % 24).padStart(2, '0')}:${String(utc.getUTCMinutes()).padStart(2, '0')}`);
    expect(first.time >= '15:00').toBe(true);
  });
});

describe('handoff', () => {
  it('marks the conversation, logs, notifies once, and releases', async () => {
    const t = await tenant(h);
    const conversationId = await t.conversation(PHONE);
    const summary = 'Gel Manicure at The Avenues, Mon 2 Mar 17:00 with Sara — provider down';
    expect(await requestHandoff({ conversationId, reason: 'provider_down', summary }, t.deps)).toEqual({ alreadyRequested: false });
    expect(await isHandedOff(conversationId, t.deps)).toBe(true);
    expect(await requestHandoff({ conversationId, reason: 'customer_asked', summary }, t.deps)).toEqual({ alreadyRequested: true });
    expect(t.events).toEqual([
      { name: 'handoffRequested', payload: { businessId: t.businessId, conversationId, reason: 'provider_down', summary, customerPhone: PHONE } },
    ]);
    const log = await t.deps.prisma.eventLog.findMany({ where: { businessId: t.businessId, kind: 'handoff_requested' } });
    expect(log).toHaveLength(1);
    expect(log[0].data).toMatchObject({ conversationId, summary });

    expect(await releaseHandoff({ conversationId, by: 'owner' }, t.deps)).toEqual({ released: true });
    expect(await isHandedOff(conversationId, t.deps)).toBe(false);
    expect(await releaseHandoff({ conversationId }, t.deps)).toEqual({ released: false });
  });

  it("refuses another tenant's conversation", async () => {
    const t = await tenant(h);
    const other = await tenant(h);
    const conversationId = await other.conversation(PHONE);
    await expect(requestHandoff({ conversationId, reason: 'x', summary: 'y' }, t.deps)).rejects.toThrow(/no conversation/);
  });
});
