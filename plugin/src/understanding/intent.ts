/**
 * What the customer wants to do, from keyword phrases in en/ar/es. Phrase
 * tables rather than a classifier: deterministic, explainable, and a miss
 * only means the conversation engine keeps its current flow.
 */
import type { Intent } from './types';
import { normalize } from './normalize';

/** In priority order: the first intent with a hit wins. */
const PHRASES: Array<[Intent, string[]]> = [
  ['restart', [
    'start over', 'start again', 'restart', 'reset', 'from the beginning', 'from scratch', 'begin again', 'new booking',
    'empezar de nuevo', 'volver a empezar', 'reiniciar', 'desde el principio', 'desde cero', 'empecemos de nuevo', 'de nuevo desde',
    'من البدايه', 'من جديد', 'ابدا من جديد', 'نبدا من جديد', 'خلنا نبدا', 'من الاول', 'ريستارت',
  ]],
  ['handoff', [
    'human', 'real person', 'a person', 'agent', 'representative', 'customer service', 'talk to someone', 'speak to someone', 'speak to a', 'talk to a',
    'call me', 'manager', 'operator', 'someone real', 'live chat',
    'humano', 'una persona', 'asesor', 'agente', 'hablar con alguien', 'atencion al cliente', 'llamenme', 'llamame', 'gerente', 'encargado',
    'موظف', 'موظفه خدمه', 'خدمه العملاء', 'شخص حقيقي', 'انسان', 'اكلم احد', 'ابي اكلم', 'ابغي اكلم', 'اتصلوا علي', 'كلموني', 'المدير', 'المسؤول',
  ]],
  ['reschedule', [
    'reschedule', 're-schedule', 'change my appointment', 'change my booking', 'change the appointment', 'change the booking', 'move my appointment',
    'move my booking', 'postpone', 'change the time of my', 'different time for my', 'move it to',
    'reprogramar', 'cambiar mi cita', 'cambiar la cita', 'mover mi cita', 'cambiar mi reserva', 'posponer', 'cambiar la hora de mi',
    'تغيير الموعد', 'اغير الموعد', 'غير موعدي', 'اغير موعدي', 'تاجيل', 'اجل الموعد', 'اأجل', 'اجل موعدي', 'تغيير موعدي', 'تعديل الموعد', 'ابي اغير',
  ]],
  ['cancel', [
    'cancel', 'cancellation', 'call off',
    'cancelar', 'cancela', 'cancelacion', 'anular', 'cancelala', 'cancelalo',
    'الغاء', 'الغي', 'الغيه', 'الغيها', 'الغ', 'كنسل', 'كانسل', 'ابي الغي',
  ]],
  ['list', [
    'my bookings', 'my appointments', 'my booking', 'my appointment', 'my reservations', 'what did i book', 'when is my', 'upcoming appointments',
    'do i have an appointment', 'do i have a booking', 'show my',
    'mis citas', 'mi cita', 'mis reservas', 'mi reserva', 'tengo cita', 'cuando es mi',
    'مواعيدي', 'حجوزاتي', 'موعدي', 'حجزي', 'عندي موعد', 'متي موعدي',
  ]],
  ['faq_price', [
    'price', 'prices', 'cost', 'costs', 'how much', 'pricing', 'rate', 'rates', 'fee', 'charge',
    'precio', 'precios', 'cuanto cuesta', 'cuanto es', 'cuanto sale', 'cuanto cobran', 'costo', 'tarifa',
    'سعر', 'السعر', 'الاسعار', 'اسعار', 'بكم', 'كم سعر', 'كم السعر', 'كم يكلف', 'كم الحساب', 'التكلفه', 'كم حق',
  ]],
  ['faq_hours', [
    'opening hours', 'hours', 'what time do you open', 'what time do you close', 'when do you open', 'when do you close', 'are you open', 'open on',
    'open today', 'open tomorrow', 'closing time', 'working hours', 'business hours', 'open until',
    'horario', 'horarios', 'a que hora abren', 'a que hora cierran', 'estan abiertos', 'abren', 'cierran', 'hasta que hora',
    'الدوام', 'دوامكم', 'ساعات العمل', 'متي تفتحون', 'متي تسكرون', 'متي تقفلون', 'مفتوحين', 'تفتحون', 'تسكرون', 'اوقات العمل', 'مواعيد العمل',
  ]],
  ['faq_address', [
    'address', 'where are you', 'where is', 'location of', 'directions', 'how do i get', 'how to get', 'where exactly', 'google maps', 'map',
    'direccion', 'donde estan', 'donde queda', 'ubicacion', 'como llego', 'donde se encuentran', 'ubicados',
    'العنوان', 'عنوانكم', 'وين', 'وينكم', 'موقعكم', 'الموقع', 'اللوكيشن', 'لوكيشن', 'كيف اوصل', 'وين مكانكم',
  ]],
  ['faq_services', [
    'what services', 'which services', 'services do you', 'what do you offer', 'what do you have', 'what do you do', 'menu', 'service list',
    'list of services', 'your services', 'treatments do you', 'options do you have',
    'que servicios', 'servicios', 'que ofrecen', 'que tienen', 'que hacen', 'lista de precios y servicios', 'catalogo',
    'الخدمات', 'خدماتكم', 'شو عندكم', 'وش عندكم', 'شنو عندكم', 'ايش عندكم', 'قائمه', 'المنيو', 'منيو', 'شنو الخدمات',
  ]],
  ['book', [
    'book', 'booking', 'appointment', 'reserve', 'reservation', 'schedule', 'slot', 'i want', "i'd like", 'id like', 'i would like', 'can i get',
    'can i have', 'i need', 'available', 'availability',
    'reservar', 'reserva', 'cita', 'agendar', 'apartar', 'quiero', 'quisiera', 'me gustaria', 'necesito', 'hay lugar', 'tienen lugar', 'hay espacio', 'tienen espacio', 'disponible',
    'حجز', 'احجز', 'موعد', 'ابي', 'ابغي', 'ابغا', 'بغيت', 'ودي', 'اريد', 'ممكن', 'متوفر', 'فاضي', 'احجزي', 'احجزلي', 'حجزلي',
  ]],
  ['greeting', [
    'hi', 'hello', 'hey', 'hiya', 'good morning', 'good afternoon', 'good evening', 'greetings', 'yo',
    'hola', 'buenos dias', 'buenas tardes', 'buenas noches', 'buenas', 'que tal', 'saludos',
    'السلام عليكم', 'سلام عليكم', 'مرحبا', 'هلا', 'هلا والله', 'اهلا', 'صباح الخير', 'مساء الخير', 'هاي', 'السلام',
  ]],
];

