/**
 * A tiny scripted booking bot behind the ScenarioTarget port, for the
 * runner's own tests only (real scenarios run through the plugin). It knows a
 * handful of words, asks location → services → staff → time → name → email →
 * confirm, and can break a conversation rule on purpose (`defects`) so tests
 * can see each invariant fire.
 */
import type { Askable } from '../schema';
import type { ScenarioSession, ScenarioTarget, TargetGiven, TurnObservation, WorldObservation } from '../target';

export type Defect = 'reask-filled' | 'repeat-question' | 'live-catalog' | 'book-without-yes' | 'wrong-language' | 'duplicate-message' | 'empty-message';

export interface FakeTargetOptions {
  defects?: Defect[];
}

type Lang = 'en' | 'es' | 'ar';
/** It only books: the cancel / reschedule questions are the plugin's. */
type Slot = Exclude<Askable, 'confirm' | 'booking' | 'confirm_cancel'>;
const ORDER: Slot[] = ['location', 'services', 'staff', 'time', 'name', 'email'];

const QUESTIONS: Record<Lang, Record<Slot | 'confirm', string>> = {
  en: { location: 'Which branch would you like?', services: 'Which service would you like?', staff: 'Who would you like: Sara, Maria or anyone?', time: 'What day and time suit you?', name: 'What name should I book it under?', phone: 'What is your phone number?', email: 'What is your email?', confirm: 'Shall I book it?' },
  es: { location: '¿En qué sucursal quieres tu cita?', services: '¿Qué servicio quieres?', staff: '¿Con quién quieres tu cita: Sara, Maria o cualquiera?', time: '¿Qué día y hora te queda bien?', name: '¿A nombre de quién hago la reserva?', phone: '¿Cuál es tu teléfono?', email: '¿Cuál es tu correo?', confirm: '¿Confirmo la reserva?' },
  ar: { location: 'أي فرع تفضلين؟', services: 'أي خدمة تريدين؟', staff: 'مع من تفضلين: سارة، ماريا أو أي أحد؟', time: 'ما اليوم والوقت المناسب لك؟', name: 'باسم من أحجز؟', phone: 'ما رقم هاتفك؟', email: 'ما بريدك الإلكتروني؟', confirm: 'هل أؤكد الحجز؟' },
};
const RETRY: Record<Lang, string> = { en: 'Sorry, I did not get the time. Please pick: 1) 5 PM 2) 6 PM', es: 'Perdón, no entendí la hora. Elige: 1) 5 PM 2) 6 PM', ar: 'عذراً، لم أفهم الوقت. اختاري: ١) ٥ مساءً ٢) ٦ مساءً' };
const BOOKED: Record<Lang, string> = { en: 'Booked! Pay here: ', es: '¡Listo! Paga aquí: ', ar: 'تم الحجز! ادفعي هنا: ' };
const HANDOFF: Record<Lang, string> = { en: 'Sorry, I am passing you to a colleague.', es: 'Lo siento, te paso con una colega.', ar: 'عذراً، سأحولك إلى زميلة.' };

const WORDS: Array<[RegExp, Slot, string]> = [
  [/avenues|الأفنيوز/i, 'location', 'The Avenues'],
  [/marina|مارينا/i, 'location', 'Marina Mall'],
  [/gel|جل/i, 'services', 'Gel Manicure'],
  [/pedicure|pedicura/i, 'services', 'Classic Pedicure'],
  [/sara|سارة/i, 'staff', 'Sara'],
  [/anyone|cualquiera|أي أحد/i, 'staff', 'anyone'],
];

interface Chat {
  lang: Lang;
  slots: Partial<Record<Slot, string>>;
  asked: Slot | 'confirm' | null;
  done: boolean;
}

