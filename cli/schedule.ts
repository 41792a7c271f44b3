/**
 * The catalog sync schedule for CLI commands that run the bot for a while
 * (`bookwell dev`, `bookwell whatsapp`): the configured schedule
 * (catalog/scheduler.ts) ticked with croner, each tick claimed first, since
 * another process on the same database may be ticking too (catalog/claim.ts).
 */
import { scheduledJobs } from '../plugin/src/catalog/claim';
import { startSyncScheduler, syncSchedule } from '../plugin/src/catalog/scheduler';
import { fullSync, refreshSlots } from '../plugin/src/catalog/sync';
import { parseConfiguration } from '../plugin/src/config/parse';
import type { Runtime } from './runtime';

export function startSchedule(rt: Runtime, log: (line: string) => void): { stop(): void } {
  const now = () => new Date();
  const sync = () => rt.services.sync(now);
  const schedule = syncSchedule(parseConfiguration(rt.configuration));
  const tick = scheduledJobs({ full: () => fullSync(sync()), slots: () => refreshSlots(sync()) }, { prisma: rt.db.prisma, businessId: rt.business.id, now, schedule });
  return startSyncScheduler(schedule, tick, (job, err) => log(`${job} sync failed: ${(err as Error).message}`));
}
