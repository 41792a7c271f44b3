/**
 * Dates and times in a message, relative to `now` in the business time zone.
 *
 * Our own rules handle Arabic (which chrono-node lacks entirely) and the
 * Spanish/English phrasings customers actually type ("mañana a las 5 de la
 * tarde", "باجر الساعة ٥ العصر", "at 5"); chrono-node then fills whatever they
 * missed ("in 3 days", "next week", "March 5th"). Date and time come out
 * separately; either may be null. A bare hour ("at 5") takes the reading that
 * falls inside opening hours (17:00).
 */
import * as chrono from 'chrono-node';
import { DateTime } from 'luxon';
import type { Language } from '../catalog/types';
import { normalize } from './normalize';
import type { PartOfDay } from './types';

export interface DateTimeOptions {
  now: Date;
  /** IANA zone of the business. */
  timezone: string;
  /** Can a booking start at this local time ("YYYY-MM-DD", or null = some day) — opening hours. */
  isOpen?: (date: string | null, minutes: number) => boolean;
  /** The bot asked for a time: a message that is just "5" is an hour. */
  expectingTime?: boolean;
  language?: Language | null;
  /** Time already chosen ("HH:MM"): a bare hour takes the same half of the day ("make it 9" after 20:00 is 21:00). */
  currentTime?: string | null;
}

export interface DateTimeResult {
  date: string | null;
  time: string | null;
  /** Part of the day wanted, when no clock time is given. */
  partOfDay: PartOfDay | null;
  /** "same time" / "same day": kept from the booking being moved or the current choice. */
  same: Array<'date' | 'time'>;
}

const B = '(?<![\\p{L}\\p{N}])';
const E = '(?![\\p{L}\\p{N}])';
const rx = (body: string, flags = 'gu') => new RegExp(`${B}(?:${body})${E}`, flags);
const alt = (words: string[]) => words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');

/** Arabic one-letter prefixes on date words: "للسبت", "لبعد باجر", "بيوم". */
const AR_PREFIX = '(?:لل|ل|ب|و)?';
const DAY_AFTER = rx(`${AR_PREFIX}(?:${alt(['day after tomorrow', 'the day after tomorrow', 'day after tmrw', 'pasado mañana', 'pasado manana', 'بعد باجر', 'بعد بكره', 'بعد بكرا', 'بعد بكرة', 'بعد غد', 'بعد الغد', 'عقب باجر', 'عقب بكره'])})`);
/** "mañana" is tomorrow unless it is "la mañana" (the morning). */
const TOMORROW = new RegExp(
  `${B}${AR_PREFIX}(?:(?:tomorrow|tomorow|tommorow|tommorrow|tmrw|tmr|tmrrw|2morrow|2moro)(?:'?s)?|bukra|bokra|باجر|بكره|بكرا|بكرة|غدا|غدوه|(?<!(?:la|esta|en la|por la|de la) )(?:mañana|manana))${E}`,
  'gu',
);
const TODAY = rx(`${AR_PREFIX}(?:${alt(['today', "today's", 'todays', 'tonight', 'this evening', 'this afternoon', 'this morning', 'hoy', 'esta noche', 'esta tarde', 'esta mañana', 'esta manana', 'hoy mismo', 'اليوم', 'الليله', 'هالليله', 'العصر اليوم', 'right now', 'ahorita', 'ahora mismo', 'الحين', 'هالحين', 'now'])})`);
/** "see you tomorrow", "nos vemos mañana": a goodbye, not a date. */
const SEE_YOU = rx(`(?:see you|see ya|nos vemos|hasta|نشوفكم|نشوفج|اشوفكم)\\s+(?:\\S+\\s+)?(?:tomorrow|tmrw|then|soon|later|mañana|manana|luego|pronto|باجر|بكره)|not now|for now|por ahora|ahorita no|no ahorita|مو الحين|مب الحين|مو هالحين`);

