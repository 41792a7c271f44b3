/**
 * Yes / no answers in en/ar/es. Looks at how the message starts ("yes
 * please", "no, make it 6"), or the whole of a short message, never at a
 * "no" buried in a sentence. Phrase lists: no library covers Gulf Arabic.
 */
import { normalize, tokenize } from './normalize';

const YES = [
  'yes', 'yeah', 'yea', 'yep', 'yup', 'ya', 'sure', 'ok', 'okay', 'okey', 'k', 'kk', 'confirm', 'confirmed', 'correct', 'right', 'exactly',
  'perfect', 'great', 'fine', 'go ahead', 'please do', 'do it', 'book it', 'sounds good', 'looks good', 'all good', 'absolutely', 'of course',
  'yes please', 'no problem', 'no worries', 'that works', 'works for me', 'alright', 'y',
  'si', 'sí', 'claro', 'dale', 'va', 'vale', 'sale', 'de acuerdo', 'perfecto', 'correcto', 'confirmo', 'confirmado', 'orale', 'simon', 'por supuesto',
  'esta bien', 'está bien', 'asi es', 'así es', 'sin problema', 'adelante', 'listo', 'ándale', 'andale', 'ajá', 'aja',
  'نعم', 'ايه', 'اي', 'ايوه', 'ايوا', 'ايوة', 'تمام', 'أكيد', 'اكيد', 'اوكي', 'اوك', 'ماشي', 'زين', 'صح', 'مضبوط', 'اكد', 'أكد', 'أكدي', 'اكدي',
  'يب', 'موافق', 'موافقه', 'طيب', 'بالضبط', 'اوكيه', 'اكيد اكيد', 'ان شاء الله', 'إن شاء الله', 'حلو', 'يلا', 'تم',
].map(normalize);

const NO = [
  'no', 'nope', 'nah', 'not really', 'cancel', 'cancel it', "don't", 'dont', 'no thanks', 'no thank you', 'wrong', 'incorrect', 'not now', 'n',
  'no gracias', 'nel', 'para nada', 'cancelar', 'cancela', 'mejor no', 'todavia no', 'aun no', 'incorrecto',
  'لا', 'لأ', 'لاء', 'كلا', 'مو', 'لا شكرا', 'لا مشكور', 'لا لا', 'الغي', 'الغاء', 'ألغي', 'مب', 'مب صح', 'غلط', 'خطأ', 'خطا',
].map(normalize);

/** Words that are yes/no only when they are (nearly) the whole message: "si" is also "if", "اي" also "any". */
const WEAK = new Set(['si', 'va', 'right', 'fine', 'great', 'ya', 'y', 'n', 'k', 'اي', 'مو', 'حلو', 'يلا', 'تم', 'طيب', 'sale', 'listo', 'cancel', 'cancelar', 'cancela', 'الغي', 'الغاء']);

const POLITE = new Set(['please', 'pls', 'thanks', 'thank', 'you', 'por', 'favor', 'gracias', 'لو', 'سمحت', 'والله', 'بس', 'مشكور', 'شكرا', 'yes', 'sure']);
/** Phrases that start like an answer but are not one ("no preference" is about staff). */
const NEUTRAL = new Set(['no preference', 'no importa', 'no matter', 'no se', 'no lo se', 'no idea', 'not sure', 'ما ادري', 'مو متاكد', 'no tengo preferencia', 'sin preferencia'].map(normalize));
const YES_SET = new Set(YES);
const NO_SET = new Set(NO);
const MAX_PHRASE = 3;

export function detectYesNo(text: string): 'yes' | 'no' | null {
  const tokens = tokenize(normalize(text)).map((t) => t.replace(/[.:]+$/, ''));
  if (tokens.length === 0 || tokens.length > 12) return null;
  // Longest known phrase at the start wins: "no problem" (yes) over "no".
  for (let n = Math.min(MAX_PHRASE, tokens.length); n >= 1; n--) {
    const phrase = tokens.slice(0, n).join(' ');
    if (NEUTRAL.has(phrase)) return null;
    const isYes = YES_SET.has(phrase);
    const isNo = NO_SET.has(phrase);
    if (!isYes && !isNo) continue;
    // "si"/"اي" followed by other words is "if …"/"any …" unless the rest is more yes/no or politeness.
    if (WEAK.has(phrase) && tokens.length > n && !/^\s*\S+\s*[,.!]/.test(text.trim())) {
      const rest = tokens.slice(n);
      if (!rest.every((t) => YES_SET.has(t) || NO_SET.has(t) || POLITE.has(t))) return null;
    }
    return isYes ? 'yes' : 'no';
  }
  return null;
}
