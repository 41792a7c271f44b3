/**
 * Runs catalog sync on a schedule, never inside a conversation: a nightly full
 * sync and a slot refresh every few minutes (croner; `protect` skips a run
 * while the previous one is still going).
 */
import { Cron } from 'croner';

export interface SyncSchedule {
  /** Cron expression of the full sync, in the business time zone. */
  fullSyncCron: string;
  /** Minutes between slot refreshes (15–30 recommended). */
  slotRefreshMinutes: number;
  timezone: string;
}

export const DEFAULT_SCHEDULE: Omit<SyncSchedule, 'timezone'> = { fullSyncCron: '0 3 * * *', slotRefreshMinutes: 20 };

/** The plugin's recurring events (plugin.definition.ts): Botpress runs them in UTC, the same for every bot. */
export const PLUGIN_SCHEDULE: Omit<SyncSchedule, 'timezone'> = { fullSyncCron: '0 0 * * *', slotRefreshMinutes: 20 };

export interface SyncJobs {
  full(): Promise<unknown>;
  slots(): Promise<unknown>;
}

export function startSyncScheduler(schedule: SyncSchedule, jobs: SyncJobs, onError: (job: 'full' | 'slots', err: unknown) => void) {
  if (!Number.isInteger(schedule.slotRefreshMinutes) || schedule.slotRefreshMinutes < 1 || schedule.slotRefreshMinutes > 59) {
    throw new Error(`sync schedule: slotRefreshMinutes must be a whole number from 1 to 59, got ${schedule.slotRefreshMinutes}`);
  }
  const run = (job: 'full' | 'slots') => async () => {
    await jobs[job]().catch((err: unknown) => onError(job, err));
  };
  const opts = { timezone: schedule.timezone, protect: true };
  const full = new Cron(schedule.fullSyncCron, opts, run('full'));
  const slots = new Cron(`*/${schedule.slotRefreshMinutes} * * * *`, opts, run('slots'));
  return {
    /** When each job runs next after `from` (default: now). */
    nextRuns: (from?: Date) => ({ full: full.nextRun(from), slots: slots.nextRun(from) }),
    stop() {
      full.stop();
      slots.stop();
    },
  };
}
