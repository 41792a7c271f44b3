/**
 * Which of our three languages a message is in, or null when it cannot be
 * told ("5pm", "ok", a bare name). Script decides Arabic; for Latin text we
 * count marker words — a general language-ID library would need far more
 * text than a WhatsApp reply to be reliable.
 */
import type { Language } from '../catalog/types';
import { normalize, tokenize } from './normalize';

const ES = new Set([
  'quiero', 'quisiera', 'para', 'mañana', 'manana', 'hola', 'cita', 'por', 'favor', 'gracias', 'las', 'los', 'una', 'uno', 'con', 'de', 'del', 'la', 'el',
  'y', 'si', 'sí', 'claro', 'dale', 'va', 'vale', 'hoy', 'tarde', 'noche', 'corte', 'barba', 'me', 'llamo', 'mi', 'es', 'esta', 'está', 'que', 'qué',
  'cuanto', 'cuánto', 'cuesta', 'donde', 'dónde', 'horario', 'cancelar', 'cualquiera', 'pasado', 'lunes', 'martes', 'miercoles', 'jueves', 'viernes',
  'sabado', 'domingo', 'buenos', 'buenas', 'dias', 'días', 'reservar', 'agendar', 'tienen', 'hay', 'nombre', 'correo', 'soy', 'segunda', 'primera',
  'bueno', 'perfecto', 'sale', 'orale', 'porfa', 'ahora', 'mejor', 'pelo', 'cabello', 'uñas', 'manicura', 'pedicura', 'masaje', 'nada', 'pero',
  'también', 'tambien', 'mis', 'citas', 'correo', 'número', 'numero', 'semana', 'opcion', 'correcto', 'cuál', 'cual', 'puedo', 'puede', 'quien', 'sea', 'igual', 'da', 'al', 'en', 'a', 'o', 'lo', 'le', 'se', 'te', 'un', 'todo', 'no', 'sin',
]);
const EN = new Set([
  'the', 'i', 'want', 'book', 'please', 'tomorrow', 'at', 'with', 'my', 'is', 'for', 'a', 'an', 'and', 'to', 'can', 'you', 'do', 'have', 'today',
  'yes', 'yeah', 'sure', 'hi', 'hello', 'hey', 'thanks', 'thank', 'name', 'what', 'where', 'when', 'how', 'much', 'price', 'open', 'anyone',
  'appointment', 'cancel', 'reschedule', 'next', 'this', 'evening', 'morning', 'afternoon', 'tonight', 'would', 'like', 'need', 'get', 'me',
  'it', 'that', 'of', 'on', 'in', 'are', 'be', 'fine', 'good', 'great', 'okay', 'actually', 'make', 'change', 'instead', 'pm', 'am', 'one',
  'second', 'first', 'third', 'option', 'no', 'not', 'any', 'whoever', 'nails', 'hair', 'manicure', 'pedicure', 'massage', 'haircut', 'monday',
  'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'human', 'agent', 'hours', 'address', 'services', 'also', 'just',
  'start', 'over', 'preference', 'again', 'days', 'week', 'bookings', 'appointments', 'show', 'email', 'number', 'phone', 'yes', 'nope', 'correct',
]);
/** Words common to both lists carry no weight. */
const SHARED = new Set([...ES].filter((w) => EN.has(w)));

export function detectLanguage(text: string): Language | null {
  const s = normalize(text);
  if (!s) return null;
  const arabic = (s.match(/[\u0621-\u064a]/g) ?? []).length;
  const latin = (s.match(/[a-zñ]/g) ?? []).length;
  if (arabic > 0 && arabic >= latin) return 'ar';
  if (latin === 0) return null;
  let es = /[ñ¿¡]|[áéíóú]/i.test(text) ? 2 : 0;
  let en = /\b(i'm|i'd|don't|it's|what's)\b/i.test(text) ? 2 : 0;
  for (const t of tokenize(s)) {
    if (SHARED.has(t)) continue;
    if (ES.has(t)) es++;
    if (EN.has(t)) en++;
  }
  if (es === en) return null;
  // A one-word message of two letters or fewer ("a", "me") is not enough, except real answers.
  const only = tokenize(s);
  if (only.length === 1 && only[0].length <= 2 && !['si', 'hi', 'va'].includes(only[0])) return null;
  return es > en ? 'es' : 'en';
}
