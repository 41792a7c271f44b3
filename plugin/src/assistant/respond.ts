/**
 * One customer message, end to end: the engine runs the conversation from our
 * copy of the catalog; at an explicit yes the step of the flow acts (book,
 * cancel, reschedule); a handoff marks the conversation for a person, after
 * which the bot stays silent until released.
 */
import type { CatalogSnapshot } from '../catalog/types';
import { handleTurn, type EngineDeps, type TurnOutcome } from '../conversation/engine';
import type { AskedSlot, ConversationState, Flow } from '../conversation/state';
import { summaryLine } from '../conversation/summary';
import { templater } from '../conversation/templates';
import { bookConfirmed } from './booking-step';
import { cancelConfirmed, rescheduleConfirmed } from './manage-steps';
import { confirmationId, type BookingService, type BookingStepDeps, type StepContext, type StepResult } from './step';

const STEPS: Record<Flow, (state: ConversationState, ctx: StepContext, deps: BookingStepDeps) => Promise<StepResult>> = {
  book: bookConfirmed,
  cancel: cancelConfirmed,
  reschedule: rescheduleConfirmed,
};

/** The turn's context as the assistant reads it (handlers/turn-context.ts): the engine's slice, the booking service, the handoff switch. */
export interface AssistantDeps extends EngineDeps {
  booking: BookingService;
  /** Off: the conversation is never marked for a person (the engine's handoff reply is still sent). */
  handoffEnabled: boolean;
}

export interface RespondInput {
  text: string;
  /** The number the channel asserts, or null: the only key to the customer's existing bookings. */
  channelPhone: string | null;
  profileName: string | null;
  /** Our Conversation row (bookings and the handoff flag hang on it). */
  conversationId: string;
  /** The row's handoff flag, as the turn read it: a person has the chat. */
  handedOff: boolean;
}

export interface RespondResult {
  state: ConversationState | null;
  replies: string[];
  asked: AskedSlot | null;
  outcome: TurnOutcome | 'silent';
  handoff: boolean;
  paymentLink: string | null;
}

export async function respond(prev: ConversationState | null, input: RespondInput, deps: AssistantDeps): Promise<RespondResult> {
  const { booking } = deps;
  if (input.handedOff) {
    return { state: prev, replies: [], asked: null, outcome: 'silent', handoff: true, paymentLink: null };
  }
  // the flag in our database says whether a person has the chat: released (or handoff off), the bot takes it back
  const released = prev?.phase === 'handoff' ? { ...prev, phase: 'collecting' as const, asked: null, failures: {} } : prev;
  const current = await settledMeanwhile(released, input, booking);
  const turn = await handleTurn(current, { text: input.text, channelPhone: input.channelPhone, profileName: input.profileName }, deps);
  const result: RespondResult = { ...turn, handoff: false, paymentLink: null };

  if (turn.outcome === 'confirmed') {
    const snapshot = await deps.catalog.snapshot();
    const t = templater(turn.state.language, deps.templates);
    const step = await STEPS[turn.state.flow](turn.state, { conversationId: input.conversationId, identity: input.channelPhone, snapshot, t }, deps);
    // the engine's "booking it now" line (if any) goes first, then the outcome
    Object.assign(result, { state: step.state, replies: [...turn.replies, ...step.replies], asked: step.asked, paymentLink: step.paymentLink });
    if (step.needsHuman) await handOff(step.state, step.needsHuman, snapshot, input, deps, result);
  } else if (turn.outcome === 'handoff') {
    await handOff(turn.state, 'customer asked for a person, or repeated failed answers', await deps.catalog.snapshot(), input, deps, result);
  }
  return result;
}

/**
 * A booking the chat left as "still confirming" (its outcome was unknown) that the reconciler has since
 * confirmed: the chat goes on as after a booking, rather than showing the summary with "Shall I book it?".
 */
async function settledMeanwhile(state: ConversationState | null, input: RespondInput, booking: BookingService): Promise<ConversationState | null> {
  if (!state || state.phase !== 'collecting' || state.flow !== 'book' || state.asked !== null) return state;
  const s = state.slots;
  if (!s.location || !s.services.length || !s.date || !s.time || !s.name || !s.phone) return state;
  const request = { conversationId: input.conversationId, customer: { phone: s.phone, name: s.name, email: s.email }, confirmationId: confirmationId(state) };
  return (await booking.isConfirmed(request)) ? { ...state, phase: 'confirmed', offered: null } : state;
}

async function handOff(state: ConversationState, reason: string, snapshot: CatalogSnapshot, input: RespondInput, deps: AssistantDeps, result: RespondResult) {
  if (!deps.handoffEnabled) return;
  const t = templater(state.language, deps.templates);
  const summary = summaryLine(state, snapshot, state.language, t) || '(nothing chosen yet)';
  await deps.booking.requestHandoff({ conversationId: input.conversationId, reason, summary });
  result.handoff = true;
}
