/**
 * Start-up of a command that runs the bot (`bookwell dev`, `bookwell
 * whatsapp`): a full sync first only when the catalog is missing or stale;
 * a fresh one is left to the schedule. Returns the line to log.
 */
import { catalogNeedsSync } from '../plugin/src/catalog/freshness';
import { fullSync } from '../plugin/src/catalog/sync';
import { formatSyncReport } from './format';
import type { Runtime } from './runtime';

export async function startUpSync(rt: Runtime): Promise<string> {
  const now = () => new Date();
  if (!(await catalogNeedsSync(rt.db.prisma, rt.business.id, now()))) return 'catalog: fresh, no sync at start (the schedule keeps it fresh)';
  return formatSyncReport(await fullSync(rt.services.sync(now)));
}