const WEEKDAYS: Array<[number, string[]]> = [
  [1, ['monday', 'lunes', 'الاثنين', 'الاتنين', 'اثنين', 'الثنين']],
  [2, ['tuesday', 'tues', 'tue', 'martes', 'الثلاثاء', 'الثلاثا', 'ثلاثاء']],
  [3, ['wednesday', 'miercoles', 'الاربعاء', 'الاربعا', 'اربعاء', 'الربوع']],
  [4, ['thursday', 'thurs', 'thur', 'thu', 'jueves', 'الخميس', 'خميس']],
  [5, ['friday', 'fri', 'viernes', 'الجمعه', 'جمعه']],
  [6, ['saturday', 'sabado', 'السبت', 'سبت']],
  [7, ['sunday', 'domingo', 'الاحد']],
];
/** Short English forms that are also words ("sat", "sun", "mon", "wed"): only after "on/next/this". */
const WEEKDAY_ABBR: Array<[number, string]> = [[1, 'mon'], [3, 'wed'], [6, 'sat'], [7, 'sun']];
const WEEKDAY_WORD = new Map<string, number>();
for (const [n, words] of WEEKDAYS) for (const w of words) WEEKDAY_WORD.set(w, n);
const WEEKDAY = new RegExp(
  `${B}(?:(next|this|coming|on|el proximo|proximo|el|este|يوم|بيوم|ليوم|لليوم)\\s+)?${AR_PREFIX}(${alt([...WEEKDAY_WORD.keys()])}|${WEEKDAY_ABBR.map((a) => a[1]).join('|')})(?:\\s+(que viene|next week|الجاي|الياي|القادم|الجايه))?${E}(?=(\\s+(?:at|@|\\d|morning|afternoon|evening|night|noon|after|before|am|pm)(?![\\p{L}]))?)`,
  'gu',
);

const MONTHS: Array<[number, string[]]> = [
  [1, ['january', 'jan', 'enero', 'يناير']],
  [2, ['february', 'feb', 'febrero', 'فبراير']],
  [3, ['march', 'mar', 'marzo', 'مارس']],
  [4, ['april', 'apr', 'abril', 'ابريل']],
  [5, ['may', 'mayo', 'مايو']],
  [6, ['june', 'jun', 'junio', 'يونيو']],
  [7, ['july', 'jul', 'julio', 'يوليو']],
  [8, ['august', 'aug', 'agosto', 'اغسطس']],
  [9, ['september', 'sept', 'sep', 'septiembre', 'setiembre', 'سبتمبر']],
  [10, ['october', 'oct', 'octubre', 'اكتوبر']],
  [11, ['november', 'nov', 'noviembre', 'نوفمبر']],
  [12, ['december', 'dec', 'diciembre', 'ديسمبر']],
];
const MONTH_WORD = new Map<string, number>();
for (const [n, words] of MONTHS) for (const w of words) MONTH_WORD.set(w, n);
const M = alt([...MONTH_WORD.keys()]);
const DAY_MONTH = rx(`(\\d{1,2})(?:st|nd|rd|th)?\\s*(?:de\\s+|of\\s+)?(${M})(?:,?\\s*(?:de\\s+|del\\s+)?(\\d{4}))?`);
const MONTH_DAY = rx(`(${M})\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s*(\\d{4}))?`);
const NUMERIC_DATE = rx(`(\\d{1,2})(?:/|\\s*شهر\\s*)(\\d{1,2})(?:/(\\d{2,4}))?`);
const ISO_DATE = rx(`(\\d{4})-(\\d{2})-(\\d{2})`);
const DAY_OF_MONTH = rx(`(?:on the|the|el dia|el día|يوم|day)\\s+(\\d{1,2})(st|nd|rd|th)?|(?:el|on the)\\s+(\\d{1,2})(?=\\s+(?:a las|a la|at|@)\\s)`);

/** Greetings mention parts of the day without meaning a time ("good morning"). */
const GREETINGS = rx(alt(['good morning', 'good afternoon', 'good evening', 'buenos dias', 'buen dia', 'buenas tardes', 'buenas noches', 'buenas', 'صباح الخير', 'مساء الخير', 'صباح النور', 'مساء النور', 'مسا الخير', 'مسا النور', 'مساكم الله بالخير']));

