/**
 * Text normalisation shared by every extractor: one canonical form so that
 * "أفنيوز", "افنيوز" and "الأفنيوز" compare equal, and "٥" reads as "5".
 * Hand-written because no installed library covers Arabic orthographic
 * variants; it is a handful of character maps.
 */

/** Longest input we look at; the rest of a pasted essay adds nothing but cost. */
export const MAX_INPUT = 1000;

const ARABIC_DIGITS = '٠١٢٣٤٥٦٧٨٩';
const PERSIAN_DIGITS = '۰۱۲۳۴۵۶۷۸۹';

/** Arabic-Indic and Persian digits → ASCII; nothing else changes (safe for phone numbers and names). */
export function asciiDigits(text: string): string {
  return text.replace(/[٠-٩۰-۹]/g, (d) => {
    const i = ARABIC_DIGITS.indexOf(d);
    return String(i >= 0 ? i : PERSIAN_DIGITS.indexOf(d));
  });
}

/** Control characters, zero-width and bidi marks: they split tokens invisibly. */
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

/** Cheap cleanup before any extractor: truncate, drop invisible characters, ASCII digits, NFC. */
export function clean(text: unknown): string {
  if (typeof text !== 'string') return '';
  return asciiDigits(text.slice(0, MAX_INPUT).replace(INVISIBLE, ' ').normalize('NFC'))
    .replace(/\u066b/g, '.') // Arabic decimal separator, seen in "٤٫٣٠"
    .replace(/\u060c/g, ',') // Arabic comma
    .replace(/\u061f/g, '?'); // Arabic question mark
}

/**
 * Matching form: lowercase, no Latin accents (ñ kept: "año" ≠ "ano"), Arabic
 * without diacritics or tatweel, one alef, ى→ي, ة→ه, ؤ/ئ→و/ي, punctuation → space.
 */
export function normalize(text: unknown): string {
  if (typeof text !== 'string') return '';
  // Every extractor normalises the same message: remember the last few results.
  const hit = recent.get(text);
  if (hit !== undefined) return hit;
  const out = normalizeUncached(text);
  if (recent.size >= 16) recent.delete(recent.keys().next().value!);
  recent.set(text, out);
  return out;
}

const recent = new Map<string, string>();

function normalizeUncached(text: string): string {
  let s = clean(text).toLowerCase();
  s = s.replace(/ñ/g, '\u0000'); // protect ñ from accent stripping
  s = s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').normalize('NFC');
  s = s.replace(/\u0000/g, 'ñ');
  s = s
    .replace(/[\u064b-\u065f\u0670\u06d6-\u06ed]/g, '') // harakat, shadda, sukun, superscript alef, Quranic marks
    .replace(/\u0640/g, '') // tatweel
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/ى/g, 'ي')
    .replace(/ة/g, 'ه')
    .replace(/ؤ/g, 'و')
    .replace(/ئ/g, 'ي')
    .replace(/[گ]/g, 'ك')
    .replace(/[ڤ]/g, 'ف')
    .replace(/[چ]/g, 'ج');
  // Keep letters, digits, ':' (times), '@' '.' '+' (emails, phones) — the rest separates tokens.
  s = s.replace(/[^\p{L}\p{N}:@.+\-/']+/gu, ' ');
  s = s.replace(CHAT_SHORT, (w) => CHAT_WORDS[w]);
  return s.replace(/\s+/g, ' ').trim();
}

/**
 * Spanish chat spellings read as the words they stand for, so every table is written once:
 * "q citas tengo" = "que citas tengo", "pal viernes" = "para el viernes", "xq" = "porque".
 * Only forms that are no word of English ("k" is also "ok", "x" a times sign, "hrs" an hour mark: not here).
 */
const CHAT_WORDS: Record<string, string> = {
  q: 'que', ke: 'que', xq: 'porque', pq: 'porque', porq: 'porque', pa: 'para', pal: 'para el', xfa: 'por favor', xfavor: 'por favor',
  porfa: 'por favor', porfis: 'por favor', porfavor: 'por favor', tmb: 'tambien', tmbn: 'tambien', tb: 'tambien', tambn: 'tambien',
  dl: 'del', nd: 'nada', bn: 'bien', msj: 'mensaje', kiero: 'quiero', qiero: 'quiero', kieres: 'quieres', xk: 'porque',
};
const CHAT_SHORT = new RegExp(`(?<![\\p{L}\\p{N}:.@'-])(?:${Object.keys(CHAT_WORDS).join('|')})(?![\\p{L}\\p{N}@'-])`, 'gu');

/** Words of a normalised string, without the trailing dots/hyphens of sentence punctuation. */
export function tokenize(normalized: string): readonly string[] {
  const hit = recentTokens.get(normalized);
  if (hit) return hit;
  const out = tokenizeUncached(normalized);
  if (recentTokens.size >= 16) recentTokens.delete(recentTokens.keys().next().value!);
  recentTokens.set(normalized, out);
  return out;
}

const recentTokens = new Map<string, readonly string[]>();

function tokenizeUncached(normalized: string): readonly string[] {
  const out: string[] = [];
  for (const raw of normalized.split(' ')) {
    const t = raw.replace(/^[.\-/']+|[.\-/':]+$/g, '');
    if (t) out.push(t);
  }
  return out;
}

const ARABIC_LETTER = /[\u0621-\u064a]/;
export const isArabicWord = (w: string): boolean => ARABIC_LETTER.test(w);

/** A word with its stretched letters folded ("yesss" → "yes", "graciaaas" → "gracias"), for a second lookup after the word itself. */
export const fold = (word: string): string => word.replace(/(\p{L})\1+/gu, '$1');
