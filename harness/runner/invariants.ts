/**
 * The conversation rules checked on every turn without being asked (DESIGN.md,
 * "The conversation"). Each has a name a scenario can `relax:`; the executor
 * decides what a relaxed hit means, this module only reports violations.
 */
import { detectLanguage, type Language } from './language';
import type { InvariantName } from './schema';
import type { TurnObservation } from './target';

export interface Violation {
  invariant: InvariantName;
  message: string;
}

export interface TurnCheck {
  observation: TurnObservation;
  /** The same customer's previous turn that produced replies, if any. */
  previous: TurnObservation | null;
  /** Language the replies must be in; null when an explicit `bot: { language }` checks it instead. */
  language: Language | null;
}

/** Re-asking the same slot is fine only after a failed answer, an invalidation, an interruption, or (for the summary) a change. */
function reaskAllowed(o: TurnObservation): boolean {
  const asked = o.asked!;
  return (
    o.answerFailedValidation ||
    o.invalidated.includes(asked) ||
    o.outcome === 'answered_interruption' ||
    // a correction of another slot is answered and the pending question comes back (a fresh summary for confirm)
    o.changed.some((slot) => slot !== asked)
  );
}

const CHECKS: Record<InvariantName, (t: TurnCheck) => string[]> = {
  'no-repeated-question': ({ observation: o, previous: p }) =>
    o.asked && p?.asked === o.asked && !reaskAllowed(o)
      ? [`asked for "${o.asked}" twice in a row, though the answer did not fail validation and the slot was not invalidated`]
      : [],
  'no-question-for-filled-slot': ({ observation: o }) =>
    o.asked && o.asked !== 'confirm' && o.filled.includes(o.asked) ? [`asked for "${o.asked}", which is already filled (filled: ${o.filled.join(', ')})`] : [],
  'no-live-catalog-call': ({ observation: o }) =>
    o.liveCatalogCalls > 0 ? [`${o.liveCatalogCalls} live provider catalog call(s) during the turn; a conversation reads the catalog from the DB`] : [],
  'no-booking-without-yes': ({ observation: o }) =>
    o.ordersCreated > 0 && !o.confirmedByYes ? [`${o.ordersCreated} provider order(s) created without an explicit yes to a full summary`] : [],
  'reply-language': ({ observation: o, language }) => {
    if (!language) return [];
    return o.replies.flatMap((r) => {
      const got = detectLanguage(r);
      return got && got !== language ? [`reply is in ${got}, the customer writes ${language}: ${JSON.stringify(short(r))}`] : [];
    });
  },
  'no-empty-or-duplicate-message': ({ observation: o, previous: p }) => {
    const out: string[] = [];
    o.replies.forEach((r, i) => {
      if (r.trim() === '') out.push(`reply ${i + 1} is empty`);
      else if (o.replies.indexOf(r) < i) out.push(`reply ${i + 1} repeats reply ${o.replies.indexOf(r) + 1}: ${JSON.stringify(short(r))}`);
      else if (p?.replies.includes(r) && o.outcome !== 'answered_interruption') out.push(`reply ${i + 1} is the same message as the previous turn: ${JSON.stringify(short(r))}`);
    });
    return out;
  },
};

export function checkInvariants(turn: TurnCheck): Violation[] {
  return (Object.keys(CHECKS) as InvariantName[]).flatMap((invariant) => CHECKS[invariant](turn).map((message) => ({ invariant, message })));
}

function short(text: string): string {
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
