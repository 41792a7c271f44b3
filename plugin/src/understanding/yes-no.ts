/**
 * Yes / no answers in en/ar/es. Looks at how the message starts ("yes
 * please", "no, make it 6", "actually no …"), or the whole of a short message,
 * never at a "no" buried in a sentence. Phrase lists: no library covers Gulf
 * Arabic or Mexican chat.
 */
import { fold, normalize, tokenize } from './normalize';

const YES = [
  'yes', 'yeah', 'yea', 'yep', 'yup', 'ya', 'sure', 'ok', 'okay', 'okey', 'k', 'kk', 'confirm', 'confirmed', 'correct', 'right', 'exactly',
  'perfect', 'great', 'fine', 'go ahead', 'please do', 'do it', 'book it', 'sounds good', 'looks good', 'all good', 'absolutely', 'of course',
  'yes please', 'no problem', 'no worries', 'that works', 'works for me', 'alright', 'y', 'definitely', 'go for it', 'sure thing', "that's it",
  'thats it', 'thats right', "that's right", 'lets do it', "let's do it", 'book', 'book please',
  'si', 'sí', 'sip', 'claro', 'dale', 'va', 'vale', 'sale', 'de acuerdo', 'perfecto', 'correcto', 'confirmo', 'confirmado', 'orale', 'simon', 'por supuesto',
  'esta bien', 'está bien', 'asi es', 'así es', 'sin problema', 'adelante', 'listo', 'ándale', 'andale', 'ajá', 'aja', 'va que va', 'ya estuvo', 'chido',
  'asi esta bien', 'asi esta perfecto', 'asi mero', 'eso', 'exacto', 'sale pues', 'dale pues', 'va pues', 'agendala', 'agendalo', 'confirmala', 'confirmalo', 'sale y vale', 'claro que si',
  'نعم', 'ايه', 'اي', 'ايوه', 'ايوا', 'ايوة', 'تمام', 'أكيد', 'اكيد', 'اوكي', 'اوك', 'ماشي', 'زين', 'صح', 'مضبوط', 'اكد', 'أكد', 'أكدي', 'اكدي',
  'يب', 'موافق', 'موافقه', 'طيب', 'بالضبط', 'اوكيه', 'اكيد اكيد', 'ان شاء الله', 'إن شاء الله', 'حلو', 'يلا', 'تم', 'عدل', 'يس', 'احجزي', 'احجزيه',
  'توكلي على الله', 'توكل على الله', 'هذا هو',
  // words of one language in another's chat: "yalla book it", "inshallah yes"
  'yalla', 'yallah', 'inshallah', 'insha allah', 'inshalla',
].map(normalize);

const NO = [
  'no', 'nope', 'nah', 'not really', 'cancel', 'cancel it', "don't", 'dont', 'no thanks', 'no thank you', 'wrong', 'incorrect', 'not now', 'n',
  'not yet', 'wait', 'hold on', 'hang on', 'not that', 'not that one', 'not this one', 'no not that one',
  'no gracias', 'nel', 'para nada', 'ese no', 'esa no', 'asi no', 'cancelar', 'cancela', 'mejor no', 'todavia no', 'aun no', 'incorrecto', 'espera', 'esperame',
  'لا', 'لأ', 'لاء', 'كلا', 'مو', 'مو هذا', 'مو هذي', 'لا شكرا', 'لا مشكور', 'لا لا', 'الغي', 'الغاء', 'ألغي', 'مب', 'مب صح', 'غلط', 'خطأ', 'خطا', 'استني', 'لحظه',
].map(normalize);

/** Words that are yes/no only alone or before a word of YES_NEXT: "si" is also "if", "اي" also "any", "va" also "goes". */
const WEAK = new Set(['si', 'va', 'right', 'fine', 'great', 'ya', 'y', 'n', 'k', 'اي', 'مو', 'حلو', 'يلا', 'تم', 'طيب', 'sale', 'listo', 'cancel', 'cancelar', 'cancela', 'الغي', 'الغاء', 'chido', 'book', 'wait', 'espera', 'مب',
  'احجزي', 'احجزيه', 'agendala', 'agendalo', 'confirmala', 'confirmalo'].map(normalize));
/** What may follow a weak yes: politeness, more yes, a "book it" / "احجزي" / "agéndala", or a "but" that adds a detail. */
const YES_NEXT = new Set([
  'please', 'pls', 'plz', 'thanks', 'thank', 'you', 'por', 'favor', 'porfa', 'porfis', 'gracias', 'لو', 'سمحت', 'سمحتي', 'والله', 'بس', 'مشكور', 'مشكوره', 'شكرا',
  'yes', 'sure', 'book', 'confirm', 'it', 'both', 'esta', 'asi', 'claro', 'pero', 'esa', 'ese', 'las', 'los', 'confirmo',
  'احجزي', 'احجزيه', 'احجزيها', 'اكد', 'اكدي', 'الحجز', 'الثنتين', 'هذا', 'تمام', 'نعم', 'حبيبتي', 'agendala', 'agendalo', 'confirmala', 'confirmalo', 'agendame',
].map(normalize));
/** Leading words that do not change the answer: "actually no", "hmm no", "oh yes". */
const LEAD = new Set(['actually', 'hmm', 'hm', 'umm', 'um', 'oh', 'well', 'mmm', 'este', 'pues', 'ah', 'اه', 'امم', 'اممم', 'هممم', 'لا لا'].map(normalize));
/** Phrases that start like an answer but are not one ("no preference" is about staff). */
const NEUTRAL = new Set(
  ['no preference', 'no one', 'nobody', 'no one specific', 'no importa', 'no matter', 'no se', 'no lo se', 'no idea', 'not sure', 'ما ادري', 'مو متاكد', 'no tengo preferencia', 'sin preferencia', 'dont mind', "don't mind", 'no me importa', 'مو مهم', 'مو فارقه', 'مو فارق', 'no tengo'].map(normalize),
);
const YES_SET = new Set(YES);
const NO_SET = new Set(NO);
const MAX_PHRASE = 3;