export function createFakeTarget(options: FakeTargetOptions = {}): ScenarioTarget {
  const has = (d: Defect) => options.defects?.includes(d) ?? false;
  return {
    async open(given: TargetGiven) {
      let now = Date.parse(given.now);
      const chats = new Map<string, Chat>();
      const seen = new Set<string>();
      const world: WorldObservation = { bookings: [], providerOrders: 0, providerCalls: [], events: [] };
      const addOrderFault = given.faults.find((f) => f.endpoint === 'AddOrder' && f.kind !== 'latency');

      const turn = (phone: string, text: string): TurnObservation => {
        const customer = given.customers.find((c) => c.phone === phone)!;
        const chat = chats.get(phone) ?? { lang: customer.language, slots: { phone }, asked: null, done: false };
        chats.set(phone, chat);
        const before = { ...chat.slots };
        const o: TurnObservation = { ...idle(chat.lang), outcome: 'asked', liveCatalogCalls: has('live-catalog') ? 1 : 0 };
        const lang: Lang = has('wrong-language') ? 'en' : chat.lang;
        understand(chat, text, now, o);
        if (chat.asked === 'confirm' && /^(yes|sí|si|نعم)\b/i.test(text.trim())) {
          o.confirmedByYes = true;
          world.providerCalls.push({ endpoint: 'AddOrder' });
          if (addOrderFault) {
            o.replies.push(HANDOFF[lang]);
            Object.assign(o, { handoff: true, outcome: 'handoff', asked: null });
            world.events.push({ name: 'handoffRequested' });
          } else {
            book(world, chat, phone, o);
            o.replies.push(BOOKED[lang] + o.paymentLink);
            o.outcome = 'confirmed';
          }
          chat.asked = null;
        } else {
          let next: Slot | 'confirm' = ORDER.find((s) => !chat.slots[s]) ?? 'confirm';
          if (has('reask-filled') && chat.slots.staff && next !== 'confirm') next = 'staff';
          if (has('repeat-question') && chat.asked) next = chat.asked;
          if (has('book-without-yes') && next === 'confirm') book(world, chat, phone, o);
          const summary = Object.values(chat.slots).filter((v) => v && v !== phone).join(', ');
          const question = o.answerFailedValidation && next === chat.asked ? RETRY[lang] : QUESTIONS[lang][next];
          o.replies.push(summary ? `${summary}\n${question}` : question);
          o.asked = chat.asked = next;
          if (next === 'confirm') o.outcome = 'ready_to_confirm';
        }
        if (has('duplicate-message')) o.replies.push(o.replies[0]);
        if (has('empty-message')) o.replies.push('');
        o.filled = Object.keys(chat.slots).filter((k) => chat.slots[k as Slot]);
        o.changed = o.filled.filter((k) => before[k as Slot] !== chat.slots[k as Slot]);
        o.state = { phase: chat.done ? 'confirmed' : 'collecting', slots: { ...chat.slots } };
        return o;
      };

      const session: ScenarioSession = {
        async send(customer, text, { externalId }) {
          seen.add(externalId);
          return turn(customer, text);
        },
        async deliverAgain(customer, externalId) {
          if (!seen.has(externalId)) throw new Error(`unknown message ${externalId}`);
          // Deduplicated: nothing runs, nothing is said.
          const chat = chats.get(customer)!;
          return { ...idle(chat.lang), filled: Object.keys(chat.slots), state: { slots: { ...chat.slots } } };
        },
        async restart() {},
        async advanceClock(ms) {
          now += ms;
        },
        async unsolicited(customer) {
          return idle(chats.get(customer)?.lang ?? 'en');
        },
        async observe() {
          return structuredClone(world);
        },
        async close() {},
      };
      return session;
    },
  };
}

function idle(language: Lang): TurnObservation {
  return {
    replies: [], asked: null, filled: [], changed: [], invalidated: [], answerFailedValidation: false, outcome: null,
    state: {}, language, handoff: false, paymentLink: null, liveCatalogCalls: 0, ordersCreated: 0, confirmedByYes: false,
  };
}

function understand(chat: Chat, text: string, now: number, o: TurnObservation): void {
  for (const [re, slot, value] of WORDS) {
    if (!re.test(text)) continue;
    if (slot === 'location' && chat.slots.location && chat.slots.location !== value) {
      o.invalidated.push('staff', 'time');
      delete chat.slots.staff;
      delete chat.slots.time;
    }
    chat.slots[slot] = value;
  }
  const time = /(\d{1,2})\s*(pm|am)\b/i.exec(text);
  if (time) {
    const day = new Date(now + 86_400_000).toISOString().slice(0, 10);
    const hour = (Number(time[1]) % 12) + (time[2].toLowerCase() === 'pm' ? 12 : 0);
    chat.slots.time = `${day}T${String(hour).padStart(2, '0')}:00`;
  } else if (chat.asked === 'time') o.answerFailedValidation = true;
  const email = /\S+@\S+\.\w+/.exec(text);
  if (email) chat.slots.email = email[0];
  else if (chat.asked === 'name' && /\p{L}/u.test(text)) chat.slots.name = text.trim();
}

function book(world: WorldObservation, chat: Chat, phone: string, o: TurnObservation): void {
  world.providerOrders++;
  o.ordersCreated++;
  o.paymentLink = `https://pay.example/o${world.providerOrders}`;
  chat.done = true;
  const s = chat.slots;
  world.bookings.push({ service: s.services ?? '', location: s.location ?? '', staff: s.staff === 'anyone' ? null : s.staff ?? null, start: s.time ?? '', status: 'confirmed', customer: phone });
  world.events.push({ name: 'bookingConfirmed' });
}

/**
 * The fake as `bookwell test --target` loads it (in each vitest worker).
 * BOOKWELL_FAKE_TARGET=flaky: every other scenario run makes a live catalog call (fails).
 */
export function createTarget(): ScenarioTarget {
  if (process.env.BOOKWELL_FAKE_TARGET !== 'flaky') return createFakeTarget();
  let n = 0;
  return { open: (given, ctx) => createFakeTarget({ defects: n++ % 2 ? ['live-catalog'] : [] }).open(given, ctx) };
}
