/** What the customer has chosen so far (one line) and the full booking summary before "shall I book it?". */
import { DateTime } from 'luxon';
import { locationZone } from '../catalog/availability';
import type { CatalogSnapshot, Language } from '../catalog/types';
import { formatDate, formatTime, formatWhen, locationName, money, serviceName, staffName } from './format';
import type { ConversationState } from './state';
import type { Render } from './templates';

export function summaryLine(state: ConversationState, snapshot: CatalogSnapshot, lang: Language, t: Render): string {
  const items = chosenItems(state, snapshot, lang, t);
  return items ? t('summary', { items }) : '';
}

/** The choices alone, without the "So far:" wording ("" when nothing is chosen). */
export function chosenItems(state: ConversationState, snapshot: CatalogSnapshot, lang: Language, t: Render): string {
  const s = state.slots;
  const zone = locationZone(snapshot, s.location);
  const items: string[] = [];
  if (s.services.length) {
    const services = s.services.map((i) => {
      const service = serviceName(snapshot, i.serviceId, lang);
      return i.staffId ? t('item_with_staff', { service, staff: staffName(snapshot, i.staffId, t, lang) }) : service;
    });
    items.push(services.join(' + '));
  }
  if (s.location) items.push(locationName(snapshot, s.location, lang));
  if (s.date) items.push(s.time ? formatWhen(s.date, s.time, zone, lang) : formatDate(s.date, zone, lang));
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
  let start = s.date && s.time ? DateTime.fromISO(`${s.date}T${s.time}`, { zone }) : null;
  s.services.forEach((item, k) => {
    const sv = snapshot.services.find((x) => x.id === item.serviceId);
    const date = start?.toFormat('yyyy-MM-dd') ?? '';
    const time = start?.toFormat('HH:mm') ?? '';
    lines.push(
      t('line_item', {
        when: start ? (k === 0 ? formatWhen(date, time, zone, lang) : formatTime(date, time, zone, lang)) : '',
        service: serviceName(snapshot, item.serviceId, lang),
        staff: staffName(snapshot, item.staffId, t, lang),
        price: sv ? money(sv.price, sv.currency, lang) : '',
      }),
    );
    start = start?.plus({ minutes: sv?.durationMin ?? 0 }) ?? null;
  });
  if (s.location) lines.push(t('line_location', { value: locationName(snapshot, s.location, lang) }));
  const total = totalPrice(state, snapshot);
  lines.push(t('line_total', { value: money(total.amount, total.currency, lang) }));
  if (s.name) lines.push(t('line_name', { value: s.name }));
  if (s.phone) lines.push(t('line_phone', { value: s.phone }));
  if (s.email) lines.push(t('line_email', { value: s.email }));
  return lines.join('\n');
}
