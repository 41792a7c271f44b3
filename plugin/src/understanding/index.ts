/**
 * Rule-based understanding: one message in, one Extraction out. Wires the
 * small extractors in this folder; the indexes are built once per catalog.
 */
import type { CatalogLocation, CatalogSnapshot } from '../catalog/types';
import { CatalogMatcher } from './catalog-matcher';
import { readEdit } from './edits';
import { detectChoice } from './choice';
import { TIME_WORDS, extractDateTime } from './datetime';
import { findEmail } from './email';
import { detectIntents, mentionsMyBooking, startsWithCancel } from './intent';
import { detectLanguage } from './language';
import { extractName } from './name';
import { clean, normalize, tokenize } from './normalize';
import { leftoverWords } from './leftover';
import { findPhone } from './phone';
import { type Expecting, type Extraction, emptyExtraction } from './types';
import { timesPerService } from './time-pairing';
import { declinesEmail, detectYesNo } from './yes-no';

export type { Expecting, Extraction, FaqIntent, Intent, PartOfDay, ServiceEdit } from './types';
export { emptyExtraction } from './types';

export interface UnderstandContext {
  /** Frozen clock. */
  now: Date;
  /** Slot the bot asked about last. */
  expecting?: Expecting | null;
  /** Size of the numbered list the bot offered, if any. */
  offeredChoices?: number;
  /** Services chosen so far, so "the manicure" can refer to the chosen one and "instead" knows what it replaces. */
  currentServices?: readonly string[];
  /** Time chosen or wanted so far ("HH:MM"): a bare hour after "8 in the evening" ("make it 9") stays in the evening. */
  currentTime?: string | null;
}

export type RuleExtractor = (text: string, ctx: UnderstandContext) => Extraction;

