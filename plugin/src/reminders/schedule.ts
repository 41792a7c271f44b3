/**
 * When a booking's reminders are due: `offsetsHours` before its start, moved
 * out of quiet hours to before them (a reminder that would fall at 07:00 goes
 * out the evening before, QUIET_LEAD before quiet hours begin, so a tick every
 * few minutes still sends it before they do). Pure: times in, times out.
 */
import { DateTime } from 'luxon';

/** How long before quiet hours a moved reminder is due: the plugin's tick on Botpress Cloud comes every 5 minutes. */
export const QUIET_LEAD_MINUTES = 30;

export interface ReminderPolicy {
  /** Minutes before the start, any order. */
  offsetsMinutes: number[];
  /** "HH:MM" local; equal start and end: no quiet hours. */
  quietStart: string;
  quietEnd: string;
  /** IANA zone the quiet hours are in. */
  zone: string;
}

export function reminderPolicy(config: { reminders: { offsetsHours: number[]; quietHoursStart: string; quietHoursEnd: string }; business: { timezone: string } }): ReminderPolicy {
  return {
    offsetsMinutes: [...new Set(config.reminders.offsetsHours.map((h) => Math.round(h * 60)))],
    quietStart: config.reminders.quietHoursStart,
    quietEnd: config.reminders.quietHoursEnd,
    zone: config.business.timezone,
  };
}

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

export function inQuietHours(t: Date, p: ReminderPolicy): boolean {
  const qs = minutesOf(p.quietStart);
  const qe = minutesOf(p.quietEnd);
  if (qs === qe) return false;
  const local = DateTime.fromJSDate(t, { zone: p.zone });
  const m = local.hour * 60 + local.minute;
  return qs < qe ? m >= qs && m < qe : m >= qs || m < qe;
}

/** The time a reminder `offsetMinutes` before `start` is due, quiet hours applied. */
export function reminderDueAt(start: Date, offsetMinutes: number, p: ReminderPolicy): Date {
  const at = new Date(start.getTime() - offsetMinutes * 60_000);
  if (!inQuietHours(at, p)) return at;
  const qs = minutesOf(p.quietStart);
  const local = DateTime.fromJSDate(at, { zone: p.zone });
  let quietBegan = local.set({ hour: Math.floor(qs / 60), minute: qs % 60, second: 0, millisecond: 0 });
  if (quietBegan > local) quietBegan = quietBegan.minus({ days: 1 });
  return quietBegan.minus({ minutes: QUIET_LEAD_MINUTES }).toJSDate();
}

export interface DueReminder {
  offsetMinutes: number;
  dueAt: Date;
}

/**
 * The reminder to send now for a booking made at `createdAt`, if any: the
 * latest one already due (earlier ones it makes pointless are never sent),
 * not one that fell before the booking was made, none once it has started
 * and none in quiet hours (a missed one then waits for their end).
 */
export function dueReminder(b: { start: Date; createdAt: Date }, now: Date, p: ReminderPolicy): DueReminder | null {
  if (b.start.getTime() <= now.getTime() || inQuietHours(now, p)) return null;
  let best: DueReminder | null = null;
  for (const offsetMinutes of p.offsetsMinutes) {
    const dueAt = reminderDueAt(b.start, offsetMinutes, p);
    if (dueAt.getTime() > now.getTime() || dueAt.getTime() < b.createdAt.getTime()) continue;
    if (!best || dueAt.getTime() > best.dueAt.getTime() || (dueAt.getTime() === best.dueAt.getTime() && offsetMinutes < best.offsetMinutes)) best = { offsetMinutes, dueAt };
  }
  return best;
}

/** How far ahead of now a booking can have a reminder due (the largest offset, plus a day for quiet hours). */
export const horizonMs = (p: ReminderPolicy): number => (Math.max(0, ...p.offsetsMinutes) + 24 * 60) * 60_000;