/** Words for parts of the day, by part; afternoon and evening read an hour as p.m., morning as a.m. */
const PARTS: Record<PartOfDay, string[]> = {
  morning: ['morning', 'mornings', 'mañana', 'manana', 'temprano', 'tempranito', 'mañanita', 'الصبح', 'الصباح', 'صباحا', 'صبح', 'الفجر', 'الضحي', 'بدري'],
  afternoon: ['afternoon', 'tarde', 'العصر', 'عصر', 'عصرا', 'بالعصر'],
  evening: ['evening', 'night', 'tonight', 'noche', 'nochecita', 'المغرب', 'مغرب', 'المسا', 'مساء', 'مساءا', 'مسا', 'الليل', 'بالليل', 'ليلا', 'الليله', 'بليل', 'بالمسا'],
};
/** Phrases that stand for a part of the day: "after work", "después del trabajo", "بعد الدوام", "as early as possible". */
const PART_PHRASES: Array<[PartOfDay, RegExp]> = [
  ['evening', rx(alt(['after work', 'after office', 'after my shift', 'when i finish work', 'finish work', 'finish at work', 'off work', 'after i finish', 'late evening',
    'después del trabajo', 'despues del trabajo', 'saliendo del trabajo', 'saliendo de trabajar', 'despues de trabajar', 'después de trabajar', 'despues de la chamba', 'después de la chamba',
    'despues de la oficina', 'bien tarde', 'بعد الدوام', 'عقب الدوام', 'بعد الشغل', 'عقب الشغل', 'بعد ما اطلع من الدوام', 'اخر الليل']))],
  ['afternoon', rx(alt(['tardecita', 'la tardecita', 'after lunch', 'late afternoon', 'early afternoon', 'despues de comer', 'después de comer', 'despues de la comida', 'después de la comida', 'بعد الغدا', 'بعد الغداء', 'عقب الغدا', 'بعد الظهر']))],
  ['morning', rx(alt(['as early as possible', 'earliest', 'first thing', 'early morning', 'lo mas temprano', 'lo más temprano', 'a primera hora', 'temprano', 'اول الصبح', 'بدري', 'الصبح بدري']))],
];
const PM_WORDS = [...PARTS.afternoon, ...PARTS.evening, 'م'];
const AM_WORDS = [...PARTS.morning, 'ص'];
const NOON_WORDS = ['الظهر', 'ظهرا', 'الضهر', 'noon', 'midday', 'mediodia'];
const POD = alt([...PM_WORDS, ...AM_WORDS, ...NOON_WORDS].sort((a, b) => b.length - a.length));
const CUE = alt([
  'at around', 'at about', 'at', 'around', 'about', '@', 'a las', 'a la', 'las', 'como a las', 'tipo', 'الساعه', 'ساعه', 'بحدود', 'حوالي', 'على الساعه', 'ع الساعه',
  'للساعه', 'لساعه', 'لـ', 'move it to', 'change it to', 'push it to', 'the time to', 'it to', 'after', 'like after', 'anytime after', 'despues de las', 'después de las', 'make it', 'how about', 'what about', 'can we do', 'can i do',
  'مثلا', 'خليها', 'خليه', 'خلها', 'خله', 'نخليها', 'خلينا', 'mejor a las', 'mejor',
  'maybe', 'maybe at', 'say', 'probably', 'بعد', 'بعد الساعه', 'عقب', 'عقب الساعه', 'يمكن',
]);
/** A time after these is a limit, not a start: "done by 6", "antes de las 6", "قبل الساعة ٦", "I finish work at 5". */
const LIMIT = rx(`(?:by|before|until|till|no later than|antes de(?: las| la)?|hasta las|قبل(?: الساعه)?|(?:finish|get off|leave|off)\\s+(?:work\\s+)?at|salgo(?: del trabajo)? a las|اطلع(?: من الدوام)? الساعه)\\s*\\d{1,2}(?:[:.]\\d{2})?(?:\\s*(?:am|pm))?`);
/** "next week" said beside a weekday: that weekday of next week. */
const NEXT_WEEK = rx(alt(['next week', 'la semana que viene', 'la proxima semana', 'la otra semana', 'الاسبوع الجاي', 'الاسبوع القادم', 'الاسبوع الياي']));
/** Words that set a date aside: "tomorrow not today", "el jueves no el miércoles", "الخميس مو الاربعاء". */
const NOT_THIS = /(?:^|\s)(?:not|no|مو|مب|instead of|en vez de|en lugar de|بدل|بدال)\s*$/u;
const SAME = rx(`(?:the\\s+)?same\\s+(time|hour|day|date)|(?:a\\s+)?la\\s+misma\\s+hora|(?:el|del)\\s+mismo\\s+(dia)|mismo\\s+(dia|horario)|نفس\\s+(الوقت|الساعه|اليوم|الموعد|التوقيت)`);
const MOD = alt(['y media', 'y cuarto', 'menos cuarto', 'and a half', 'ونص', 'و نص', 'ونصف', 'و نصف', 'والنص', 'وربع', 'و ربع', 'الا ربع', 'الا ربع']);
const TIME = rx(
  `(?:(${CUE})\\s*)?(\\d{1,2})(?:(:|\\.)(\\d{2}))?(?:\\s*(${MOD}))?(?:\\s*(am|pm|a\\.m\\.?|p\\.m\\.?|hrs|h|hs)(?![\\p{L}]))?(?<ish>\\s*-?ish)?(?:\\s*(?:o'?clock|en punto)?\\s*(?:in the|de la|por la|en la|at|في|بال)?\\s*(${POD}))?`,
);
const POD_RX = rx(POD);
const PAST = rx(`(half past|quarter past|quarter to)\\s+(\\d{1,2})`);
const NOON = rx(alt(['noon', 'midday', 'mediodia', 'al mediodia', 'الظهر', 'ظهرا']));

