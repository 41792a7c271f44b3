/**
 * The schedule for CLI commands that run the bot for a while (`bookwell dev`,
 * `bookwell whatsapp`): the configured schedule (catalog/scheduler.ts) ticked
 * with croner, each tick claimed first, since another process on the same
 * database may be ticking too (catalog/claim.ts). The catalog jobs run here;
 * the booking reconciler runs inside the plugin (its `syncTick` event, which
 * claims it), since it messages customers as the bot does.
 * And, every minute, the plugin's reminder tick on the local host (what
 * Botpress Cloud's recurring event does every 5 minutes): each reminder is
 * claimed in the database, so processes side by side send it once.
 */
import { Cron } from 'croner';
import { scheduledJobs } from '../plugin/src/catalog/claim';
import { startSyncScheduler, syncSchedule } from '../plugin/src/catalog/scheduler';
import { fullSync, refreshSlots } from '../plugin/src/catalog/sync';
import { parseConfiguration } from '../plugin/src/config/parse';
import type { Host } from '../plugin/src/host/host';
import type { Runtime } from './runtime';

export const LOCAL_TICK_CRON = '* * * * *';

export function startSchedule(rt: Runtime, log: (line: string) => void, bot?: { host: Host; tick(): Promise<void> }): { stop(): void } {
  const now = () => new Date();
  const sync = () => rt.services.sync(now);
  const schedule = syncSchedule(parseConfiguration(rt.configuration));
  const catalogJobs = scheduledJobs({ full: () => fullSync(sync()), slots: () => refreshSlots(sync()) }, { prisma: rt.db.prisma, businessId: rt.business.id, now, schedule });
  const tick = (job: Parameters<typeof catalogJobs>[0]) => (job === 'bookings' ? (bot ? pluginTick(bot.host) : Promise.resolve(null)) : catalogJobs(job));
  const jobs = startSyncScheduler(schedule, tick, (job, err) => log(`${job === 'bookings' ? 'booking reconciler' : `${job} sync`} failed: ${(err as Error).message}`));
  const reminders = bot
    ? new Cron(LOCAL_TICK_CRON, { protect: true }, async () => {
        await bot.tick().catch((err: unknown) => log(`reminders failed: ${(err as Error).message}`));
      })
    : null;
  return {
    stop() {
      jobs.stop();
      reminders?.stop();
    },
  };
}

/** The plugin's recurring event, as Botpress Cloud sends it: runs whatever of its jobs is due and unclaimed; resolves once what it sent is delivered. */
export const pluginTick = (host: Host): Promise<void> => host.tick('bookwell#syncTick');
