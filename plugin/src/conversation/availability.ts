/**
 * Is a chosen time free, and which free times are nearest to it. Reads free
 * windows through CatalogQueries (our DB copy), never the provider.
 */
import { DateTime } from 'luxon';
import type { CatalogQueries } from '../catalog/ports';
import { SLOT_GRID_MINUTES, type CatalogSnapshot, type FreeWindow } from '../catalog/types';
import type { ServiceItem } from './state';

const MINUTE = 60_000;
/** How far ahead alternatives are searched. */
const SEARCH_DAYS = 7;

export function locationZone(snapshot: CatalogSnapshot, locationId: string | null): string {
  return snapshot.locations.find((l) => l.id === locationId)?.timezone ?? snapshot.business.timezone;
}

export function toInstant(date: string, time: string, zone: string): Date {
  return DateTime.fromISO(`${date}T${time}`, { zone }).toJSDate();
}

interface ChainItem {
  durationMin: number;
  staffIds: string[];
}

/** Staff who could take each item: the chosen one, or anyone at the location who performs it. */
function chain(snapshot: CatalogSnapshot, locationId: string, items: ServiceItem[]): ChainItem[] {
  return items.map((item) => {
    const service = snapshot.services.find((s) => s.id === item.serviceId);
    const staffIds =
      item.staffId && item.staffId !== 'any'
        ? [item.staffId]
        : snapshot.staff
            .filter((p) => p.locationId === locationId && p.serviceIds.includes(item.serviceId))
            .map((p) => p.id);
    return { durationMin: service?.durationMin ?? 0, staffIds };
  });
}

/** Back to back: item k+1 starts when item k ends, each inside one free window of an eligible person. */
function chainFits(items: ChainItem[], start: Date, windows: FreeWindow[]): boolean {
  let t = start.getTime();
  for (const item of items) {
    const end = t + item.durationMin * MINUTE;
    const ok = windows.some(
      (w) => item.staffIds.includes(w.staffId) && w.start.getTime() <= t && end <= w.end.getTime(),
    );
    if (!ok) return false;
    t = end;
  }
  return true;
}

function totalMinutes(items: ChainItem[]): number {
  return items.reduce((sum, i) => sum + i.durationMin, 0);
}

export interface AvailabilityQuery {
  catalog: CatalogQueries;
  snapshot: CatalogSnapshot;
  locationId: string;
  items: ServiceItem[];
}

export async function isFree(q: AvailabilityQuery, date: string, time: string): Promise<boolean> {
  const zone = locationZone(q.snapshot, q.locationId);
  const start = toInstant(date, time, zone);
  const items = chain(q.snapshot, q.locationId, q.items);
  const to = new Date(start.getTime() + totalMinutes(items) * MINUTE);
  const windows = await q.catalog.freeWindows({ locationId: q.locationId, from: start, to });
  return chainFits(items, start, windows);
}

/**
 * The `count` free start times nearest to `date time` (or to the start of
 * `date`, or to now), never in the past, returned in order as "YYYY-MM-DDTHH:MM".
 */
export async function nearestFree(
  q: AvailabilityQuery,
  target: { date: string | null; time: string | null },
  now: Date,
  count: number,
  /** Minimum gap between offered times, to spread a short list over the day. */
  spacingMin = 0,
): Promise<string[]> {
  const zone = locationZone(q.snapshot, q.locationId);
  const nowLocal = DateTime.fromJSDate(now, { zone });
  const day = target.date ? DateTime.fromISO(target.date, { zone }) : nowLocal.startOf('day');
  const from = DateTime.max(day.startOf('day'), nowLocal.startOf('day'));
  const aim = target.date ? DateTime.fromISO(`${target.date}T${target.time ?? '00:00'}`, { zone }) : nowLocal;
  const items = chain(q.snapshot, q.locationId, q.items);
  const windows = await q.catalog.freeWindows({
    locationId: q.locationId,
    from: from.toJSDate(),
    to: from.plus({ days: SEARCH_DAYS }).toJSDate(),
  });
  const starts = new Set<number>();
  const step = SLOT_GRID_MINUTES * MINUTE;
  for (const w of windows) {
    // The grid is aligned in the location's clock; zone offsets are multiples of 15 minutes, so plain steps stay on it.
    const first = DateTime.fromJSDate(w.start, { zone }).startOf('minute');
    const rem = first.minute % SLOT_GRID_MINUTES;
    for (let t = first.toMillis() + (rem ? (SLOT_GRID_MINUTES - rem) * MINUTE : 0); t < w.end.getTime(); t += step) {
      if (t >= now.getTime() && !starts.has(t) && chainFits(items, new Date(t), windows)) starts.add(t);
    }
  }
  const picked: number[] = [];
  const byDistance = [...starts].sort((a, b) => Math.abs(a - aim.toMillis()) - Math.abs(b - aim.toMillis()) || a - b);
  for (const t of byDistance) {
    if (picked.length === count) break;
    if (picked.every((p) => Math.abs(p - t) >= spacingMin * MINUTE)) picked.push(t);
  }
  return picked
    .sort((a, b) => a - b)
    .map((ms) => DateTime.fromMillis(ms, { zone }).toFormat("yyyy-MM-dd'T'HH:mm"));
}

/**
 * The concrete staff member for each item at `date time` (first eligible
 * person free for the whole chain), or null when the chain no longer fits.
 * Booking needs a person: "anyone" is resolved here, from our copy.
 */
export async function assignStaff(
  q: AvailabilityQuery,
  date: string,
  time: string,
): Promise<Array<{ serviceId: string; staffId: string; start: Date; anyStaff: boolean }> | null> {
  const zone = locationZone(q.snapshot, q.locationId);
  const start = toInstant(date, time, zone);
  const items = chain(q.snapshot, q.locationId, q.items);
  const windows = await q.catalog.freeWindows({ locationId: q.locationId, from: start, to: new Date(start.getTime() + totalMinutes(items) * MINUTE) });
  const out: Array<{ serviceId: string; staffId: string; start: Date; anyStaff: boolean }> = [];
  let t = start.getTime();
  for (const [i, item] of items.entries()) {
    const end = t + item.durationMin * MINUTE;
    const w = windows.find((x) => item.staffIds.includes(x.staffId) && x.start.getTime() <= t && end <= x.end.getTime());
    if (!w) return null;
    out.push({ serviceId: q.items[i].serviceId, staffId: w.staffId, start: new Date(t), anyStaff: q.items[i].staffId === 'any' || !q.items[i].staffId });
    t = end;
  }
  return out;
}
