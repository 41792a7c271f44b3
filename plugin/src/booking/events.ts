/**
 * Emits an owner notification. The booking is already stored when this runs,
 * so a failing listener is logged, never turned into a failed booking.
 */
import { logEvent } from './store';
import type { BookingDeps, BookingEventMap } from './types';

export async function emit<K extends keyof BookingEventMap>(
  deps: Pick<BookingDeps, 'prisma' | 'businessId' | 'now' | 'events'>,
  name: K,
  payload: BookingEventMap[K],
): Promise<void> {
  if (!deps.events) return;
  try {
    await deps.events.emit(name, payload);
  } catch (err) {
    await logEvent(deps, 'warn', 'event_emit_failed', `${name}: ${err instanceof Error ? err.message : String(err)}`, { name, payload });
  }
}
