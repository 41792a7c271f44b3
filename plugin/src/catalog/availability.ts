/**
 * Slot maths, in one place: who may take a service (staff eligibility),
 * whether services fit back to back in free windows and who takes each, and
 * the free start times nearest to a wanted one. The conversation, the booking
 * service and the actions all ask here. Free windows come from our copy
 * (CatalogQueries.freeWindows), never from the provider.
 */
import { DateTime } from 'luxon';
import type { CatalogQueries } from './ports';
import { SLOT_GRID_MINUTES, type CatalogSnapshot, type CatalogStaff, type FreeWindow } from './types';

const MINUTE = 60_000;
/** How far ahead the nearest free times are searched, from the wanted day. */
export const SEARCH_DAYS = 7;

/** The location's IANA zone; the business's when the location is unknown or not chosen yet. */
export function locationZone(snapshot: CatalogSnapshot, locationId: string | null): string {
  return snapshot.locations.find((l) => l.id === locationId)?.timezone ?? snapshot.business.timezone;
}

/** "YYYY-MM-DD" + "HH:MM" in `zone` → the instant. */
export function toInstant(date: string, time: string, zone: string): Date {
  return DateTime.fromISO(`${date}T${time}`, { zone }).toJSDate();
}

/** A start as the conversation offers it: "YYYY-MM-DDTHH:MM" in `zone`, and back. */
export const localStart = (at: Date | number, zone: string) =>
  (typeof at === 'number' ? DateTime.fromMillis(at, { zone }) : DateTime.fromJSDate(at, { zone })).toFormat("yyyy-MM-dd'T'HH:mm");
export const startInstant = (option: string, zone: string) => toInstant(option.slice(0, 10), option.slice(11), zone);

/** Staff eligibility: she works at the location and performs the service there. */
export const canPerform = (person: CatalogStaff, locationId: string, serviceId: string) => person.locationId === locationId && person.serviceIds.includes(serviceId);

/** Everyone who could take the service at the location. */
export function eligibleStaff(snapshot: CatalogSnapshot, locationId: string, serviceId: string): CatalogStaff[] {
  return snapshot.staff.filter((p) => canPerform(p, locationId, serviceId));
}

/** A service asked for, with the chosen person, or 'any' / null for anyone who performs it there. */
export interface ChainRequest {
  serviceId: string;
  staffId: string | null;
  /** Its own start ("HH:MM", the same day) when the customer gave it one; else right after the one before. */
  time?: string | null;
}

interface Link {
  serviceId: string;
  durationMin: number;
  staffIds: string[];
  anyStaff: boolean;
  /** Its own start, in minutes after the day's midnight (location clock); null: right after the link before. */
  atMin: number | null;
}

function chainOf(snapshot: CatalogSnapshot, locationId: string, items: ChainRequest[]): Link[] {
  return items.map((item) => {
    const anyStaff = !item.staffId || item.staffId === 'any';
    return {
      serviceId: item.serviceId,
      durationMin: snapshot.services.find((s) => s.id === item.serviceId)?.durationMin ?? 0,
      staffIds: anyStaff ? eligibleStaff(snapshot, locationId, item.serviceId).map((p) => p.id) : [item.staffId!],
      anyStaff,
      atMin: item.time ? Number(item.time.slice(0, 2)) * 60 + Number(item.time.slice(3, 5)) : null,
    };
  });
}

const chainMinutes = (links: Link[]) => links.reduce((sum, l) => sum + l.durationMin, 0);

/** Does she work on this calendar day ("YYYY-MM-DD")? null when her working week is not known. */
export function worksOn(person: CatalogStaff, date: string): boolean | null {
  if (!person.hours) return null;
  return person.hours[DateTime.fromISO(date).weekday - 1] !== null;
}

/** A start and person known to be gone, whatever our copy says (the provider just refused it). */
export interface Taken {
  start: Date;
  staffId: string;
}

export interface Assignment {
  serviceId: string;
  staffId: string;
  start: Date;
  /** The customer accepted anyone for this service. */
  anyStaff: boolean;
}

/**
 * Back to back from `start`: link k+1 starts when link k ends (or at its own time that day, when it has one),
 * each inside one free window of someone who may take it (the first such window) and not already taking
 * another link then. Null when the chain does not fit.
 */
