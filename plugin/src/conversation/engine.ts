/**
 * One customer message in, one reply out (none at a yes to cancel or move:
 * the assistant's step speaks then). Cancel, reschedule and "my bookings" go to
 * manage/; the booking flow's slot order and questions come from policy.ts.
 * The LLM (if any) only extracts, it never steers.
 */
import type { CatalogQueries } from '../catalog/ports';
import type { CatalogSnapshot, FreeWindow, Language } from '../catalog/types';
import type { Expecting, Extraction } from '../understanding/types';
import { mentionsMyBooking } from '../understanding/intent';
import { mergeExtractions, onlyVague, unexplained } from '../llm/merge';
import type { LlmUnderstanding } from '../llm/types';
import { cleanInput } from './input';
import { answerFaq, isFaq } from './interruptions';
import { askManaged, manageInvalid, manageTurn } from './manage/flow';
import { DEFAULT_REQUIRED, nextMissingSlot } from './policy';
import { noteText } from './replies';
import { slotValue } from './slots';
import { cloneState, isSlotName, newConversationState, nextBookingState, restartState, SLOT_ORDER, type AskedSlot, type ConversationState } from './state';
import { templater } from './templates';
import { applyExtraction } from './update';
import { ask, askPending, handoff, reply, replyContext, type EngineDeps, type Turn, type TurnResult } from './turn';

export type { BookingLookup, EngineDeps, TurnOutcome, TurnResult } from './turn';

export interface TurnInput {
  text: string;
  /** The number the channel asserts; the only key to the customer's existing bookings. */
  channelPhone?: string | null;
  profileName?: string | null;
}

