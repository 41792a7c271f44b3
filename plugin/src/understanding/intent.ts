/**
 * What the customer wants to do, from cue patterns in en/ar/es on normalised
 * text. Patterns are built around word classes rather than sentences: a
 * cancel verb in any of its forms ("cancelame", "cancelenla", "الغيه",
 * "تلغين"), "can't make it" phrases, a change verb next to a booking noun,
 * a lookup cue next to "my appointments". Tables rather than a classifier:
 * deterministic and explainable; a miss only means the engine keeps its flow.
 */
import type { FaqIntent, Intent } from './types';
import { fold, normalize } from './normalize';

/** A booking the customer already has ("my appointment", "mi cita", "موعدي", "i booked"). */
const MY_BOOKING = String.raw`(?:my|mis?|la|el)\s+(?:\S+\s+)?(?:appointments?|appts?|bookings?|reservations?|citas?|reservas?)|i\s+(?:have|booked|had)\s+(?:an?\s+)?(?:appointment|appt|booking)|i booked|agende|موعدي|حجزي|موعد[يه]?\s|الموعد|الحجز|حاجزه|حاجز`;
/** The customer's own booking, said so: "my appointment", "mi cita", "موعدي", "I booked". */
const MY_OWN_BOOKING = String.raw`(?:my|mis?)\s+(?:\S+\s+)?(?:appointments?|appts?|bookings?|reservations?|citas?|reservas?)|i\s+(?:have|booked|had)\s+(?:an?\s+)?(?:appointment|appt|booking)|i booked|agende|tengo cita|موعدي|حجزي|حاجزه|عندي موعد`;

const CANCEL = [
  String.raw`cancel+(?:ed|ing|ation|ations|s)?`, 'call off',
  String.raw`(?:can'?t|cannot|can not|won'?t|will not|wont|not be able to|unable to|am not able to|i'?m not able to)\s+(?:be able to\s+)?(?:make it|come|go|attend|make)\b`,
  String.raw`(?:have|need|got) to skip`, String.raw`won'?t be (?:coming|there)`, String.raw`can'?t come anymore`,
  String.raw`cancel[a-z]*`, String.raw`anul[a-z]*`,
  String.raw`(?:ya\s+)?no\s+(?:voy a poder|puedo|podre|podria|vamos a poder)\s+(?:ir|llegar|asistir|ir\b)`,
  String.raw`no\s+(?:voy a\s+)?(?:alcanzar a\s+)?llegar`, String.raw`(?:ya\s+)?no\s+llego`, String.raw`al final no voy`, String.raw`no voy a (?:ir|poder ir)`,
  String.raw`[اتني]?لغ(?:ي|يه|يها|يهم|وا|وه|اء|يت|ين|يني)`, String.raw`[وف]?(?:ا|ت|ن)?كا?نسل[اويه]*`,
  String.raw`ما\s*(?:راح|بـ?)?\s*(?:اقدر|قدر|بقدر|اقدرا|يمديني|بيمديني|اگدر)\s+اجي`, String.raw`مب قادره? اجي`, String.raw`ما راح اجي`, String.raw`ما بجي`,
];

