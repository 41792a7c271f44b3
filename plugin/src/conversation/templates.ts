/**
 * Every customer-facing string, per language, in one place. Owners override
 * any of them from the plugin configuration (bot studio); `{name}` is a
 * placeholder filled by the engine.
 */
import type { Language } from '../catalog/types';

const en = {
  greeting: 'Hi! Welcome to {business}.',
  summary: 'So far: {items}',
  sep: ', ',
  or: ' or ',
  anyone: 'anyone',
  item_with_staff: '{service} with {staff}',
  list_item: '{n}. {label}',

  ask_location: 'Which branch would you like: {options}?',
  ask_location_retry: "Sorry, I couldn't match that to one of our branches. We're at {options}. Which one suits you?",
  ask_location_list: 'Please reply with the number of the branch:\n{list}',
  ask_services: 'What would you like to book? For example {options}.',
  ask_services_retry: "Sorry, I couldn't find that service at {location}. We offer, for example, {options}. Which would you like?",
  ask_services_list: 'Please reply with the number of the service:\n{list}',
  ask_staff: 'Who would you like for {services}: {options}?',
  ask_staff_retry: 'Sorry, I need someone who does {services} at {location}. You can pick {options}.',
  ask_staff_list: 'Please reply with a number:\n{list}',
  ask_time: 'What day and time would suit you?',
  ask_time_date: 'What time on {date}? Free times include {options}.',
  ask_time_retry: 'Here are some free times: {options}. Which one would you like?',
  ask_time_list: 'Please reply with the number of the time you would like:\n{list}',
  ask_time_none: "Sorry, I can't see any free time for that in the coming week. Would another day suit you?",
  ask_name: 'What name should I put the booking under?',
  ask_name_profile: 'Shall I put the booking under {profile}, or another name?',
  ask_name_retry: "Sorry, I didn't get your name. Please type just your name, for example Sara Ahmed.",
  ask_phone: 'What phone number can we reach you on?',
  ask_phone_retry: "That doesn't look like a phone number. Please send it with the country code, for example {example}.",
  ask_email: 'What email address should the confirmation go to?',
  ask_email_retry: "That doesn't look like an email address. Please send it like name@example.com.",
  ask_confirm: 'Here is your booking:\n{details}\nShall I book it?',
  ask_confirm_retry: 'Please reply yes to book it, or no to change something.',
  ask_change: 'No problem. What would you like to change?',
  confirmed: "Great, I'm booking it now.",

  line_item: '• {when}: {service} with {staff} ({price})',
  line_location: 'Branch: {value}',
  line_total: 'Total: {value}',
  line_name: 'Name: {value}',
  line_phone: 'Phone: {value}',
  line_email: 'Email: {value}',

  note_time_unavailable: 'Sorry, {when} is not free.',
  note_alternatives: 'The nearest free times are {options}.',
  note_time_past: '{when} has already passed.',
  note_service_not_at_location: '{services} is not offered at {location}.',
  note_services_dropped: "{services} is not offered at {location}, so I've taken it off.",
  note_staff_not_at_location: '{staff} works at {other}, not at {location}.',
  note_staff_cannot_do: "{staff} doesn't do {services}.",
  note_truncated: 'Your message was very long, so I only read the beginning.',
  note_restart: "Sure, let's start over.",

  invalid_input: "Sorry, I couldn't read that message.",
  handoff: "I'll ask a member of our team to help you. They will reply here shortly.",
  handoff_pending: "A member of our team will reply here shortly. You can also say 'start over' to book again.",
  other_flow: 'For now I can only make new bookings here. A member of our team will reply here shortly to help you with that.',

  faq_price: 'Prices:\n{list}',
  faq_price_line: '{service}: {price}',
  faq_hours: 'Opening hours at {location}:\n{hours}',
  faq_hours_line: '{days}: {range}',
  closed: 'closed',
  faq_address: '{location}: {address}',
  faq_services: 'Our services at {location}:\n{list}',
  faq_services_all: 'Our services:\n{list}',
  faq_services_line: '{service} ({price})',
};

export type TemplateKey = keyof typeof en;
export type TemplateSet = Record<TemplateKey, string>;
export type TemplateOverrides = Partial<Record<Language, Partial<Record<TemplateKey, string>>>>;

