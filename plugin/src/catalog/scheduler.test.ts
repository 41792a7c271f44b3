import { describe, expect, it } from 'vitest';
import { startSyncScheduler } from './scheduler';

const jobs = { full: async () => undefined, slots: async () => undefined };

describe('sync scheduler', () => {
  it('plans the nightly full sync in the business time zone and the slot refresh every N minutes', () => {
    const s = startSyncScheduler({ fullSyncCron: '0 3 * * *', slotRefreshMinutes: 20, timezone: 'Asia/Kuwait' }, jobs, () => undefined);
    try {
      const { full, slots } = s.nextRuns(new Date('2026-03-01T10:07:00Z'));
      // 03:00 in Kuwait is 00:00 UTC, the next day
      expect(full!.toISOString()).toBe('2026-03-02T00:00:00.000Z');
      expect(slots!.toISOString()).toBe('2026-03-01T10:20:00.000Z');
    } finally {
      s.stop();
    }
  });

  it('rejects a bad schedule with a message naming the field', () => {
    expect(() => startSyncScheduler({ fullSyncCron: '0 3 * * *', slotRefreshMinutes: 0, timezone: 'Asia/Kuwait' }, jobs, () => undefined)).toThrow(
      /slotRefreshMinutes/,
    );
    expect(() => startSyncScheduler({ fullSyncCron: 'not a cron', slotRefreshMinutes: 20, timezone: 'Asia/Kuwait' }, jobs, () => undefined)).toThrow();
  });
});
