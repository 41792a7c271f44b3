/** Catalog names, money and times rendered for the customer's language. */
import { DateTime } from 'luxon';
import type { CatalogSnapshot, Language } from '../catalog/types';
import type { Render } from './templates';

const LOCALE: Record<Language, string> = { en: 'en', ar: 'ar-KW', es: 'es-MX' };
const BIDI_MARKS = /[\u200e\u200f\u061c]/g;

export function serviceName(snapshot: CatalogSnapshot, id: string, lang: Language): string {
  const s = snapshot.services.find((x) => x.id === id);
  if (!s) return id;
  return lang === 'ar' && s.nameAr ? s.nameAr : s.name;
}

export function locationName(snapshot: CatalogSnapshot, id: string, lang: Language): string {
  const l = snapshot.locations.find((x) => x.id === id);
  if (!l) return id;
  return lang === 'ar' && l.nameAr ? l.nameAr : l.name;
}

/** Her name as the catalog gives it in `lang` (the Arabic one where it has one); "anyone" for no one in particular. */
export function staffName(snapshot: CatalogSnapshot, id: string | 'any' | null, t: Render, lang: Language): string {
  if (!id || id === 'any') return t('anyone');
  const p = snapshot.staff.find((x) => x.id === id);
  if (!p) return id;
  return lang === 'ar' && p.nameAr ? p.nameAr : p.name;
}

/** Currency shown as its code ("KWD 10.000") except in Arabic, where the local symbol reads naturally. */
export function money(amount: number, currency: string, lang: Language): string {
  return new Intl.NumberFormat(LOCALE[lang], {
    style: 'currency',
    currency,
    currencyDisplay: lang === 'ar' ? 'symbol' : 'code',
  })
    .format(amount)
    .replace(BIDI_MARKS, '')
    .replace(/\u00a0/g, ' ');
}

function local(date: string, time: string | null, zone: string, lang: Language): DateTime {
  return DateTime.fromISO(time ? `${date}T${time}` : date, { zone }).setLocale(LOCALE[lang]);
}

const DAY = { weekday: 'long', day: 'numeric', month: 'long' } as const;

export function formatDate(date: string, zone: string, lang: Language): string {
  const d = local(date, null, zone, lang);
  // Spanish reads "lunes 7 de diciembre": the locale's own words and order, without the comma after the weekday
  if (lang === 'es') return d.toLocaleParts(DAY).map((p, i, all) => (p.type === 'literal' && all[i - 1]?.type === 'weekday' ? ' ' : p.value)).join('');
  return d.toLocaleString(DAY);
}

export function formatTime(date: string, time: string, zone: string, lang: Language): string {
  return local(date, time, zone, lang).toLocaleString({ hour: 'numeric', minute: '2-digit' }).replace(/\u202f/g, ' ');
}

/**
 * Day and time as one phrase. English and Arabic take the locale's pattern ("Monday, March 2 at 5:00 PM");
 * the Spanish one has no word between them ("lunes, 7 de diciembre, 10:00 a.m."), so it is joined the way
 * it is said: "el lunes 7 de diciembre a las 10:00 a.m." ("a la 1:00 p.m.").
 */
export function formatWhen(date: string, time: string, zone: string, lang: Language): string {
  if (lang === 'es') {
    const hour = local(date, time, zone, lang).hour % 12;
    return `el ${formatDate(date, zone, lang)} ${hour === 1 ? 'a la' : 'a las'} ${formatTime(date, time, zone, lang)}`;
  }
  return local(date, time, zone, lang).toLocaleString({ ...DAY, hour: 'numeric', minute: '2-digit' }).replace(/\u202f/g, ' ');
}

/** A time as said after a service: "at 5:00 PM", "الساعة ٥:٠٠ م", "a las 5:00 p.m." ("a la 1:00 p.m."). */
export function atTime(date: string, time: string, zone: string, lang: Language): string {
  const clock = formatTime(date, time, zone, lang);
  if (lang === 'es') return `${local(date, time, zone, lang).hour % 12 === 1 ? 'a la' : 'a las'} ${clock}`;
  return lang === 'ar' ? `الساعة ${clock}` : `at ${clock}`;
}

/** A weekday as a recurring day: "Fridays", "los viernes" (the article is the template's), "الجمعة". */
export function weekdays(date: string, lang: Language): string {
  const day = DateTime.fromISO(date).setLocale(LOCALE[lang]).toLocaleString({ weekday: 'long' });
  if (lang === 'en') return `${day}s`;
  // Spanish: "sábado" → "sábados", "domingo" → "domingos"; the weekdays ending in -s stay
  if (lang === 'es') return day.endsWith('s') ? day : `${day}s`;
  return day;
}

/**
 * Time options ("YYYY-MM-DDTHH:MM"): just the time when they all fall on `sameDay`; otherwise each day is
 * named once, before its first time ("Saturday, March 7 at 10:00 AM, 11:30 AM or Sunday, March 8 at 1:00 PM").
 */
export function formatOptionTimes(options: string[], sameDay: string | null, zone: string, lang: Language): string[] {
  const allSameDay = options.every((o) => o.slice(0, 10) === sameDay);
  return options.map((o, i) =>
    allSameDay || options[i - 1]?.slice(0, 10) === o.slice(0, 10)
      ? formatTime(o.slice(0, 10), o.slice(11), zone, lang)
      : formatWhen(o.slice(0, 10), o.slice(11), zone, lang),
  );
}

/** "a, b or c" in the customer's language. */
export function joinOr(items: string[], t: Render): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(t('sep'))}${t('or')}${items[items.length - 1]}`;
}

export function numbered(labels: string[], t: Render): string {
  return labels.map((label, i) => t('list_item', { n: i + 1, label })).join('\n');
}

const ARABIC_INDIC = '٠١٢٣٤٥٦٧٨٩';

/** Arabic replies use Arabic-Indic digits; links and e-mail addresses are left as they are. */
export function localizeDigits(text: string, lang: Language): string {
  if (lang !== 'ar') return text;
  return text.replace(/https?:\/\/\S+|\S+@\S+|\d/g, (m) => (m.length > 1 ? m : ARABIC_INDIC[Number(m)]));
}
