/**
 * Sample values for every placeholder the templates use, per language, from
 * the business's own catalog (its first branch, a service there and someone
 * who does it, tomorrow at 17:00 on the branch's clock), so a preview reads
 * like a real message. Phones, names and links are invented.
 */
import { DateTime } from 'luxon';
import type { CatalogSnapshot, Language } from '../../../catalog/types';
import { formatDate, formatTime, formatWhen, locationName, money, serviceName } from '../../../conversation/format';
import { templater } from '../../../conversation/templates';

const PEOPLE: Record<Language, { customer: string; phone: string; example: string }> = {
  en: { customer: 'Sara Ahmed', phone: '+96599887766', example: '+965 9988 7766' },
  ar: { customer: 'سارة أحمد', phone: '+96599887766', example: '+965 9988 7766' },
  es: { customer: 'Ana López', phone: '+5215512345678', example: '+52 55 1234 5678' },
};

export function sampleValues(snapshot: CatalogSnapshot, lang: Language, now: Date): Record<string, string | number> {
  const t = templater(lang);
  const loc = snapshot.locations[0];
  const svc = snapshot.services.find((s) => !loc || s.locationIds.includes(loc.id)) ?? snapshot.services[0];
  const person = snapshot.staff.find((p) => p.locationId === loc?.id && (!svc || p.serviceIds.includes(svc.id))) ?? snapshot.staff[0];
  const zone = loc?.timezone ?? snapshot.business.timezone;
  const start = DateTime.fromJSDate(now, { zone }).plus({ days: 1 }).set({ hour: 17, minute: 0, second: 0, millisecond: 0 });
  const [date, time] = [start.toISODate()!, start.toFormat('HH:mm')];
  const when = formatWhen(date, time, zone, lang);
  const location = loc ? locationName(snapshot, loc.id, lang) : 'Main branch';
  const service = svc ? serviceName(snapshot, svc.id, lang) : 'Gel Manicure';
  const staff = person?.name ?? 'Sara';
  const price = svc ? money(svc.price, svc.currency, lang) : money(10, snapshot.business.currency, lang);
  const people = PEOPLE[lang];
  const booking = t('booking_label', { services: t('item_with_staff', { service, staff }), location, when });
  const times = [17, 17.5, 18].map((h) => formatTime(date, `${String(Math.floor(h)).padStart(2, '0')}:${h % 1 ? '30' : '00'}`, zone, lang));
  return {
    business: snapshot.business.name,
    location,
    other: snapshot.locations[1] ? locationName(snapshot, snapshot.locations[1].id, lang) : location,
    address: loc?.address ?? '',
    service,
    services: service,
    staff,
    price,
    value: price,
    date: formatDate(date, zone, lang),
    time: when,
    when,
    old: when,
    new: booking,
    booking,
    items: [service, location, when].join(t('sep')),
    details: t('line_item', { when, service, staff, price }),
    options: times.join(t('sep')),
    list: times.map((label, i) => t('list_item', { n: i + 1, label })).join('\n'),
    label: times[0]!,
    n: 1,
    link: 'https://pay.example.com/NI-0001',
    profile: people.customer,
    example: people.example,
    status: t('status_confirmed'),
    hours: `${t('faq_hours_line', { days: 'Mon–Sat', range: '10:00–22:00' })}`,
    days: 'Mon–Sat',
    range: '10:00–22:00',
    name: people.customer,
    phone: people.phone,
  };
}
