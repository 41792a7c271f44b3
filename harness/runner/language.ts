/**
 * Which language a bot reply is in, as cheaply and robustly as possible:
 * Arabic by script, Spanish vs English by common function words. Replies that
 * are only names, numbers, links or prices say nothing (null) and are ignored.
 */
export type Language = 'en' | 'ar' | 'es';

const EN = new Set(
  'the you your is are what which would like please for with and to book booked time when thank thanks sorry shall it of have do can we our anyone name email on who here that this confirm'.split(' '),
);
const ES = new Set(
  'el la los las que qué de del para con por tu su es está cita hora gracias quieres quién cuál cual nombre correo sí reservar reserva una un y en mañana lo siento favor te le al cuando dónde'.split(' '),
);

const NOISE = /https?:\/\/\S+|\S+@\S+|[+\d][\d\s\-().:/]{3,}/g;

export function detectLanguage(text: string): Language | null {
  const clean = text.replace(NOISE, ' ');
  const letters = clean.match(/\p{L}/gu)?.length ?? 0;
  if (letters < 2) return null;
  const arabic = clean.match(/(?=\p{L})\p{Script=Arabic}/gu)?.length ?? 0;
  if (arabic / letters >= 0.3) return 'ar';
  let en = 0;
  let es = /[¿¡ñ]/.test(clean) ? 1 : 0;
  for (const word of clean.toLowerCase().match(/\p{L}+/gu) ?? []) {
    if (EN.has(word)) en++;
    if (ES.has(word)) es++;
  }
  // One common word is not evidence: "The Avenues" is a name, not English.
  if (en === es || Math.max(en, es) < 2) return null;
  return en > es ? 'en' : 'es';
}
