/**
 * Start-up of a command that runs the bot (`bookwell dev`, `bookwell
 * whatsapp`): a full sync first only when the catalog is missing or stale;
 * a fresh one is left to the schedule. Returns the line to log. A sync that
 * failed or was partial stops the command (non-zero exit) with what failed,
 * where and why: a bot on a broken catalog would offer nothing, or half.
 */
import { catalogNeedsSync } from '../plugin/src/catalog/freshness';
import { fullSync, type SyncReport } from '../plugin/src/catalog/sync';
import { formatSyncReport } from './format';
import type { Runtime } from './runtime';

export class StartupSyncError extends Error {
  readonly name = 'StartupSyncError';
  constructor(readonly report: SyncReport) {
    super(`the catalog sync at start-up ${report.status === 'partial' ? 'was partial' : 'failed'}, so the bot does not start:\n${formatSyncReport(report)}`);
  }
}

export async function startUpSync(rt: Pick<Runtime, 'db' | 'business' | 'services'>): Promise<string> {
  const now = () => new Date();
  if (!(await catalogNeedsSync(rt.db.prisma, rt.business.id, now()))) return 'catalog: fresh, no sync at start (the schedule keeps it fresh)';
  const report = await fullSync(rt.services.sync(now));
  if (report.status !== 'ok') throw new StartupSyncError(report);
  return formatSyncReport(report);
}

/** `bookwell sync`'s exit code: anything but a complete sync is a failure. */
export const syncExitCode = (report: Pick<SyncReport, 'status'>): number => (report.status === 'ok' ? 0 : 1);