const NUMBER_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  una: 1, uno: 1, dos: 2, tres: 3, cuatro: 4, cinco: 5, seis: 6, siete: 7, ocho: 8, nueve: 9, diez: 10, once: 11, doce: 12,
  وحده: 1, واحده: 1, واحد: 1, ثنتين: 2, اثنين: 2, ثنين: 2, ثلاث: 3, ثلاثه: 3, اربع: 4, اربعه: 4, خمس: 5, خمسه: 5, ست: 6, سته: 6,
  سبع: 7, سبعه: 7, ثمان: 8, ثمانيه: 8, ثمن: 8, تسع: 9, تسعه: 9, عشر: 10, عشره: 10, احدعش: 11, حدعش: 11, اثنعش: 12, طنعش: 12,
};
/** Cues before a number word: "a las cinco", "at five"; a bare "las dos" is "both". */
const WORD_CUE = alt(['at around', 'at about', 'at', 'around', 'about', 'a las', 'a la', 'como a las', 'tipo', 'الساعه', 'ساعه', 'بحدود', 'حوالي', 'على الساعه']);
const NUMBER_AFTER_CUE = rx(`(${WORD_CUE})\\s+(${alt(Object.keys(NUMBER_WORDS))})`);
const NUMBER_BEFORE_POD = rx(`(${alt(Object.keys(NUMBER_WORDS))})(?=\\s+(?:o'?clock|pm|am|y media|y cuarto|ونص|وربع|(?:de la |por la |in the |en la )?(?:${POD}))${E})`);

/** Single words that name a day or part of day: never a customer's name. */
export const TIME_WORDS = new Set<string>([
  ...WEEKDAY_WORD.keys(), ...MONTH_WORD.keys(), ...PM_WORDS.filter((w) => w.length > 1), ...AM_WORDS.filter((w) => w.length > 1), ...NOON_WORDS,
  'today', 'tomorrow', 'tonight', 'hoy', 'mañana', 'manana', 'pasado', 'باجر', 'بكره', 'بكرا', 'اليوم', 'غدا', 'now', 'ahora', 'الحين', 'later', 'luego', 'بعدين',
]);