const ar: TemplateSet = {
  greeting: 'هلا والله! حياك في {business}.',
  summary: 'اخترت لين الحين: {items}',
  sep: '، ',
  or: ' أو ',
  anyone: 'أي موظفة',
  item_with_staff: '{service} مع {staff}',
  list_item: '{n}. {label}',

  ask_location: 'أي فرع يناسبك: {options}؟',
  ask_location_retry: 'آسفين، ما قدرت أعرف الفرع. فروعنا: {options}. أي واحد يناسبك؟',
  ask_location_list: 'رد علي برقم الفرع لو سمحت:\n{list}',
  ask_services: 'شنو الخدمة اللي تبينها؟ مثلاً {options}.',
  ask_services_retry: 'آسفين، ما لقيت هالخدمة في {location}. عندنا مثلاً {options}. شنو تبين؟',
  ask_services_list: 'رد علي برقم الخدمة لو سمحت:\n{list}',
  ask_staff: 'منو تبين لـ {services}: {options}؟',
  ask_staff_retry: 'آسفين، أحتاج موظفة تسوي {services} في {location}. تقدرين تختارين {options}.',
  ask_staff_list: 'رد علي بالرقم لو سمحت:\n{list}',
  ask_time: 'أي يوم وأي ساعة تناسبك؟',
  ask_time_date: 'أي ساعة يوم {date}؟ من الأوقات المتاحة: {options}.',
  ask_time_retry: 'هذي بعض الأوقات المتاحة: {options}. أي واحد تبين؟',
  ask_time_list: 'رد علي برقم الوقت اللي تبينه لو سمحت:\n{list}',
  ask_time_none: 'آسفين، ما في وقت متاح لهالخدمة خلال الأسبوع الجاي. يناسبك يوم ثاني؟',
  ask_name: 'باسم منو أسجل الحجز؟',
  ask_name_profile: 'أسجل الحجز باسم {profile} ولا باسم ثاني؟',
  ask_name_retry: 'آسفين، ما فهمت الاسم. اكتبي اسمك بس لو سمحتي، مثلاً سارة أحمد.',
  ask_phone: 'شنو رقم تلفونك للتواصل؟',
  ask_phone_retry: 'هذا ما يبين رقم تلفون. أرسليه مع مفتاح الدولة، مثلاً {example}.',
  ask_email: 'شنو إيميلك عشان نرسل لك التأكيد؟',
  ask_email_retry: 'هذا ما يبين إيميل. أرسليه بهالشكل name@example.com.',
  ask_confirm: 'هذي تفاصيل حجزك:\n{details}\nأأكد الحجز؟',
  ask_confirm_retry: 'ردي بـ "إي" عشان أأكد الحجز، أو "لا" عشان تغيرين شي.',
  ask_change: 'ولا يهمك. شنو تبين تغيرين؟',
  confirmed: 'تمام، قاعد أأكد الحجز الحين.',

  line_item: '• {when}: {service} مع {staff} ({price})',
  line_location: 'الفرع: {value}',
  line_total: 'المجموع: {value}',
  line_name: 'الاسم: {value}',
  line_phone: 'التلفون: {value}',
  line_email: 'الإيميل: {value}',

  note_time_unavailable: 'آسفين، {when} مو متاح.',
  note_alternatives: 'أقرب الأوقات المتاحة: {options}.',
  note_time_past: '{when} راح وقته.',
  note_service_not_at_location: '{services} مو متوفرة في {location}.',
  note_services_dropped: '{services} مو متوفرة في {location}، فشلتها من الحجز.',
  note_staff_not_at_location: '{staff} تشتغل في {other}، مو في {location}.',
  note_staff_cannot_do: '{staff} ما تسوي {services}.',
  note_truncated: 'رسالتك طويلة وايد، فقريت أولها بس.',
  note_restart: 'أكيد، خلنا نبدأ من جديد.',

  invalid_input: 'آسفين، ما قدرت أقرا هالرسالة.',
  handoff: 'بخلي وحدة من فريقنا تساعدك، بترد عليك هني قريب.',
  handoff_pending: 'وحدة من فريقنا بترد عليك هني قريب. وتقدرين تقولين "نبدأ من جديد" عشان تحجزين.',
  other_flow: 'حالياً أقدر أسوي حجوزات جديدة بس. وحدة من فريقنا بترد عليك هني قريب وتساعدك.',

  faq_price: 'الأسعار:\n{list}',
  faq_price_line: '{service}: {price}',
  faq_hours: 'مواعيد الدوام في {location}:\n{hours}',
  faq_hours_line: '{days}: {range}',
  closed: 'مسكر',
  faq_address: '{location}: {address}',
  faq_services: 'خدماتنا في {location}:\n{list}',
  faq_services_all: 'خدماتنا:\n{list}',
  faq_services_line: '{service} ({price})',
};