const RESCHEDULE = [
  String.raw`re-?schedul[a-z]*`, String.raw`postpon[a-z]*`, String.raw`push\s+(?:it|my|the|back)`, String.raw`move\s+(?:it|my|the|me|our)`,
  String.raw`bring\s+(?:it|my)\s+forward`, String.raw`shift\s+(?:it|my)`,
  String.raw`chang[a-z]*\s+(?:my|the|our)\s+(?:appointment|appt|booking|reservation|time of my|day of my)`,
  String.raw`(?:another|different|other)\s+(?:day|time)\s+for\s+my`, String.raw`for another day`,
  String.raw`reprogram[a-z]*`, String.raw`re-?agend[a-z]*`, String.raw`pas(?:a|ar|ame|amela|ala|arla|as)\s+(?:mi|la|el)\s+\S+\s+(?:a|para|al)`,
  String.raw`(?:podemos|puedo|puedes|me la)\s+(?:dejar|pasar|mover|cambiar|hacer|recorrer)(?:la|lo)?\s+(?:a|para|al)`, String.raw`mover[a-z]*`, String.raw`muev[a-z]*`, String.raw`pospon[a-z]*`, String.raw`recorr[a-z]*\s+(?:mi|la)`,
  String.raw`cambi[a-z]*\s+(?:mi|la|el|de)\s+(?:cita|hora|reserva|dia)`, String.raw`cambiam[a-z]*\s+(?:la|mi)`, String.raw`cambiala`, String.raw`me la (?:cambias|mueves|pasas|recorres)`,
  String.raw`la puedo (?:cambiar|mover|pasar)`,
  String.raw`(?:me\s+)?(?:la|lo)\s+(?:puedes|puedo|podemos|podrias|pueden|podrian)\s+(?:recorrer|pasar|mover|cambiar|adelantar|atrasar|retrasar|reprogramar|reagendar)`,
  String.raw`(?:adelant|retras)(?:ar|a|as|an|amos|arla|arlo|amela|ala)|atras(?:ar|arla|arlo|amela|en|amos)`, String.raw`(?:me\s+)?(?:la|lo)\s+(?:recorr|pas|muev|mov|cambi|dej|reagend|reprogram)[a-z]*\s+(?:a|para|al|el|pa|hasta)`, String.raw`pasar\s+(?:mi|la|el)\s+\S+\s+(?:a|para)`, String.raw`(?:otro|otra)\s+(?:dia|hora)`,
  String.raw`(?:ا|ن|ت)?غير(?:ين|ي|يه|يها|ه|ها)?\s+(?:ال)?(?:موعد|حجز|وقت)(?:ي|ه|ها)?`, String.raw`غيريه|غيريها|اغيره|اغيرها`,
  String.raw`تغيير\s+(?:ال)?(?:موعد|حجز|وقت)(?:ي|ه|ها)?`, String.raw`(?:ا|ن|ت)?نقل(?:ين|ي|ه|ها)?\s+(?:ال)?(?:موعد|حجز)(?:ي|ه|ها)?`,
  String.raw`(?:ا|ت|ن)?ا?جل(?:ي|يه|يها|ين)?\s+(?:ال)?(?:موعد|حجز)(?:ي|ه|ها)?`, String.raw`تاجيل`,
  String.raw`(?:ا|ت|ن)?قدم(?:ي|ين)?\s+(?:ال)?(?:موعد|حجز)(?:ي|ه|ها)?`, String.raw`(?:ا|ت|ن)?ا?خر(?:ي|ين)?\s+(?:ال)?(?:موعد|حجز)(?:ي|ه|ها)?`,
  String.raw`اعدل\s+(?:ال)?(?:موعد|حجز)(?:ي|ه|ها)?`, String.raw`تعديل\s+(?:ال)?موعد`, String.raw`ابي اغير`,
];

