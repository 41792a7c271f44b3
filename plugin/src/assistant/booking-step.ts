/**
 * After the customer's explicit yes: resolve "anyone" to a person from our
 * copy, then the booking service (live re-check, one idempotent order). Turns
 * its outcome into the reply and the next conversation state: the payment
 * link; the nearest free times when the slot was taken; an apology and a
 * human when the provider is down; the truth when the outcome is unknown
 * (being confirmed, a message follows: the reconciler sends it).
 */
import { assignStaff, locationZone, nearestFree, startInstant, type AvailabilityQuery } from '../catalog/availability';
import type { BookingRequest, ConfirmResult } from '../booking/types';
import { nextBookingState, type ConversationState } from '../conversation/state';
import { chosenItems } from '../conversation/summary';
import { ALTERNATIVES } from '../conversation/update';
import { confirmationId, refreshDays, timeTaken, type BookingStepDeps, type StepContext, type StepResult } from './step';

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
  request: Pick<BookingRequest, 'conversationId' | 'customer' | 'confirmationId' | 'language'>,
  q: AvailabilityQuery,
  date: string,
  time: string,
): Promise<{ result: ConfirmResult; items: Array<{ staffId: string }> }> {
  const items = await assignStaff(q, date, time);
  if (items) return { result: await deps.booking.confirm({ ...request, locationId: q.locationId, items }), items };
  const mine = await deps.booking.findConfirmed(request);
  if (mine) return { result: { kind: 'already_booked', booking: mine }, items: [] };
  // our copy already shows the time as gone: the nearest free times in it
  const zone = locationZone(q.snapshot, q.locationId);
  const options = await nearestFree(q, { date, time }, deps.now(), ALTERNATIVES);
  return { result: { kind: 'slot_taken', alternatives: options.map((o) => startInstant(o, zone)), staffSpecific: true }, items: [] };
}

export async function bookConfirmed(state: ConversationState, ctx: StepContext, deps: BookingStepDeps): Promise<StepResult> {
  const s = state.slots;
  const { snapshot, t } = ctx;
  const q = { catalog: deps.catalog, snapshot, locationId: s.location!, items: s.services };
  const request = { conversationId: ctx.conversationId, customer: { phone: s.phone!, name: s.name!, email: s.email }, confirmationId: confirmationId(state), language: state.language };
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
      return timeTaken(state, result.alternatives, ctx);
    case 'provider_down':
      // the choices stay; nothing is ordered on a bare yes later: the next message shows the summary again
      return { state: { ...state, phase: 'collecting', asked: null }, replies: [t('provider_down')], asked: null, paymentLink: null, needsHuman: `provider down (${result.reason})` };
    case 'outcome_unknown':
      // not "nothing was booked": the order may exist. No person is needed; the choices stay, and a yes again resumes this very booking
      return { state: { ...state, phase: 'collecting', asked: null }, replies: [t('booking_unknown')], asked: null, paymentLink: null, needsHuman: null };
    case 'failed':
      return { state: { ...state, phase: 'collecting', asked: null }, replies: [t('booking_failed')], asked: null, paymentLink: null, needsHuman: `booking failed (${result.reason})` };
  }
}
