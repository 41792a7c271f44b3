/**
 * vitest globalSetup of the scenario runs: on a Postgres server (TEST_DATABASE_URL)
 * it names this run's worker databases and drops them when the run ends. It
 * runs in vitest's main process, so it imports nothing of the plugin.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export const RUN_ENV = 'BOOKWELL_SCENARIO_RUN';
export const runDatabasePrefix = (run: string) => `bookwell_scenarios_${run}`;

export default function setup(): (() => Promise<void>) | undefined {
  const admin = process.env.TEST_DATABASE_URL;
  if (!admin) return undefined;
  const run = randomBytes(4).toString('hex');
  // workers are started after this and inherit it
  process.env[RUN_ENV] = run;
  return async () => {
    const c = new pg.Client({ connectionString: admin });
    await c.connect();
    try {
      const { rows } = await c.query<{ name: string }>(`SELECT datname AS name FROM pg_database WHERE datname LIKE $1`, [`${runDatabasePrefix(run)}\\_%`]);
      for (const { name } of rows) await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    } finally {
      await c.end();
    }
  };
}
