/**
 * The content words of a message that no rule explained: `Extraction.leftover`.
 *
 * A word is explained when it is a function word, filler or greeting of one of
 * our three languages (the lists below), a word of any rule table (intents,
 * yes/no, staff, basket edits, names, list picks, dates and times: each module
 * exports its vocabulary), a word of the catalog (service, location or staff,
 * typos included, as the matcher reads them), part of the name read, a number,
 * or inside a span an intent pattern matched in this message ("الغوه",
 * "cancélamela"). What is left ("parking", "shiny", "descuento", "كي نت") is
 * what the rules could not place: the LLM fallback is asked about it.
 * Tables, not a tagger: cheap, deterministic, and it grows with the rules.
 */
import { CHOICE_VOCABULARY } from './choice';
import { DATETIME_VOCABULARY } from './datetime';
import { EDIT_VOCABULARY } from './edits';
import { INTENT_PATTERNS } from './intent';
import { NAME_VOCABULARY } from './name';
import { fold, isArabicWord, normalize } from './normalize';
import { STAFF_VOCABULARY } from './staff-pairing';
import { GENERIC_PLACE_WORDS, MATCH_STOPWORDS, WORD_LEXICON } from './synonyms';
import { YES_NO_VOCABULARY } from './yes-no';

/** Function words, fillers and chat words that carry no request of their own, per language. */
const FUNCTION_WORDS = {
  en: `a about above after again all also am an and any anybody anyone anything are around as at be because been before being
    below between both but by can could did do does doing done down during each either else even ever every everyone everything few
    for from further get gets getting got had has have having he her here hers herself him himself his how i if in into is it its
    itself just let lets like me mine more most much my myself need no nor not now of off on once one ones only or other others
    our ours out over own please pls plz really same she should so some somebody someone something such than that the their theirs
    them then there these they thing things this those through to too under until up upon us very was we were what whatever when
    where which while who whom whose why will with would you your yours yourself im ive id ill youre dont doesnt didnt cant wont
    isnt arent wasnt werent shouldnt wouldnt couldnt hasnt havent hadnt thats whats theres heres lets u ur r ya yall hi hey hello
    hiya ok okay oki okie kk yes yeah yea yep yup nope nah sure thanks thank thx ty tysm hmm hmmm umm um uh oh ah ahh aw lol haha
    hahaha lmao omg btw tbh idk pls maybe really actually basically literally still already yet ever soon later again want wanna
    gonna gotta kinda sorta need needs like likes would could go goes going went come comes coming came make makes making know
    think see look looking give take tell ask asking say said guess hope mean wondering wonder wanted wanting tried try dear hun
    babe sis girl girls guys lady ladies sir madam maam friend good great nice cool awesome fine perfect lovely amazing sweet
    yalla inshallah wallah mashallah habibti habibi khalas salam salaam hala marhaba shukran day days time times week weekend
    month today tomorrow tonight morning evening afternoon night date slot slots spot spots appointment appointments appt booking
    book bookings reservation possible available free open help info question questions quick quickly little bit lot lots many
    few couple two three some kind sort way thing shes hes theyre youve weve wed hed otherwise sometime sometimes anytime whenever
    near people person told easy total whatsapp email mail number phone sorry apologies excuse short notice`,
  es: `a al ante bajo con contra de del desde durante en entre hacia hasta para por segun sin sobre tras el la los las lo un una
    unos unas y e o u ni que quien quienes cual cuales cuando como donde cuanto cuanta cuantos cuantas yo tu usted ustedes ella
    ellas ellos nosotros nosotras me te se le les nos mi mis tus su sus nuestro nuestra este esta estos estas ese esa esos esas
    eso esto aquel aqui ahi alla si no ya muy mas menos tambien tampoco pero porque pues bueno bien mal hola oye oiga gracias ok
    okey va sale dale ser es soy eres son fue era sea estar estoy esta estan estamos estas tener tengo tiene tienen tienes hay
    haber he ha han hacer hago hace hacen haces puedo puede pueden puedes podria podrias podemos quiero quiere quieres quisiera
    necesito necesita ocupo gustaria ir voy vas vamos van ver dar decir saber se algo nada todo toda todos todas otro otra mismo
    misma solo nomas entonces asi jaja jajaja jeje neta wey guey carnal compa amigo amiga joven señor señora señorita don doña
    chido padre onda buenas buenos dias tardes noches favor porfa porfis disculpa perdon oigan mande claro ahorita ahora luego
    despues antes dia hora horas semana mes cita citas lugar espacio chance rato ratito alguien gente vez veces cosa cosas
    tipo mero verdad digo dice creo ojala igual plis pliss bro brother muchas mucho muchisimas muchisimo mil posible sacar
    poner pon avisar aviso hizo siempre complico surgio paso confirmas confirma manda mandame mandamelo correo numero celular
    whatsapp perdona urgente urge total agendada agendado años edad arreglar`,
  ar: `و في من على عن الى الي إلى مع هذا هذي هاذي هذيك ذاك هذاك اللي الي انا اني أنا احنا انتي انت انتم انتو هو هي هم هن شنو وش
    ايش شو شنهو كم متى متي وين ليش كيف شلون منو يعني والله بس خلاص الحين هالحين لو سمحت سمحتي ممكن ابي ابغي ابغا ودي بغيت اريد
    عندي عندكم عندج عندك فيه فيها ما مو مب لا اي ايه ايوا نعم هلا هلو مرحبا السلام سلام عليكم حبيبتي حبيبي قلبي يا اختي الله ان
    شاء ماشاء يعطيج يعطيك العافيه تمام زين اوكي اوك كان يكون صار لازم اذا لان عشان علشان حق هني هنا هناك كل شي شيء وايد واجد
    شوي شوية بعد قبل يوم ايام وقت ساعه اليوم موعد مواعيد حجز لين ترى تراني طيب اوه اها هههه ههه مشكوره مشكور شكرا عاد حيل مره
    جدا كثير احد وحده واحد شخص بنات الغاليه غاليتي عمري دخيلج دخيلك سوري اسفه اسف اسفين تكفين تكفى اشوف اعرف ابغى تقدرين
    اقدر تسوي اسوي نسوي احسن مناسب اسبوع الاسبوع جزيلا يعافيج يعافيك مثل قلتي قلت سجلو سجلوه ايميل ايميلي بريد الكتروني رقمي
    تلفون واتساب صلاه هل شوفي شوف تشوفين ارسلوا ارسلي`,
};

