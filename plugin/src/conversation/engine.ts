/**
 * One customer message in, one reply out. The slot order and the question
 * come from policy.ts; the LLM (if any) only extracts, it never steers.
 */
import type { CatalogQueries } from '../catalog/ports';
import type { CatalogSnapshot, Language } from '../catalog/types';
import type { Expecting, Extraction } from '../understanding/types';
import { choicesFor, type Variant } from './choices';
import { cleanInput } from './input';
import { answerFaq, isFaq } from './interruptions';
import { DEFAULT_REQUIRED, nextMissingSlot, type RequiredFields } from './policy';
import { confirmText, noteText, questionText, type ReplyContext } from './replies';
import { slotValue } from './slots';
import { cloneState, newConversationState, restartState, SLOT_ORDER, type AskedSlot, type ConversationState, type SlotName } from './state';
import { summaryLine } from './summary';
import { templater, type Render, type TemplateOverrides } from './templates';
import { localizeDigits } from './format';
import { applyExtraction } from './update';

export interface EngineDeps {
  catalog: CatalogQueries;
  extract: (text: string, ctx: { now: Date; expecting?: Expecting | null; offeredChoices?: number }) => Extraction;
  now: () => Date;
  templates?: TemplateOverrides;
  requiredFields?: Partial<RequiredFields>;
  /** The first is the default reply language until the customer's own words tell. */
  businessLanguages?: Language[];
}

export interface TurnInput {
  text: string;
  channelPhone?: string | null;
  profileName?: string | null;
}

export type TurnOutcome =
  | 'asked'
  | 'answered_interruption'
  | 'ready_to_confirm'
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

/** After this many failed answers to one question the customer gets a human. */
const MAX_FAILURES = 3;

interface Turn {
  state: ConversationState;
  snapshot: CatalogSnapshot;
  deps: EngineDeps;
  required: RequiredFields;
  now: Date;
  t: Render;
  /** Lines that go before the question (greeting, truncation note, validation notes). */
  lead: string[];
}

export async function handleTurn(prev: ConversationState | null, input: TurnInput, deps: EngineDeps): Promise<TurnResult> {
  const now = deps.now();
  const snapshot = await deps.catalog.snapshot();
  const required = { ...DEFAULT_REQUIRED, ...deps.requiredFields };
  let state = prev
    ? cloneState(prev)
    : newConversationState({ language: deps.businessLanguages?.[0] ?? snapshot.business.languages[0] ?? 'en' });
  state.turns += 1;
  if (input.channelPhone && state.slots.phone === null) {
    state.slots.phone = input.channelPhone;
    state.slots.phoneFromChannel = true;
  }
  if (input.profileName && !state.profileName) state.profileName = input.profileName;

  const clean = cleanInput(input.text);
  const x = clean.unreadable
    ? null
    : deps.extract(clean.text, { now, expecting: state.asked, offeredChoices: state.offered?.options.length ?? 0 });
  if (x) adoptLanguage(state, x, clean.text);
  const turn: Turn = { state, snapshot, deps, required, now, t: templater(state.language, deps.templates), lead: [] };
  if (state.turns === 1) turn.lead.push(turn.t('greeting', { business: businessName(snapshot, state.language) }));
  if (clean.truncated) turn.lead.push(turn.t('note_truncated'));
  // A cut message that still says nothing usable is treated like any unreadable one.
  if (!x || (clean.truncated && isEmpty(x))) return invalidInput(turn);

  if (x.intent === 'restart') {
    turn.state = restartState(state);
    turn.lead.push(turn.t('note_restart'));
    return ask(turn, nextMissingSlot(turn.state, required), [], 'restart');
  }
  if (state.phase === 'confirmed') {
    // The booking module owns a confirmed booking; a new message starts a new one for the same person.
    const name = state.slots.name;
    turn.state = state = restartState(state);
    state.slots.name = name;
  }
  if (x.intent === 'handoff') return handoff(turn, 'handoff');
  if (state.phase === 'handoff') return handoff(turn, 'handoff_pending');
  if (x.intent === 'cancel' || x.intent === 'reschedule' || x.intent === 'list') return handoff(turn, 'other_flow');
  if (isFaq(x.intent)) {
    turn.lead.push(answerFaq(x.intent, x, { state, snapshot, lang: state.language, t: turn.t }));
    const pending = state.asked ?? nextMissingSlot(state, required) ?? 'confirm';
    return ask(turn, pending === 'confirm' ? null : pending, [], 'answered_interruption');
  }

  const updated = await applyExtraction(state, x, { snapshot, catalog: deps.catalog, now, text: clean.text });
  const changed = SLOT_ORDER.some((slot) => slotValue(state, slot) !== slotValue(updated.state, slot));

  if (state.phase === 'ready_to_confirm' && !changed) {
    if (x.yesNo === 'yes') {
      state.phase = 'confirmed';
      state.asked = null;
      state.offered = null;
      return reply(turn, [turn.t('confirmed')], null, 'confirmed');
    }
    if (x.yesNo === 'no') {
      state.phase = 'collecting';
      state.asked = null;
      state.failures = {};
      return reply(turn, [turn.t('ask_change')], null, 'declined');
    }
  }

  turn.state = updated.state;
  turn.state.phase = 'collecting';
  const ctx = replyContext(turn);
  const next = nextMissingSlot(turn.state, required);
  turn.lead.push(...updated.notes.map((n) => noteText(n, ctx, next !== 'time')));
  // A question comes back only when the answer to it failed (or the slot was just invalidated).
  const failed = state.asked === (next ?? 'confirm') && !(next && updated.invalidated.includes(next)) && !(next === null && changed);
  return ask(turn, next, failed ? [state.asked!] : [], 'asked');
}

