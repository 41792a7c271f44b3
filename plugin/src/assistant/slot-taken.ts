/**
 * The chosen time was taken (at the live re-check, at the order, or already in
 * our copy): say so plainly, clear only the time, offer the nearest free times
 * and ask for the time again. Shared by booking and reschedule.
 */
import { DateTime } from 'luxon';
import type { CatalogSnapshot } from '../catalog/types';
import { nearestFree } from '../conversation/availability';
import { formatOptionTimes, formatWhen, joinOr, zoneOf } from '../conversation/format';
import type { ConversationState } from '../conversation/state';
import type { Render } from '../conversation/templates';
import type { BookingStepDeps, StepResult } from './booking-step';

export async function slotTaken(
  state: ConversationState,
  alternatives: Date[],
  ctx: { snapshot: CatalogSnapshot; t: Render },
  deps: Pick<BookingStepDeps, 'catalog' | 'now'>,
): Promise<StepResult> {
  const s = state.slots;
  const { snapshot, t } = ctx;
  const lang = state.language;
  const zone = zoneOf(snapshot, s.location);
  const wanted = formatWhen(s.date!, s.time!, zone, lang);
  const from = alternatives.map((d) => DateTime.fromJSDate(d, { zone }).toFormat("yyyy-MM-dd'T'HH:mm"));
  // alternatives from fresh provider data; when there are none, the nearest free times in our refreshed copy
  const q = { catalog: deps.catalog, snapshot, locationId: s.location!, items: s.services };
  const options = from.length ? from : await nearestFree(q, { date: s.date, time: s.time }, deps.now(), 3);
  const next: ConversationState = {
    ...state,
    phase: 'collecting',
    slots: { ...s, time: null },
    wantedTime: s.time,
    asked: 'time',
    offered: options.length ? { slot: 'time', options } : null,
  };
  const labels = formatOptionTimes(options, null, zone, lang);
  const reply = options.length ? t('slot_taken', { time: wanted, options: joinOr(labels, t) }) : t('slot_taken_none', { time: wanted });
  return { state: next, replies: [reply], asked: 'time', paymentLink: null, needsHuman: null };
}
