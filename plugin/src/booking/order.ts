/**
 * Sending the order and settling what comes back. AddOrder is not repeatable
 * blindly: after any answer that leaves its effect unknown (timeout, dropped
 * connection, 5xx, unreadable body), the order is looked up by our key before
 * another attempt. Retries stay inside the confirmation's deadline.
 */
import { type OrderRequest, ProviderError, type ProviderOrder } from '../provider/port';
import { emit } from './events';
import { lineKey } from './request';
import { DeadlineExceeded, retry } from '../runtime/retry';
import { GaveUp, note, retryPolicy, type RunCtx, withRetry } from './retry';
import { logEvent, markConfirmed, markUnsettled } from './store';
import type { BookingWithItems } from './types';

export type OrderOutcome =
  | { kind: 'ordered'; order: ProviderOrder }
  | { kind: 'slot_taken' }
  | { kind: 'rejected'; message: string }
  /** `maybeOrdered`: an attempt's effect is unknown and could not be looked up. */
  | { kind: 'gave_up'; reason: 'deadline' | 'circuit_open'; maybeOrdered: boolean };

/** The order is certainly not at the provider after an unknown outcome: AddOrder may be sent again. */
class NotOrdered extends Error {}

/** `resume`: an earlier attempt for this key may have reached the provider (crash, another process): look first. */
export async function placeOrder(ctx: RunCtx, req: OrderRequest, resume = false): Promise<OrderOutcome> {
  const { provider } = ctx.deps;
  if (resume) {
    const found = await lookUp(ctx, req.idempotencyKey);
    if (found.kind !== 'absent') return found;
  }
  const attempt = async (n: number): Promise<OrderOutcome> => {
    try {
      const order = await provider.addOrder(req);
      note(ctx, 'AddOrder', n);
      return { kind: 'ordered', order };
    } catch (err) {
      note(ctx, 'AddOrder', n, err);
      if (!(err instanceof ProviderError)) throw err;
      if (err.kind === 'slot_taken') return { kind: 'slot_taken' };
      if (err.kind === 'circuit_open') return { kind: 'gave_up', reason: 'circuit_open', maybeOrdered: false };
      if (!err.transient && err.kind !== 'malformed') return { kind: 'rejected', message: err.message };
    }
    const found = await lookUp(ctx, req.idempotencyKey);
    if (found.kind !== 'absent') return found;
    throw new NotOrdered();
  };
  try {
    return await retry(attempt, { ...retryPolicy(ctx), retryable: (err) => err instanceof NotOrdered });
  } catch (err) {
    if (err instanceof DeadlineExceeded) return { kind: 'gave_up', reason: 'deadline', maybeOrdered: false };
    throw err;
  }
}

/** After an unknown outcome: the order, its certain absence, or giving up with the question open. */
async function lookUp(ctx: RunCtx, idempotencyKey: string): Promise<OrderOutcome | { kind: 'absent' }> {
  try {
    const order = await withRetry(ctx, 'GetOrder', () => ctx.deps.provider.getOrder({ idempotencyKey }));
    return order ? { kind: 'ordered', order } : { kind: 'absent' };
  } catch (err) {
    if (err instanceof GaveUp) return { kind: 'gave_up', reason: err.reason, maybeOrdered: true };
    if (err instanceof ProviderError) return { kind: 'gave_up', reason: 'deadline', maybeOrdered: true };
    throw err;
  }
}

export type Settled =
  | { kind: 'confirmed'; booking: BookingWithItems; changed: boolean }
  | { kind: 'partial_order' | 'rejected'; booking: BookingWithItems };

/**
 * Stores a provider order against its booking. An order that does not hold
 * every requested line is cancelled (all or nothing); a cancelled one is not
 * a booking.
 */
export async function settleOrder(
  ctx: RunCtx,
  booking: BookingWithItems,
  lines: Array<{ serviceId: string; staffId: string; start: Date }>,
  order: ProviderOrder,
): Promise<Settled> {
  const { deps } = ctx;
  const wanted = lines.map(lineKey).sort().join(',');
  const got = order.items.map(lineKey).sort().join(',');
  if (order.status !== 'confirmed') {
    const failed = await markUnsettled(deps, booking.id, 'failed', `order ${order.orderId} is cancelled at the provider`, ctx.tells);
    await logEvent(deps, 'error', 'booking_failed', `order ${order.orderId} for ${booking.idempotencyKey} is cancelled at the provider`, {
      bookingId: booking.id, orderId: order.orderId, attempts: ctx.attempts,
    });
    return { kind: 'rejected', booking: failed };
  }
  if (wanted !== got) {
    let cancelled = true;
    try {
      await withRetry(ctx, 'CancelOrder', () => deps.provider.cancelOrder(order.orderId));
    } catch (err) {
      if (!(err instanceof ProviderError || err instanceof GaveUp)) throw err;
      cancelled = false;
    }
    const failed = await markUnsettled(deps, booking.id, 'failed', `partial order ${order.orderId}${cancelled ? ' cancelled' : ' NOT cancelled'}`, ctx.tells);
    await logEvent(
      deps,
      'error',
      cancelled ? 'booking_partial_order' : 'booking_partial_order_not_cancelled',
      `the provider created ${order.items.length} of ${lines.length} lines (order ${order.orderId}); ${cancelled ? 'cancelled it' : 'could not cancel it: needs a human'}`,
      { bookingId: booking.id, orderId: order.orderId, wanted, got, attempts: ctx.attempts },
    );
    return { kind: 'partial_order', booking: failed };
  }
  const { booking: confirmed, changed } = await markConfirmed(deps, booking, order, ctx.tells);
  if (changed) {
    await emit(deps, 'bookingConfirmed', {
      businessId: deps.businessId,
      bookingId: confirmed.id,
      conversationId: confirmed.conversationId,
      providerOrderId: order.orderId,
      paymentLink: order.paymentLink,
      rescheduledFromId: confirmed.rescheduledFromId,
    });
  }
  return { kind: 'confirmed', booking: confirmed, changed };
}
