/** The booking service: confirm, reconcile, cancel, reschedule, list, handoff. */
import { cancelBooking } from './cancel';
import { confirmBooking, findConfirmed, isConfirmed } from './confirm';
import { isHandedOff, releaseHandoff, requestHandoff } from './handoff';
import { listUpcomingBookings, viewBooking } from './list';
import { reconcileDue, reconcilePending } from './reconcile';
import { rescheduleBooking } from './reschedule';
import { createSingleFlight } from './single-flight';
import type { BookingDeps } from './types';

export * from './types';
export type { CancelResult } from './cancel';
export type { RescheduleRequest, RescheduleResult } from './reschedule';
export type { BookingView, BookingLineView } from './list';
export type { BookingNotice, Notify, ReconcileOptions, ReconcileReport } from './reconcile';
export { BookingInputError } from './request';
export { cancelBooking, confirmBooking, findConfirmed, isHandedOff, listUpcomingBookings, viewBooking, reconcilePending, releaseHandoff, requestHandoff, rescheduleBooking, createSingleFlight };

/** The functions bound to one tenant's deps, sharing one single-flight registry. */
export function createBookingService(deps: BookingDeps) {
  const d: BookingDeps = { ...deps, flights: deps.flights ?? createSingleFlight() };
  return {
    confirm: (req: Parameters<typeof confirmBooking>[0]) => confirmBooking(req, d),
    findConfirmed: (req: Parameters<typeof findConfirmed>[0]) => findConfirmed(req, d),
    isConfirmed: (req: Parameters<typeof isConfirmed>[0]) => isConfirmed(req, d),
    reconcile: (opts?: Parameters<typeof reconcilePending>[1]) => reconcilePending(d, opts),
    reconcileDue: () => reconcileDue(d),
    cancel: (q: Parameters<typeof cancelBooking>[0]) => cancelBooking(q, d),
    reschedule: (q: Parameters<typeof rescheduleBooking>[0]) => rescheduleBooking(q, d),
    list: (q: Parameters<typeof listUpcomingBookings>[0]) => listUpcomingBookings(q, d),
    view: (bookingId: string) => viewBooking(bookingId, d),
    requestHandoff: (q: Parameters<typeof requestHandoff>[0]) => requestHandoff(q, d),
    releaseHandoff: (q: Parameters<typeof releaseHandoff>[0]) => releaseHandoff(q, d),
    isHandedOff: (conversationId: string) => isHandedOff(conversationId, d),
  };
}