const LIST = [
  String.raw`(?:my|any)\s+(?:upcoming|next|current)\s+(?:appointments?|bookings?|appts?)`, String.raw`appointments?\s+(?:do\s+)?i\s+have`,
  String.raw`(?:what|which)\s+(?:appointments?|bookings?|appts?)`, String.raw`do i have\s+(?:an?\s+|any\s+)?(?:appointment|appt|booking|anything)`,
  String.raw`have i (?:got|booked)`, String.raw`what do i have`, String.raw`(?:anything|something) booked`, String.raw`booked under`,
  String.raw`what (?:did|have) i (?:book|booked)`, String.raw`what i have booked`, String.raw`when(?:'?s| is)\s+my`, String.raw`what time is my`,
  String.raw`status of my`, String.raw`did my (?:booking|appointment|appt)`, String.raw`remind me`, String.raw`check (?:my|if i)`, String.raw`show (?:me )?my`,
  String.raw`my (?:bookings?|appointments?|reservations?|appts?)`, String.raw`coming up`,
  String.raw`do i (?:still )?have (?:my|the|a|an|any)`, String.raw`is my\s+(?:\S+\s+){1,3}(?:still on|still booked|confirmed|booked)`, String.raw`still on for`,
  String.raw`i (?:already )?booked`, String.raw`what time (?:was|is) (?:it|that|mine)`, String.raw`(?:what|which) (?:day|date) (?:was|is) (?:it|mine)`, String.raw`i (?:think i )?have an? (?:appointment|appt|booking)`,
  String.raw`(?:que|cuales)\s+citas\s+tengo`, String.raw`tengo\s+(?:alguna\s+|una\s+)?(?:cita|citas|algo)`, String.raw`mis (?:citas|reservas)`,
  String.raw`(?:cuando|a que hora|que dia|que hora)\s+(?:es|queda|quedo)\s+mi`, String.raw`mi cita`, String.raw`me recuerdas`, String.raw`quedo agendad[ao]`,
  String.raw`algo apartado`, String.raw`(?:cuando|a que hora|que dia)\s+me\s+toca`, String.raw`(?:a\s+)?que\s+(?:hora|dia)\s+quede`, String.raw`quede\s+agendad[oa]`,
  String.raw`(?:وش|شنو|ايش|شو)\s+(?:عندي|المواعيد|مواعيدي|حاجزه)`, String.raw`عندي\s+(?:موعد|حجز|مواعيد)`, String.raw`مواعيدي`, String.raw`حجوزاتي`,
  String.raw`موعدي`, String.raw`متي موعد`, String.raw`تاكد حجزي`, String.raw`تذكريني`, String.raw`المواعيد اللي عندي`, String.raw`حجزي`,
];

const FAQ: Array<[FaqIntent, string[]]> = [
  ['faq_duration', [
    'how long', String.raw`how many (?:minutes|mins|hours|hrs)`, 'duration', 'how much time', 'length of',
    String.raw`cuanto (?:dura|duran|tarda|tardan|se tarda|se tardan|tiempo|demora)`, 'duracion',
    String.raw`كم\s+(?:ياخذ|تاخذ|مده|مدته|مدتها|دقيقه|ساعه|يطول|تطول|وقت)`, 'مده', 'المده', 'مدته', 'مدتها',
  ]],
  ['faq_price', [
    'price', 'prices', 'cost', 'costs', 'how much', 'pricing', 'rate', 'rates', 'fee', 'charge',
    'precio', 'precios', 'cuanto cuesta', 'cuanto es', 'cuanto sale', 'cuanto cobran', 'costo', 'tarifa',
    'سعر', 'السعر', 'الاسعار', 'اسعار', 'بكم', 'كم سعر', 'كم السعر', 'كم يكلف', 'كم الحساب', 'التكلفه', 'كم حق', 'كم المجموع', 'المجموع',
  ]],
  ['faq_hours', [
    'opening hours', 'hours', 'what time do you open', 'what time do you close', 'when do you open', 'when do you close', 'are you open', 'open on',
    'open today', 'open tomorrow', 'closing time', 'working hours', 'business hours', 'open until', 'do you close', 'do you open',
    'horario', 'a que hora abren', 'a que hora cierran', 'estan abiertos', 'abren', 'cierran', 'hasta que hora',
    String.raw`(?<!بعد |عقب )الدوام`, 'دوامكم', 'ساعات العمل', 'متي تفتحون', 'متي تسكرون', 'متي تقفلون', 'مفتوحين', 'تفتحون', 'تسكرون', 'اوقات العمل', 'مواعيد العمل',
  ]],
  ['faq_address', [
    'address', 'where are you', 'where is', String.raw`where'?s`, 'where r u', 'location of', 'directions', 'how do i get', 'how to get', 'where exactly', 'google maps', 'map', 'located',
    'direccion', 'donde estan', 'donde queda', 'ubicacion', 'como llego', 'donde se encuentran', 'ubicados',
    'العنوان', 'عنوانكم', 'وين', 'وينكم', 'موقعكم', 'موقع', 'اللوكيشن', 'لوكيشن', 'كيف اوصل', 'مكانكم',
  ]],
  ['faq_services', [
    'what services', 'which services', 'services do you', 'what do you offer', 'what do you have', 'what do you do', 'menu', 'service list',
    'list of services', 'your services', 'treatments do you', 'options do you have',
    'que servicios', 'servicios', 'que ofrecen', 'que hacen', 'lista de precios y servicios', 'catalogo',
    'الخدمات', 'خدماتكم', 'شو عندكم', 'وش عندكم', 'شنو عندكم', 'ايش عندكم', 'قائمه', 'المنيو', 'منيو', 'شنو الخدمات',
  ]],
];

