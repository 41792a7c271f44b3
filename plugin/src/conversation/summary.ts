/** What the customer has chosen so far (one line) and the full booking summary before "shall I book it?". */
import { DateTime } from 'luxon';
import { locationZone } from '../catalog/availability';
import type { CatalogSnapshot, Language } from '../catalog/types';
import { atTime, formatDate, formatTime, formatWhen, locationName, money, serviceName, staffName } from './format';
import type { ConversationState } from './state';
import type { Render } from './templates';

/** Each service's start ("YYYY-MM-DD", "HH:MM"): the first at the chosen time, the others at their own or right after the one before. */
export function itemStarts(state: ConversationState, snapshot: CatalogSnapshot): Array<{ date: string; time: string } | null> {
  const s = state.slots;
  const zone = locationZone(snapshot, s.location);
  let at = s.date && s.time ? DateTime.fromISO(`${s.date}T${s.time}`, { zone }) : null;
  return s.services.map((item, k) => {
    if (k > 0 && item.time && s.date) at = DateTime.fromISO(`${s.date}T${item.time}`, { zone });
    const start = at ? { date: at.toFormat('yyyy-MM-dd'), time: at.toFormat('HH:mm') } : null;
    at = at?.plus({ minutes: snapshot.services.find((x) => x.id === item.serviceId)?.durationMin ?? 0 }) ?? null;
    return start;
  });
}

/** Some service has a time of its own: each is then said with its time. */
export const ownTimes = (state: ConversationState) => state.slots.services.some((i, k) => k > 0 && !!i.time);

export function summaryLine(state: ConversationState, snapshot: CatalogSnapshot, lang: Language, t: Render): string {
  const items = chosenItems(state, snapshot, lang, t);
  return items ? t('summary', { items }) : '';
}

/** The choices alone, without the "So far:" wording ("" when nothing is chosen). */
export function chosenItems(state: ConversationState, snapshot: CatalogSnapshot, lang: Language, t: Render): string {
  const s = state.slots;
  const zone = locationZone(snapshot, s.location);
  const items: string[] = [];
  const own = ownTimes(state) && s.date && s.time ? itemStarts(state, snapshot) : null;
  if (s.services.length) {
    const services = s.services.map((i, k) => {
      const service = serviceName(snapshot, i.serviceId, lang);
      const item = i.staffId ? t('item_with_staff', { service, staff: staffName(snapshot, i.staffId, t, lang) }) : service;
      const at = own?.[k];
      return at ? t('item_at', { item, at: atTime(at.date, at.time, zone, lang) }) : item;
    });
    items.push(services.join(' + '));
  }
  if (s.location) items.push(locationName(snapshot, s.location, lang));
  if (s.date) items.push(s.time && !own ? formatWhen(s.date, s.time, zone, lang) : formatDate(s.date, zone, lang));
  if (s.name) items.push(s.name);
  return items.join(t('sep'));
}

export function totalPrice(state: ConversationState, snapshot: CatalogSnapshot): { amount: number; currency: string } {
  const services = state.slots.services.map((i) => snapshot.services.find((sv) => sv.id === i.serviceId));
  return {
    amount: services.reduce((sum, sv) => sum + (sv?.price ?? 0), 0),
    currency: services[0]?.currency ?? snapshot.business.currency,
  };
}

/** Every detail the customer says yes to: each service with its staff, start time and price, then the rest. */
export function fullSummary(state: ConversationState, snapshot: CatalogSnapshot, lang: Language, t: Render): string {
  const s = state.slots;
  const zone = locationZone(snapshot, s.location);
  const lines: string[] = [];
  const starts = itemStarts(state, snapshot);
  s.services.forEach((item, k) => {
    const sv = snapshot.services.find((x) => x.id === item.serviceId);
    const start = starts[k];
    lines.push(
      t('line_item', {
        when: start ? (k === 0 ? formatWhen(start.date, start.time, zone, lang) : formatTime(start.date, start.time, zone, lang)) : '',
        service: serviceName(snapshot, item.serviceId, lang),
        staff: staffName(snapshot, item.staffId, t, lang),
        price: sv ? money(sv.price, sv.currency, lang) : '',
      }),
    );
  });
  if (s.location) lines.push(t('line_location', { value: locationName(snapshot, s.location, lang) }));
  const total = totalPrice(state, snapshot);
  lines.push(t('line_total', { value: money(total.amount, total.currency, lang) }));
  if (s.name) lines.push(t('line_name', { value: s.name }));
  if (s.phone) lines.push(t('line_phone', { value: s.phone }));
  if (s.email) lines.push(t('line_email', { value: s.email }));
  return lines.join('\n');
}
