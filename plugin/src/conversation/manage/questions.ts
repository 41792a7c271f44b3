/**
 * The questions of the cancel and reschedule flows: which booking, "cancel
 * it?", the new time (the booking flow's own time question and rules) and
 * "move it?". Each counts failed answers like the booking flow: reworded
 * after one, a human after three.
 */
import type { BookingView } from '../../booking/list';
import { emptyExtraction, type Extraction } from '../../understanding/types';
import { numbered } from '../format';
import { noteText } from '../replies';
import { isFilled } from '../slots';
import { ask, countFailures, handoff, reply, replyContext, tooManyFailures, type Turn, type TurnOutcome, type TurnResult } from '../turn';
import { applyExtraction } from '../update';
import { bookingLabel, slotsLabel } from './labels';

/** Outcome of a question: a plain ask reports `ready_to_confirm` for a yes/no question, like the booking summary. */
const outcomeFor = (outcome: TurnOutcome, confirming: boolean): TurnOutcome => (confirming && outcome === 'asked' ? 'ready_to_confirm' : outcome);

/**
 * "Which booking?" — always a numbered list. `switched`: the customer turned
 * from cancel to reschedule (or back) instead of answering it; that counts as
 * a failed answer, and the new flow's own wording is the rewording.
 */
export function askBooking(turn: Turn, views: BookingView[], failed: boolean, outcome: TurnOutcome, switched = false): TurnResult {
  const { state, t } = turn;
  const failures = countFailures(state, 'booking', failed || switched, outcome);
  if (tooManyFailures(failures)) return handoff(turn, 'handoff');
  state.asked = 'booking';
  state.offered = { slot: 'booking', options: views.map((v) => v.id) };
  const list = numbered(views.map((v) => bookingLabel(v, state.language, t)), t);
  const key = failures && !switched ? 'ask_booking_retry' : state.flow === 'cancel' ? 'ask_booking_cancel' : 'ask_booking_reschedule';
  return reply(turn, [t(key, { list })], 'booking', outcome);
}

export function askConfirmCancel(turn: Turn, view: BookingView, failed: boolean, outcome: TurnOutcome): TurnResult {
  const { state, t } = turn;
  const failures = countFailures(state, 'confirm_cancel', failed, outcome);
  if (tooManyFailures(failures)) return handoff(turn, 'handoff');
  Object.assign(state, { phase: 'ready_to_confirm', asked: 'confirm_cancel', offered: null });
  const text = t(failures ? 'ask_confirm_cancel_retry' : 'ask_confirm_cancel', { booking: bookingLabel(view, state.language, t) });
  return reply(turn, [text], 'confirm_cancel', outcomeFor(outcome, true));
}

/** Old → new, then the yes that lets the assistant move it. */
export function askRescheduleConfirm(turn: Turn, view: BookingView, failed: boolean, outcome: TurnOutcome): TurnResult {
  const { state, t } = turn;
  const failures = countFailures(state, 'confirm', failed, outcome);
  if (tooManyFailures(failures)) return handoff(turn, 'handoff');
  Object.assign(state, { phase: 'ready_to_confirm', asked: 'confirm', offered: null });
  const vars = { old: bookingLabel(view, state.language, t), new: slotsLabel(state, turn.snapshot, state.language, t) };
  return reply(turn, [t(failures ? 'ask_reschedule_confirm_retry' : 'ask_reschedule_confirm', vars)], 'confirm', outcomeFor(outcome, true));
}

/**
 * The new time through the booking flow's rules: only date, time, a pick from
 * the offered times or another staff member count (the place and services stay).
 */
export async function rescheduleTime(turn: Turn, x: Extraction, view: BookingView): Promise<TurnResult> {
  const prev = turn.state;
  const only: Extraction = { ...emptyExtraction(), date: x.date, time: x.time, same: x.same, partOfDay: x.partOfDay, staff: x.staff, choice: x.choice };
  // "same time" / "same day" are the booking's being moved, whatever is chosen so far
  const sameAs = { date: view.date, time: view.time };
  const updated = await applyExtraction(prev, only, { snapshot: turn.snapshot, catalog: turn.deps.catalog, now: turn.now, text: '', sameAs });
  turn.state = updated.state;
  const filled = isFilled(turn.state, 'time');
  const ctx = replyContext(turn);
  turn.lead.push(...updated.notes.map((n) => noteText(n, ctx, filled)));
  // "move it?" asked again for a message that changed nothing (the same staff, the same time) is a failed answer
  if (filled) return askRescheduleConfirm(turn, view, prev.asked === 'confirm' && JSON.stringify(prev.slots) === JSON.stringify(turn.state.slots), 'asked');
  const failed = prev.asked === 'time' && !updated.invalidated.includes('time');
  return ask(turn, 'time', failed ? ['time'] : [], 'asked');
}

/** Does this message change the new time (rather than answer yes or no)? */
export const namesTime = (x: Extraction) => x.date !== null || x.time !== null || x.staff !== null || x.same.length > 0;
