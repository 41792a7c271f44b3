/**
 * The catalog sync schedule for CLI commands that run the bot for a while
 * (`bookwell dev`, `bookwell whatsapp`): nightly full sync and the slot
 * refresh, each tick claimed first, since another process on the same
 * database may be ticking too (plugin/src/catalog/claim.ts).
 */
import { claimingJobs } from '../plugin/src/catalog/claim';
import { DEFAULT_SCHEDULE, startSyncScheduler } from '../plugin/src/catalog/scheduler';
import { fullSync, refreshSlots } from '../plugin/src/catalog/sync';
import type { Runtime } from './runtime';

export function startSchedule(rt: Runtime, log: (line: string) => void): { stop(): void } {
  const deps = { prisma: rt.db.prisma, provider: rt.provider, businessId: rt.business.id, now: () => new Date() };
  const jobs = claimingJobs(
    { full: () => fullSync(deps), slots: () => refreshSlots(deps) },
    { prisma: rt.db.prisma, businessId: rt.business.id, now: deps.now, slotRefreshMinutes: DEFAULT_SCHEDULE.slotRefreshMinutes },
  );
  return startSyncScheduler({ ...DEFAULT_SCHEDULE, timezone: rt.business.timezone }, jobs, (job, err) => log(`${job} sync failed: ${(err as Error).message}`));
}