/** The phrases as alternatives, longest first, on normalised text. */
const alternatives = (phrases: string[]) =>
  [...new Set(phrases.map(normalize))].sort((a, b) => b.length - a.length).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');

/** Each phrase as a whole-word pattern on normalised text. */
const TABLE: Array<[Intent, RegExp]> = PHRASES.map(([intent, phrases]) => [intent, new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives(phrases)})(?![\\p{L}\\p{N}])`, 'u')]);

const CANCEL_START = new RegExp(`^(?:${alternatives(PHRASES.find(([intent]) => intent === 'cancel')![1])})`, 'u');

/** The message opens with a cancel word ("cancel it", "cancela por favor", "الغيه"): its "no" is that word, not a refusal. */
export function startsWithCancel(text: string): boolean {
  return CANCEL_START.test(normalize(text));
}

export interface IntentHints {
  /** The message named a service (makes a bare request a booking). */
  hasBookingEntities: boolean;
  /** The bot is waiting for confirm: a bare "cancel" is a "no", not a cancellation. */
  expectingConfirm: boolean;
}

export function detectIntent(text: string, hints: IntentHints): Intent | null {
  const s = normalize(text);
  if (!s) return null;
  for (const [intent, re] of TABLE) {
    if (!re.test(s)) continue;
    if (intent === 'cancel' && hints.expectingConfirm && s.split(' ').length <= 2) continue;
    if (intent === 'faq_hours' && /(?<![\p{L}])(book|reserv|cita|حجز|احجز)/u.test(s) && !/hours|horario|دوام/.test(s)) continue;
    // "where is" etc. can be part of a booking request; booking words + entities win over a greeting.
    if (intent === 'greeting' && hints.hasBookingEntities) return 'book';
    return intent;
  }
  return hints.hasBookingEntities ? 'book' : null;
}
