/**
 * Confirming a booking at the customer's "yes":
 *   1. this confirmation already booked → return it, no provider call;
 *   2. re-check the slot live;
 *   3. store a pending booking under the idempotency key;
 *   4. AddOrder (looked up by key after an unknown outcome, retried in the deadline);
 *   5. store the order id and payment link.
 * A booking left pending by a crash or by another process is resumed by key
 * instead, so every path ends with at most one provider order. When the order
 * may have reached the provider and it cannot be asked in time, the outcome is
 * unknown: never reported as "nothing booked"; the booking stays pending with
 * its notice owed, and the reconciler tells the customer once it is known.
 */
import { ProviderError } from '../provider/port';
import { placeOrder, settleOrder } from './order';
import { type ResolvedRequest, resolveRows } from './request';
import { GaveUp, type RunCtx, startRun } from './retry';
import { recheckLive } from './recheck';
import { slotTaken } from './slot-taken';
import { readConfirmStart } from './sql';
import { bookingSql, claimPending, findStatus, loadBooking, logEvent, markUnsettled, settleNotice } from './store';
import { type BookingDeps, type BookingRequest, type BookingWithItems, type ConfirmResult, idempotencyKey } from './types';

export async function confirmBooking(req: BookingRequest, deps: BookingDeps): Promise<ConfirmResult> {
  const key = idempotencyKey(deps.businessId, req);
  const result = await joinedConfirm(key, req, deps);
  // the reply gives the link of a booking found made (a yes again after a crash or an unknown outcome): no notice owed
  if (result.kind === 'already_booked' && result.booking.status === 'confirmed') await settleNotice(deps, result.booking.id);
  return result;
}

async function joinedConfirm(key: string, req: BookingRequest, deps: BookingDeps): Promise<ConfirmResult> {
  if (!deps.flights) return confirmOnce(key, req, deps);
  const { promise, joined } = deps.flights.run(key, () => confirmOnce(key, req, deps));
  const result = await promise;
  // the second "yes" of a pair gets the first one's booking, not a second confirmation message
  return joined && result.kind === 'booked' ? { kind: 'already_booked', booking: result.booking } : result;
}

/** Whether this confirmation's booking is made (read only: it tells nobody, so any notice stays owed). */
export async function isConfirmed(req: Pick<BookingRequest, 'conversationId' | 'customer' | 'confirmationId'>, deps: BookingDeps): Promise<boolean> {
  return (await findStatus(deps, idempotencyKey(deps.businessId, req)))?.status === 'confirmed';
}

/** The booking this confirmation already made, if it was made (a second "yes" after the slot left our copy). */
export async function findConfirmed(req: Pick<BookingRequest, 'conversationId' | 'customer' | 'confirmationId'>, deps: BookingDeps): Promise<BookingWithItems | null> {
  const existing = await findStatus(deps, idempotencyKey(deps.businessId, req));
  if (existing?.status !== 'confirmed') return null;
  // the caller's reply gives its link
  await settleNotice(deps, existing.id);
  return loadBooking(deps, existing.id);
}

async function confirmOnce(key: string, req: BookingRequest, deps: BookingDeps): Promise<ConfirmResult> {
  // the key's booking and the request's catalog rows, in one statement
  const start = await readConfirmStart(bookingSql(deps), {
    businessId: deps.businessId, key, locationId: req.locationId, serviceIds: req.items.map((i) => i.serviceId), staffIds: req.items.map((i) => i.staffId),
  });
  const { existing } = start;
  if (existing && (existing.status === 'confirmed' || existing.status === 'cancelled')) return { kind: 'already_booked', booking: await loadBooking(deps, existing.id) };
  const ctx = startRun(deps);
  const r = resolveRows(req, start);
  if (existing?.status === 'pending') return order(ctx, key, req, r, await loadBooking(deps, existing.id), true);

  let taken: number;
  try {
    taken = await recheckLive(ctx, r);
  } catch (err) {
    return providerDown(ctx, key, r, null, err);
  }
  if (taken >= 0) {
    await logEvent(deps, 'warn', 'booking_slot_taken', `slot taken at re-check: ${r.items[taken].serviceId} with ${r.items[taken].staffId} at ${r.items[taken].start.toISOString()}`, {
      idempotencyKey: key, stage: 'recheck', item: r.items[taken].serviceId, attempts: ctx.attempts,
    });
    return slotTaken(deps, r);
  }

  const claim = await claimPending(deps, key, req, r);
  if (claim.booking.status === 'confirmed' || claim.booking.status === 'cancelled') return { kind: 'already_booked', booking: claim.booking };
  return order(ctx, key, req, r, claim.booking, !claim.owned);
}

