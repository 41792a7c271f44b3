/** The options a question offers: catalog ids, 'any', or free times. */
import type { CatalogQueries } from '../catalog/ports';
import type { CatalogSnapshot } from '../catalog/types';
import { canPerform, nearestFree, worksOn } from '../catalog/availability';
import type { PartOfDay } from '../understanding/types';
import type { ConversationState, SlotName } from './state';

export type Variant = 'ask' | 'retry' | 'list';

/** How many options each variant shows (Infinity: the whole list). */
const LIMIT: Record<Variant, { services: number; time: number }> = {
  ask: { services: 4, time: 3 },
  retry: { services: 6, time: 3 },
  list: { services: Infinity, time: 6 },
};

/** Start times that fall in each part of the day ("after work" is evening). */
const PARTS: Record<PartOfDay, { from: string; to: string }> = {
  morning: { from: '08:00', to: '12:00' },
  afternoon: { from: '12:00', to: '17:00' },
  evening: { from: '17:00', to: '23:59' },
};

/** Without a wanted time, offered times are spread this far apart so three options cover the day. */
const TIME_SPACING_MIN = 90;

export async function choicesFor(
  slot: SlotName,
  variant: Variant,
  state: ConversationState,
  snapshot: CatalogSnapshot,
  catalog: CatalogQueries,
  now: Date,
): Promise<string[]> {
  const s = state.slots;
  switch (slot) {
    case 'location':
      return snapshot.locations
        .filter((l) => s.services.every((i) => snapshot.services.find((sv) => sv.id === i.serviceId)?.locationIds.includes(l.id)))
        .map((l) => l.id);
    case 'services':
      return snapshot.services
        .filter((sv) => !s.location || sv.locationIds.includes(s.location))
        .slice(0, LIMIT[variant].services)
        .map((sv) => sv.id);
    case 'staff': {
      const open = s.services.filter((i) => i.staffId === null).map((i) => i.serviceId);
      // with a day chosen, no one who is off that day is offered
      const people = snapshot.staff.filter((p) => s.location && open.some((id) => canPerform(p, s.location!, id)) && !(s.date && worksOn(p, s.date) === false));
      return [...people.map((p) => p.id), 'any'];
    }
    case 'time': {
      if (state.offered?.slot === 'time') return state.offered.options;
      if (!s.location || !s.services.length || (variant === 'ask' && !s.date)) return [];
      const q = { catalog, snapshot, locationId: s.location, items: s.services };
      const part = state.partOfDay ? PARTS[state.partOfDay] : null;
      const wanted = state.wantedTime ?? part?.from ?? null;
      // a day chosen: that day's times only, never another day's as if they were its own (a day with none is not kept)
      const sameDay = s.date !== null;
      if (!part) {
        const options = await nearestFree(q, { date: s.date, time: wanted }, now, LIMIT[variant].time, { spacingMin: wanted ? 0 : TIME_SPACING_MIN, sameDay });
        // a day kept from before that has filled up since: the nearest times after it, each named with its day
        return options.length || !sameDay ? options : nearestFree(q, { date: s.date, time: wanted }, now, LIMIT[variant].time);
      }
      // only times inside the part of the day; spread out so the choices cover it
      const near = await nearestFree(q, { date: s.date, time: wanted }, now, LIMIT[variant].time * 8, { spacingMin: 30, sameDay });
      const inside = near.filter((o) => o.slice(11) >= part.from && o.slice(11) < part.to);
      return (inside.length ? inside : near).slice(0, LIMIT[variant].time);
    }
    default:
      return [];
  }
}