/** Filler allowed around a bare hour answer ("5 please", "5 ok"). */
const FILLER = new Set([
  'please', 'pls', 'plz', 'ok', 'okay', 'then', 'maybe', 'at', 'make', 'it', 'say', 'lets', "let's", 'how', 'what', 'about', 'instead', 'actually', 'around',
  'por', 'favor', 'porfa', 'entonces', 'igual', 'a', 'las', 'la', 'mejor', 'como', 'tipo', 'mas', 'bien', 'is', 'better', 'best', 'good', 'fine', 'works', 'be', 'would', 'for', 'me', 'esta', 'seria',
  'لو', 'سمحت', 'تمام', 'الساعه', 'ساعه', 'خليها', 'خله', 'خلها', 'يعني', 'حوالي', 'بحدود', 'احسن', 'افضل', 'زين', 'اوكي',
]);

interface Mention {
  index: number;
  date?: DateTime;
  /** Said to be set aside: "tomorrow, not today". */
  negated?: boolean;
  minutes?: number;
  /** Hour given without am/pm or part of day: resolved against opening hours. */
  bare?: boolean;
}

const blank = (s: string, start: number, len: number) => s.slice(0, start) + ' '.repeat(len) + s.slice(start + len);

export function extractDateTime(text: string, opts: DateTimeOptions): DateTimeResult {
  const { today, offset } = todayIn(opts.now, opts.timezone);
  const spaces = (m: string) => ' '.repeat(m.length);
  let s = normalize(text).replace(GREETINGS, spaces).replace(SEE_YOU, spaces);
  const same = new Set<'date' | 'time'>();
  s = s.replace(SAME, (m: string, en?: string, es?: string, es2?: string, ar?: string) => {
    const word = en ?? es ?? es2 ?? ar ?? 'hora';
    same.add(/day|date|dia|اليوم/.test(word) ? 'date' : 'time');
    return spaces(m);
  });
  const limits = s.match(LIMIT);
  s = s.replace(LIMIT, spaces);
  // Parts of the day, read before date words are blanked ("mañana en la tarde", "tomorrow evening").
  let part: PartOfDay | null = null;
  for (const [p, re] of PART_PHRASES) {
    re.lastIndex = 0;
    if (re.test(s)) {
      part ??= p;
      s = s.replace(re, spaces);
    }
  }
  const nextWeek = NEXT_WEEK.test(s);
  const podOf = (w: string | undefined): 'am' | 'pm' | 'noon' | null =>
    !w ? null : PM_WORDS.includes(w) ? 'pm' : AM_WORDS.includes(w) ? 'am' : NOON_WORDS.includes(w) ? 'noon' : null;
  let globalPod: 'am' | 'pm' | 'noon' | null = part === 'morning' ? 'am' : part ? 'pm' : null;
  for (const m of s.replace(TOMORROW, spaces).matchAll(POD_RX)) {
    if (m[0].length <= 1) continue; // one-letter "م"/"ص" count only right after a number
    // "tarde" is the afternoon after "la"/"esta" or a day ("en la tarde", "viernes tarde"); alone it is "late" ("se me hizo tarde")
    if (m[0] === 'tarde' && !/(?:la|esta|lunes|martes|miercoles|jueves|viernes|sabado|domingo|hoy|mañana|manana)\s+$/.test(s.slice(0, m.index).replace(/\s+$/, ' '))) continue;
    globalPod = podOf(m[0]) ?? globalPod;
    part ??= (Object.keys(PARTS) as PartOfDay[]).find((p) => PARTS[p].includes(m[0])) ?? null;
  }
  if (limits && !part && /work|trabajo|chamba|الدوام/.test(limits.join(' '))) part = 'evening';
  const dates: Mention[] = [];
  const dateEnds: number[] = [];
  const times: Mention[] = [];

  const take = (re: RegExp, fn: (m: RegExpExecArray) => DateTime | null) => {
    re.lastIndex = 0;
    for (let m = re.exec(s); m; m = re.exec(s)) {
      const d = fn(m);
      if (d && d.isValid) {
        const before = s.slice(0, m.index);
        // "tomorrow not today": the day after "not" is set aside; a "no" that opens the message is an answer
        const negated = NOT_THIS.test(before) && before.trim().split(/\s+/).length > 1;
        dates.push({ index: m.index, date: d, negated });
        dateEnds.push(m.index + m[0].length);
        s = blank(s, m.index, m[0].length);
      }
    }
  };
  const withYear = (y: string | undefined, month: number, day: number): DateTime | null => {
    let year = y ? Number(y.length === 2 ? `20${y}` : y) : today.year;
    let d = DateTime.utc(year, month, day);
    if (!y && d.isValid && d < today) d = d.set({ year: ++year });
    return d.isValid ? d : null;
  };

  take(DAY_AFTER, () => today.plus({ days: 2 }));
  take(ISO_DATE, (m) => withYear(m[1], Number(m[2]), Number(m[3])));
  take(DAY_MONTH, (m) => withYear(m[3], MONTH_WORD.get(m[2])!, Number(m[1])));
  take(MONTH_DAY, (m) => (m[1] === 'may' || m[1] === 'mar' ? null : withYear(m[3], MONTH_WORD.get(m[1])!, Number(m[2]))));
  take(NUMERIC_DATE, (m) => withYear(m[3], Number(m[2]), Number(m[1]))); // day first: Kuwait and Mexico
  take(TOMORROW, () => today.plus({ days: 1 }));
  take(TODAY, () => today);
  take(WEEKDAY, (m) => {
    const word = m[2];
    const abbr = WEEKDAY_ABBR.find((a) => a[1] === word);
    // "sat", "sun", "wed" alone are words; "sat 11am", "wed after lunch" (a part of the day said) are days
    if (abbr && !m[1] && !m[4] && !part) return null;
    const target = abbr ? abbr[0] : WEEKDAY_WORD.get(word)!;
    let diff = (target - today.weekday + 7) % 7;
    const next = m[1] === 'next' || m[1] === 'el proximo' || m[1] === 'proximo' || !!m[3];
    if (diff === 0 && next) diff = 7;
    // "thursday next week": that day of the week after this one (weeks start on Sunday in Kuwait and Mexico)
    if (nextWeek) diff = (7 - (today.weekday % 7)) + (target % 7);

    return today.plus({ days: diff });
  });
  take(DAY_OF_MONTH, (m) => {
    const day = Number(m[1] ?? m[3]);
    if (m[1] && /^(the|on the|day)$/.test(m[0].split(/\s+\d/)[0]) && !m[2]) return null; // "the 2" is a list pick, "the 2nd" a date
    let d = today.set({ day });
    if (!d.isValid || day !== d.day) return null;
    if (d < today) d = d.plus({ months: 1 });
    return d;
  });

  // Number words become digits only where they clearly are hours ("a las cinco", "five pm").
  s = s.replace(NUMBER_AFTER_CUE, (_, cue: string, w: string) => `${cue} ${NUMBER_WORDS[w]}`.padEnd(_.length));
  s = s.replace(NUMBER_BEFORE_POD, (w: string) => String(NUMBER_WORDS[w]).padEnd(w.length));

  PAST.lastIndex = 0;
  for (let m = PAST.exec(s); m; m = PAST.exec(s)) {
    const h = Number(m[2]);
    if (h < 1 || h > 12) continue;
    const delta = m[1] === 'half past' ? 30 : m[1] === 'quarter past' ? 15 : -15;
    times.push({ index: m.index, minutes: h * 60 + delta, bare: true });
    s = blank(s, m.index, m[0].length);
  }
  TIME.lastIndex = 0;
  for (let m = TIME.exec(s); m; m = TIME.exec(s)) {
    const [, cue, hStr, sep, mStr, mod, mer, , pod] = m; // the unnamed hole is the "ish" group
    const pieceOfDay = podOf(pod);
    const ish = !!m.groups?.ish || /^\s*ish\b/.test(s.slice(m.index + m[0].length));
    const qualifies = !!cue || sep === ':' || !!mer || !!pieceOfDay || !!mod || ish;
    if (!qualifies) continue;
    let h = Number(hStr);
    let min = mStr ? Number(mStr) : 0;
    if (h > 24 || min > 59) continue;
    if (mer === 'h' || mer === 'hrs' || mer === 'hs') {
      if (!sep && !cue) continue; // "5h" alone is too vague
    }
    if (mod) {
      if (/media|half|نص/.test(mod)) min = 30;
      else if (/menos|الا/.test(mod)) {
        min = 45;
        h = h - 1;
      } else min = 15;
    }
    let bare = false;
    const merKind = mer?.startsWith('p') ? 'pm' : mer?.startsWith('a') ? 'am' : null;
    const kind = merKind ?? pieceOfDay ?? null;
    if (h >= 13 || h === 0 || (hStr.length === 2 && hStr.startsWith('0') && sep === ':')) {
      // 24-hour clock
    } else if (kind === 'pm') {
      if (h < 12) h += 12;
    } else if (kind === 'am') {
      if (h === 12) h = merKind ? 0 : 12;
    } else if (kind === 'noon') {
      if (h >= 1 && h <= 6) h += 12;
    } else if (globalPod === 'pm' && h < 12) {
      h += 12;
    } else if (globalPod === 'am' && h <= 12) {
      // morning as said
    } else if (h <= 12) {
      bare = true;
    }
    if (h >= 24) continue;
    times.push({ index: m.index, minutes: h * 60 + min, bare });
  }
  if (times.length === 0) {
    NOON.lastIndex = 0;
    const noon = NOON.exec(s);
    if (noon) times.push({ index: noon.index, minutes: 12 * 60 });
  }

  // "tomorrow 5", "الخميس ٤": a small number right after a day is its hour.
  if (times.length === 0) {
    for (const end of dateEnds) {
      const m = /^\s+(\d{1,2})(?![\p{L}\p{N}:/.])/u.exec(s.slice(end));
      const h = m ? Number(m[1]) : 0;
      if (h >= 1 && h <= 12) times.push({ index: end, minutes: h * 60, bare: true });
    }
  }

  // Just "5" in answer to "what time?" (or "make it 9", "9 then").
  if (opts.expectingTime && times.length === 0) {
    const words = s.split(/\s+/).filter((w) => w && !FILLER.has(w));
    if (words.length === 1 && /^\d{1,2}$/.test(words[0])) {
      const h = Number(words[0]);
      if (h >= 1 && h <= 23) times.push({ index: 0, minutes: h * 60, bare: h <= 12 });
    }
  }

  // chrono-node for what our rules missed (English; Spanish as a base): relative phrases like
  // "in 3 days", "March 5th", "dentro de 2 semanas". Gated because chrono costs more than all our rules.
  if ((dates.length === 0 || times.length === 0) && opts.language !== 'ar' && CHRONO_WORTH_IT.test(s)) {
    chronoFill(text, opts, today, offset, dates, times);
  }

  // The last date said wins, unless it was set aside ("tomorrow, not today").
  const said = dates.sort((a, b) => a.index - b.index);
  const kept = said.filter((d) => !d.negated);
  const lastDate = (kept.length ? kept : said).at(-1)?.date ?? null;
  const date = lastDate ? lastDate.toISODate() : null;
  const t = times.sort((a, b) => a.index - b.index).at(-1);
  let time: string | null = null;
  if (t?.minutes !== undefined) {
    const minutes = t.bare ? resolveBare(t.minutes, date, opts) : t.minutes;
    time = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  }
  return { date, time, partOfDay: time ? null : part, same: [...same] };
}