const RESTART = [
  'start over', 'start again', 'restart', 'reset', 'from the beginning', 'from scratch', 'begin again', 'new booking',
  'empezar de nuevo', 'volver a empezar', 'reiniciar', 'desde el principio', 'desde cero', 'empecemos de nuevo', 'de nuevo desde',
  'من البدايه', 'من جديد', 'ابدا من جديد', 'نبدا من جديد', 'خلنا نبدا', 'من الاول', 'ريستارت',
];

const HANDOFF = [
  'human', 'real person', 'a person', 'agent', 'representative', 'customer service', 'talk to someone', 'speak to someone', 'speak to a', 'talk to a',
  String.raw`call me(?:\s+(?:back|please|pls|on|at|asap)|$)`, 'manager', 'operator', 'someone real', 'live chat',
  'humano', 'una persona', 'asesor', 'agente', 'hablar con alguien', 'atencion al cliente', 'llamenme', 'llamame', 'gerente', 'encargado',
  'موظف خدمه', 'خدمه العملاء', 'شخص حقيقي', 'انسان', 'اكلم احد', 'ابي اكلم', 'ابغي اكلم', 'اتصلوا علي', 'كلموني', 'المدير', 'المسؤول', 'اكلم موظف',
];

const BOOK = [
  'book', 'booking', 'appointment', 'appt', 'reserve', 'reservation', 'schedule', 'i want', "i'd like", 'id like', 'i would like', 'can i get',
  'can i have', 'i need', 'available', 'availability', 'can i come', 'looking for',
  'reservar', 'reserva', 'cita', 'agendar', String.raw`agenda(?:me|s)?`, 'apartar', 'quiero', 'quisiera', 'me gustaria', 'necesito', 'hay lugar', 'tienen lugar', 'hay espacio', 'tienen espacio', 'disponible',
  'حجز', 'احجز', 'موعد', 'ابي', 'ابغي', 'ابغا', 'بغيت', 'ودي', 'اريد', 'ممكن', 'متوفر', 'احجزي', 'احجزلي', 'حجزلي',
];

/** Questions about free times: a booking request when nothing is pending, an answer otherwise. */
const AVAILABILITY = [
  String.raw`any (?:slots?|time|space|openings?)`, 'slots', String.raw`(?:are you|is\s+\S+|you)\s+free`, String.raw`free\s+(?:on|at|tomorrow|today|tonight|this|slots?|times?)`, String.raw`what times?\s+(?:on|are|do|is|tomorrow)`, String.raw`anything\s+(?:free|on|tomorrow|today|this)`,
  String.raw`do you have (?:anything|time|space|a slot)`, String.raw`a que hora\s+(?:el|la|hoy|mañana|manana)`, String.raw`tienen\s+(?:algo|lugar|espacio)`, 'hay lugar', String.raw`esta\s+\S+\s+el`,
  String.raw`(?:que|cuales)\s+horarios`, String.raw`عندكم\s+(?:شي|مكان|وقت|موعد|مواعيد)`, 'فاضيه', 'فاضين', String.raw`اي\s+ساعه`, 'شنو الاوقات',
];