const es: TemplateSet = {
  greeting: '¡Hola! Bienvenido a {business}.',
  summary: 'Hasta ahora: {items}',
  sep: ', ',
  or: ' o ',
  anyone: 'cualquiera',
  item_with_staff: '{service} con {staff}',
  list_item: '{n}. {label}',

  ask_location: '¿En qué sucursal te gustaría: {options}?',
  ask_location_retry: 'Perdón, no encontré esa sucursal. Estamos en {options}. ¿Cuál te queda mejor?',
  ask_location_list: 'Por favor responde con el número de la sucursal:\n{list}',
  ask_services: '¿Qué te gustaría agendar? Por ejemplo {options}.',
  ask_services_retry: 'Perdón, no encontré ese servicio en {location}. Tenemos, por ejemplo, {options}. ¿Cuál quieres?',
  ask_services_list: 'Por favor responde con el número del servicio:\n{list}',
  ask_staff: '¿Quién te gustaría que te atienda para {services}: {options}?',
  ask_staff_retry: 'Perdón, necesito a alguien que haga {services} en {location}. Puedes elegir {options}.',
  ask_staff_list: 'Por favor responde con un número:\n{list}',
  ask_time: '¿Qué día y a qué hora te gustaría?',
  ask_time_date: '¿A qué hora el {date}? Hay lugar, por ejemplo, a las {options}.',
  ask_time_retry: 'Estos horarios están libres: {options}. ¿Cuál prefieres?',
  ask_time_list: 'Por favor responde con el número del horario que prefieras:\n{list}',
  ask_time_none: 'Perdón, no veo horarios libres para eso en la próxima semana. ¿Te funciona otro día?',
  ask_name: '¿A nombre de quién hago la reserva?',
  ask_name_profile: '¿Hago la reserva a nombre de {profile} o de otra persona?',
  ask_name_retry: 'Perdón, no entendí tu nombre. Escribe solo tu nombre, por ejemplo Ana López.',
  ask_phone: '¿A qué número de teléfono te podemos contactar?',
  ask_phone_retry: 'Eso no parece un número de teléfono. Envíalo con lada internacional, por ejemplo {example}.',
  ask_email: '¿A qué correo te enviamos la confirmación?',
  ask_email_retry: 'Eso no parece un correo. Envíalo así: nombre@ejemplo.com.',
  ask_confirm: 'Esta es tu reserva:\n{details}\n¿La agendo?',
  ask_confirm_retry: 'Responde sí para agendarla, o no para cambiar algo.',
  ask_change: 'Claro. ¿Qué te gustaría cambiar?',
  confirmed: '¡Perfecto, la estoy agendando!',

  line_item: '• {when}: {service} con {staff} ({price})',
  line_location: 'Sucursal: {value}',
  line_total: 'Total: {value}',
  line_name: 'Nombre: {value}',
  line_phone: 'Teléfono: {value}',
  line_email: 'Correo: {value}',

  note_time_unavailable: 'Perdón, {when} no está disponible.',
  note_alternatives: 'Los horarios libres más cercanos son {options}.',
  note_time_past: '{when} ya pasó.',
  note_service_not_at_location: '{services} no se ofrece en {location}.',
  note_services_dropped: '{services} no se ofrece en {location}, así que lo quité.',
  note_staff_not_at_location: '{staff} trabaja en {other}, no en {location}.',
  note_staff_cannot_do: '{staff} no hace {services}.',
  note_truncated: 'Tu mensaje era muy largo, así que solo leí el principio.',
  note_restart: 'Claro, empecemos de nuevo.',

  invalid_input: 'Perdón, no pude leer ese mensaje.',
  handoff: 'Le pediré a alguien de nuestro equipo que te ayude. Te responderá aquí en breve.',
  handoff_pending: "Alguien de nuestro equipo te responderá aquí en breve. También puedes decir 'empezar de nuevo' para agendar.",
  other_flow: 'Por ahora aquí solo puedo hacer reservas nuevas. Alguien de nuestro equipo te responderá aquí en breve para ayudarte con eso.',

  faq_price: 'Precios:\n{list}',
  faq_price_line: '{service}: {price}',
  faq_hours: 'Horario de {location}:\n{hours}',
  faq_hours_line: '{days}: {range}',
  closed: 'cerrado',
  faq_address: '{location}: {address}',
  faq_services: 'Nuestros servicios en {location}:\n{list}',
  faq_services_all: 'Nuestros servicios:\n{list}',
  faq_services_line: '{service} ({price})',
};

export const DEFAULT_TEMPLATES: Record<Language, TemplateSet> = { en, ar, es };

export type Render = (key: TemplateKey, vars?: Record<string, string | number>) => string;

/** Renderer for one language; an owner's override wins over the default. */
export function templater(lang: Language, overrides?: TemplateOverrides): Render {
  return (key, vars = {}) => {
    const text = overrides?.[lang]?.[key] ?? DEFAULT_TEMPLATES[lang][key];
    return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
  };
}