/** Bare hour h (1–12): h or h+12, whichever the business is open at; if both, the usual salon reading. */
function resolveBare(minutes: number, date: string | null, opts: DateTimeOptions): number {
  const h = Math.floor(minutes / 60);
  if (h === 12 || h === 0 || h > 12) return minutes;
  const am = minutes;
  const pm = minutes + 12 * 60;
  const openAm = opts.isOpen?.(date, am) ?? h >= 8;
  const openPm = opts.isOpen?.(date, pm) ?? h < 8;
  if (openAm && !openPm) return am;
  if (openPm && !openAm) return pm;
  // both open: the half of the day already chosen ("8 in the evening", then "make it 9")
  if (opts.currentTime) return Number(opts.currentTime.slice(0, 2)) >= 12 ? pm : am;
  return h >= 8 ? am : pm; // both or neither: "at 9" = morning, "at 5" = afternoon
}

const WEEKDAY_ABBR_TEXT = /^(sun|sat|mon|wed|tue|thu|fri)\.?$/i;

const CHRONO_WORTH_IT = rx(
  '(?:\\d+|a|an|one|two|three|un|una|dos|tres)\\s+(?:days?|weeks?|months?|dias?|semanas?|mes|meses)|(?:in|en|dentro de)\\s+(?:\\d+|a|an|one|two|three|un|una|dos|tres|media)\\s+(?:hours?|minutes?|mins?|horas?|minutos?)|weekend|fin de semana|midnight|medianoche',
);

