/**
 * One scheduled sync per business, however many processes tick: several bots
 * on Botpress Cloud sharing one database, or `bookwell dev` and `bookwell
 * whatsapp` side by side. Before a scheduled job runs, its tick claims it: in
 * one short transaction holding a Postgres advisory lock for (business, job),
 * it looks for a claim younger than `gapMs` in the EventLog and, finding none,
 * writes its own. Nothing to elect and nothing to lose: a process that dies
 * after claiming costs one tick, and the next tick anywhere runs the job.
 * (Hand-written: the field has no library for "at most once per interval" on
 * a database we already have; this is a lock and one row.)
 */
import type { Db } from '../store/database';
import { TX_OPTIONS } from './sync';

export type ScheduledJob = 'full' | 'slots';

export const CLAIM_KIND = 'sync_claimed';

export async function claimScheduledRun(prisma: Db, q: { businessId: string; job: ScheduledJob; now: Date; gapMs: number }): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    // xact lock: released with the transaction, on whatever pooled connection it ran
    await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtext(${`bookwell:sync:${q.businessId}:${q.job}`}))::text`;
    const recent = await tx.eventLog.findFirst({
      where: { businessId: q.businessId, kind: CLAIM_KIND, at: { gt: new Date(q.now.getTime() - q.gapMs) }, data: { path: ['job'], equals: q.job } },
      select: { id: true },
    });
    if (recent) return false;
    await tx.eventLog.create({ data: { businessId: q.businessId, at: q.now, level: 'info', kind: CLAIM_KIND, message: `scheduled ${q.job} sync claimed`, data: { job: q.job } } });
    return true;
  }, TX_OPTIONS);
}

/** Half the interval between ticks: a second process's tick of the same run is skipped, the next run's is not. */
export function claimGapMs(job: ScheduledJob, slotRefreshMinutes: number): number {
  return job === 'full' ? 6 * 60 * 60_000 : (slotRefreshMinutes * 60_000) / 2;
}

/** `jobs`, each run only when its tick wins the claim (returns null when another process has it). */
export function claimingJobs<T>(
  jobs: Record<ScheduledJob, () => Promise<T>>,
  q: { prisma: Db; businessId: string; now: () => Date; slotRefreshMinutes: number },
): Record<ScheduledJob, () => Promise<T | null>> {
  const gated = (job: ScheduledJob) => async () => {
    const won = await claimScheduledRun(q.prisma, { businessId: q.businessId, job, now: q.now(), gapMs: claimGapMs(job, q.slotRefreshMinutes) });
    return won ? jobs[job]() : null;
  };
  return { full: gated('full'), slots: gated('slots') };
}
