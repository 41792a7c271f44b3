/**
 * The customer's name. When the bot asked for it, the whole answer is the
 * name ("Fatima", "it's Ana López", "اسمي نورة"); otherwise only an explicit
 * "my name is / me llamo / اسمي" counts. Names keep the customer's spelling.
 */
import { clean, normalize } from './normalize';

/** Introductions before the name; explicit ones count even when the bot did not ask. */
const EXPLICIT = /(?:^|[\s,.!¡])(?:my name is|my name's|name is|me llamo|mi nombre es|اسمي|انا اسمي|أنا اسمي|إسمي|الاسم)\s*[:\-]?\s+/iu;
const WHEN_ASKED = /^(?:(?:hi|hello|hey|hola|مرحبا|هلا)[\s,!.]+)?(?:it's|its|it is|i am|i'm|im|this is|call me|soy|es|انا|أنا|name|nombre)\s*[:\-]?\s+/iu;

/** Words that end a name ("my name is Ana and I want…"). */
const STOP = new Set([
  'and', 'but', 'i', 'im', "i'm", 'want', 'would', 'please', 'from', 'y', 'e', 'pero', 'quiero', 'por', 'de', 'para', 'con', 'gracias', 'thanks',
  'و', 'ابي', 'ابغي', 'ابغا', 'بغيت', 'ودي', 'لو', 'مع', 'من', 'شكرا', 'وابي', 'وابغي', 'the', 'at', 'for', 'with', 'a', 'el', 'la',
]);

/** Answers that are not names even though the bot asked for one. */
const NOT_NAME = new Set([
  'yes', 'no', 'ok', 'okay', 'sure', 'hi', 'hello', 'hey', 'thanks', 'cancel', 'stop', 'help', 'why', 'what', 'anyone', 'any', 'tomorrow', 'today',
  'si', 'hola', 'gracias', 'cancelar', 'ayuda', 'que', 'por que', 'mañana', 'hoy', 'nada', 'ninguno',
  'نعم', 'لا', 'اي', 'ايه', 'هلا', 'مرحبا', 'شكرا', 'الغاء', 'ليش', 'باجر', 'بكره', 'اليوم', 'تمام', 'السلام عليكم', 'سلام', 'انا',
  'the', 'a', 'start over', 'restart', 'human', 'agent', 'menu',
]);

const NAME_WORD = /^[\p{L}][\p{L}\p{M}'’.-]*$/u;

/** Title-case a Latin name typed all in lower case ("ana lópez" → "Ana López"). */
function tidy(name: string): string {
  if (name !== name.toLowerCase()) return name;
  return name.replace(/(^|[\s-])(\p{Ll})/gu, (_, sep: string, c: string) => sep + c.toUpperCase());
}

function takeName(rest: string, maxWords: number): string | null {
  const words: string[] = [];
  for (const raw of rest.split(/\s+/)) {
    const w = raw.replace(/^[("'“]+/, '');
    const ended = /[,.!?;:)،؟]$/.test(w);
    const word = w.replace(/[,.!?;:)،؟"'”]+$/, '');
    if (!word) break;
    if (STOP.has(normalize(word))) break;
    if (!NAME_WORD.test(word)) break;
    words.push(word);
    if (ended || words.length >= maxWords) break;
  }
  if (words.length === 0) return null;
  const name = words.join(' ');
  if (NOT_NAME.has(normalize(name)) || NOT_NAME.has(normalize(words[0]))) return null;
  return tidy(name);
}

export function extractName(text: string, expectingName: boolean, isOtherWord?: (word: string) => boolean): string | null {
  const s = clean(text).trim().replace(/\s+/g, ' ');
  if (!s || s.length > 200) return null;
  const explicit = EXPLICIT.exec(s);
  if (explicit) return takeName(s.slice(explicit.index + explicit[0].length), 4);
  if (!expectingName) return null;
  if (/[\d@?¿؟]/.test(s)) return null;
  const rest = s.replace(WHEN_ASKED, '');
  const words = rest.split(' ').filter(Boolean);
  if (words.length === 0 || words.length > 4) return null;
  // A name answer is only name words: "Sara please" is fine, "tomorrow at 5" is not.
  if (isOtherWord && words.some((w) => isOtherWord(normalize(w)))) return null;
  const name = takeName(rest, 4);
  return name && name.split(' ').length === words.filter((w) => !STOP.has(normalize(w.replace(/[,.!]+$/, '')))).length ? name : null;
}