/** Today's calendar date in the business zone, as a UTC-midnight DateTime: date arithmetic without a zone lookup per step. */
let lastToday: { key: string; today: DateTime; offset: number } | null = null;
function todayIn(now: Date, zone: string): { today: DateTime; offset: number } {
  const key = `${now.getTime()}|${zone}`;
  if (lastToday?.key !== key) {
    const local = DateTime.fromJSDate(now, { zone });
    lastToday = { key, today: DateTime.utc(local.year, local.month, local.day), offset: local.offset };
  }
  return lastToday;
}

function chronoFill(text: string, opts: DateTimeOptions, today: DateTime, offset: number, dates: Mention[], times: Mention[]): void {
  const ref = { instant: opts.now, timezone: offset };
  const parser = opts.language === 'es' ? chrono.es : chrono.en.GB;
  let results: chrono.ParsedResult[];
  try {
    results = parser.parse(text.slice(0, 300), ref, { forwardDate: true });
  } catch {
    return; // chrono is a best-effort fallback
  }
  for (const r of results) {
    const c = r.start;
    if (WEEKDAY_ABBR_TEXT.test(r.text.trim())) continue; // "the sun is out"
    if (dates.length === 0 && (c.isCertain('day') || c.isCertain('weekday'))) {
      const d = DateTime.utc(c.get('year')!, c.get('month')!, c.get('day')!);
      if (d.isValid && d >= today) dates.push({ index: r.index, date: d });
    }
    if (times.length === 0 && c.isCertain('hour')) {
      const h = c.get('hour')!;
      const min = c.get('minute') ?? 0;
      times.push({ index: r.index, minutes: h * 60 + min, bare: !c.isCertain('meridiem') && h >= 1 && h <= 12 });
    }
  }
}

/** Every word the date and time rules know (leftover.ts): their patterns' words, number words, fillers. */
export const DATETIME_VOCABULARY: readonly string[] = [
  ...TIME_WORDS, ...Object.keys(NUMBER_WORDS), ...FILLER, ...Object.values(PARTS).flat(), ...NOON_WORDS,
  ...[DAY_AFTER, TOMORROW, TODAY, SEE_YOU, WEEKDAY, DAY_MONTH, DAY_OF_MONTH, GREETINGS, LIMIT, NEXT_WEEK, NOT_THIS, SAME, TIME, PAST, NOON, CHRONO_WORTH_IT, ...PART_PHRASES.map(([, re]) => re)].map((re) => re.source),
];
