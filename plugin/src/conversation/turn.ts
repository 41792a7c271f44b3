/**
 * One turn in the making, and the ways it ends: ask a slot (with the
 * failure rules), repeat the pending question, hand off, reply. Shared by the
 * booking flow (engine.ts) and the cancel / reschedule flows (manage/).
 */
import type { BookingView } from '../booking/list';
import type { CatalogQueries } from '../catalog/ports';
import type { CatalogSnapshot, Language } from '../catalog/types';
import type { UnderstandContext } from '../understanding';
import type { Extraction } from '../understanding/types';
import type { LlmPort } from '../llm/types';
import { choicesFor, type Variant } from './choices';
import { localizeDigits } from './format';
import { nextMissingSlot, type RequiredFields } from './policy';
import { confirmText, questionText, type ReplyContext } from './replies';
import { isSlotName, type AskedSlot, type ConversationState, type SlotName } from './state';
import { summaryLine } from './summary';
import type { Render, TemplateOverrides } from './templates';

/** The customer's upcoming bookings, from our DB (the booking service's `list`). */
export interface BookingLookup {
  list(q: { phone: string }): Promise<BookingView[]>;
}

export interface EngineDeps {
  catalog: CatalogQueries;
  bookings: BookingLookup;
  extract: (text: string, ctx: UnderstandContext) => Extraction;
  /** The optional model: reads what the rules miss and answers what the catalog cannot. Absent: rules only. */
  llm?: LlmPort | null;
  now: () => Date;
  templates?: TemplateOverrides;
  requiredFields?: Partial<RequiredFields>;
  /** The first is the default reply language until the customer's own words tell. */
  businessLanguages?: Language[];
}

export type TurnOutcome =
  | 'asked'
  | 'answered_interruption'
  | 'ready_to_confirm'
  /** Yes to a summary: the assistant now books, cancels or moves, as `state.flow` says. */
  | 'confirmed'
  | 'declined'
  | 'handoff'
  | 'invalid_input'
  | 'restart';

export interface TurnResult {
  state: ConversationState;
  replies: string[];
  /** What the last reply asks for; null when it asks nothing (handoff, "what would you like to change?"). */
  asked: AskedSlot | null;
  outcome: TurnOutcome;
}

export interface Turn {
  state: ConversationState;
  /**
   * The customer's number as the channel asserts it (WhatsApp, the bridge, a signed Chat profile); null when
   * the channel asserts none. Only it lists, cancels or moves bookings: a number typed in the chat never does.
   */
  identity: string | null;
  snapshot: CatalogSnapshot;
  deps: EngineDeps;
  required: RequiredFields;
  now: Date;
  t: Render;
  /** Lines that go before the question (greeting, truncation note, validation notes). */
  lead: string[];
}

/** After this many failed answers to one question the customer gets a human. */
const MAX_FAILURES = 3;

/**
 * Records that `asked` is asked again: one more failure when its answer just
 * failed, unchanged after an interruption, else a fresh start. Returns the count.
 */
export function countFailures(state: ConversationState, asked: AskedSlot, failed: boolean, outcome: TurnOutcome): number {
  const failures = failed ? (state.failures[asked] ?? 0) + 1 : outcome === 'answered_interruption' ? (state.failures[asked] ?? 0) : 0;
  state.failures = failures ? { [asked]: failures } : {};
  return failures;
}

export const tooManyFailures = (failures: number) => failures >= MAX_FAILURES;

export function replyContext(turn: Turn): ReplyContext {
  return { state: turn.state, snapshot: turn.snapshot, lang: turn.state.language, t: turn.t };
}

/**
 * Ask `slot` (null: everything is filled → full summary and "shall I book it?").
 * `failedOn` names the question whose answer just failed: it is then reworded,
 * listed, or handed to a human.
 */
export async function ask(turn: Turn, slot: SlotName | null, failedOn: AskedSlot[], outcome: TurnOutcome): Promise<TurnResult> {
  const { state } = turn;
  const asked: AskedSlot = slot ?? 'confirm';
  const failures = countFailures(state, asked, failedOn.includes(asked), outcome);
  if (tooManyFailures(failures)) return handoff(turn, 'handoff');

  const ctx = replyContext(turn);
  state.asked = asked;
  if (slot === null) {
    state.phase = 'ready_to_confirm';
    state.offered = null;
    const text = confirmText(failures ? 'retry' : 'ask', ctx);
    return reply(turn, [text], 'confirm', outcome === 'asked' ? 'ready_to_confirm' : outcome);
  }
  const variant: Variant = failures === 0 ? 'ask' : failures === 1 ? 'retry' : 'list';
  const options = await choicesFor(slot, variant, state, turn.snapshot, turn.deps.catalog, turn.now);
  // a choice with nothing to choose from (no catalog yet, or nobody for it): an apology and a person, never "Which branch would you like: ?"
  if (CHOICE_SLOTS.has(slot) && !options.some((o) => o !== 'any')) return handoff(turn, 'no_catalog');
  // times offered as the next day with free times stay named as such
  const after = slot === 'time' && state.offered?.slot === 'time' && state.offered.options === options ? state.offered.after : undefined;
  state.offered = options.length ? { slot, options, ...(after ? { after } : {}) } : null;
  return reply(turn, [summaryLine(state, turn.snapshot, state.language, turn.t), questionText(slot, variant, options, ctx)], slot, outcome);
}

/** The booking flow's pending question again, after an answer to something else (or its first question). */
export function askPending(turn: Turn, outcome: TurnOutcome): Promise<TurnResult> {
  const { state } = turn;
  const pending = isSlotName(state.asked) ? state.asked : state.asked === 'confirm' ? null : nextMissingSlot(state, turn.required);
  return ask(turn, pending, [], outcome);
}

/** Questions whose answer is one of a list from the catalog. */
const CHOICE_SLOTS: ReadonlySet<SlotName> = new Set<SlotName>(['location', 'services', 'staff']);

export function handoff(turn: Turn, key: 'handoff' | 'handoff_pending' | 'no_catalog'): TurnResult {
  turn.state.phase = 'handoff';
  turn.state.asked = null;
  turn.state.offered = null;
  return reply(turn, [turn.t(key)], null, 'handoff');
}

/** Lead and body as one message; nothing at all when both are empty (the assistant's step then speaks). */
export function reply(turn: Turn, body: string[], asked: AskedSlot | null, outcome: TurnOutcome): TurnResult {
  const text = [...turn.lead, ...body].filter(Boolean).join('\n');
  return { state: turn.state, replies: text ? [localizeDigits(text, turn.state.language)] : [], asked, outcome };
}
