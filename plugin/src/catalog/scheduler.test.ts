import { describe, expect, it } from 'vitest';
import { parseConfiguration } from '../config/parse';
import { loadFixture } from './fixture';
import { startSyncScheduler, syncSchedule } from './scheduler';

const tick = async () => undefined;

describe('sync scheduler', () => {
  it('ticks the full sync at its cron in the business time zone and the slot refresh every N minutes', () => {
    const s = startSyncScheduler({ fullSyncCron: '0 3 * * *', slotRefreshMinutes: 20, timezone: 'Asia/Kuwait' }, tick, () => undefined);
    try {
      const { full, slots } = s.nextRuns(new Date('2026-03-01T10:07:00Z'));
      // 03:00 in Kuwait is 00:00 UTC, the next day
      expect(full!.toISOString()).toBe('2026-03-02T00:00:00.000Z');
      expect(slots!.toISOString()).toBe('2026-03-01T10:20:00.000Z');
    } finally {
      s.stop();
    }
  });

  it('comes from the configuration: sync.fullSyncCron and sync.slotRefreshMinutes, in the business zone', () => {
    const config = parseConfiguration({ business: loadFixture('kuwait-spa').business, sync: { fullSyncCron: '30 4 * * 1', slotRefreshMinutes: 15 } });
    const s = startSyncScheduler(syncSchedule(config), tick, () => undefined);
    try {
      const { full, slots } = s.nextRuns(new Date('2026-03-01T10:07:00Z'));
      // Monday 04:30 in Kuwait
      expect(full!.toISOString()).toBe('2026-03-02T01:30:00.000Z');
      expect(slots!.toISOString()).toBe('2026-03-01T10:15:00.000Z');
    } finally {
      s.stop();
    }
  });

  it('ticks the booking reconciler every booking.reconcileMinutes', () => {
    const config = parseConfiguration({ business: loadFixture('kuwait-spa').business, booking: { reconcileMinutes: 2 } });
    const s = startSyncScheduler(syncSchedule(config), tick, () => undefined);
    try {
      expect(s.nextRuns(new Date('2026-03-01T10:07:30Z')).bookings!.toISOString()).toBe('2026-03-01T10:08:00.000Z');
    } finally {
      s.stop();
    }
    expect(() => startSyncScheduler({ fullSyncCron: '0 3 * * *', slotRefreshMinutes: 20, reconcileMinutes: 60, timezone: 'Asia/Kuwait' }, tick, () => undefined)).toThrow(/booking\.reconcileMinutes/);
  });

  it('rejects a bad schedule with a message naming the setting', () => {
    expect(() => startSyncScheduler({ fullSyncCron: '0 3 * * *', slotRefreshMinutes: 0, timezone: 'Asia/Kuwait' }, tick, () => undefined)).toThrow(/sync\.slotRefreshMinutes/);
    expect(() => startSyncScheduler({ fullSyncCron: 'not a cron', slotRefreshMinutes: 20, timezone: 'Asia/Kuwait' }, tick, () => undefined)).toThrow(/sync\.fullSyncCron/);
  });
});
