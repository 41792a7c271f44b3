/**
 * The database of one scenario worker: in-memory PGlite, or a fresh database
 * on the Postgres server at TEST_DATABASE_URL, as the database tests do. A
 * worker needs one of its own: a scenario world is put back by undoing every
 * table (tenants.ts). vitest ends its workers without closing their targets,
 * so server databases are named after the run and dropped when it ends
 * (global-setup.ts).
 */
import { openTestDatabase } from '../../test/support/database';
import type { Database } from '../../plugin/src/store/database';
import { forgetDatabase } from '../../plugin/src/store/registry';
import { RUN_ENV, runDatabasePrefix } from './global-setup';


export async function openWorkerDatabase(): Promise<Database> {
  const db = await openTestDatabase(runDatabasePrefix(process.env[RUN_ENV] ?? 'adhoc'));
  return {
    ...db,
    async close() {
      // sessions registered it for the plugin's handlers; a later target must not be handed a closed one
      forgetDatabase(db);
      await db.close();
    },
  };
}
