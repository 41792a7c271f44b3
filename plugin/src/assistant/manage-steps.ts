/**
 * After the customer's yes to cancelling or moving a booking: the booking
 * service acts, and its outcome becomes the reply and the next state. Done or
 * not possible → back to a fresh booking flow; provider down → nothing changed
 * (the old booking is kept), an apology and a human; the new time taken →
 * the nearest free times and the time question again, still in the reschedule.
 */
import { createHash } from 'node:crypto';
import type { BookingView } from '../booking/list';
import { assignStaff, locationZone, nearestFree, startInstant } from '../catalog/availability';
import { formatWhen } from '../conversation/format';
import { enterFlow } from '../conversation/manage/flow';
import { bookingLabel, slotsLabel } from '../conversation/manage/labels';
import type { ConversationState } from '../conversation/state';
import { ALTERNATIVES } from '../conversation/update';
import { confirmationId, refreshDays, timeTaken, type BookingStepDeps, type StepContext, type StepResult } from './step';

/** The booking being cancelled or moved, if it is still one of the bookings of the customer the channel vouches for. */
async function chosenBooking(state: ConversationState, ctx: StepContext, deps: BookingStepDeps): Promise<BookingView | undefined> {
  const views = ctx.identity ? await deps.booking.list({ phone: ctx.identity }) : [];
  return views.find((v) => v.id === state.bookingId);
}

/** The flow is over (done, kept, or not possible): a fresh booking flow, and one line. */
function over(state: ConversationState, reply: string, extra: Partial<StepResult> = {}): StepResult {
  return { state: enterFlow(state, 'book'), replies: [reply], asked: null, paymentLink: null, needsHuman: null, ...extra };
}

export async function cancelConfirmed(state: ConversationState, ctx: StepContext, deps: BookingStepDeps): Promise<StepResult> {
  const { t } = ctx;
  const view = await chosenBooking(state, ctx, deps);
  if (!view) return over(state, t('manage_unavailable'));
  const label = bookingLabel(view, state.language, t);
  const result = await deps.booking.cancel({ bookingId: view.id, phone: ctx.identity! });
  switch (result.kind) {
    case 'cancelled':
      await refreshDays(deps, view.location.id, [view.date]);
      return over(state, t('cancelled', { booking: label }));
    case 'provider_down':
      return over(state, t('cancel_failed'), { needsHuman: `could not cancel ${label}: provider down (${result.reason})` });
    default:
      return over(state, t('manage_unavailable'));
  }
}

/** One key per move said yes to: the same new time for the same booking orders once. */
const rescheduleId = (state: ConversationState) => createHash('sha256').update(`${state.bookingId}:${confirmationId(state)}`).digest('hex').slice(0, 24);

export async function rescheduleConfirmed(state: ConversationState, ctx: StepContext, deps: BookingStepDeps): Promise<StepResult> {
  const { snapshot, t } = ctx;
  const s = state.slots;
  const lang = state.language;
  const view = await chosenBooking(state, ctx, deps);
  if (!view) return over(state, t('manage_unavailable'));
  const q = { catalog: deps.catalog, snapshot, locationId: s.location!, items: s.services };
  const items = await assignStaff(q, s.date!, s.time!);
  const result = items
    ? await deps.booking.reschedule({ bookingId: view.id, phone: ctx.identity!, items, confirmationId: rescheduleId(state), conversationId: ctx.conversationId, language: lang })
    : // our copy already shows the time as gone: same recovery as a slot taken at the provider, from our copy
      { kind: 'slot_taken' as const, alternatives: (await nearestFree(q, { date: s.date, time: s.time }, deps.now(), ALTERNATIVES)).map((o) => startInstant(o, locationZone(snapshot, s.location))) };

  const vars = { new: slotsLabel(state, snapshot, lang, t), old: formatWhen(view.date, view.time, view.location.timezone, lang) };
  switch (result.kind) {
    case 'rescheduled': {
      await refreshDays(deps, s.location!, [view.date, s.date!]);
      const done = t(result.oldCancelled ? 'rescheduled' : 'rescheduled_old_kept', vars);
      const link = result.paymentLink;
      return over(state, link ? `${done}\n${t('pay_link', { link })}` : done, { paymentLink: link });
    }
    case 'slot_taken':
      return timeTaken(state, result.alternatives, ctx);
    case 'outcome_unknown':
      // the new order may exist: not "nothing changed"; the reconciler tells the customer and cancels the old one
      return over(state, t('booking_unknown'));
    case 'provider_down':
    case 'failed':
      return over(state, t('reschedule_failed', vars), { needsHuman: `could not move ${bookingLabel(view, lang, t)} to ${vars.new}: ${result.kind} (${result.reason})` });
    default:
      return over(state, t('manage_unavailable'));
  }
}