function fit(links: Link[], start: number, windows: FreeWindow[], taken?: Taken, zone?: string): Assignment[] | null {
  const out: Assignment[] = [];
  const midnight = zone && links.some((l, k) => k > 0 && l.atMin !== null) ? DateTime.fromMillis(start, { zone }).startOf('day') : null;
  let t = start;
  for (const [k, link] of links.entries()) {
    if (k > 0 && link.atMin !== null && midnight) t = midnight.plus({ minutes: link.atMin }).toMillis();
    const end = t + link.durationMin * MINUTE;
    const gone = k === 0 && taken && taken.start.getTime() === t ? taken.staffId : null;
    const busy = new Set(out.filter((a) => a.start.getTime() < end && t < a.start.getTime() + (links[out.indexOf(a)].durationMin * MINUTE)).map((a) => a.staffId));
    const w = windows.find(
      (x) => x.staffId !== gone && !busy.has(x.staffId) && link.staffIds.includes(x.staffId) && x.start.getTime() <= t && end <= x.end.getTime(),
    );
    if (!w) return null;
    out.push({ serviceId: link.serviceId, staffId: w.staffId, start: new Date(t), anyStaff: link.anyStaff });
    t = end;
  }
  return out;
}

export interface AvailabilityQuery {
  catalog: Pick<CatalogQueries, 'freeWindows'>;
  snapshot: CatalogSnapshot;
  locationId: string;
  /** Booked back to back in this order. */
  items: ChainRequest[];
}

/**
 * The person for each service at `date time` (location clock): "anyone" is
 * resolved here, from our copy, since booking needs a person. Null when the
 * services no longer fit.
 */
export async function assignStaff(q: AvailabilityQuery, date: string, time: string): Promise<Assignment[] | null> {
  const zone = locationZone(q.snapshot, q.locationId);
  const start = toInstant(date, time, zone);
  const links = chainOf(q.snapshot, q.locationId, q.items);
  // a service with its own time may start before the first one or end after the chain would: the whole day
  const own = q.items.some((i, k) => k > 0 && i.time);
  const day = DateTime.fromJSDate(start, { zone }).startOf('day');
  const range = own ? { from: day.toJSDate(), to: day.plus({ days: 1 }).toJSDate() } : { from: start, to: new Date(start.getTime() + chainMinutes(links) * MINUTE) };
  const windows = await q.catalog.freeWindows({ locationId: q.locationId, ...range });
  return fit(links, start.getTime(), windows, undefined, zone);
}

export async function isFree(q: AvailabilityQuery, date: string, time: string): Promise<boolean> {
  return (await assignStaff(q, date, time)) !== null;
}

export interface NearestOptions {
  /** Minimum gap between offered times, to spread a short list over the day. */
  spacingMin?: number;
  taken?: Taken;
  /** Only times on `target.date` itself. */
  sameDay?: boolean;
}

/** Every free start of the chain on the location's 15-minute grid, not before `now`, ascending (instants in ms). */
function gridStarts(links: Link[], windows: FreeWindow[], zone: string, now: Date, taken?: Taken): number[] {
  const starts = new Set<number>();
  const step = SLOT_GRID_MINUTES * MINUTE;
  for (const w of windows) {
    // the grid is aligned in the location's clock; zone offsets are multiples of 15 minutes, so plain steps stay on it
    const first = DateTime.fromJSDate(w.start, { zone }).startOf('minute');
    const rem = first.minute % SLOT_GRID_MINUTES;
    for (let t = first.toMillis() + (rem ? (SLOT_GRID_MINUTES - rem) * MINUTE : 0); t < w.end.getTime(); t += step) {
      if (t >= now.getTime() && !starts.has(t) && fit(links, t, windows, taken, zone)) starts.add(t);
    }
  }
  return [...starts].sort((a, b) => a - b);
}

/** The `count` starts nearest to `aim`, at least `spacing` apart, in time order. */
function pickNearest(starts: number[], aim: number, count: number, spacing: number): number[] {
  const picked: number[] = [];
  for (const t of [...starts].sort((a, b) => Math.abs(a - aim) - Math.abs(b - aim) || a - b)) {
    if (picked.length === count) break;
    if (picked.every((p) => Math.abs(p - t) >= spacing)) picked.push(t);
  }
  return picked.sort((a, b) => a - b);
}

/**
 * The `count` free start times nearest to `date time` (or to the start of
 * `date`, or to now), never in the past, on the location's 15-minute grid,
 * searched over SEARCH_DAYS from that day (that day only with `sameDay`); in time order, as "YYYY-MM-DDTHH:MM".
 */
export async function nearestFree(
  q: AvailabilityQuery,
  target: { date: string | null; time: string | null },
  now: Date,
  count: number,
  opts: NearestOptions = {},
): Promise<string[]> {
  const zone = locationZone(q.snapshot, q.locationId);
  const nowLocal = DateTime.fromJSDate(now, { zone });
  const day = target.date ? DateTime.fromISO(target.date, { zone }) : nowLocal.startOf('day');
  const from = DateTime.max(day.startOf('day'), nowLocal.startOf('day'));
  const aim = (target.date ? DateTime.fromISO(`${target.date}T${target.time ?? '00:00'}`, { zone }) : nowLocal).toMillis();
  const links = chainOf(q.snapshot, q.locationId, q.items);
  const days = opts.sameDay && target.date ? 1 : SEARCH_DAYS;
  const windows = await q.catalog.freeWindows({ locationId: q.locationId, from: from.toJSDate(), to: from.plus({ days }).toJSDate() });
  let starts = gridStarts(links, windows, zone, now, opts.taken);
  if (opts.sameDay && target.date) starts = starts.filter((t) => localStart(t, zone).startsWith(target.date!));
  return pickNearest(starts, aim, count, (opts.spacingMin ?? 0) * MINUTE).map((ms) => localStart(ms, zone));
}

