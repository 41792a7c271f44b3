/**
 * An order whose outcome is unknown (AddOrder timed out, GetOrder could not
 * answer within the deadline): the customer is told it is being confirmed,
 * never "nothing was booked"; the booking stays pending with a notice owed;
 * the reconciler settles it with the provider and sends the link, or the
 * failure, exactly once. Real booking service, simulator over HTTP.
 */
import { describe, expect, it } from 'vitest';
import { assistantChat } from '../assistant/testing';
import { createNailItClient } from '../provider/nailit-client';
import { ProviderError, type BookingProvider } from '../provider/port';
import { confirmBooking } from './confirm';
import { reconcilePending, type BookingNotice } from './reconcile';
import { fakeTime, freeSlot, request, tenant, useHarness } from './testing';

const h = useHarness();
const DATE = '2026-03-02';
const orders = () => h.sim.ledger.orders();

/** AddOrder times out (the simulator still takes the order), GetOrder answers 503 until cleared. */
const unknownOutcome = () =>
  h.sim.faults.set([
    { endpoint: 'AddOrder', kind: 'timeout', call: 1 },
    { endpoint: 'GetOrder', kind: 'error', status: 503 },
  ]);

function recorder() {
  const sent: BookingNotice[] = [];
  return { sent, notify: async (n: BookingNotice) => void sent.push(n) };
}

async function pendingUnknown() {
  const t = await tenant(h);
  const conversationId = await t.conversation('+96599887766');
  const slot = await freeSlot(t, { locationId: 'LOC-AV', serviceId: 'SVC-102', date: DATE });
  const req = request({ conversationId, items: [{ serviceId: 'SVC-102', ...slot }], language: 'es' });
  return { t, req, conversationId };
}