const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Opening hours as a predicate: can a booking start at `minutes` on `date` (null = any day) at these locations? */
function openingHours(locations: CatalogLocation[]) {
  return (date: string | null, minutes: number): boolean => {
    // A calendar date's weekday needs no zone; Monday = 0 as in CatalogLocation.hours.
    const days = date ? [(new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7] : [0, 1, 2, 3, 4, 5, 6];
    return locations.some((l) => days.some((d) => {
      const h = l.hours[d];
      return !!h && toMinutes(h[0]) <= minutes && minutes < toMinutes(h[1]);
    }));
  };
}

/** Never let one extractor's bug on odd input take the whole message down. */
function safe<T>(fn: () => T, fallback: T): T {
  try {
    return fn();
  } catch {
    return fallback;
  }
}

const blankOut = (s: string, start: number, end: number) => s.slice(0, start) + ' '.repeat(end - start) + s.slice(end);

/** Questions of the booking flow: an answer to one names no new request ("whoever's available", "what time on Friday?"). */
const ANSWERS: ReadonlySet<Expecting> = new Set(['location', 'services', 'staff', 'time', 'name', 'phone', 'email']);

export function createRuleExtractor(snapshot: CatalogSnapshot): RuleExtractor {
  const matcher = new CatalogMatcher(snapshot);
  const zone = snapshot.business.timezone;
  const country = snapshot.business.country;
  const locationsById = new Map(snapshot.locations.map((l) => [l.id, l]));
  const anyOpen = openingHours(snapshot.locations);
  const isOtherWord = (w: string) => TIME_WORDS.has(w) || matcher.isCatalogWord(w);
  const isServiceWord = (w: string) => matcher.isServiceWord(w);
  const isStaffWord = (w: string) => matcher.isStaffWord(w);

  return (text, ctx) => {
    const out = emptyExtraction();
    const expecting = ctx.expecting ?? null;
    let s = safe(() => clean(text), '');
    if (!s.trim()) return out;

    const email = safe(() => findEmail(s), null);
    if (email) {
      out.email = email.email;
      s = blankOut(s, email.start, email.end);
    }
    const phone = safe(() => findPhone(s, country), null);
    if (phone) {
      out.phone = phone.phone;
      s = blankOut(s, phone.start, phone.end);
    }
    out.language = safe(() => detectLanguage(s), null);

    out.choice = ctx.offeredChoices && ctx.offeredChoices >= 2 ? safe(() => detectChoice(s, ctx.offeredChoices!), null) : null;
    if (out.choice !== null) return out; // "2" from a list is only a pick

    out.name = safe(() => extractName(s, expecting === 'name', isOtherWord, isStaffWord), null);
    const answeredName = out.name !== null && expecting === 'name';
    out.yesNo = answeredName ? null : safe(() => detectYesNo(s, { isServiceWord }), null);
    if (expecting === 'email' && !out.email && safe(() => declinesEmail(s), false)) out.yesNo = 'no';

    const skipWords = new Set(out.name ? tokenize(normalize(out.name)) : []);
    const found = safe(() => matcher.match(s, { expectingStaff: expecting === 'staff', skipWords, currentServices: ctx.currentServices }), null);
    if (found) {
      out.location = found.location;
      out.services = found.services;
      const edit = safe(() => readEdit(found, ctx.currentServices ?? [], matcher.services), null);
      if (edit) Object.assign(out, edit);
      // a staff member's name given as the customer's name is the customer's (staff make no sense there)
      out.staff = answeredName ? null : found.staff;
      out.staffFor = answeredName ? [] : found.staffFor;
    }

    if (!answeredName) {
      const loc = out.location ? locationsById.get(out.location) : undefined;
      const dt = safe(
        () =>
          extractDateTime(s, {
            now: ctx.now,
            timezone: loc?.timezone ?? zone,
            isOpen: loc ? openingHours([loc]) : anyOpen,
            expectingTime: expecting === 'time',
            language: out.language,
            currentTime: ctx.currentTime ?? null,
          }),
        { date: null, time: null, partOfDay: null, same: [] },
      );
      out.date = dt.date;
      out.time = dt.time;
      // several services chosen or named, and a time: maybe each its own ("pedicure at 5, manicure at 3")
      if (dt.time && new Set([...out.services, ...(ctx.currentServices ?? [])]).size >= 2) {
        const timeOf = (clause: string) =>
          extractDateTime(clause, { now: ctx.now, timezone: loc?.timezone ?? zone, isOpen: loc ? openingHours([loc]) : anyOpen, expectingTime: true, language: out.language, currentTime: ctx.currentTime ?? null }).time;
        const servicesOf = (clause: string) => matcher.match(clause, { skipWords, currentServices: ctx.currentServices }).services;
        const pairs = safe(() => timesPerService(s, { services: servicesOf, time: timeOf }), []);
        if (pairs.length) out.timeFor = pairs;
      }
      out.partOfDay = dt.partOfDay;
      out.same = dt.same;
    }

    const answering = expecting !== null && ANSWERS.has(expecting);
    const intents = safe(
      () => detectIntents(s, { hasBookingEntities: out.services.length > 0, expectingConfirm: expecting === 'confirm', answering, mentionsService: !!found?.loose.length }),
      { intent: null, alsoAsks: [] },
    );
    out.intent = intents.intent;
    out.alsoAsks = intents.alsoAsks;
    settleIntent(out, s, expecting, ctx);
    out.leftover = safe(() => leftoverWords(s, { name: out.name, isCatalogWord: (w) => matcher.isCatalogWord(w), isStaffWord }), []);
    return out;
  };
}

/** Questions that ask for a value, not a yes or a no. */
const SLOT_QUESTIONS: ReadonlySet<Expecting> = new Set(['location', 'services', 'staff', 'time']);
const answersSlot = (x: Extraction) => !!(x.date || x.time || x.partOfDay || x.staff || x.location || x.services.length || x.same.length);

/** Intent in the light of the question pending: answers are answers, a yes at a summary is a yes. */
function settleIntent(out: Extraction, s: string, expecting: Expecting | null, ctx: UnderstandContext): void {
  const bookingFlow = expecting !== null && (ANSWERS.has(expecting) || expecting === 'confirm');
  if (out.intent === 'cancel' && expecting === 'confirm_cancel') {
    // asked whether to cancel, "cancel it" / "yes cancel" agree; only a no of its own ("no, don't cancel") declines
    if (!(out.yesNo === 'no' && !startsWithCancel(s))) out.yesNo = 'yes';
    out.intent = null;
    return;
  }
  // "cancel the haircut", "remove the blow dry, my mom can't come": a change to the services chosen, not to a booking
  if ((out.intent === 'cancel' || out.intent === 'reschedule') && out.serviceEdit !== null) out.intent = out.services.length ? 'book' : null;
  // outside a confirmation a request is no answer: "no llego a las 12, me la cambias?" says no "no"
  if (expecting !== 'confirm' && (out.intent === 'cancel' || out.intent === 'reschedule' || out.intent === 'list')) out.yesNo = null;
  // "move it to 6" while choosing is a correction; only "my appointment" means a booking already made
  if (out.intent === 'reschedule' && bookingFlow && !mentionsMyBooking(s)) out.intent = null;
  if (out.intent === 'book' && !out.services.length && (out.name !== null && expecting === 'name' || (expecting !== null && ANSWERS.has(expecting)))) out.intent = null;
  // at the summary a change is an answer to "shall I book it?", and a message that only takes a service away asks for nothing new
  if (out.intent === 'book' && (expecting === 'confirm' || (out.serviceEdit !== null && !out.services.length))) out.intent = null;
  if (expecting === 'confirm' && out.yesNo === 'yes' && !out.services.length && (out.intent === 'book' || out.intent === 'thanks' || out.intent === 'greeting')) out.intent = null;
  // "ok tomorrow at 5", "inshallah باجر ٥" answering "what time?": the "ok" acknowledges, the answer is the time
  // and with no question pending a "yes" answers nothing: "yalla book me a pedicure", "inshallah tomorrow at 4"
  if (out.yesNo === 'yes' && (expecting === null ? out.intent !== null || answersSlot(out) : SLOT_QUESTIONS.has(expecting) && answersSlot(out))) out.yesNo = null;
  if (out.intent?.startsWith('faq_')) out.partOfDay = null; // a question about hours wants no time of its own
  if (out.intent === 'thanks') {
    if (expecting !== 'confirm') out.yesNo = null;
    if (out.name !== null) out.intent = null;
  }
  // "same day but later" with nothing pending can only mean a booking already made
  if (out.intent === null && out.same.length && expecting === null) out.intent = 'reschedule';
}
