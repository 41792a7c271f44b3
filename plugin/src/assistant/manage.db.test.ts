/**
 * Cancel, reschedule and "my bookings" through `respond` (engine → step →
 * booking service) on the embedded DB, against the simulator over HTTP.
 */
import { describe, expect, it } from 'vitest';
import { createBookingService } from '../booking';
import { freeSlot, request, useHarness, type Tenant } from '../booking/testing';
import type { BookingDeps, BookingWithItems } from '../booking/types';
import { assistantChat } from './testing';

const h = useHarness();

const PHONE = '+96599887766';
const TOMORROW = '2026-03-02';

const setup = (over: Partial<BookingDeps> = {}) => assistantChat(h, PHONE, over);

/** A Gel Manicure with Sara for PHONE (or `phone`) at the first free start after `after`. Our slot copy is not refreshed by it. */
async function book(t: Tenant, q: { date?: string; after?: string; phone?: string; start?: Date } = {}): Promise<BookingWithItems> {
  const slot = q.start ? { staffId: 'STF-01', start: q.start } : await freeSlot(t, { locationId: 'LOC-AV', serviceId: 'SVC-102', date: q.date ?? TOMORROW, staffId: 'STF-01', after: q.after });
  const r = await createBookingService(t.deps).confirm(request({ items: [{ serviceId: 'SVC-102', ...slot }] }, q.phone ?? PHONE));
  if (r.kind !== 'booked') throw new Error(`could not book: ${r.kind}`);
  return r.booking;
}

const status = async (t: Tenant, id: string) => (await t.deps.prisma.booking.findUniqueOrThrow({ where: { id } })).status;

describe('my bookings', () => {
  it('en, none: a polite line and the usual offer to book', async () => {
    const c = await setup();
    const r = await c.say('what are my bookings?');
    expect(r.text).toContain("You don't have any upcoming bookings");
    expect(r.asked).toBe('location');
  });

  it('ar, one: date, time and place in Arabic, status and an intact payment link', async () => {
    const c = await setup();
    const b = await book(c.t, { after: '17:00' });
    const r = await c.say('وش مواعيدي؟');
    expect(r.text).toContain('مواعيدك الجاية');
    expect(r.text).toContain('مانيكير جل');
    expect(r.text).toContain('الأفنيوز');
    expect(r.text).toContain('مؤكد');
    expect(r.text).toContain(b.paymentLink!);
    expect(r.text).toMatch(/[٠-٩]/); // the time in Arabic-Indic digits
    expect(r.asked).toBeNull();
  });

  it('es, several: soonest first', async () => {
    const c = await setup();
    await book(c.t, { date: '2026-03-03' });
    await book(c.t, { after: '15:00' });
    const r = await c.say('Hola, ¿cuáles son mis citas?');
    expect(r.text).toContain('Tus próximas citas');
    expect(r.text.indexOf('2 de marzo')).toBeGreaterThan(-1);
    expect(r.text.indexOf('2 de marzo')).toBeLessThan(r.text.indexOf('3 de marzo'));
  });
});

