/**
 * The real scenario target: every scenario runs through the Bookwell plugin
 * inside a real Botpress bot handler on the local host, behind the inbound
 * pipeline, on a real database, against the provider simulator over HTTP.
 * One target per vitest worker: its own database (database.ts), the catalog
 * templates its scenarios need, and one scenario world at a time in it
 * (tenants.ts, session.ts).
 */
import { loadFixture } from '../../plugin/src/catalog/fixture';
import { DEFAULT_SLOT_DAYS } from '../../plugin/src/catalog/sync';
import type { Database } from '../../plugin/src/store/database';
import type { ScenarioTarget } from '../runner/target';
import { openWorkerDatabase } from './database';
import { openSession } from './session';
import { createTenants } from './tenants';

/** `db`: a database opened already (tests); by default the worker's own. */
export async function createTarget(opts: { db?: Database } = {}): Promise<ScenarioTarget> {
  const db = opts.db ?? (await openWorkerDatabase());
  // as far ahead as the plugin copies by default, so a scenario may book any day a customer could
  const deps = { db, tenants: createTenants(db), slotDays: DEFAULT_SLOT_DAYS };
  return {
    open: (given, ctx) => openSession(deps, given, ctx.scenarioId),
    async prepare(givens) {
      // a scenario with a bad catalog fails on its own when it opens
      await Promise.all(givens.map((g) => Promise.resolve().then(() => deps.tenants.template(loadFixture(g.catalog), new Date(g.now), deps.slotDays)).catch(() => undefined)));
    },
    close: () => db.close(),
  };
}
