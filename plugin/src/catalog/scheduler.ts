/**
 * The schedule of the background jobs, from configuration, in one place: a
 * full sync at `sync.fullSyncCron`, a slot refresh every
 * `sync.slotRefreshMinutes` and the booking reconciler (booking/reconcile.ts)
 * every `booking.reconcileMinutes`, in the business's time zone. A job is due when its schedule has a time
 * after the job's last claimed run (claim.ts), so whoever ticks — croner in
 * `bookwell dev` / `bookwell whatsapp` at the exact times, the plugin's
 * recurring tick on Botpress Cloud every few minutes — runs each job once per
 * time, and a time missed while nothing ticked is run at the next tick.
 */
import { Cron } from 'croner';

/** `bookings`: the booking reconciler. */
export type ScheduledJob = 'full' | 'slots' | 'bookings';

/** How often the plugin's recurring event looks on Botpress Cloud, whose recurring events are fixed in the definition. */
export const PLUGIN_TICK_CRON = '*/5 * * * *';
export const SCHEDULED_JOBS: readonly ScheduledJob[] = ['full', 'slots', 'bookings'];

export interface SyncSchedule {
  /** Cron expression of the full sync, in `timezone`. */
  fullSyncCron: string;
  /** Minutes between slot refreshes (1–59). */
  slotRefreshMinutes: number;
  /** Minutes between booking reconciler runs (1–59; default 1). */
  reconcileMinutes?: number;
  timezone: string;
}

/** The schedule a configuration sets. */
export function syncSchedule(config: {
  sync: { fullSyncCron: string; slotRefreshMinutes: number };
  booking?: { reconcileMinutes?: number };
  business: { timezone: string };
}): SyncSchedule {
  return {
    fullSyncCron: config.sync.fullSyncCron,
    slotRefreshMinutes: config.sync.slotRefreshMinutes,
    reconcileMinutes: config.booking?.reconcileMinutes ?? 1,
    timezone: config.business.timezone,
  };
}

const everyMinutes = (setting: string, n: number) => {
  if (!Number.isInteger(n) || n < 1 || n > 59) throw new Error(`sync schedule: ${setting} must be a whole number from 1 to 59, got ${n}`);
  return `*/${n} * * * *`;
};

/** A job's times, as a croner pattern in the schedule's zone (throws on a bad expression, naming the setting). */
export function cronOf(schedule: SyncSchedule, job: ScheduledJob): Cron {
  const pattern =
    job === 'full'
      ? schedule.fullSyncCron
      : job === 'slots'
        ? everyMinutes('sync.slotRefreshMinutes', schedule.slotRefreshMinutes)
        : everyMinutes('booking.reconcileMinutes', schedule.reconcileMinutes ?? 1);
  try {
    return new Cron(pattern, { timezone: schedule.timezone, paused: true });
  } catch (err) {
    throw new Error(`sync schedule: sync.fullSyncCron "${pattern}" is not a cron expression: ${(err as Error).message}`);
  }
}

/** Whether the job has a scheduled time in (after, now]: never run (no `after`) counts as due. */
export function isDue(schedule: SyncSchedule, job: ScheduledJob, after: Date | null, now: Date): boolean {
  if (!after) return true;
  const next = cronOf(schedule, job).nextRun(after);
  return next !== null && next.getTime() <= now.getTime();
}

/**
 * Ticks each job at its times with croner (`protect`: a tick is skipped while the
 * previous run of that job still goes). `tick` decides and runs (it claims first).
 */
export function startSyncScheduler(schedule: SyncSchedule, tick: (job: ScheduledJob) => Promise<unknown>, onError: (job: ScheduledJob, err: unknown) => void) {
  const crons = SCHEDULED_JOBS.map((job) => {
    const pattern = cronOf(schedule, job).getPattern()!;
    return new Cron(pattern, { timezone: schedule.timezone, protect: true }, async () => {
      await tick(job).catch((err: unknown) => onError(job, err));
    });
  });
  const [full, slots, bookings] = crons;
  return {
    /** When each job is ticked next after `from` (default: now). */
    nextRuns: (from?: Date) => ({ full: full.nextRun(from), slots: slots.nextRun(from), bookings: bookings.nextRun(from) }),
    stop() {
      crons.forEach((c) => c.stop());
    },
  };
}