describe('cancel', () => {
  it('en: the only booking, after a yes; then a normal booking works', async () => {
    const c = await setup();
    const b = await book(c.t);
    const ask = await c.say('Hi, I need to cancel my booking');
    expect(ask.asked).toBe('confirm_cancel');
    expect(ask.text).toContain('Gel Manicure with Sara at The Avenues');
    const done = await c.say('yes');
    expect(done.text).toContain('is cancelled');
    expect(await status(c.t, b.id)).toBe('cancelled');
    expect(h.sim.ledger.orders()[0].status).toBe('cancelled');
    expect(c.state.flow).toBe('book');

    expect((await c.say('gel manicure at the Avenues tomorrow with anyone')).asked).toBe('time');
    expect((await c.say('the first one')).asked).toBe('name');
    expect((await c.say('Noura Ali')).asked).toBe('confirm');
    expect((await c.say('yes')).paymentLink).toMatch(/\/pay\//);
  });

  it('ar: the second of two, picked by number', async () => {
    const c = await setup();
    const first = await book(c.t);
    const second = await book(c.t, { date: '2026-03-03' });
    const ask = await c.say('ابي الغي موعدي');
    expect(ask.asked).toBe('booking');
    expect(ask.text).toContain('١.');
    const confirm = await c.say('٢');
    expect(confirm.asked).toBe('confirm_cancel');
    const done = await c.say('نعم');
    expect(done.text).toContain('انلغى');
    expect([await status(c.t, first.id), await status(c.t, second.id)]).toEqual(['confirmed', 'cancelled']);
  });

  it('en: the bookings listed are cancelled elsewhere before the answer: no empty "which booking?" list', async () => {
    const c = await setup();
    const first = await book(c.t);
    const second = await book(c.t, { date: '2026-03-03' });
    expect((await c.say('cancel my booking')).asked).toBe('booking');
    // the owner cancels both from the console meanwhile
    for (const b of [first, second]) expect((await createBookingService(c.t.deps).cancel({ bookingId: b.id })).kind).toBe('cancelled');
    const r = await c.say('the first one');
    expect(r.text).toContain("You don't have any upcoming bookings");
    expect(r.text).not.toMatch(/reply with its number:\s*$/);
    expect(r.asked).not.toBe('booking');
  });

  it('en: "no" keeps it; provider down → nothing changed, a human', async () => {
    const c = await setup({ sleep: async () => undefined, config: { deadlineMs: 0 } });
    const b = await book(c.t);
    await c.say('cancel my appointment please');
    expect((await c.say('no')).text).toContain("I've kept your booking");
    await c.say('cancel my appointment please');
    h.sim.faults.set({ endpoint: 'CancelOrder', kind: 'error', status: 500 });
    const r = await c.say('yes cancel it');
    expect(r.text).toContain('was not cancelled');
    expect(r.handoff).toBe(true);
    expect(await status(c.t, b.id)).toBe('confirmed');
  });
});

describe('reschedule', () => {
  it('es: pick a new time, confirm old → new, new link, old cancelled', async () => {
    const c = await setup();
    const old = await book(c.t, { after: '16:00' });
    const time = await c.say('Hola, quiero cambiar mi cita');
    expect(time.asked).toBe('time');
    expect(time.text).toContain('Vamos a cambiar tu cita');
    const day = await c.say('mañana');
    expect(day.asked).toBe('time');
    expect(c.state.offered?.slot).toBe('time');
    const confirm = await c.say('la primera');
    expect(confirm.asked).toBe('confirm');
    expect(confirm.text).toMatch(/De: .*\nA: /);
    const done = await c.say('sí');
    expect(done.text).toContain('quedó cancelada');
    expect(done.paymentLink).toMatch(/\/pay\//);
    expect(await status(c.t, old.id)).toBe('cancelled');
    const moved = await c.t.deps.prisma.booking.findFirstOrThrow({ where: { rescheduledFromId: old.id } });
    expect(moved.status).toBe('confirmed');
    expect(c.state.flow).toBe('book');
  });

  it('en: the new time was just taken → alternatives, time asked again, then moved', async () => {
    const c = await setup();
    const old = await book(c.t, { after: '16:00' });
    await c.say('I want to reschedule my appointment');
    await c.say('tomorrow');
    const first = c.state.offered!.options[0];
    // someone else takes it at the provider; our copy does not know yet
    await book(c.t, { phone: '+96511112222', start: new Date(`${first}:00+03:00`) });
    expect((await c.say('the first one')).asked).toBe('confirm');
    const taken = await c.say('yes');
    expect(taken.text).toContain('was just taken');
    expect(taken.asked).toBe('time');
    expect(c.state).toMatchObject({ flow: 'reschedule', bookingId: old.id, slots: { time: null } });
    expect(await status(c.t, old.id)).toBe('confirmed');
    expect((await c.say('1')).asked).toBe('confirm');
    expect((await c.say('yes')).paymentLink).toMatch(/\/pay\//);
    expect(await status(c.t, old.id)).toBe('cancelled');
  });

  it('en: the provider fails → apology, old booking kept and said so, a human', async () => {
    const c = await setup({ sleep: async () => undefined, config: { deadlineMs: 0 } });
    const old = await book(c.t, { after: '16:00' });
    // one booking, so the date and time in the same message are the new ones
    expect((await c.say('reschedule my booking to tomorrow at 1pm')).asked).toBe('confirm');
    h.sim.faults.set({ endpoint: 'AddOrder', kind: 'error', status: 500 });
    const r = await c.say('yes');
    expect(r.text).toContain('your booking on Monday, March 2');
    expect(r.text).toContain('is kept');
    expect(r.handoff).toBe(true);
    expect(await status(c.t, old.id)).toBe('confirmed');
    expect(h.sim.ledger.orders().filter((o) => o.status === 'confirmed')).toHaveLength(1);
  });
});

describe('switching flows', () => {
  it('en: cancel → my bookings → start over → reschedule → a new booking instead', async () => {
    const c = await setup();
    await book(c.t);
    await book(c.t, { date: '2026-03-03' });
    expect((await c.say('cancel my booking')).asked).toBe('booking');
    const list = await c.say('show my bookings');
    expect(list.text).toContain('Your upcoming bookings');
    expect(list.asked).toBe('booking'); // the pending question comes back after the answer
    expect((await c.say('start over')).asked).toBe('location');
    expect(c.state.flow).toBe('book');
    expect((await c.say('I want to reschedule my appointment')).asked).toBe('booking');
    const booking = await c.say('actually I want a gel pedicure at Marina Mall');
    expect(c.state.flow).toBe('book');
    expect(booking.asked).toBe('staff');
    expect(c.state.slots.location).toBe('LOC-MM');
    const cancel = await c.say('cancel my booking on Tuesday');
    expect(cancel.asked).toBe('confirm_cancel');
    expect(cancel.text).toContain('Tuesday, March 3');
  });
});

describe('yes again after booking', () => {
  it('repeats the payment link; once the booking was cancelled elsewhere, says so and orders nothing', async () => {
    const c = await setup();
    const slot = await freeSlot(c.t, { locationId: 'LOC-AV', serviceId: 'SVC-102', date: TOMORROW, staffId: 'STF-01' });
    const hour = slot.start.toLocaleTimeString('en-GB', { timeZone: 'Asia/Kuwait', hour: '2-digit', minute: '2-digit' });
    await c.say(`gel manicure at Avenues tomorrow at ${hour} with Sara`);
    await c.say('Fatima Ali');
    const first = await c.say('yes');
    expect(first.paymentLink).toBeTruthy();
    const again = await c.say('yes');
    expect(again.text).toContain('That booking is already made');
    expect(again.paymentLink).toBe(first.paymentLink);

    // the business cancels it at the provider and in our records; the customer says yes once more
    const [booking] = await c.t.deps.prisma.booking.findMany({ where: { businessId: c.t.businessId, status: 'confirmed' } });
    await c.booking.cancel({ bookingId: booking.id });
    const third = await c.say('yes');
    expect(third.text).toContain('That booking has been cancelled');
    expect(third.paymentLink).toBeNull();
    expect(third.state?.phase).toBe('collecting');
    expect(await c.t.deps.prisma.booking.count({ where: { businessId: c.t.businessId } })).toBe(1);
  });
});

describe('handoff', () => {
  it('silent while a person has the chat; once released, the bot answers again and does not hand it back', async () => {
    const c = await setup();
    expect((await c.say('talk to a human')).handoff).toBe(true);
    const silent = await c.say('hello?');
    expect(silent.outcome).toBe('silent');
    expect(silent.replies).toEqual([]);
    const conversationId = (await c.t.deps.prisma.conversation.findFirstOrThrow({ where: { businessId: c.t.businessId } })).id;
    await c.booking.releaseHandoff({ conversationId, by: 'owner' });
    const back = await c.say('gel manicure at Avenues tomorrow');
    expect(back.handoff).toBe(false);
    expect(back.outcome).toBe('asked');
    expect(back.text).toContain('Gel Manicure');
  });
});
