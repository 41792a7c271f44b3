/**
 * Start-up reconciliation: a booking still pending was interrupted between
 * storing it and storing the order's outcome (a crash, a deadline with the
 * outcome unknown). The provider is asked by idempotency key, never ordered
 * again: an order found is stored (or cancelled if partial), no order means
 * the booking failed. The customer's next "yes" would resume it the same way.
 */
import { ProviderError } from '../provider/port';
import { settleOrder } from './order';
import { GaveUp, startRun, withRetry } from './retry';
import { logEvent, markUnsettled } from './store';
import type { BookingDeps } from './types';

export interface ReconcileReport {
  confirmed: number;
  failed: number;
  /** Left pending: the provider could not be asked. */
  unresolved: number;
}

export async function reconcilePending(deps: BookingDeps, opts: { olderThanMs?: number } = {}): Promise<ReconcileReport> {
  const report: ReconcileReport = { confirmed: 0, failed: 0, unresolved: 0 };
  // a grace period keeps a running instance's in-flight confirmations out when several share the database
  // (updatedAt is wall-clock time, so it is compared with the wall clock)
  const grace = opts.olderThanMs === undefined ? {} : { updatedAt: { lte: new Date(Date.now() - opts.olderThanMs) } };
  const pending = await deps.prisma.booking.findMany({
    where: { businessId: deps.businessId, status: 'pending', ...grace },
    include: { items: { orderBy: { start: 'asc' }, include: { service: { select: { externalId: true } }, staff: { select: { externalId: true } } } } },
    orderBy: { createdAt: 'asc' },
  });
  for (const booking of pending) {
    const ctx = startRun(deps);
    let order;
    try {
      order = await withRetry(ctx, 'GetOrder', () => deps.provider.getOrder({ idempotencyKey: booking.idempotencyKey }));
    } catch (err) {
      if (!(err instanceof ProviderError || err instanceof GaveUp)) throw err;
      report.unresolved++;
      continue;
    }
    if (!order) {
      await markUnsettled(deps, booking.id, 'failed', 'not ordered (reconciled at start-up)');
      await logEvent(deps, 'warn', 'booking_reconciled', `pending booking ${booking.idempotencyKey} had no provider order: failed`, { bookingId: booking.id });
      report.failed++;
      continue;
    }
    const lines = booking.items.map((i) => ({ serviceId: i.service.externalId, staffId: i.staff.externalId, start: i.start }));
    const settled = await settleOrder(ctx, booking, lines, order);
    if (settled.kind === 'confirmed') {
      await logEvent(deps, 'info', 'booking_reconciled', `pending booking ${booking.idempotencyKey} confirmed from order ${order.orderId}`, { bookingId: booking.id });
      report.confirmed++;
    } else report.failed++;
  }
  return report;
}
