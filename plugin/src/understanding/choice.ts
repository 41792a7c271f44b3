/**
 * A pick from a numbered list the bot offered: "2", "option 2", "the second",
 * "الثاني", "la segunda", "the last one". Only called when a list was offered.
 */
import { normalize, tokenize } from './normalize';

const ORDINALS: Record<string, number> = {
  first: 1, '1st': 1, second: 2, '2nd': 2, third: 3, '3rd': 3, fourth: 4, '4th': 4, fifth: 5, '5th': 5, sixth: 6, '6th': 6,
  seventh: 7, '7th': 7, eighth: 8, '8th': 8, ninth: 9, '9th': 9, tenth: 10, '10th': 10,
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6,
  primero: 1, primera: 1, segundo: 2, segunda: 2, tercero: 3, tercera: 3, cuarto: 4, cuarta: 4, quinto: 5, quinta: 5, sexto: 6, sexta: 6,
  uno: 1, una: 1, dos: 2, tres: 3, cuatro: 4, cinco: 5,
  اول: 1, الاول: 1, الاولي: 1, اولي: 1, ثاني: 2, الثاني: 2, الثانيه: 2, التاني: 2, التانيه: 2, ثالث: 3, الثالث: 3, الثالثه: 3, الرابع: 4,
  الرابعه: 4, رابع: 4, الخامس: 5, الخامسه: 5, السادس: 6, السادسه: 6, واحد: 1, اثنين: 2, ثلاثه: 3, اربعه: 4, خمسه: 5,
};
const SOFT_ONE = new Set(['one', 'uno', 'una', 'واحد']);
const LAST = new Set(['last', 'ultimo', 'ultima', 'الاخير', 'الاخيره', 'اخر']);
/** Words that may surround the pick without changing it. */
const FILLER = new Set([
  'the', 'option', 'number', 'no', 'no.', '#', 'please', 'pls', 'i', 'want', 'choose', 'pick', 'take', "i'll", 'ill', 'id', "i'd", 'like', 'go', 'with', 'for',
  'el', 'la', 'lo', 'opcion', 'numero', 'num', 'quiero', 'por', 'favor', 'me', 'elijo', 'prefiero', 'mejor', 'de',
  'رقم', 'الخيار', 'خيار', 'ابي', 'ابغي', 'ابغا', 'اختار', 'لو', 'سمحت', 'ال', 'ok', 'okay', 'then', 'that', 'porfa', 'porfis', 'plz', 'سمحتي', 'the one', 'pls',
]);

export function detectChoice(text: string, offered: number): number | null {
  if (!(offered >= 2)) return null;
  const tokens = tokenize(normalize(text).replace(/#/g, ' # '));
  if (tokens.length === 0 || tokens.length > 8) return null;
  let pick: number | null = null;
  let saidOne = false;
  for (const t of tokens) {
    if (SOFT_ONE.has(t)) {
      saidOne = true; // "the second one": "one" is filler unless it is the only pick
      continue;
    }
    if (FILLER.has(t) || t === '#') continue;
    let n: number | null = null;
    if (/^\d{1,2}$/.test(t)) n = Number(t);
    else if (ORDINALS[t] !== undefined) n = ORDINALS[t];
    else if (LAST.has(t)) n = offered;
    else return null; // anything else means it is not a bare pick ("2 pm", "2 people")
    if (pick !== null && pick !== n) return null;
    pick = n;
  }
  if (pick === null && saidOne) pick = 1;
  return pick !== null && pick >= 1 && pick <= offered ? pick : null;
}

/** Every word the list-pick rules know (leftover.ts). */
export const CHOICE_VOCABULARY: readonly string[] = [...Object.keys(ORDINALS), ...SOFT_ONE, ...LAST, ...FILLER];
