/**
 * Rule-based understanding: one message in, one Extraction out. Wires the
 * small extractors in this folder; the indexes are built once per catalog.
 */
import type { CatalogLocation, CatalogSnapshot } from '../catalog/types';
import { CatalogMatcher } from './catalog-matcher';
import { detectChoice } from './choice';
import { TIME_WORDS, extractDateTime } from './datetime';
import { findEmail } from './email';
import { detectIntent, startsWithCancel } from './intent';
import { detectLanguage } from './language';
import { extractName } from './name';
import { clean, normalize, tokenize } from './normalize';
import { findPhone } from './phone';
import { type Expecting, type Extraction, emptyExtraction } from './types';
import { detectYesNo } from './yes-no';

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

export function createRuleExtractor(snapshot: CatalogSnapshot): RuleExtractor {
  const matcher = new CatalogMatcher(snapshot);
  const zone = snapshot.business.timezone;
  const country = snapshot.business.country;
  const locationsById = new Map(snapshot.locations.map((l) => [l.id, l]));
  const anyOpen = openingHours(snapshot.locations);
  const isOtherWord = (w: string) => TIME_WORDS.has(w) || matcher.isCatalogWord(w);

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

    out.name = safe(() => extractName(s, expecting === 'name', isOtherWord), null);
    const answeredName = out.name !== null && expecting === 'name';
    out.yesNo = answeredName ? null : safe(() => detectYesNo(s), null);

    const skipWords = new Set(out.name ? tokenize(normalize(out.name)) : []);
    const found = safe(() => matcher.match(s, { expectingStaff: expecting === 'staff', skipWords, currentServices: ctx.currentServices }), null);
    if (found) {
      out.location = found.location;
      out.services = found.services;
      out.staff = found.staff;
      out.staffFor = found.staffFor;
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
          }),
        { date: null, time: null },
      );
      out.date = dt.date;
      out.time = dt.time;
    }

    out.intent = safe(
      () =>
        detectIntent(s, {
          hasBookingEntities: out.services.length > 0,
          expectingConfirm: expecting === 'confirm',
        }),
      null,
    );
    if (out.intent === 'cancel' && expecting === 'confirm_cancel') {
      // asked whether to cancel, "cancel it" / "yes cancel" agree; only a no of its own ("no, don't cancel") declines
      if (!(out.yesNo === 'no' && !startsWithCancel(s))) out.yesNo = 'yes';
      out.intent = null;
    } else if (out.intent === 'cancel' && expecting !== 'confirm') {
      // Outside a confirmation, "cancel" is a request, not an answer.
      out.yesNo = null;
    }
    return out;
  };
}