describe('outcome unknown', () => {
  it('the chat says it is being confirmed (no "nothing was booked", no person); the reconciler sends the link once', async () => {
    // the chat's booking service: 1 s per provider call, the default deadline on a fake clock
    const provider = createNailItClient({ baseUrl: h.sim.url, timeoutMs: 1000, breaker: { failureThreshold: 100, resetMs: 60_000 } });
    const c = await assistantChat(h, '+96599887766', { ...fakeTime(), config: {}, provider });
    await c.say('Hi, gel manicure at Avenues tomorrow at 5pm please');
    await c.say('anyone is fine');
    expect((await c.say('Fatima Ali')).asked).toBe('confirm');
    unknownOutcome();
    const yes = await c.say('yes');
    expect(yes.replies.at(-1)).toBe("I'm still confirming your booking with the salon. I'll message you here as soon as I know.");
    expect(yes.text).not.toMatch(/nothing was booked/i);
    expect(yes.handoff).toBe(false);
    expect(yes.paymentLink).toBeNull();
    const row = await c.t.deps.prisma.booking.findFirstOrThrow({ where: { businessId: c.t.businessId } });
    expect(row).toMatchObject({ status: 'pending', noticeDue: true, language: 'en' });
    expect(orders()).toHaveLength(1);

    // the provider still cannot say: nothing is told, the notice stays owed
    const r = recorder();
    expect(await reconcilePending(c.t.deps, { notify: r.notify })).toMatchObject({ unresolved: 1, told: 0 });
    expect(r.sent).toEqual([]);

    h.sim.faults.clear();
    expect(await reconcilePending(c.t.deps, { notify: r.notify })).toMatchObject({ confirmed: 1, told: 1 });
    expect(r.sent).toEqual([{ bookingId: row.id, conversationId: row.conversationId, outcome: 'confirmed', paymentLink: orders()[0].paymentLink, language: 'en' }]);
    // later runs (and a second process's) send nothing again
    expect(await reconcilePending(c.t.deps, { notify: r.notify })).toMatchObject({ confirmed: 0, told: 0 });
    expect(r.sent).toHaveLength(1);
    expect(h.sim.calls().AddOrder).toBe(1);

    // the chat goes on as after a booking: no summary with "Shall I book it?" for a booking that is made
    const thanks = await c.say('thank you!');
    expect(thanks.text).not.toMatch(/Shall I book it/);
    expect(thanks.state?.phase).not.toBe('ready_to_confirm');
    expect(orders()).toHaveLength(1);
  });

  it('before the reconciler has settled it, the next message shows the summary again and a yes resumes the same booking', async () => {
    const provider = createNailItClient({ baseUrl: h.sim.url, timeoutMs: 1000, breaker: { failureThreshold: 100, resetMs: 60_000 } });
    const c = await assistantChat(h, '+96599887766', { ...fakeTime(), config: {}, provider });
    await c.say('Hi, gel manicure at Avenues tomorrow at 5pm please');
    await c.say('anyone is fine');
    await c.say('Fatima Ali');
    unknownOutcome();
    expect((await c.say('yes')).replies.at(-1)).toMatch(/still confirming/);
    h.sim.faults.clear();
    expect((await c.say('any news?')).asked).toBe('confirm');
    const again = await c.say('yes');
    expect(again.paymentLink).toBe(orders()[0].paymentLink);
    expect(orders()).toHaveLength(1);
    // the reply gave the link: the reconciler owes nothing
    const r = recorder();
    expect(await reconcilePending(c.t.deps, { notify: r.notify })).toMatchObject({ told: 0 });
  });

  it('no order at the provider after all: failed, the customer told once that it did not go through', async () => {
    const { t, req, conversationId } = await pendingUnknown();
    const clock = fakeTime();
    // the request was lost on the way: AddOrder's effect is unknown to us, and the provider has nothing
    const lost: BookingProvider = { ...t.client({ timeoutMs: 1000 }), addOrder: () => Promise.reject(new ProviderError('timeout', 'AddOrder', 'timed out')) };
    h.sim.faults.set({ endpoint: 'GetOrder', kind: 'error', status: 503 });
    const r = await confirmBooking(req, { ...t.deps, ...clock, config: {}, provider: lost });
    expect(r.kind).toBe('outcome_unknown');

    h.sim.faults.clear();
    const rec = recorder();
    expect(await reconcilePending(t.deps, { notify: rec.notify })).toMatchObject({ failed: 1, told: 1 });
    expect(rec.sent).toEqual([expect.objectContaining({ conversationId, outcome: 'failed', paymentLink: null, language: 'es' })]);
    expect(await reconcilePending(t.deps, { notify: rec.notify })).toMatchObject({ failed: 0, told: 0 });
    expect(rec.sent).toHaveLength(1);
    expect(orders()).toHaveLength(0);
  });

  it('a notice that could not be sent is owed again, and sent by the next run', async () => {
    const { t, req } = await pendingUnknown();
    unknownOutcome();
    expect((await confirmBooking(req, { ...t.deps, ...fakeTime(), config: {}, provider: t.client({ timeoutMs: 1000 }) })).kind).toBe('outcome_unknown');
    h.sim.faults.clear();
    const failing = async () => {
      throw new Error('channel down');
    };
    expect(await reconcilePending(t.deps, { notify: failing })).toMatchObject({ confirmed: 1, told: 0, notSent: 1 });
    const rec = recorder();
    expect(await reconcilePending(t.deps, { notify: rec.notify })).toMatchObject({ told: 1 });
    expect(rec.sent.map((n) => n.outcome)).toEqual(['confirmed']);
  });

  it('a booking whose reply told the customer owes nothing; one interrupted by a crash is told by the reconciler', async () => {
    const { t, req } = await pendingUnknown();
    const told = await confirmBooking(req, t.deps);
    expect(told.kind).toBe('booked');
    const rec = recorder();
    expect(await reconcilePending(t.deps, { notify: rec.notify })).toMatchObject({ told: 0 });

    // the process dies after the provider took the order: nobody told the customer anything
    const slot = await freeSlot(t, { locationId: 'LOC-AV', serviceId: 'SVC-102', date: DATE, after: '15:00' });
    const crashed = { ...req, confirmationId: `${req.confirmationId}-2`, items: [{ serviceId: 'SVC-102', ...slot }] };
    const crashing: BookingProvider = {
      ...t.client(),
      addOrder: async (o) => {
        await t.client().addOrder(o);
        throw new Error('process crashed');
      },
    };
    await expect(confirmBooking(crashed, { ...t.deps, provider: crashing })).rejects.toThrow('process crashed');
    expect(await reconcilePending(t.deps, { notify: rec.notify })).toMatchObject({ confirmed: 1, told: 1 });
    expect(rec.sent).toEqual([expect.objectContaining({ outcome: 'confirmed', paymentLink: orders()[1].paymentLink })]);
  });

  it('settled at start-up (no messages yet), then the yes again gets the link in the reply: the schedule sends nothing more', async () => {
    const { t, req } = await pendingUnknown();
    const crashing: BookingProvider = {
      ...t.client(),
      addOrder: async (o) => {
        await t.client().addOrder(o);
        throw new Error('process crashed');
      },
    };
    await expect(confirmBooking(req, { ...t.deps, provider: crashing })).rejects.toThrow('process crashed');
    expect(await reconcilePending(t.deps)).toMatchObject({ confirmed: 1, told: 0 });
    const again = await confirmBooking(req, t.deps);
    expect(again).toMatchObject({ kind: 'already_booked', booking: { paymentLink: orders()[0].paymentLink } });
    const rec = recorder();
    expect(await reconcilePending(t.deps, { notify: rec.notify })).toMatchObject({ told: 0 });
    expect(rec.sent).toEqual([]);
  });
});
