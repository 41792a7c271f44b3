/**
 * What the steps after a yes (book, cancel, reschedule) share: their result,
 * the key of a confirmation, the refresh of the days a change touched, and the
 * reply when the chosen time was taken.
 */
import { createHash } from 'node:crypto';
import { localStart, locationZone } from '../catalog/availability';
import type { CatalogQueries } from '../catalog/ports';
import type { CatalogSnapshot } from '../catalog/types';
import type { createBookingService } from '../booking';
import { formatOptionTimes, formatWhen, joinOr } from '../conversation/format';
import type { ConversationState } from '../conversation/state';
import type { Render } from '../conversation/templates';

export type BookingService = ReturnType<typeof createBookingService>;

export interface BookingStepDeps {
  booking: BookingService;
  catalog: CatalogQueries;
  now: () => Date;
}

/** What a step after the customer's yes (book, cancel, reschedule) leaves: the next state and what to say. */
export interface StepResult {
  state: ConversationState;
  replies: string[];
  asked: 'time' | null;
  paymentLink: string | null;
  /** The provider could not be reached or refused: hand the conversation to a person. */
  needsHuman: string | null;
}

export interface StepContext {
  conversationId: string;
  /** The number the channel asserts (see Turn.identity): whose bookings may be cancelled or moved. */
  identity: string | null;
  snapshot: CatalogSnapshot;
  t: Render;
}

/** One key per summary said yes to: a double yes or a redelivery of it orders nothing twice. */
export function confirmationId(state: ConversationState): string {
  const s = state.slots;
  const what = JSON.stringify([s.location, s.services, s.date, s.time, s.name, s.phone, s.email]);
  return createHash('sha256').update(what).digest('hex').slice(0, 24);
}

/** Our copy of the days a booking, cancel or move took or freed, so other customers see them as they are now. */
export async function refreshDays(deps: BookingStepDeps, locationId: string, dates: string[]): Promise<void> {
  // a failed refresh is logged by its sync run; the change stands and the next refresh catches up
  await deps.catalog.refreshDays?.({ locationId, dates }).catch(() => undefined);
}

/**
 * The chosen time was taken (at the live re-check, at the order, or already in
 * our copy): say so plainly, clear only the time, offer the nearest free times
 * (the booking service's, from the slot maths) and ask for the time again.
 */
export function timeTaken(state: ConversationState, alternatives: Date[], ctx: StepContext): StepResult {
  const s = state.slots;
  const { snapshot, t } = ctx;
  const lang = state.language;
  const zone = locationZone(snapshot, s.location);
  const wanted = formatWhen(s.date!, s.time!, zone, lang);
  const options = alternatives.map((d) => localStart(d, zone));
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