export async function handleTurn(prev: ConversationState | null, input: TurnInput, engineDeps: EngineDeps): Promise<TurnResult> {
  const deps = { ...engineDeps, catalog: windowsOnce(engineDeps.catalog) };
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
  const expecting = expectingFor(state.asked);
  let x = clean.unreadable
    ? null
    : deps.extract(clean.text, {
        now,
        expecting,
        offeredChoices: state.offered?.options.length ?? 0,
        currentServices: state.slots.services.map((i) => i.serviceId),
        // "8 in the evening" then "make it 9": the bare hour stays in the evening
        currentTime: state.slots.time ?? state.wantedTime,
      });
  if (x) adoptLanguage(state, x, clean.text);
  // the model (if any) reads what the rules left unexplained: one call at most, its ids checked like the rules'
  let free: LlmUnderstanding | null = null;
  if (x && deps.llm && (deps.llm.mode === 'always' || unexplained(x, clean.text))) {
    free = await deps.llm.understand(clean.text, { now, expecting, language: state.language, chosen: chosenIds(state), snapshot });
    if (free) x = mergeExtractions(x, free.extraction, expecting);
  }
  const turn: Turn = { state, snapshot, deps, required, now, identity: input.channelPhone ?? null, t: templater(state.language, deps.templates), lead: [] };
  if (state.turns === 1) turn.lead.push(turn.t('greeting', { business: businessName(snapshot, state.language) }));
  if (clean.truncated) turn.lead.push(turn.t('note_truncated'));
  // A cut message that still says nothing usable is treated like any unreadable one.
  if (!x || (clean.truncated && isEmpty(x))) return invalidInput(turn);

  if (x.intent === 'restart') {
    turn.state = restartState(state);
    turn.lead.push(turn.t('note_restart'));
    return ask(turn, nextMissingSlot(turn.state, required), [], 'restart');
  }
  if (isThanks(x) && (state.phase === 'confirmed' || state.asked === null)) {
    // thanks or goodbye with nothing pending (after a booking, a cancellation, "what would you like to change?"):
    // a polite close; the next message starts whatever comes next
    return reply(turn, [turn.t('thanks_reply')], null, 'answered_interruption');
  }
  if (state.phase === 'confirmed' && state.flow === 'book' && isBareYes(x)) {
    // "yes" again after booking: the same confirmation once more; the booking step answers with the same
    // order and payment link (it is idempotent), never a second booking or a fresh start
    return reply(turn, [], null, 'confirmed');
  }
  if (state.phase === 'confirmed') {
    // The booking module owns a confirmed booking; a new message starts a new one for the same person.
    turn.state = state = nextBookingState(state);
  }
  if (x.intent === 'handoff') return handoff(turn, 'handoff');
  if (state.phase === 'handoff') return handoff(turn, 'handoff_pending');
  if (isThanks(x)) {
    // thanks in the middle of a question: acknowledged, and the question stays
    turn.lead.push(turn.t('thanks_pending'));
    return state.flow === 'book' ? askPending(turn, 'answered_interruption') : askManaged(turn, 'answered_interruption');
  }
  // "same day but at 4", "move it to 6" while a booking is being made change that booking; only words about
  // a booking already made ("my appointment") move one
  if (x.intent === 'reschedule' && state.flow === 'book' && choosing(state) && !mentionsMyBooking(clean.text)) x.intent = null;
  const managed = await manageTurn(turn, x);
  if (managed) return managed;
  state = turn.state; // a cancel or reschedule may have been left for a new booking
  // a question beyond the catalog: the model's answer, else (no model, it failed, or its answer was guarded)
  // the polite "I'll ask the team"; then the pending question again, not counted as a failed answer
  const freeQuestion = x.intent === null && onlyVague(x) && /[?¿؟]/.test(clean.text) && state.flow === 'book' && state.asked !== 'confirm';
  if ((free && (free.answer || free.guarded) && onlyVague(x)) || (freeQuestion && !free?.answer)) {
    turn.lead.push(free?.answer ?? turn.t('ask_team'));
    return askPending(turn, 'answered_interruption');
  }
  if (isFaq(x.intent)) {
    // "how much is it and how long does it take?": every question asked is answered
    for (const q of [x.intent, ...x.alsoAsks.filter((a) => a !== x.intent)]) turn.lead.push(answerFaq(q, x, { state, snapshot, lang: state.language, t: turn.t }));
    return askPending(turn, 'answered_interruption');
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
  // A question comes back only when the answer to it failed (or the slot was just invalidated). A message
  // that changed another slot (a correction: "actually 5pm" while the name was asked) did not fail: like an
  // interruption, it is answered and the pending question asked again in its usual words.
  const correctedOther = SLOT_ORDER.some((slot) => slot !== state.asked && slotValue(state, slot) !== slotValue(updated.state, slot));
  const failed = state.asked === (next ?? 'confirm') && !(next && updated.invalidated.includes(next)) && !correctedOther;
  // "what time on Friday?" when Friday cannot be had (closed, full, her day off) changes nothing: it is answered
  // (the next day with free times), like a question, and the pending question comes back without counting as failed
  const dayAnswered = !changed && updated.notes.some((n) => n.kind === 'location_closed' || n.kind === 'day_full' || n.kind === 'staff_away');
  if (dayAnswered) return ask(turn, next, [], 'answered_interruption');
  return ask(turn, next, failed ? [state.asked!] : [], 'asked');
}

/**
 * The catalog for one turn: the same free-window read asked twice (a day checked, then its times offered) is
 * read once. Nothing books inside a turn, so what it read stays true for the turn.
 */
function windowsOnce(catalog: CatalogQueries): CatalogQueries {
  const seen = new Map<string, Promise<FreeWindow[]>>();
  return {
    snapshot: () => catalog.snapshot(),
    refreshDays: catalog.refreshDays?.bind(catalog),
    freeWindows(q) {
      const key = `${q.locationId}|${q.from.getTime()}|${q.to.getTime()}|${q.staffId ?? ''}`;
      let read = seen.get(key);
      if (!read) seen.set(key, (read = catalog.freeWindows(q)));
      return read;
    },
  };
}

/** A booking in the making: something of it is chosen already. */
const choosing = (state: ConversationState) => state.slots.services.length > 0 || state.slots.date !== null || state.slots.location !== null;

/** Thanks or goodbye, and nothing to act on. */
function isThanks(x: Extraction): boolean {
  const slotless = x.location === null && !x.services.length && x.staff === null && x.date === null && x.time === null && !x.same.length;
  return x.intent === 'thanks' && slotless && x.name === null && x.phone === null && x.email === null && x.choice === null && x.yesNo === null;
}

/** What is chosen so far, by id, for the model: never the phone, e-mail or name. */
function chosenIds(state: ConversationState) {
  const { slots } = state;
  const staff = [...new Set(slots.services.map((i) => i.staffId).filter((s): s is string => s !== null))];
  return { location: slots.location, services: slots.services.map((i) => i.serviceId), staff: staff.length === 1 ? staff[0] : null, date: slots.date, time: slots.time };
}

/** A yes and nothing else: no intent beyond a greeting, no slot value. */
function isBareYes(x: Extraction): boolean {
  const slotless = x.location === null && !x.services.length && x.staff === null && x.date === null && x.time === null;
  const personless = x.name === null && x.phone === null && x.email === null && x.choice === null;
  return x.yesNo === 'yes' && (x.intent === null || x.intent === 'greeting') && slotless && personless;
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
 * A name is no words of a language: "noura al mutairi" as a name keeps an English chat English.
 */
function adoptLanguage(state: ConversationState, x: Extraction, text: string): void {
  if (!x.language) return;
  const nameWords = new Set(x.name?.toLowerCase().match(/\p{L}+/gu) ?? []);
  const words = (text.match(/\p{L}+/gu) ?? []).filter((w) => !nameWords.has(w.toLowerCase())).length;
  if (x.name !== null && words === 0) return;
  const switchIt = x.language !== state.language && (!state.languageSettled || words >= 3);
  if (x.language === state.language || switchIt) state.languageSettled = true;
  if (switchIt) state.language = x.language;
}

/** What the last question prepares the extractor for: a booking is picked from a numbered list. */
function expectingFor(asked: AskedSlot | null): Expecting | null {
  return asked === 'booking' ? 'choice' : asked;
}

/**
 * Unreadable input: say so and ask the pending question again. It counts as a failed answer, so the
 * question is reworded, then listed, then a human is offered; the booking itself is untouched.
 */
async function invalidInput(turn: Turn): Promise<TurnResult> {
  const { state } = turn;
  turn.lead.push(turn.t('invalid_input'));
  if (state.phase === 'handoff') return reply(turn, [turn.t('handoff_pending')], null, 'invalid_input');
  if (state.phase === 'confirmed') return reply(turn, [], null, 'invalid_input');
  if (state.flow !== 'book') return manageInvalid(turn);
  const slot = state.asked === 'confirm' ? null : isSlotName(state.asked) ? state.asked : nextMissingSlot(state, turn.required);
  if (slot === null && state.asked !== 'confirm') return reply(turn, [], null, 'invalid_input');
  return ask(turn, slot, state.asked ? [state.asked] : [], 'invalid_input');
}