function isEmpty(x: Extraction): boolean {
  return Object.values(x).every((v) => v === null || (Array.isArray(v) && v.length === 0));
}

function businessName(snapshot: CatalogSnapshot, lang: Language): string {
  return lang === 'ar' && snapshot.business.nameAr ? snapshot.business.nameAr : snapshot.business.name;
}

/**
 * The language sticks once the customer's own words set it; after that only
 * a message of a few words in another language switches it ("ok" or "Sara" does not).
 */
function adoptLanguage(state: ConversationState, x: Extraction, text: string): void {
  if (!x.language) return;
  const words = text.match(/\p{L}+/gu)?.length ?? 0;
  const switchIt = x.language !== state.language && (!state.languageSettled || words >= 3);
  if (x.language === state.language || switchIt) state.languageSettled = true;
  if (switchIt) state.language = x.language;
}

function replyContext(turn: Turn): ReplyContext {
  return { state: turn.state, snapshot: turn.snapshot, lang: turn.state.language, t: turn.t };
}

/**
 * Ask `slot` (null: everything is filled → full summary and "shall I book it?").
 * `failedOn` names the question whose answer just failed: it is then reworded,
 * listed, or handed to a human.
 */
async function ask(turn: Turn, slot: SlotName | null, failedOn: AskedSlot[], outcome: TurnOutcome): Promise<TurnResult> {
  const { state } = turn;
  const asked: AskedSlot = slot ?? 'confirm';
  const failures = failedOn.includes(asked) ? (state.failures[asked] ?? 0) + 1 : outcome === 'answered_interruption' ? state.failures[asked] ?? 0 : 0;
  state.failures = failures ? { [asked]: failures } : {};
  if (failures >= MAX_FAILURES) return handoff(turn, 'handoff');

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
  state.offered = options.length ? { slot, options } : null;
  return reply(turn, [summaryLine(state, turn.snapshot, state.language, turn.t), questionText(slot, variant, options, ctx)], slot, outcome);
}

/** Unreadable input: say so and ask the pending question again, reworded; the booking is untouched. */
async function invalidInput(turn: Turn): Promise<TurnResult> {
  const { state } = turn;
  turn.lead.push(turn.t('invalid_input'));
  if (state.phase === 'handoff') return reply(turn, [turn.t('handoff_pending')], null, 'invalid_input');
  if (state.phase === 'confirmed') return reply(turn, [], null, 'invalid_input');
  if (state.asked === 'confirm') return reply(turn, [confirmText('retry', replyContext(turn))], 'confirm', 'invalid_input');
  const slot = state.asked ?? nextMissingSlot(state, turn.required);
  if (!slot) return reply(turn, [], null, 'invalid_input');
  const variant: Variant = (state.failures[slot] ?? 0) >= 1 ? 'list' : 'retry';
  const options = await choicesFor(slot, variant, state, turn.snapshot, turn.deps.catalog, turn.now);
  state.asked = slot;
  state.offered = options.length ? { slot, options } : state.offered;
  return reply(turn, [questionText(slot, variant, options, replyContext(turn))], slot, 'invalid_input');
}

function handoff(turn: Turn, key: 'handoff' | 'handoff_pending' | 'other_flow'): TurnResult {
  turn.state.phase = 'handoff';
  turn.state.asked = null;
  turn.state.offered = null;
  return reply(turn, [turn.t(key)], null, 'handoff');
}

function reply(turn: Turn, body: string[], asked: AskedSlot | null, outcome: TurnOutcome): TurnResult {
  const text = [...turn.lead, ...body].filter(Boolean).join('\n');
  return { state: turn.state, replies: [localizeDigits(text, turn.state.language)], asked, outcome };
}
