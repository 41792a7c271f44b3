/**
 * One scheduled sync per business and time, however many processes tick:
 * several bots on Botpress Cloud sharing one database, or `bookwell dev` and
 * `bookwell whatsapp` side by side. Before a scheduled job runs, its tick
 * claims it: in one short transaction holding a Postgres advisory lock for
 * (business, job), it reads the job's last claim in the EventLog and, when the
 * schedule has a time since then (scheduler.ts `isDue`), writes its own.
 * Nothing to elect and nothing to lose: a process that dies after claiming
 * costs that run, and the job's next time runs it anywhere. (Hand-written:
 * the field has no library for "once per scheduled time" on a database we
 * already have; this is a lock and one row.)
 */
import type { Db } from '../store/database';
import { isDue, type ScheduledJob, type SyncSchedule } from './scheduler';
import { TX_OPTIONS } from './sync';

export const CLAIM_KIND = 'sync_claimed';

/** True when this tick won the job's run: it was due, and no other process claimed it first. */
export async function claimIfDue(prisma: Db, q: { businessId: string; job: ScheduledJob; now: Date; schedule: SyncSchedule }): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    // xact lock: released with the transaction, on whatever pooled connection it ran
    await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtext(${`bookwell:sync:${q.businessId}:${q.job}`}))::text`;
    const last = await tx.eventLog.findFirst({
      where: { businessId: q.businessId, kind: CLAIM_KIND, data: { path: ['job'], equals: q.job } },
      orderBy: { at: 'desc' },
      select: { at: true },
    });
    if (!isDue(q.schedule, q.job, last?.at ?? null, q.now)) return false;
    await tx.eventLog.create({ data: { businessId: q.businessId, at: q.now, level: 'info', kind: CLAIM_KIND, message: `scheduled ${q.job} sync claimed`, data: { job: q.job } } });
    return true;
  }, TX_OPTIONS);
}

/** `jobs`, each run only when its tick finds it due and claims it (null otherwise, and for a job not given). */
export function scheduledJobs<T>(
  jobs: Partial<Record<ScheduledJob, () => Promise<T>>>,
  q: { prisma: Db; businessId: string; now: () => Date; schedule: SyncSchedule },
): (job: ScheduledJob) => Promise<T | null> {
  return async (job) => {
    const run = jobs[job];
    if (!run) return null;
    return (await claimIfDue(q.prisma, { businessId: q.businessId, job, now: q.now(), schedule: q.schedule })) ? run() : null;
  };
}
