/**
 * A real database for tests: embedded PGlite in memory by default, or a fresh
 * database on the Postgres server named by TEST_DATABASE_URL (CI sets it when
 * a server answers on 127.0.0.1:5432). One database per test file; tests in a
 * file isolate themselves by business id.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '../../plugin/src/store/database';

export const onPostgresServer = !!process.env.TEST_DATABASE_URL;

/** `prefix` names the server database (a scenario worker's carries its run, so the run can drop what its workers leave). */
export async function openTestDatabase(prefix = 'bookwell_test'): Promise<Database> {
  const admin = process.env.TEST_DATABASE_URL;
  if (!admin) return openDatabase({ dataDir: null });
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  await withClient(admin, (c) => c.query(`CREATE DATABASE ${name}`));
  const url = new URL(admin);
  url.pathname = `/${name}`;
  const db = await openDatabase({ url: url.toString() });
  return {
    ...db,
    async close() {
      await db.close();
      await withClient(admin, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}

async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}
