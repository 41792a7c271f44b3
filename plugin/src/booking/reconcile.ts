/**
 * The booking reconciler, run on a schedule (the `bookings` job of
 * catalog/scheduler.ts, claimed so that one process runs it) and at start-up.
 *
 * 1. Pending bookings: interrupted between storing them and storing the
 *    order's outcome (a crash), or left with the outcome unknown (AddOrder
 *    timed out and GetOrder could not answer within the deadline). The
 *    provider is asked by idempotency key, never ordered again: an order
 *    found is stored (or cancelled if partial; a rescheduled booking's old one
 *    is cancelled), a certain "no order" makes it failed, no answer leaves it
 *    pending for the next run.
 * 2. Notices: a settled booking whose customer was never told how it ended
 *    (`noticeDue`) gets one message on its conversation: the payment link, or
 *    that it did not go through. The notice is taken in one conditional write
 *    before it is sent, so two runs never both send it; a failed send gives it
 *    back for the next run.
 */
import { ProviderError } from '../provider/port';
import { cancelBooking } from './cancel';
import { settleOrder } from './order';
import { GaveUp, startRun, withRetry } from './retry';
import { logEvent, markUnsettled, returnNotice, takeNotice } from './store';
import type { BookingDeps } from './types';

export interface ReconcileReport {
  confirmed: number;
  failed: number;
  /** Left pending: the provider could not be asked. */
  unresolved: number;
  /** Customers told how their booking ended. */
  told: number;
  /** Notices whose sending failed (owed again: the next run retries). */
  notSent: number;
}

/** What the customer of a conversation is told once a booking's outcome is known. */
export interface BookingNotice {
  bookingId: string;
  /** Our Conversation row. */
  conversationId: string;
  outcome: 'confirmed' | 'failed';
  paymentLink: string | null;
  /** The customer's language at the "yes" (null: unknown, the business's first). */
  language: string | null;
}

/** Sends a notice on its conversation (the plugin: a bot message, which the channel's outbox delivers); throws when it could not. */
export type Notify = (notice: BookingNotice) => Promise<void>;

export interface ReconcileOptions {
  /** Only bookings untouched for this long: a running confirmation (this process or another) is left to finish. */
  olderThanMs?: number;
  /** Without it, notices stay owed (start-up, before the channels can send). */
  notify?: Notify;
}

/** Whether a run would have anything to do: a pending booking, or a notice owed. Cheap, so an idle tick claims (and writes) nothing. */
export async function reconcileDue(deps: Pick<BookingDeps, 'prisma' | 'businessId'>): Promise<boolean> {
  const row = await deps.prisma.booking.findFirst({
    where: {
      businessId: deps.businessId,
      OR: [{ status: 'pending' }, { noticeDue: true, status: { in: ['confirmed', 'failed'] }, conversationId: { not: null } }],
    },
    select: { id: true },
  });
  return row !== null;
}

export async function reconcilePending(deps: BookingDeps, opts: ReconcileOptions = {}): Promise<ReconcileReport> {
  const report: ReconcileReport = { confirmed: 0, failed: 0, unresolved: 0, told: 0, notSent: 0 };
  // updatedAt is wall-clock time, so it is compared with the wall clock
  const grace = opts.olderThanMs === undefined ? {} : { updatedAt: { lte: new Date(Date.now() - opts.olderThanMs) } };
  const pending = await deps.prisma.booking.findMany({
    where: { businessId: deps.businessId, status: 'pending', ...grace },
    include: { items: { orderBy: { start: 'asc' }, include: { service: { select: { externalId: true } }, staff: { select: { externalId: true } } } } },
    orderBy: { createdAt: 'asc' },
  });
  for (const booking of pending) {
    // the customer is told by the notice below, not by this run
    const ctx = startRun(deps, { tells: false });
    let order;
    try {
      order = await withRetry(ctx, 'GetOrder', () => deps.provider.getOrder({ idempotencyKey: booking.idempotencyKey }));
    } catch (err) {
      if (!(err instanceof ProviderError || err instanceof GaveUp)) throw err;
      report.unresolved++;
      continue;
    }
    if (!order) {
      await markUnsettled(deps, booking.id, 'failed', 'not ordered (found by the reconciler)');
      await logEvent(deps, 'warn', 'booking_reconciled', `pending booking ${booking.idempotencyKey} had no provider order: failed`, { bookingId: booking.id });
      report.failed++;
      continue;
    }
    const lines = booking.items.map((i) => ({ serviceId: i.service.externalId, staffId: i.staff.externalId, start: i.start }));
    const settled = await settleOrder(ctx, booking, lines, order);
    if (settled.kind !== 'confirmed') {
      report.failed++;
      continue;
    }
    await logEvent(deps, 'info', 'booking_reconciled', `pending booking ${booking.idempotencyKey} confirmed from order ${order.orderId}`, { bookingId: booking.id });
    report.confirmed++;
    // a move whose new order was made: the old booking goes, as rescheduleBooking would have done
    if (settled.changed && booking.rescheduledFromId) {
      const old = await cancelBooking({ bookingId: booking.rescheduledFromId }, deps);
      if (old.kind !== 'cancelled') {
        await logEvent(deps, 'error', 'reschedule_old_not_cancelled', `rescheduled to ${booking.id} but the old booking ${booking.rescheduledFromId} is still ${old.kind}`, {
          oldBookingId: booking.rescheduledFromId,
          newBookingId: booking.id,
          cancel: old.kind,
        });
      }
    }
  }
  if (opts.notify) await sendNotices(deps, opts.notify, report);
  return report;
}

async function sendNotices(deps: BookingDeps, notify: Notify, report: ReconcileReport): Promise<void> {
  const owed = await deps.prisma.booking.findMany({
    where: { businessId: deps.businessId, noticeDue: true, status: { in: ['confirmed', 'failed'] }, conversationId: { not: null } },
    select: { id: true, conversationId: true, status: true, paymentLink: true, language: true },
    orderBy: { updatedAt: 'asc' },
  });
  for (const b of owed) {
    if (!(await takeNotice(deps, b.id))) continue;
    const notice: BookingNotice = {
      bookingId: b.id,
      conversationId: b.conversationId!,
      outcome: b.status === 'confirmed' ? 'confirmed' : 'failed',
      paymentLink: b.paymentLink,
      language: b.language,
    };
    try {
      await notify(notice);
    } catch (err) {
      await returnNotice(deps, b.id);
      await logEvent(deps, 'warn', 'booking_notice_failed', `could not tell the customer about booking ${b.id}: ${err instanceof Error ? err.message : String(err)}`, { bookingId: b.id });
      report.notSent++;
      continue;
    }
    await logEvent(deps, 'info', 'booking_notice_sent', `customer told booking ${b.id} is ${b.status}`, { bookingId: b.id, conversationId: b.conversationId, outcome: notice.outcome });
    report.told++;
  }
}
