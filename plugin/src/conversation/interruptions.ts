/**
 * Questions asked in the middle of a booking (price, opening hours, address,
 * "what do you have?"), answered from the catalog snapshot. They never change
 * the booking slots; the engine repeats the pending question afterwards.
 */
import { DateTime } from 'luxon';
import type { CatalogLocation, CatalogSnapshot, Language } from '../catalog/types';
import { FAQ_INTENTS, type Extraction, type FaqIntent } from '../understanding/types';
import { locationName, money, serviceName } from './format';
import type { ConversationState } from './state';
import type { Render } from './templates';

export type { FaqIntent } from '../understanding/types';

export function isFaq(intent: Extraction['intent']): intent is FaqIntent {
  return (FAQ_INTENTS as readonly string[]).includes(intent ?? '');
}

interface FaqContext {
  state: ConversationState;
  snapshot: CatalogSnapshot;
  lang: Language;
  t: Render;
}

/** The location the customer named in this message, else the chosen one, else all of them. */
function locationsAsked(x: Extraction, ctx: FaqContext): CatalogLocation[] {
  const id = x.location ?? ctx.state.slots.location;
  const one = ctx.snapshot.locations.find((l) => l.id === id);
  return one ? [one] : ctx.snapshot.locations;
}

/** Weekdays, Monday first, in the customer's language. */
function dayName(index: number, lang: Language): string {
  const locale = lang === 'ar' ? 'ar-KW' : lang === 'es' ? 'es-MX' : 'en';
  return DateTime.fromObject({ weekday: (index + 1) as 1 }).setLocale(locale).toFormat('ccc');
}

function hoursText(location: CatalogLocation, ctx: FaqContext): string {
  const { t, lang } = ctx;
  const lines: string[] = [];
  // Consecutive days with the same hours share a line ("Mon–Thu: 10:00–22:00").
  for (let i = 0; i < 7; ) {
    const range = location.hours[i] ?? null;
    let j = i;
    while (j + 1 < 7 && JSON.stringify(location.hours[j + 1] ?? null) === JSON.stringify(range)) j++;
    const days = i === j ? dayName(i, lang) : `${dayName(i, lang)}–${dayName(j, lang)}`;
    lines.push(t('faq_hours_line', { days, range: range ? `${range[0]}–${range[1]}` : t('closed') }));
    i = j + 1;
  }
  return t('faq_hours', { location: locationName(ctx.snapshot, location.id, lang), hours: lines.join('\n') });
}

export function answerFaq(intent: FaqIntent, x: Extraction, ctx: FaqContext): string {
  const { snapshot, lang, t, state } = ctx;
  const locationId = x.location ?? state.slots.location;
  const servicesHere = snapshot.services.filter((sv) => !locationId || sv.locationIds.includes(locationId));
  switch (intent) {
    case 'faq_price': {
      const named = x.services.length ? x.services : state.slots.services.map((i) => i.serviceId);
      const list = (named.length ? snapshot.services.filter((sv) => named.includes(sv.id)) : servicesHere).map((sv) =>
        t('faq_price_line', { service: serviceName(snapshot, sv.id, lang), price: money(sv.price, sv.currency, lang) }),
      );
      return t('faq_price', { list: list.join('\n') });
    }
    case 'faq_duration': {
      const named = x.services.length ? x.services : state.slots.services.map((i) => i.serviceId);
      const list = (named.length ? snapshot.services.filter((sv) => named.includes(sv.id)) : servicesHere).map((sv) =>
        t('faq_duration_line', { service: serviceName(snapshot, sv.id, lang), minutes: sv.durationMin }),
      );
      return t('faq_duration', { list: list.join('\n') });
    }
    case 'faq_hours':
      return locationsAsked(x, ctx)
        .map((l) => hoursText(l, ctx))
        .join('\n\n');
    case 'faq_address':
      return locationsAsked(x, ctx)
        .map((l) => t('faq_address', { location: locationName(snapshot, l.id, lang), address: l.address }))
        .join('\n');
    case 'faq_services': {
      const list = servicesHere
        .map((sv) => t('faq_services_line', { service: serviceName(snapshot, sv.id, lang), price: money(sv.price, sv.currency, lang) }))
        .join('\n');
      return locationId
        ? t('faq_services', { location: locationName(snapshot, locationId, lang), list })
        : t('faq_services_all', { list });
    }
  }
}
