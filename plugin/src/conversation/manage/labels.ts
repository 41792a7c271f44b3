/** One line per booking ("Gel Manicure with Sara at The Avenues, Monday, March 2 at 5:00 PM"), for lists, questions and replies. */
import { locationZone } from '../../catalog/availability';
import type { BookingView } from '../../booking/list';
import type { CatalogSnapshot, Language } from '../../catalog/types';
import { formatWhen, locationName, serviceName, staffName } from '../format';
import type { ConversationState } from '../state';
import type { Render } from '../templates';

/** An existing booking, named from its own rows (names as they were booked). */
export function bookingLabel(view: BookingView, lang: Language, t: Render): string {
  const services = view.items
    .map((i) => t('item_with_staff', { service: lang === 'ar' && i.serviceNameAr ? i.serviceNameAr : i.serviceName, staff: lang === 'ar' && i.staffNameAr ? i.staffNameAr : i.staffName }))
    .join(' + ');
  const location = lang === 'ar' && view.location.nameAr ? view.location.nameAr : view.location.name;
  return t('booking_label', { services, location, when: formatWhen(view.date, view.time, view.location.timezone, lang) });
}

/** The booking the slots describe (a reschedule's new time), in the same words. */
export function slotsLabel(state: ConversationState, snapshot: CatalogSnapshot, lang: Language, t: Render): string {
  const s = state.slots;
  const services = s.services.map((i) => t('item_with_staff', { service: serviceName(snapshot, i.serviceId, lang), staff: staffName(snapshot, i.staffId, t, lang) })).join(' + ');
  const when = s.date && s.time ? formatWhen(s.date, s.time, locationZone(snapshot, s.location), lang) : '';
  return t('booking_label', { services, location: s.location ? locationName(snapshot, s.location, lang) : '', when });
}

/** "My bookings": each with its status and, when there is one, its payment link. */
export function bookingList(views: BookingView[], lang: Language, t: Render): string {
  const lines = views.map((v) => {
    const line = t('my_booking_line', { booking: bookingLabel(v, lang, t), status: t(v.status === 'confirmed' ? 'status_confirmed' : 'status_pending') });
    return v.paymentLink ? `${line}\n${t('my_booking_pay', { link: v.paymentLink })}` : line;
  });
  return t('my_bookings', { list: lines.join('\n') });
}