/** What one day holds for the services as chosen: why it may have nothing to offer. */
export interface DayCheck {
  /** Free start times that day ("YYYY-MM-DDTHH:MM"). */
  free: string[];
  /**
   * Staff chosen by name who are not there that day: `off` by their working week, or (their week not
   * known) without a single free window that day.
   */
  away: Array<{ staffId: string; off: boolean }>;
  /** Services that no one who may take them works that day (by their working weeks). */
  nobody: string[];
  /** Others who could take the services of those away that day, with the rest as chosen. */
  others: string[];
}

export async function checkDay(q: AvailabilityQuery, date: string, now: Date): Promise<DayCheck> {
  const zone = locationZone(q.snapshot, q.locationId);
  const day = DateTime.fromISO(date, { zone }).startOf('day');
  const windows = await q.catalog.freeWindows({ locationId: q.locationId, from: day.toJSDate(), to: day.plus({ days: 1 }).toJSDate() });
  const startsWith = (items: ChainRequest[]) =>
    gridStarts(chainOf(q.snapshot, q.locationId, items), windows, zone, now).filter((t) => localStart(t, zone).startsWith(date));
  const person = (id: string) => q.snapshot.staff.find((p) => p.id === id);
  const named = [...new Set(q.items.map((i) => i.staffId).filter((id): id is string => !!id && id !== 'any'))];
  const away = named.flatMap((staffId) => {
    const p = person(staffId);
    if (!p) return [];
    const works = worksOn(p, date);
    if (works === false) return [{ staffId, off: true }];
    return works === null && !windows.some((w) => w.staffId === staffId) ? [{ staffId, off: false }] : [];
  });
  const nobody = q.items
    .filter((i) => !i.staffId || i.staffId === 'any')
    .map((i) => i.serviceId)
    .filter((id) => {
      const people = eligibleStaff(q.snapshot, q.locationId, id);
      return people.length > 0 && people.every((p) => worksOn(p, date) === false);
    });
  const awayIds = new Set(away.map((a) => a.staffId));
  const others: string[] = [];
  if (away.length) {
    const theirs = q.items.filter((i) => i.staffId && awayIds.has(i.staffId));
    const candidates = q.snapshot.staff.filter(
      (p) => !awayIds.has(p.id) && worksOn(p, date) !== false && theirs.some((i) => canPerform(p, q.locationId, i.serviceId)),
    );
    for (const c of candidates) {
      const items = q.items.map((i) => (i.staffId && awayIds.has(i.staffId) && canPerform(c, q.locationId, i.serviceId) ? { ...i, staffId: c.id } : i));
      if (items.every((i) => !i.staffId || !awayIds.has(i.staffId)) && startsWith(items).length) others.push(c.id);
    }
  }
  return { free: startsWith(q.items).map((t) => localStart(t, zone)), away, nobody, others };
}

/**
 * The first day after `date` with free times for the services as chosen (within SEARCH_DAYS), and up to
 * `count` of its times: nearest to `time` when one is wanted, else spread over the day. [] when none.
 */
export async function nextFreeDay(q: AvailabilityQuery, date: string, now: Date, count: number, time: string | null): Promise<string[]> {
  const zone = locationZone(q.snapshot, q.locationId);
  const from = DateTime.max(DateTime.fromISO(date, { zone }).plus({ days: 1 }).startOf('day'), DateTime.fromJSDate(now, { zone }).startOf('day'));
  const links = chainOf(q.snapshot, q.locationId, q.items);
  const windows = await q.catalog.freeWindows({ locationId: q.locationId, from: from.toJSDate(), to: from.plus({ days: SEARCH_DAYS }).toJSDate() });
  const starts = gridStarts(links, windows, zone, now);
  if (!starts.length) return [];
  const first = localStart(starts[0], zone).slice(0, 10);
  const that = starts.filter((t) => localStart(t, zone).startsWith(first));
  const aim = time ? DateTime.fromISO(`${first}T${time}`, { zone }).toMillis() : that[0];
  return pickNearest(that, aim, count, time ? 0 : SPREAD_MIN * MINUTE).map((ms) => localStart(ms, zone));
}

/** Without a wanted time, a day's offered times are this far apart, so a few cover it. */
export const SPREAD_MIN = 90;