/** Steps 4–5 for a stored pending booking (ours, or one found pending: the provider dedupes by key). */
async function order(ctx: RunCtx, key: string, req: BookingRequest, r: ResolvedRequest, booking: BookingWithItems, resume: boolean): Promise<ConfirmResult> {
  const { deps } = ctx;
  const outcome = await placeOrder(ctx, {
    idempotencyKey: key,
    locationId: r.location.externalId,
    customer: { name: req.customer.name, phone: req.customer.phone, email: req.customer.email ?? null },
    items: r.items.map((i) => ({ serviceId: i.serviceId, staffId: i.staffId, start: i.start.toISOString() })),
  }, resume);
  switch (outcome.kind) {
    case 'ordered': {
      const settled = await settleOrder(ctx, booking, r.items, outcome.order);
      if (settled.kind !== 'confirmed') return { kind: 'failed', reason: settled.kind, booking: settled.booking };
      if (!settled.changed) return { kind: 'already_booked', booking: settled.booking };
      return { kind: 'booked', booking: settled.booking, paymentLink: outcome.order.paymentLink };
    }
    case 'slot_taken': {
      await markUnsettled(deps, booking.id, 'failed', 'slot_taken', true);
      await logEvent(deps, 'warn', 'booking_slot_taken', `slot taken at order for ${key}`, { idempotencyKey: key, bookingId: booking.id, stage: 'order', attempts: ctx.attempts });
      return slotTaken(deps, r);
    }
    case 'rejected': {
      const failed = await markUnsettled(deps, booking.id, 'failed', `rejected: ${outcome.message}`, true);
      await logEvent(deps, 'error', 'booking_failed', `the provider rejected the order for ${key}: ${outcome.message}`, { idempotencyKey: key, bookingId: booking.id, attempts: ctx.attempts });
      return { kind: 'failed', reason: 'rejected', booking: failed };
    }
    case 'gave_up':
      return providerDown(ctx, key, r, booking, new Error(outcome.reason), outcome);
  }
}

async function providerDown(
  ctx: RunCtx,
  key: string,
  r: ResolvedRequest,
  booking: BookingWithItems | null,
  err: unknown,
  outcome?: { reason: 'deadline' | 'circuit_open'; maybeOrdered: boolean },
): Promise<ConfirmResult> {
  if (!outcome && !(err instanceof GaveUp || err instanceof ProviderError)) throw err;
  const reason = outcome?.reason ?? (err instanceof GaveUp ? err.reason : 'error');
  // an order that may exist keeps the booking pending: the reconciler (or the next "yes") settles it and tells the customer
  const status = outcome?.maybeOrdered ? 'pending' : 'failed';
  const stored = booking ? await markUnsettled(ctx.deps, booking.id, status, `provider_down: ${reason}`, true) : null;
  await logEvent(ctx.deps, 'error', status === 'pending' ? 'booking_outcome_unknown' : 'booking_provider_down', `provider unavailable (${reason}) while booking ${key}; booking ${booking ? status : 'not stored'}`, {
    error: err instanceof Error ? err.message : String(err),
    idempotencyKey: key,
    bookingId: booking?.id ?? null,
    locationId: r.location.externalId,
    items: r.items.map((i) => ({ serviceId: i.serviceId, staffId: i.staffId, start: i.start.toISOString() })),
    attempts: ctx.attempts,
  });
  // settled meanwhile by another process: said as the next "yes" would find it
  if (stored?.status === 'confirmed') return { kind: 'already_booked', booking: stored };
  if (stored?.status === 'pending' && outcome?.reason) return { kind: 'outcome_unknown', reason: outcome.reason, booking: stored };
  return { kind: 'provider_down', reason };
}
