/**
 * Cancel, reschedule and "my bookings", beside the booking flow. The flow is
 * in the state (`flow`, `bookingId`, `asked`); a new intent or "start over"
 * switches at any time. At the customer's yes the turn ends `confirmed` and the
 * assistant acts (cancels or moves); nothing here calls the provider.
 */
import type { BookingView } from '../../booking/list';
import { emptyExtraction, type Extraction } from '../../understanding/types';
import { answerFaq, isFaq } from '../interruptions';
import { restartState, type ConversationState, type Flow } from '../state';
import { ask, askPending, reply, type Turn, type TurnOutcome, type TurnResult } from '../turn';
import { bookingLabel, bookingList } from './labels';
import { pickBooking } from './pick';
import { askBooking, askConfirmCancel, askRescheduleConfirm, namesTime, rescheduleTime } from './questions';

/** A fresh start in `flow`: only the language, the customer's phone and profile name carry over. */
export function enterFlow(state: ConversationState, flow: Flow): ConversationState {
  const next = restartState(state);
  next.slots.phone = state.slots.phone;
  next.slots.phoneFromChannel = state.slots.phoneFromChannel;
  next.flow = flow;
  return next;
}

/** A message that asks for a new booking ("a pedicure please") leaves cancel / reschedule. */
const wantsBooking = (x: Extraction) => x.intent === 'book' && x.services.length > 0;

/**
 * The turn, when it belongs to these flows; null when the booking flow takes
 * it (possibly after leaving a flow: `turn.state` is then a fresh booking).
 */
export async function manageTurn(turn: Turn, x: Extraction): Promise<TurnResult | null> {
  const { state } = turn;
  const manages = x.intent === 'list' || x.intent === 'cancel' || x.intent === 'reschedule' || (state.flow !== 'book' && !wantsBooking(x));
  // without a number from the channel nobody's bookings are shown or changed, whatever number was typed
  if (manages && !turn.identity) return noIdentity(turn);
  if (x.intent === 'list') return myBookings(turn);
  // asking again for the flow we are in is an answer to its pending question, not a fresh start
  if ((x.intent === 'cancel' || x.intent === 'reschedule') && x.intent !== state.flow) return startFlow(turn, x.intent, x);
  if (state.flow === 'book') return null;
  if (isFaq(x.intent)) {
    turn.lead.push(answerFaq(x.intent, x, { state, snapshot: turn.snapshot, lang: state.language, t: turn.t }));
    return askManaged(turn, 'answered_interruption');
  }
  const views = await upcoming(turn);
  const picked = state.asked === 'booking' ? pickBooking(views, x, state.offered, true) : null;
  if (picked) return chosen(turn, picked, null);
  if (wantsBooking(x)) {
    turn.state = enterFlow(state, 'book');
    return null;
  }
  return answerManaged(turn, x, views);
}

/** Unreadable input inside a flow: a failed answer to its pending question. */
export async function manageInvalid(turn: Turn): Promise<TurnResult> {
  return answerManaged(turn, emptyExtraction(), await upcoming(turn));
}

/** The bookings of the customer the channel vouches for; none without one. */
const upcoming = (turn: Turn): Promise<BookingView[]> => (turn.identity ? turn.deps.bookings.list({ phone: turn.identity }) : Promise.resolve([]));

/** "My bookings", cancel or move on a channel that gives no number: a polite no (a person can help), then what was pending. */
function noIdentity(turn: Turn): Promise<TurnResult> {
  turn.lead.push(turn.t('manage_no_identity'));
  if (turn.state.flow !== 'book') turn.state = enterFlow(turn.state, 'book');
  return askPending(turn, 'answered_interruption');
}

/** The list, then whatever was pending; with nothing pending, a hint (or, with no bookings, the booking flow's first question). */
async function myBookings(turn: Turn): Promise<TurnResult> {
  const { state, t } = turn;
  const views = await upcoming(turn);
  turn.lead.push(views.length ? bookingList(views, state.language, t) : t('my_bookings_none'));
  if (state.flow !== 'book') return askManaged(turn, 'answered_interruption');
  if (views.length && state.asked === null) return reply(turn, [t('my_bookings_hint')], null, 'answered_interruption');
  return askPending(turn, 'answered_interruption');
}