const THANKS = [
  String.raw`thank[a-z]*`, 'thx', 'thnx', 'ty', 'tysm', 'cheers', 'bye', 'goodbye', 'see you', 'see ya', String.raw`appreciate[a-z]*`,
  String.raw`gracia[a-z]*`, 'grax', 'agradezco', 'se agradece', String.raw`agradecid[oa]s?`, 'muy amable', 'hasta luego', 'nos vemos', 'adios',
  String.raw`شكر[اًن]*`, String.raw`مشكور(?:ه|ين|ات)?`, String.raw`يعطي(?:ك|ج|كم|كن|ه)?\s+العافيه`, String.raw`(?:الله\s+)?[يت]سلم(?:ين|ون|وا|ن|ي|و)?`,
  String.raw`ما\s*قصر(?:ت|تي|تو|توا|تون|تين|تن)`, 'مع السلامه', 'ثانكس', 'في امان الله', 'جزاك الله',
];

const GREETING = [
  'hi', 'hello', 'hey', 'hiya', 'good morning', 'good afternoon', 'good evening', 'greetings', 'salam', 'salam alaikum', 'salaam',
  'hola', 'buenos dias', 'buenas tardes', 'buenas noches', 'buenas', 'que tal', 'saludos',
  'السلام عليكم', 'سلام عليكم', 'مرحبا', 'هلا', 'هلا والله', 'اهلا', 'صباح الخير', 'مساء الخير', 'هاي', 'السلام',
  // the other spellings and forms people type: "مسا الخير", "buen día", "good day", "q onda"
  'مسا الخير', 'مسا النور', 'صباح النور', 'مساء النور', 'يا هلا', 'buen dia', 'que onda', 'good day', 'hey there', 'hi there',
];

