/**
 * The customer's name. An introduction counts anywhere ("my name is",
 * "name's Dana", "soy Ana" with a capital, "a nombre de mi esposo, Miguel",
 * "سجليه باسم اختي غدير", "انا دانة،"); when the bot asked for the name, the
 * answer itself is the name ("Fatima Ali", "it's Dana", "Amal AlKhaled pls").
 * A relative named on the way ("my sister's name", "mi papá", "امي") is
 * skipped. Names keep the customer's spelling.
 */
import { TIME_WORDS } from './datetime';
import { clean, normalize } from './normalize';

const TIME_ONLY = (w: string) => TIME_WORDS.has(w);

/** Introductions that name the customer wherever they stand. */
const EXPLICIT = new RegExp(
  [
    String.raw`(?:my|her|his|the)\s+name(?:'s|\s+is|\s*:)`, String.raw`(?:^|[\s,.!])name(?:'s|\s+is|\s*:)`, String.raw`(?:^|[\s,.!])names\s+`,
    String.raw`(?:put|book|booking|booked|reserve|it'?s|its|is|reservation)\s+(?:it\s+|that\s+)?under(?:\s+the\s+name(?:\s+of)?)?`,
    String.raw`use\s+my\s+name`, String.raw`^under`,
    String.raw`me\s+llamo`, String.raw`mi\s+nombre\s+es`, String.raw`(?:pon(?:la|le|lo|er)?|agend(?:a|ala|alo))?\s*a\s+nombre\s+de`,
    String.raw`(?:^|\s)(?:انا\s+)?(?:اسمي|إسمي|الاسم|الإسم|اسمها|اسمه|إسمها)\s*:?`, String.raw`(?:^|\s)(?:[وف]?(?:سجلي?ه?|حطي?ه?|اكتبي?ه?)\s+)?(?:ب|على\s+)(?:اسم|إسم|أسم)(?:ي)?`,
  ].map((p) => `(?:${p})`).join('|') + String.raw`\s*[:\-,]?\s*`,
  'iu',
);
/** "I'm Dana, …", "this is Maryam", "soy Ana", "habla Jorge", "انا دانة،", "معاك نوف": a self-introduction when a capitalised name (or, in Arabic, a comma) follows. */
const SELF = /(?:^|[\s,.!¡])(?:[Ii]'?m|[Ii]\s+am|[Tt]his\s+is|[Ii]t'?s|[Ii]ts|[Ss]oy|[Hh]abla|le\s+habla|aqui|aquí)\s+(\p{Lu}[\p{L}'’-]+)/u;
const SELF_AR = /(?:^|\s)(?:انا|أنا|معاك|معك|وياك)\s+([\u0621-\u064a]{2,})\s*[،,.!]/u;
const HERE = /(?:^|[\s,.!])(\p{Lu}[\p{L}'’-]+)\s+here\b/u;
/**
 * Who the booking is for, closing the message: "book a blow dry tomorrow at 4, for Layla", "… para Ana López". A capitalised
 * name after "for"/"para" at the end; never a staff member's name or a day ("for Sara" may be the staff member, "for Friday" a day).
 */
const FOR_WHOM = /(?:^|[\s,،])(?:for|para)\s+(?:(?:my|mi|her|his|our)\s+(?:sister|mom|mum|mother|daughter|friend|husband|wife|son|brother|dad|father|aunt|cousin|niece|esposo|esposa|papá|papa|mamá|mama|hijo|hija|hermano|hermana|amiga|amigo|novio|novia|suegra|tía|tia|sobrina)\s+)?((?:\p{Lu}[\p{L}'’-]+)(?:\s+(?:(?:al|el|de|del|bin|bint)\s+)?\p{Lu}[\p{L}'’-]+)?)\s*[.!🙏]*\s*$/u;
/** When the name was asked: "it's Dana", "soy Ana", "ponle Mario", "just put Sarah", "اكتبي حصة". */
const WHEN_ASKED = /(?:^|[\s,.!])(?:es\s+para|it'?s\s+for|for|para|it's|its|it\s+is|i\s+am|i'm|im|this\s+is|call\s+me|soy|es|se\s+llama|name|nombre|just\s+put|you\s+can\s+put|put|pon(?:le|la|lo)|انا|أنا|اكتبي|اكتب|حطي|سجلي)\s*[:\-]?\s+/iu;

/** Relatives on the way to the name: "my sister's name please,", "mi esposo,", "اختي". */
const RELATIVE = /^(?:(?:my|mi|her|his)\s+)?(?:sister|mom|mum|mother|daughter|friend|husband|wife|son|brother|dad|father|aunt|cousin|esposo|esposa|papá|papa|mamá|mama|hijo|hija|hermano|hermana|amiga|amigo|novio|novia|suegra|tía|tia|اختي|امي|أمي|بنتي|ولدي|اخوي|زوجي|ربيعتي|صديقتي|خالتي|عمتي|يدتي)(?:'s)?(?:\s+name)?(?:\s+(?:please|pls|porfa|por favor|lo\s+sabe))?\s*[,:?!،]?\s*/iu;

/** Words that end a name ("my name is Ana and I want…"). */
const STOP = new Set([
  'and', 'but', 'i', 'im', "i'm", 'want', 'would', 'please', 'pls', 'plz', 'from', 'y', 'e', 'pero', 'quiero', 'por', 'de', 'para', 'con', 'gracias', 'thanks', 'thank', 'thx',
  'porfa', 'porfavor', 'xfa', 'here', 'aqui',
  'و', 'ابي', 'ابغي', 'ابغا', 'بغيت', 'ودي', 'لو', 'مع', 'من', 'شكرا', 'وابي', 'وابغي', 'the', 'at', 'for', 'with', 'a', 'el', 'la', 'can', 'could', 'need', 'necesito',
  'tienen', 'want', 'wanna', 'is', 'es', 'my', 'mi', 'y', 'ok', 'okay', 'tmrw', 'tomorrow', 'today',
]);
/** An Arabic word with a joined "and" that is no name: "وشكرا", "ورقمي". */
const AND_WORD = /^و(?:شكرا|رقمي|ابي|ابغي|ايميلي|تلفوني|مشكوره|مشكور)$/;

/** Answers that are not names even though the bot asked for one. */
const NOT_NAME = new Set([
  'yes', 'no', 'ok', 'okay', 'sure', 'hi', 'hello', 'hey', 'thanks', 'cancel', 'stop', 'help', 'why', 'what', 'anyone', 'any', 'tomorrow', 'today',
  'si', 'hola', 'gracias', 'cancelar', 'ayuda', 'que', 'por que', 'mañana', 'hoy', 'nada', 'ninguno',
  'نعم', 'لا', 'اي', 'ايه', 'هلا', 'مرحبا', 'شكرا', 'الغاء', 'ليش', 'باجر', 'بكره', 'اليوم', 'تمام', 'السلام عليكم', 'سلام', 'انا',
  'the', 'a', 'start over', 'restart', 'human', 'agent', 'menu', 'looking', 'going', 'free', 'available', 'fine', 'good', 'here', 'there', 'not', 'just',
  'also', 'interested', 'new', 'sorry', 'ready', 'coming', 'late', 'on', 'in', 'at', 'un', 'una', 'el', 'la', 'yo', 'cliente', 'nuevo', 'nueva',
]);

const NAME_WORD = /^[\p{L}][\p{L}\p{M}'’.-]*$/u;

/** Title-case a Latin name typed all in lower case ("ana lópez" → "Ana López"). */
function tidy(name: string): string {
  if (name !== name.toLowerCase()) return name;
  return name.replace(/(^|[\s-])(\p{Ll})/gu, (_, sep: string, c: string) => sep + c.toUpperCase());
}

interface Taken {
  name: string;
  /** Words after the name that were not read (a stop word or punctuation ended it). */
  rest: string;
}

function takeName(text: string, maxWords: number): Taken | null {
  const words: string[] = [];
  const parts = text.split(/\s+/).filter(Boolean);
  let i = 0;
  for (; i < parts.length; i++) {
    const w = parts[i].replace(/^[("'“¿¡]+/, '');
    const ended = /[,.!?;:)،؟]$/.test(w);
    const word = w.replace(/[,.!?;:)،؟"'”]+$/, '');
    if (!word) break;
    const n = normalize(word).split(' ')[0]; // "porfa" reads "por favor"
    if (STOP.has(n) || AND_WORD.test(n)) break;
    if (!NAME_WORD.test(word)) break;
    words.push(word);
    if (ended || words.length >= maxWords) {
      i++;
      break;
    }
  }
  if (words.length === 0) return null;
  const name = words.join(' ');
  if (NOT_NAME.has(normalize(name)) || NOT_NAME.has(normalize(words[0]))) return null;
  return { name: tidy(name), rest: parts.slice(i).join(' ') };
}

/** After a cue: skip a relative ("my sister's name please,"), then read up to four name words. */
function afterCue(rest: string, isOtherWord?: (word: string) => boolean): string | null {
  const skipped = rest.trim().replace(RELATIVE, '');
  const taken = takeName(skipped, 4);
  if (!taken) return null;
  if (isOtherWord && taken.name.split(' ').every((w) => isOtherWord(normalize(w)))) return null;
  return taken.name;
}

/** What may follow a name answer: nothing, politeness, or "and my number is …". */
const TRAILER = /^(?:(?:please|pls|plz|thanks|thank you|thx|porfa|gracias|por favor|لو سمحتي?|شكرا|مشكوره?)\W*)*$|^(?:and|y|و)\s*(?:my|mi)?\s*(?:number|phone|cel|celular|tel|email|correo|mail)|^(?:ورقمي|وايميلي|رقمي)/iu;

export function extractName(text: string, expectingName: boolean, isOtherWord?: (word: string) => boolean, isStaffWord?: (word: string) => boolean): string | null {
  const s = clean(text).trim().replace(/\s+/g, ' ');
  if (!s || s.length > 200) return null;
  const explicit = EXPLICIT.exec(s);
  if (explicit) {
    const name = afterCue(s.slice(explicit.index + explicit[0].length), isOtherWord);
    if (name) return name;
  }
  if (expectingName) return answerName(s, isOtherWord);
  for (const re of [SELF, HERE, SELF_AR]) {
    const m = re.exec(s);
    if (!m) continue;
    const word = m[1];
    if (NOT_NAME.has(normalize(word)) || isOtherWord?.(normalize(word))) continue;
    // a capitalised word that is a common word ("I'm Looking") is no introduction
    if (re !== SELF_AR && /^(?:Looking|Going|Free|Available|Interested|Sorry|Ready|Coming|Late|New|Not|Just|Also|Here|There)$/.test(word)) continue;
    return word;
  }
  const forWhom = FOR_WHOM.exec(s);
  if (forWhom) {
    const words = forWhom[1].split(/\s+/).map((w) => normalize(w));
    if (!words.some((w) => NOT_NAME.has(w) || isOtherWord?.(w) || isStaffWord?.(w))) return forWhom[1];
  }
  return null;
}

/** The bot asked for the name: the answer, or one comma-separated part of it, is the name. */
function answerName(s: string, isOtherWord?: (word: string) => boolean): string | null {
  if (/[@¿?؟]/.test(s) && !/[,،]/.test(s)) return null;
  const parts = s.split(/\s*[,،]\s*|\s*[.!?؟]\s+/).filter(Boolean);
  for (const part of parts.length > 1 ? parts : [s]) {
    const cue = WHEN_ASKED.exec(part);
    const body = cue ? part.slice(cue.index + cue[0].length) : part.replace(RELATIVE, '');
    if (/\d/.test(body.split(/\s+(?:and|y|و)\s+/)[0])) continue;
    const taken = takeName(body.replace(/^(?:hi|hello|hey|hola|مرحبا|هلا)[\s,!.]+/i, ''), 4);
    if (!taken) continue;
    const words = taken.name.split(' ');
    // a name answer is only name words: "Sara please" is fine, "tomorrow at 5" is not; a family name may be a
    // day word ("ريم الصباح"), a first name may not
    if (isOtherWord && (isOtherWord(normalize(words[0])) || words.some((w) => isOtherWord(normalize(w)) && !TIME_ONLY(normalize(w))))) continue;
    if (!TRAILER.test(taken.rest.trim()) && !cue) continue;
    return taken.name;
  }
  return null;
}

/** Every word the name rules know (leftover.ts): cues, stop words, relatives. */
export const NAME_VOCABULARY: readonly string[] = [...STOP, ...NOT_NAME, ...[EXPLICIT, SELF, SELF_AR, HERE, FOR_WHOM, WHEN_ASKED, RELATIVE, TRAILER, AND_WORD].map((re) => re.source)];
