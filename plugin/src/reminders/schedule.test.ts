import { describe, expect, test } from 'vitest';
import { dueReminder, inQuietHours, reminderDueAt, type ReminderPolicy } from './schedule';

const p: ReminderPolicy = { offsetsMinutes: [24 * 60, 120], quietStart: '21:00', quietEnd: '09:00', zone: 'Asia/Kuwait' };
// Kuwait is UTC+3 all year
const kw = (local: string) => new Date(`${local}+03:00`);

describe('reminder times', () => {
  test('quiet hours wrap midnight; equal ends mean none', () => {
    expect(inQuietHours(kw('2026-03-01T20:59'), p)).toBe(false);
    expect(inQuietHours(kw('2026-03-01T21:00'), p)).toBe(true);
    expect(inQuietHours(kw('2026-03-02T08:59'), p)).toBe(true);
    expect(inQuietHours(kw('2026-03-02T09:00'), p)).toBe(false);
    expect(inQuietHours(kw('2026-03-02T03:00'), { ...p, quietStart: '09:00', quietEnd: '09:00' })).toBe(false);
  });

  test('a reminder that falls in quiet hours goes out half an hour before they begin, the evening before', () => {
    expect(reminderDueAt(kw('2026-03-02T17:00'), 120, p)).toEqual(kw('2026-03-02T15:00'));
    expect(reminderDueAt(kw('2026-03-02T10:00'), 120, p)).toEqual(kw('2026-03-01T20:30'));
    expect(reminderDueAt(kw('2026-03-02T23:30'), 120, p)).toEqual(kw('2026-03-02T20:30'));
  });

  test('the latest due one is sent, none made pointless by a later one, none before the booking was made or once it started', () => {
    const b = { start: kw('2026-03-03T17:00'), createdAt: kw('2026-03-01T09:00') };
    expect(dueReminder(b, kw('2026-03-02T16:59'), p)).toBeNull();
    expect(dueReminder(b, kw('2026-03-02T17:00'), p)).toEqual({ offsetMinutes: 1440, dueAt: kw('2026-03-02T17:00') });
    // both due (nothing ticked for a day): only the 2-hour one
    expect(dueReminder(b, kw('2026-03-03T16:00'), p)).toMatchObject({ offsetMinutes: 120 });
    expect(dueReminder(b, kw('2026-03-03T17:00'), p)).toBeNull();
    // booked five hours ahead: no "a day before"
    const late = { start: kw('2026-03-03T17:00'), createdAt: kw('2026-03-03T12:00') };
    expect(dueReminder(late, kw('2026-03-03T12:05'), p)).toBeNull();
    expect(dueReminder(late, kw('2026-03-03T15:00'), p)).toMatchObject({ offsetMinutes: 120 });
  });

  test('nothing goes out in quiet hours, even when it was missed before them', () => {
    const b = { start: kw('2026-03-03T12:00'), createdAt: kw('2026-03-01T09:00') };
    expect(dueReminder(b, kw('2026-03-03T07:00'), p)).toBeNull();
    expect(dueReminder(b, kw('2026-03-03T09:00'), p)).toMatchObject({ offsetMinutes: 1440 });
    expect(dueReminder(b, kw('2026-03-03T10:00'), p)).toMatchObject({ offsetMinutes: 120 });
  });
});