/** A phrase as a pattern on normalised text: plain phrases are normalised and escaped, patterns (any of `\ ( [ ? * + |`) kept. */
function source(p: string): string {
  if (/[\\([?*+|]/.test(p)) return p;
  return normalize(p).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
const anyOf = (phrases: string[], flags = 'u') =>
  new RegExp(`(?<![\\p{L}\\p{N}])(?:و(?=[\\u0621-\\u064a]))?(?:${[...new Set(phrases.map(source))].sort((a, b) => b.length - a.length).join('|')})(?![\\p{L}\\p{N}])`, flags);

const RX = {
  restart: anyOf(RESTART),
  handoff: anyOf(HANDOFF),
  reschedule: anyOf(RESCHEDULE),
  cancel: anyOf(CANCEL),
  list: anyOf(LIST),
  book: anyOf(BOOK),
  availability: anyOf(AVAILABILITY),
  thanks: anyOf(THANKS),
  /** The same lists with stretched letters folded, read on the folded message: "holaa", "thankss", "graciaaas", "heyyy". */
  thanksFolded: anyOf(THANKS.map(fold)),
  greetingFolded: anyOf(GREETING.map(fold)),
  /** "do you have …", "عندكم …", "tienen …": availability when a service is named. */
  haveYou: anyOf(['do you have', 'do you do', 'عندكم', 'فيه', 'tienen', 'hay', 'manejan']),
  greeting: anyOf(GREETING),
  myBooking: anyOf([MY_BOOKING]),
  myOwnBooking: anyOf([MY_OWN_BOOKING]),
  /** "… and book me for Saturday instead", "الغي … واحجزي لي السبت": a cancel that is a move. */
  rebook: anyOf([String.raw`instead`, String.raw`(?:can|could) (?:we|i) (?:do|come|make it)`, String.raw`chang[a-z]*\s+(?:it|that)\s+(?:to|for)`, 'mejor', 'agendame', 'agenda', 'otro dia', 'en vez', 'la puedo cambiar', 'بداله', 'بدالها', 'نخليه', 'نخليها', 'احجزي لي', 'خليه', 'اخليه', 'اخليها', 'نخليه', 'اغيره', 'اغيرها']),
};
const FAQ_RX = FAQ.map(([intent, phrases]) => [intent, anyOf(phrases, 'gu')] as const);
const CANCEL_START = new RegExp(`^(?:${CANCEL.map(source).join('|')})(?![\\p{L}\\p{N}])`, 'u');

/** The message opens with a cancel word ("cancel it", "cancela por favor", "الغيه"): its "no" is that word, not a refusal. */
export function startsWithCancel(text: string): boolean {
  return CANCEL_START.test(normalize(text));
}

export interface IntentHints {
  /** The message named a service (makes a bare request a booking). */
  hasBookingEntities: boolean;
  /** The bot is waiting for confirm: a bare "cancel" is a "no", not a cancellation. */
  expectingConfirm: boolean;
  /** A question of the booking flow is pending (time, staff, …): availability questions answer it. */
  answering?: boolean;
  /** A service or a kind of service is named ("massage", "عندكم مساج؟"). */
  mentionsService?: boolean;
}

export interface DetectedIntents {
  intent: Intent | null;
  /** Further questions after the first. */
  alsoAsks: FaqIntent[];
}

/** Every FAQ question in the message, in the order asked; of two overlapping cues the longer wins ("how much time" is duration). */
function faqs(s: string): FaqIntent[] {
  const hits: Array<{ intent: FaqIntent; start: number; end: number }> = [];
  for (const [intent, re] of FAQ_RX) {
    re.lastIndex = 0;
    for (let m = re.exec(s); m; m = re.exec(s)) hits.push({ intent, start: m.index, end: m.index + m[0].length });
  }
  const kept = hits.filter((h) => !hits.some((o) => o !== h && o.start <= h.start && h.end <= o.end && o.end - o.start > h.end - h.start));
  kept.sort((a, b) => a.start - b.start);
  return [...new Set(kept.map((h) => h.intent))];
}

export function detectIntents(text: string, hints: IntentHints): DetectedIntents {
  const s = normalize(text);
  const none: DetectedIntents = { intent: null, alsoAsks: [] };
  if (!s) return none;
  const one = (intent: Intent | null): DetectedIntents => ({ intent, alsoAsks: [] });
  if (RX.restart.test(s)) return one('restart');
  if (RX.handoff.test(s)) return one('handoff');
  const cancel = RX.cancel.test(s);
  const rebook = RX.rebook.test(s);
  if (RX.reschedule.test(s) || (rebook && (cancel || RX.myOwnBooking.test(s)))) return one('reschedule');
  if (cancel && !(hints.expectingConfirm && s.split(' ').length <= 2)) return one('cancel');
  if (RX.list.test(s)) return one('list');
  const asked = faqs(s);
  if (asked.length) {
    if (asked[0] === 'faq_hours' && /(?<![\p{L}])(book|reserv|cita|حجز|احجز)/u.test(s) && !/hours|horario|دوام/.test(s)) return one('book');
    return { intent: asked[0], alsoAsks: asked.slice(1) };
  }
  if (hints.hasBookingEntities || RX.book.test(s)) return one('book');
  if (!hints.answering && (RX.availability.test(s) || (hints.mentionsService && RX.haveYou.test(s)))) return one('book');
  const folded = fold(s);
  if (RX.thanks.test(s) || RX.thanksFolded.test(folded)) return one('thanks');
  if (RX.greeting.test(s) || RX.greetingFolded.test(folded)) return one('greeting');
  return none;
}

/** Does the message speak of a booking already made ("my appointment", "mi cita", "موعدي")? */
export const mentionsMyBooking = (text: string): boolean => RX.myOwnBooking.test(normalize(text));

/** Backwards-compatible single intent. */
export function detectIntent(text: string, hints: IntentHints): Intent | null {
  return detectIntents(text, hints).intent;
}

/** The intent rules' cue patterns: their words are the rules' own (leftover.ts), and what they match is explained. */
export const INTENT_PATTERNS: readonly RegExp[] = [...Object.values(RX), ...FAQ_RX.map(([, re]) => re)];