async function startFlow(turn: Turn, flow: 'cancel' | 'reschedule', x: Extraction): Promise<TurnResult> {
  const views = await upcoming(turn);
  if (!views.length) return noneLeft(turn, 'answered_interruption');
  // starting a reschedule, a date is the new one ("move it to Tuesday"), not which booking
  const picked = views.length === 1 ? views[0] : pickBooking(views, x, null, flow === 'cancel');
  const { asked, failures } = turn.state;
  turn.state = enterFlow(turn.state, flow);
  if (picked) return chosen(turn, picked, flow === 'reschedule' ? x : null);
  // "which booking?" was left unanswered for the other flow: its failures carry over
  if (asked === 'booking') turn.state.failures = failures;
  return askBooking(turn, views, false, 'asked', asked === 'booking');
}

/** No upcoming booking (or none left: cancelled meanwhile): say so and go on booking, never "which booking?" over an empty list. */
function noneLeft(turn: Turn, outcome: TurnOutcome): Promise<TurnResult> {
  turn.lead.push(turn.t('my_bookings_none'));
  if (turn.state.flow !== 'book') turn.state = enterFlow(turn.state, 'book');
  return askPending(turn, outcome);
}

/** The booking is known: "cancel it?", or the new time (from `newTime` when the same message gave one). */
async function chosen(turn: Turn, view: BookingView, newTime: Extraction | null): Promise<TurnResult> {
  const { state, t } = turn;
  state.bookingId = view.id;
  if (state.flow === 'cancel') return askConfirmCancel(turn, view, false, 'asked');
  // the new booking starts as the old one, without a time; place and services stay
  state.slots.location = view.location.id;
  state.slots.services = view.items.map((i) => ({ serviceId: i.serviceId, staffId: i.staffId }));
  turn.lead.push(t('reschedule_intro', { booking: bookingLabel(view, state.language, t) }));
  return rescheduleTime(turn, newTime ?? emptyExtraction(), view);
}

/** An answer to the flow's pending question (a booking picked from the list is handled before). */
function answerManaged(turn: Turn, x: Extraction, views: BookingView[]): Promise<TurnResult> | TurnResult {
  const { state } = turn;
  if (state.asked === 'booking') return views.length ? askBooking(turn, views, true, 'asked') : noneLeft(turn, 'asked');
  const view = views.find((v) => v.id === state.bookingId);
  if (!view) return leave(turn, turn.t('manage_unavailable'), 'asked');
  const label = bookingLabel(view, state.language, turn.t);
  switch (state.asked) {
    case 'confirm_cancel':
      if (x.yesNo === 'yes') return confirmed(turn);
      if (x.yesNo === 'no') return leave(turn, turn.t('cancel_kept'), 'declined');
      return askConfirmCancel(turn, view, true, 'asked');
    case 'confirm':
      if (namesTime(x)) return rescheduleTime(turn, x, view);
      if (x.yesNo === 'yes') return confirmed(turn);
      if (x.yesNo === 'no') return leave(turn, turn.t('reschedule_kept', { booking: label }), 'declined');
      return askRescheduleConfirm(turn, view, true, 'asked');
    default:
      return rescheduleTime(turn, x, view);
  }
}

/** The pending question of the flow again, after an interruption. */
export async function askManaged(turn: Turn, outcome: TurnOutcome): Promise<TurnResult> {
  const { state } = turn;
  const views = await upcoming(turn);
  const view = views.find((v) => v.id === state.bookingId);
  if (state.asked === 'booking') return views.length ? askBooking(turn, views, false, outcome) : noneLeft(turn, outcome);
  if (!view) return leave(turn, turn.t('manage_unavailable'), outcome);
  if (state.asked === 'confirm_cancel') return askConfirmCancel(turn, view, false, outcome);
  if (state.asked === 'confirm') return askRescheduleConfirm(turn, view, false, outcome);
  return ask(turn, 'time', [], outcome);
}

/** Yes: the assistant cancels or moves it and says how it went. */
function confirmed(turn: Turn): TurnResult {
  Object.assign(turn.state, { phase: 'confirmed', asked: null, offered: null });
  return reply(turn, [], null, 'confirmed');
}

/** Back to a fresh booking flow, with a closing line that asks nothing. */
function leave(turn: Turn, line: string, outcome: TurnOutcome): TurnResult {
  turn.state = enterFlow(turn.state, 'book');
  return reply(turn, [line], null, outcome);
}