const KNOWN = new Set<string>();
function learn(phrases: Iterable<string>): void {
  // pattern sources run long: cut them at their alternations first (normalize reads at most MAX_INPUT characters)
  for (const p of phrases) for (const piece of p.split(/[|()]+/)) for (const w of normalize(piece).split(/[^\p{L}']+/u)) if (w.length >= 2) KNOWN.add(w);
}
for (const list of Object.values(FUNCTION_WORDS)) learn(list.split(/\s+/));
learn([...DATETIME_VOCABULARY, ...YES_NO_VOCABULARY, ...STAFF_VOCABULARY, ...EDIT_VOCABULARY, ...NAME_VOCABULARY, ...CHOICE_VOCABULARY]);
// the lexicon's words are service words in some catalog ("kids", "massage"): the rules read them, even where this one lacks them
learn([...MATCH_STOPWORDS, ...GENERIC_PLACE_WORDS, ...Object.entries(WORD_LEXICON).flat(2), ...INTENT_PATTERNS.map((re) => re.source)]);

const GLOBAL_PATTERNS = INTENT_PATTERNS.map((re) => new RegExp(re.source, 'gu'));
const SINGLE_PATTERNS = INTENT_PATTERNS.map((re) => new RegExp(re.source, 'u'));
/**
 * First four letters of the Latin words in the intent patterns ("canc", "reag", "recorr" → "reco"): a Latin word
 * starting otherwise cannot be a verb form an intent pattern spells by its stem, so it needs no scan in context.
 */
const INTENT_STEMS = new Set(
  INTENT_PATTERNS.flatMap((re) => normalize(re.source).split(/[^\p{L}]+/u)).filter((w) => w.length >= 4 && !isArabicWord(w)).map((w) => w.slice(0, 4)),
);
/** Words an intent pattern matches on their own ("الغيه", "cancelamela"), per word; bounded like the matcher's typo cache. */
const alone = new Map<string, boolean>();
function intentWordAlone(w: string): boolean {
  let hit = alone.get(w);
  if (hit === undefined) {
    hit = SINGLE_PATTERNS.some((re) => re.test(w));
    if (alone.size > 10_000) alone.clear();
    alone.set(w, hit);
  }
  return hit;
}
const LAUGH = /^(?:ha|he|ja|je|hi|xa|ه|خ)+h?$/u;
const AR_PREFIXES = ['وال', 'بال', 'فال', 'ولل', 'لل', 'هال', 'ال', 'ول', 'وب', 'فل', 'و', 'ف', 'ب', 'ل', 'ك'];
const AR_SUFFIXES = ['هم', 'ها', 'ه', 'ي', 'ك', 'ج', 'كم', 'ين', 'ون', 'وا', 'ات', 'ني', 'لي', 'نا', 'يه', 'يها'];

/** The word and its plain forms: stretched letters folded, English and Spanish endings, Arabic clitics. */
function known(t: string): boolean {
  if (KNOWN.has(t) || KNOWN.has(fold(t)) || LAUGH.test(t)) return true;
  if (t.includes("'")) return known(t.replace(/'/g, '')); // "can't" as "cant", "i'd" as "id"
  if (isArabicWord(t)) {
    const bases = [t, ...AR_PREFIXES.filter((p) => t.startsWith(p) && t.length - p.length >= 2).map((p) => t.slice(p.length))];
    return bases.some((b) => KNOWN.has(b) || AR_SUFFIXES.some((x) => b.endsWith(x) && b.length - x.length >= 2 && KNOWN.has(b.slice(0, -x.length))));
  }
  const forms = [t.replace(/'s$/, ''), t.replace(/ies$/, 'y'), t.replace(/e?s$/, ''), t.replace(/(?:ing|ed)$/, ''), t.replace(/(?:ing|ed)$/, 'e'), t.replace(/(?:me|te|se|la|lo|le|las|los|nos|mela|melo|sela|selo)$/, '')];
  return forms.some((f) => f !== t && f.length >= 2 && KNOWN.has(f));
}

export interface LeftoverOptions {
  /** The customer's name as read: its words are explained. */
  name: string | null;
  /** A word of this catalog's services or locations (typos read as the matcher reads them). */
  isCatalogWord: (word: string) => boolean;
  isStaffWord: (word: string) => boolean;
}

/** Content words of `text` (email and phone already blanked) that no rule explained, in order, once each. */
export function leftoverWords(text: string, opts: LeftoverOptions): string[] {
  const s = normalize(text);
  if (!s) return [];
  const nameWords = new Set(opts.name ? normalize(opts.name).split(/[\s\-/.]+/) : []);
  const open: Array<{ word: string; start: number; end: number }> = [];
  for (const m of s.matchAll(/[^\s]+/gu)) {
    // "long-lasting", "mani/pedi": each part is a word
    let offset = m.index;
    for (const part of m[0].split(/[-/.]/)) {
      const word = part.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
      const start = offset;
      offset += part.length + 1;
      if (word.length < 2 || /\d/.test(word) || !/\p{L}/u.test(word) || nameWords.has(word) || known(word)) continue;
      if (opts.isCatalogWord(word) || opts.isStaffWord(word)) continue;
      // "وماريا", "بالافنيوز": a catalog word behind a joined Arabic particle
      if (isArabicWord(word) && AR_PREFIXES.some((p) => word.startsWith(p) && word.length - p.length >= 2 && (opts.isStaffWord(word.slice(p.length)) || opts.isCatalogWord(word.slice(p.length))))) continue;
      open.push({ word, start, end: start + part.length });
    }
  }
  // words an intent pattern reads are that intent's: alone ("الغوه", "cancélamela"), or in context ("la recorremos a",
  // "algo apartado"); the scan in context only for a word that could be such a form (Arabic, or a Latin intent stem)
  const left = open.filter((o) => !intentWordAlone(o.word) && !(needsContext(o.word) && inIntentSpan(s, o.start, o.end))).map((o) => o.word);
  return [...new Set(left)];
}

const needsContext = (w: string): boolean => isArabicWord(w) || INTENT_STEMS.has(w.slice(0, 4));

/** Is [start, end) inside a match of an intent pattern, read in a window around it (overlapping matches)? */
function inIntentSpan(s: string, start: number, end: number): boolean {
  const from = Math.max(0, start - 60);
  const text = s.slice(from, end + 60);
  const a = start - from;
  const b = end - from;
  for (const re of GLOBAL_PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (m.index <= a && b <= m.index + m[0].length) return true;
      if (m.index > a) break;
      re.lastIndex = m.index + 1; // overlapping: "tengo algo apartado" holds "tengo algo" and "algo apartado"
    }
  }
  return false;
}
