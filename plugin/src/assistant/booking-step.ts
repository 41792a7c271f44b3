/**
 * After the customer's explicit yes: resolve "anyone" to a person from our
 * copy, then the booking service (live re-check, one idempotent order). Turns
 * its outcome into the reply and the next conversation state: the payment
 * link; the nearest free times when the slot was taken (slot-taken.ts); an
 * apology and a human when the provider is down.
 */
import { createHash } from 'node:crypto';
import type { CatalogQueries } from '../catalog/ports';
import type { CatalogSnapshot } from '../catalog/types';
import type { createBookingService } from '../booking';
import type { BookingRequest, ConfirmResult } from '../booking/types';
import { assignStaff, type AvailabilityQuery } from '../conversation/availability';
import { nextBookingState, type ConversationState } from '../conversation/state';
import { chosenItems } from '../conversation/summary';
import type { Render } from '../conversation/templates';
import { slotTaken } from './slot-taken';

export type BookingService = ReturnType<typeof createBookingService>;

export interface BookingStepDeps {
  booking: BookingService;
  catalog: CatalogQueries;
  now: () => Date;
}

/** What a step after the customer's yes (book, cancel, reschedule) leaves: the next state and what to say. */
export interface StepResult {
  state: ConversationState;
  replies: string[];
  asked: 'time' | null;
  paymentLink: string | null;
  /** The provider could not be reached or refused: hand the conversation to a person. */
  needsHuman: string | null;
}

export interface StepContext {
  conversationId: string;
  /** The number the channel asserts (see Turn.identity): whose bookings may be cancelled or moved. */
  identity: string | null;
  snapshot: CatalogSnapshot;
  t: Render;
}

/** One key per summary said yes to: a double yes or a redelivery of it orders nothing twice. */
export function confirmationId(state: ConversationState): string {
  const s = state.slots;
  const what = JSON.stringify([s.location, s.services, s.date, s.time, s.name, s.phone, s.email]);
  return createHash('sha256').update(what).digest('hex').slice(0, 24);
}

/** Our copy of the days a booking, cancel or move took or freed, so other customers see them as they are now. */
export async function refreshDays(deps: BookingStepDeps, locationId: string, dates: string[]): Promise<void> {
  // a failed refresh is logged by its sync run; the change stands and the next refresh catches up
  for (const date of new Set(dates)) await deps.catalog.refreshDay?.({ locationId, date }).catch(() => undefined);
}

/**
 * The state with each service's staff member as assigned for the order: "anyone" becomes the
 * person the booking is actually with, so what the customer is told matches what was booked.
 */
export function withAssignedStaff(state: ConversationState, items: ReadonlyArray<{ staffId: string }>): ConversationState {
  const services = state.slots.services.map((svc, i) => ({ ...svc, staffId: items[i]?.staffId ?? svc.staffId }));
  return { ...state, slots: { ...state.slots, services } };
}

/** Staff from our copy, then the booking service; a time gone from our copy may be this very booking, said yes to again. */
async function book(
  deps: BookingStepDeps,
  request: Pick<BookingRequest, 'conversationId' | 'customer' | 'confirmationId'>,
  q: AvailabilityQuery,
  date: string,
  time: string,
): Promise<{ result: ConfirmResult; items: Array<{ staffId: string }> }> {
  const items = await assignStaff(q, date, time);
  if (items) return { result: await deps.booking.confirm({ ...request, locationId: q.locationId, items }), items };
  const mine = await deps.booking.findConfirmed(request);
  if (mine) return { result: { kind: 'already_booked', booking: mine }, items: [] };
  // our copy already shows the time as gone: same recovery as a slot taken at the provider
  return { result: { kind: 'slot_taken', alternatives: [], staffSpecific: true }, items: [] };
}

export async function bookConfirmed(state: ConversationState, ctx: StepContext, deps: BookingStepDeps): Promise<StepResult> {
  const s = state.slots;
  const { snapshot, t } = ctx;
  const q = { catalog: deps.catalog, snapshot, locationId: s.location!, items: s.services };
  const request = { conversationId: ctx.conversationId, customer: { phone: s.phone!, name: s.name!, email: s.email }, confirmationId: confirmationId(state) };
  const { result, items } = await book(deps, request, q, s.date!, s.time!);

  // named as ordered: a customer who said "anyone" is told who it is with
  const details = chosenItems(withAssignedStaff(state, items), snapshot, state.language, t);
  if (result.kind === 'already_booked' && result.booking.status === 'cancelled') {
    // yes again after the booking was cancelled (by the business, or in another chat): nothing to pay; a fresh start
    return { state: nextBookingState(state), replies: [t('booking_was_cancelled')], asked: null, paymentLink: null, needsHuman: null };
  }
  switch (result.kind) {
    case 'booked':
    case 'already_booked': {
      const link = result.kind === 'booked' ? result.paymentLink : (result.booking.paymentLink ?? '');
      const reply = result.kind === 'booked' ? t('booked', { details, link }) : t('booked_again', { link });
      if (result.kind === 'booked') await refreshDays(deps, s.location!, [s.date!]);
      return { state: { ...state, phase: 'confirmed', asked: null, offered: null }, replies: [reply], asked: null, paymentLink: link, needsHuman: null };
    }
    case 'slot_taken':
      return slotTaken(state, result.alternatives, { snapshot, t }, deps);
    case 'provider_down':
      // the choices stay; nothing is ordered on a bare yes later: the next message shows the summary again
      return { state: { ...state, phase: 'collecting', asked: null }, replies: [t('provider_down')], asked: null, paymentLink: null, needsHuman: `provider down (${result.reason})` };
    case 'failed':
      return { state: { ...state, phase: 'collecting', asked: null }, replies: [t('booking_failed')], asked: null, paymentLink: null, needsHuman: `booking failed (${result.reason})` };
  }
}
