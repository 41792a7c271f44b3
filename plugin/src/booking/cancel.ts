/**
 * Cancelling a confirmed, upcoming booking: at the provider first, then in
 * our database. Cancelling twice is harmless (the second call changes nothing
 * and calls nobody).
 */
import { ProviderError } from '../provider/port';
import { emit } from './events';
import { GaveUp, startRun, withRetry } from './retry';
import { loadBooking, logEvent } from './store';
import type { BookingDeps, BookingWithItems } from './types';

export type CancelResult =
  | { kind: 'cancelled'; booking: BookingWithItems }
  | { kind: 'not_found' }
  /** Not confirmed (pending, failed) or already started. */
  | { kind: 'not_cancellable'; booking: BookingWithItems }
  | { kind: 'provider_down'; reason: 'deadline' | 'circuit_open' | 'rejected' };

/** `phone`, when given, must be the booking's customer: one customer cannot cancel another's booking. */
export async function cancelBooking(q: { bookingId: string; phone?: string }, deps: BookingDeps): Promise<CancelResult> {
  const booking = await deps.prisma.booking.findFirst({
    where: { id: q.bookingId, businessId: deps.businessId, ...(q.phone ? { customer: { phone: q.phone } } : {}) },
    include: { items: { orderBy: { start: 'asc' } } },
  });
  if (!booking) return { kind: 'not_found' };
  if (booking.status === 'cancelled') return { kind: 'cancelled', booking };
  const started = booking.items.some((i) => i.start <= deps.now());
  if (booking.status !== 'confirmed' || !booking.providerOrderId || started) return { kind: 'not_cancellable', booking };

  const ctx = startRun(deps);
  const orderId = booking.providerOrderId;
  try {
    await withRetry(ctx, 'CancelOrder', () => deps.provider.cancelOrder(orderId));
  } catch (err) {
    const gone = err instanceof ProviderError && err.kind === 'not_found';
    if (!gone) {
      if (!(err instanceof ProviderError || err instanceof GaveUp)) throw err;
      const reason = err instanceof GaveUp ? err.reason : 'rejected';
      await logEvent(deps, 'error', 'booking_cancel_failed', `could not cancel order ${orderId} (${reason}): ${err.message}`, { bookingId: booking.id, attempts: ctx.attempts });
      return { kind: 'provider_down', reason };
    }
    // the provider does not know the order: nothing to cancel there, and ours must not stay confirmed
    await logEvent(deps, 'warn', 'booking_cancel_unknown_order', `order ${orderId} is unknown at the provider; cancelled here`, { bookingId: booking.id });
  }
  const { count } = await deps.prisma.booking.updateMany({ where: { id: booking.id, status: 'confirmed' }, data: { status: 'cancelled' } });
  if (count === 1) {
    await emit(deps, 'bookingCancelled', { businessId: deps.businessId, bookingId: booking.id, conversationId: booking.conversationId, providerOrderId: orderId });
  }
  return { kind: 'cancelled', booking: await loadBooking(deps, booking.id) };
}
