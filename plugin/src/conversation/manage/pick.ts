/**
 * Which of the customer's bookings a message means: a number from the list we
 * offered, or details that fit exactly one ("the pedicure", "the one on Tuesday").
 */
import type { BookingView } from '../../booking/list';
import type { Extraction } from '../../understanding/types';
import type { Offer } from '../state';

/**
 * `byWhen`: may the date and time pick the booking? Not when starting a
 * reschedule, where "move it to Tuesday" names the new time.
 */
export function pickBooking(views: BookingView[], x: Extraction, offered: Offer | null, byWhen: boolean): BookingView | null {
  if (offered?.slot === 'booking' && x.choice !== null) {
    const id = offered.options[x.choice - 1];
    return views.find((v) => v.id === id) ?? null;
  }
  const staff = x.staff && x.staff !== 'any' ? x.staff : null;
  const tests: Array<(v: BookingView) => boolean> = [];
  if (x.services.length) tests.push((v) => v.items.some((i) => x.services.includes(i.serviceId)));
  if (x.location) tests.push((v) => v.location.id === x.location);
  if (staff) tests.push((v) => v.items.some((i) => i.staffId === staff));
  if (byWhen && x.date) tests.push((v) => v.date === x.date);
  if (byWhen && x.time) tests.push((v) => v.items.some((i) => i.time === x.time));
  if (!tests.length) return null;
  const hits = views.filter((v) => tests.every((test) => test(v)));
  return hits.length === 1 ? hits[0] : null;
}
