/**
 * Free-window arithmetic for the simulator; pure functions over epoch-ms
 * intervals. A staff member works (opening hours ∩ her shift) on days that are
 * neither her day off nor a closed day; free windows are that interval minus
 * pre-existing bookings (seeded), ledger orders and anything before "now".
 */
import { DateTime } from 'luxon';
import { SLOT_GRID_MINUTES, type WeeklyHours } from '../../catalog/types';

export interface Interval {
  start: number;
  end: number;
}

export const GRID_MS = SLOT_GRID_MINUTES * 60_000;

export interface StaffSchedule {
  id: string;
  shift: readonly [string, string];
  /** 0 = Monday … 6 = Sunday. */
  daysOff: readonly number[];
}

/** "2026-03-02" + "10:30" in zone → epoch ms. */
function localInstant(date: string, hhmm: string, zone: string): number {
  return DateTime.fromISO(`${date}T${hhmm}`, { zone }).toMillis();
}

export function localDate(ms: number, zone: string): string {
  return DateTime.fromMillis(ms, { zone }).toISODate()!;
}

/** Opening hours ∩ shift on a local date; null on a day off or a closed day. */
export function workingInterval(hours: WeeklyHours, staff: StaffSchedule, date: string, zone: string): Interval | null {
  const weekday = DateTime.fromISO(date, { zone }).weekday - 1; // luxon: 1 = Monday
  const open = hours[weekday];
  if (!open || staff.daysOff.includes(weekday)) return null;
  // "HH:MM" strings compare correctly as text.
  const from = open[0] > staff.shift[0] ? open[0] : staff.shift[0];
  const to = open[1] < staff.shift[1] ? open[1] : staff.shift[1];
  const start = localInstant(date, from, zone);
  const end = localInstant(date, to, zone);
  return end > start ? { start, end } : null;
}

/** FNV-1a: a stable 32-bit seed from a string. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** mulberry32: small, fast, deterministic PRNG in [0, 1). */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Bookings other customers made before the simulator started: 1–3 per staff
 * per working day, 30–90 minutes, on the grid. Keyed by (seed, staff, date)
 * only, so they do not move when the clock does.
 */
export function seededBookings(seed: number, staffId: string, date: string, work: Interval): Interval[] {
  const rand = prng(hash(`${seed}|${staffId}|${date}`));
  const count = 1 + Math.floor(rand() * 3);
  const out: Interval[] = [];
  for (let i = 0; i < count; i++) {
    const duration = (30 + 15 * Math.floor(rand() * 5)) * 60_000;
    const positions = Math.floor((work.end - work.start - duration) / GRID_MS);
    if (positions < 0) continue;
    const pick = Math.floor(rand() * (positions + 1));
    const start = work.start + pick * GRID_MS;
    out.push({ start, end: start + duration });
  }
  return out;
}

/** base minus every busy interval, in order. */
export function subtract(base: Interval, busy: readonly Interval[]): Interval[] {
  let parts: Interval[] = [base];
  for (const b of busy) {
    parts = parts.flatMap((p) => {
      if (b.end <= p.start || b.start >= p.end) return [p];
      const left = b.start > p.start ? [{ start: p.start, end: b.start }] : [];
      const right = b.end < p.end ? [{ start: b.end, end: p.end }] : [];
      return [...left, ...right];
    });
  }
  return parts;
}

export const ceilToGrid = (ms: number) => Math.ceil(ms / GRID_MS) * GRID_MS;

/**
 * Free windows of one staff member: work minus busy, nothing before `notBefore`,
 * and only windows long enough for a start on the grid plus one grid step.
 */
export function freeWindows(work: Interval, busy: readonly Interval[], notBefore: number): Interval[] {
  return subtract(work, busy)
    .map((w) => ({ start: Math.max(w.start, notBefore), end: w.end }))
    .filter((w) => ceilToGrid(w.start) + GRID_MS <= w.end);
}

/**
 * Whether [start, end) lies inside one window and starts on the grid. A
 * service booked back to back starts when the previous one ends, on the grid
 * or not (a 20-minute service moves the next one off it): `onGrid` false.
 */
export function fits(windows: readonly Interval[], start: number, end: number, onGrid = true): boolean {
  return (!onGrid || start % GRID_MS === 0) && windows.some((w) => w.start <= start && end <= w.end);
}
