/** `bookwell sync [--slots-only] [--json]`: one catalog sync, then a summary; exit 1 when it failed or was partial. */
import type { Command } from 'commander';
import { fullSync, refreshSlots } from '../../plugin/src/catalog/sync';
import { openRuntime, readEnv } from '../runtime';
import { formatSyncReport } from '../format';
import { syncExitCode } from '../startup';

export function register(program: Command) {
  program
    .command('sync')
    .description('sync the catalog from the provider (the built-in simulator when BOOKWELL_PROVIDER_URL is unset)')
    .option('--slots-only', 'refresh free time slots only')
    .option('--days <n>', 'days of slots to sync', (v) => Number.parseInt(v, 10), 14)
    .option('--json', 'print one JSON object: {locations, services, staff, slots, rowsWritten, providerCalls, durationMs}')
    .action(async (opts: { slotsOnly?: boolean; days: number; json?: boolean }) => {
      if (!Number.isInteger(opts.days) || opts.days < 1 || opts.days > 90) throw new Error('--days must be a whole number from 1 to 90');
      const rt = await openRuntime(readEnv());
      try {
        const deps = { ...rt.services.sync(() => new Date()), slotDays: opts.days };
        const r = opts.slotsOnly ? await refreshSlots(deps) : await fullSync(deps);
        if (opts.json) {
          const { locations, services, staff, slots, rowsWritten, providerCalls, durationMs } = r;
          console.log(JSON.stringify({ locations, services, staff, slots, rowsWritten, providerCalls, durationMs, ...(r.errors.length ? { errors: r.errors } : {}) }));
        } else {
          console.log(formatSyncReport(r));
        }
        // partial too: a catalog missing a branch's staff or slots is not a working one
        process.exitCode = syncExitCode(r);
      } finally {
        await rt.close();
      }
    });
}
