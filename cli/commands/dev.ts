/**
 * `bookwell dev` (= `npm start`): the product on its embedded defaults.
 * Embedded database, built-in simulator, a full sync, the catalog summary and
 * the sync schedule; runs until Ctrl-C.
 */
import type { Command } from 'commander';
import { createDbCatalog } from '../../plugin/src/catalog/queries';
import { DEFAULT_SCHEDULE, startSyncScheduler } from '../../plugin/src/catalog/scheduler';
import { fullSync, refreshSlots } from '../../plugin/src/catalog/sync';
import { formatCatalog, formatSyncReport } from '../format';
import { openRuntime, readEnv } from '../runtime';

export function register(program: Command) {
  program
    .command('dev')
    .description('run Bookwell locally: embedded database, provider simulator, catalog sync')
    .option('--once', 'sync, print the catalog summary and exit')
    .action(async (opts: { once?: boolean }) => {
      const rt = await openRuntime(readEnv());
      const deps = { prisma: rt.db.prisma, provider: rt.provider, businessId: rt.business.id, now: () => new Date() };
      let stopScheduler = () => {};
      const shutdown = async () => {
        stopScheduler();
        await rt.close();
      };
      try {
        console.log(`database: ${rt.db.embedded ? 'embedded (PGlite, .bookwell/db)' : 'Postgres server (DATABASE_URL)'}`);
        console.log(`provider: ${rt.simulator ? `built-in simulator at ${rt.simulator.url}` : 'Nail It API'}`);
        console.log(formatSyncReport(await fullSync(deps)));
        console.log(formatCatalog(await createDbCatalog({ prisma: rt.db.prisma, businessId: rt.business.id, now: deps.now }).snapshot()));
        if (opts.once || !process.stdin.isTTY) return await shutdown();
        const scheduler = startSyncScheduler({ ...DEFAULT_SCHEDULE, timezone: rt.business.timezone }, { full: () => fullSync(deps), slots: () => refreshSlots(deps) }, (job, err) =>
          console.error(`${job} sync failed: ${(err as Error).message}`),
        );
        stopScheduler = scheduler.stop;
        console.log(`next slot refresh ${scheduler.nextRuns().slots?.toISOString()}; Ctrl-C to stop`);
        await new Promise<void>((resolve) => process.once('SIGINT', resolve));
        await shutdown();
      } catch (err) {
        await shutdown();
        throw err;
      }
    });
}
