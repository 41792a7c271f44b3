/**
 * When the model is asked, and how its reading joins the rules': the rules
 * win wherever they found something (they are tested on the corpus), the
 * model fills only what they left empty, and phone and e-mail come from the
 * rules alone (the model never sees them).
 */
import type { Expecting, Extraction } from '../understanding/types';

/** Nothing found but the language: no slot, intent, answer or pick (words left over are no finding). */
export function nothingFound(x: Extraction): boolean {
  return Object.entries(x).every(([k, v]) => k === 'language' || k === 'leftover' || v === null || (Array.isArray(v) && v.length === 0));
}

/** Intents that say nothing of what to do: a question that only carries one of them is a question the rules did not place. */
const VAGUE = new Set<Extraction['intent']>([null, 'book', 'greeting', 'thanks']);

/** Nothing but a vague intent: no slot, name, contact, answer or pick. */
export function onlyVague(x: Extraction): boolean {
  return nothingFound({ ...x, intent: VAGUE.has(x.intent) ? null : x.intent });
}

/**
 * The rules left the message unexplained: nothing found, a question ("do you have parking?") of
 * which they read only a vague intent ("do you have" reads as a booking), or content words left
 * over that no rule placed ("the shiny long-lasting nails thing", "gel manicure, is it safe when
 * pregnant?"): the rules may have read part of it, the model reads the rest.
 */
export function unexplained(x: Extraction, text: string): boolean {
  return nothingFound(x) || (onlyVague(x) && /[?¿؟]/.test(text)) || (x.leftover?.length ?? 0) > 0;
}

const ANSWERS: ReadonlySet<Expecting> = new Set(['location', 'services', 'staff', 'time', 'name', 'phone', 'email']);

export function mergeExtractions(rules: Extraction, model: Extraction, expecting: Expecting | null): Extraction {
  const out = { ...rules };
  for (const key of Object.keys(model) as Array<keyof Extraction>) {
    if (key === 'phone' || key === 'email' || key === 'language' || key === 'leftover') continue;
    // the yes that books, cancels or moves is the customer's own word, read by the rules: never the model's
    if (key === 'yesNo' && (expecting === 'confirm' || expecting === 'confirm_cancel')) continue;
    const mine = rules[key];
    const theirs = model[key];
    const empty = mine === null || (Array.isArray(mine) && mine.length === 0);
    if (empty) (out as Record<string, unknown>)[key] = theirs;
  }
  // as with the rules: an answer to a booking question, or a change at the summary, asks for no new booking
  if (out.intent === 'book' && expecting !== null && (ANSWERS.has(expecting) || expecting === 'confirm')) out.intent = null;
  if (out.intent === 'greeting' && expecting !== null) out.intent = null;
  return out;
}
