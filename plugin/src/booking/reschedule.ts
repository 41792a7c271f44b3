/**
 * Rescheduling: order the new booking first, then cancel the old one, so the
 * customer is never left with none. When the new order fails, the old booking
 * is untouched and the caller gets the confirmation's failure (slot taken with
 * alternatives, provider down, …) to handle as for a new booking.
 */
import { cancelBooking } from './cancel';
import { confirmBooking } from './confirm';
import { logEvent } from './store';
import type { BookingDeps, BookingItemRequest, BookingWithItems, ConfirmResult } from './types';

export interface RescheduleRequest {
  bookingId: string;
  /** When given, must be the booking's customer. */
  phone?: string;
  /** The new times (and staff); same location and customer. */
  items: BookingItemRequest[];
  confirmationId: string;
  conversationId?: string;
  language?: string;
}

export type RescheduleResult =
  | {
      kind: 'rescheduled';
      booking: BookingWithItems;
      paymentLink: string | null;
      old: BookingWithItems;
      /** False when the old order could not be cancelled yet: logged for the owner, the customer holds both. */
      oldCancelled: boolean;
    }
  | { kind: 'not_found' }
  | { kind: 'not_reschedulable'; booking: BookingWithItems }
  | Exclude<ConfirmResult, { kind: 'booked' | 'already_booked' }>;

export async function rescheduleBooking(q: RescheduleRequest, deps: BookingDeps): Promise<RescheduleResult> {
  const old = await deps.prisma.booking.findFirst({
    where: { id: q.bookingId, businessId: deps.businessId, ...(q.phone ? { customer: { phone: q.phone } } : {}) },
    include: { items: { orderBy: { start: 'asc' } }, customer: true },
  });
  if (!old || !old.customer) return { kind: 'not_found' };
  const { customer, ...oldBooking } = old;
  if (old.status !== 'confirmed' || old.items.some((i) => i.start <= deps.now())) return { kind: 'not_reschedulable', booking: oldBooking };

  const result = await confirmBooking(
    {
      conversationId: q.conversationId ?? old.conversationId ?? undefined,
      customer: { phone: customer.phone, name: customer.name ?? customer.phone, email: customer.email },
      locationId: old.locationExternalId,
      items: q.items,
      confirmationId: q.confirmationId,
      rescheduledFromId: old.id,
      language: q.language,
    },
    deps,
  );
  if (result.kind !== 'booked' && result.kind !== 'already_booked') return result;

  // a repeated "yes" lands here too: cancelling an already cancelled booking is a no-op
  const cancelled = await cancelBooking({ bookingId: old.id }, deps);
  const oldCancelled = cancelled.kind === 'cancelled';
  if (!oldCancelled) {
    await logEvent(deps, 'error', 'reschedule_old_not_cancelled', `rescheduled to ${result.booking.id} but the old booking ${old.id} is still ${cancelled.kind}`, {
      oldBookingId: old.id,
      newBookingId: result.booking.id,
      cancel: cancelled.kind,
    });
  }
  return {
    kind: 'rescheduled',
    booking: result.booking,
    paymentLink: result.booking.paymentLink,
    old: oldCancelled ? cancelled.booking : oldBooking,
    oldCancelled,
  };
}