/** Emoji that answer yes on their own: 👍 👌 ✅ ❤️ 🙏 (with skin tones). */
const YES_EMOJI = /^(?:[\u{1F44D}\u{1F44C}\u2705\u2764\u{1F64F}\u{1F4AF}\u{1F91D}\u2714\uFE0F\u{1F3FB}-\u{1F3FF}\s!.]|\u2764\uFE0F)+$/u;

/**
 * "Book / confirm it" with any pronoun attached reads as its plain form: "احجزيلي", "احجزيها", "احجزولي", "أكديه",
 * "agéndamela", "apártamela", "confírmamelo". Normalised text (no hamza, no accents).
 */
const BOOK_IT = [
  [/^و?(?:احجز|اكد|ثبت)(?:ي|و|ين)?(?:لي|ه|ها|يه|يها|يلي|ولي|وه|وها|يه)?$/u, normalize('احجزي')],
  [/^(?:agend|apart|confirm|reserv)(?:a|e|en)(?:me|nos)?(?:la|lo|las|los)$/u, 'agendala'],
] as const;
const bookIt = (t: string): string | null => BOOK_IT.find(([re]) => re.test(t))?.[1] ?? null;

export interface YesNoOptions {
  /** Is this (normalised) word part of a service name? "no tint" and "no haircut, just …" drop a service; they are no "no". */
  isServiceWord?: (word: string) => boolean;
}

export function detectYesNo(text: string, opts: YesNoOptions = {}): 'yes' | 'no' | null {
  const all = tokenize(normalize(text)).map((t) => t.replace(/[.:]+$/, ''));
  if (all.length === 0) return YES_EMOJI.test(text.trim()) ? 'yes' : null;
  if (all.length > 12) return null;
  let start = 0;
  while (start < all.length - 1 && LEAD.has(all[start])) start++;
  const tokens = all.slice(start);
  const known = (t: string) => {
    if (YES_SET.has(t) || NO_SET.has(t) || YES_NEXT.has(t)) return t;
    const verb = bookIt(t);
    if (verb) return verb;
    const f = fold(t);
    return YES_SET.has(f) || NO_SET.has(f) || YES_NEXT.has(f) ? f : t;
  };
  const norm = tokens.map(known);
  // Longest known phrase at the start wins: "no problem" (yes) over "no".
  for (let n = Math.min(MAX_PHRASE, norm.length); n >= 1; n--) {
    const phrase = norm.slice(0, n).join(' ');
    if (NEUTRAL.has(phrase)) return null;
    const isYes = YES_SET.has(phrase);
    const isNo = NO_SET.has(phrase);
    if (!isYes && !isNo) continue;
    const next = norm[n];
    const separated = new RegExp(`^\\s*\\S+(?:\\s+\\S+){${start + n - 1}}\\s*[,.!،]`, 'u').test(text.trim());
    if (next !== undefined && !separated) {
      // "si"/"اي" followed by other words is "if …"/"any …" unless a yes or a politeness follows
      if (WEAK.has(phrase) && !(YES_NEXT.has(next) || (isYes ? YES_SET : NO_SET).has(next))) return null;
      // "no tint pls", "no haircut, just the blow dry": a service taken away, not an answer
      if (isNo && phrase === 'no' && opts.isServiceWord?.(next)) return null;
    }
    return isYes ? 'yes' : 'no';
  }
  return null;
}

const NO_EMAIL = [
  /\b(?:don'?t|do not|dont)\s+(?:have|use)\s+(?:an?\s+|one|any)?(?:e-?mail|one|mail)?/i,
  /\bno\s+(?:e-?mail|mail)\b/i,
  /^\s*(?:skip|pass|none|n\/a)\b/i,
  /\bno\s+(?:tengo|uso)\b/i,
  /\bsin\s+(?:correo|e-?mail|mail)\b/i,
  /\bno\s+(?:cuento con|manejo)\b/i,
  /(?:^|\s)(?:ما|مو|ماني)\s*(?:عندي|عندي|استخدم|مستخدمه|استعمل)(?:\s|$)/,
  /(?:^|\s)ماعندي(?:\s|$)/,
  /(?:^|\s)بدون\s+(?:ايميل|إيميل|بريد)/,
];

/** "I don't have an email", "no tengo correo", "ما عندي ايميل": the customer has none to give. */
export function declinesEmail(text: string): boolean {
  return NO_EMAIL.some((re) => re.test(text));
}

/** Every word the yes/no rules know (leftover.ts). */
export const YES_NO_VOCABULARY: readonly string[] = [...YES, ...NO, ...YES_NEXT, ...LEAD, ...NEUTRAL, ...NO_EMAIL.map((re) => re.source)];
