/**
 * Applies prisma/migrations/<name>/migration.sql in name order and records each
 * in `_prisma_migrations` exactly as Prisma Migrate does (same table, sha256
 * checksum of the file), so `prisma migrate deploy` on a normal machine sees
 * them as applied. We run our own because `prisma migrate deploy` does not work
 * with the JS engine on Postgres here (prisma/orm#27403).
 *
 * The migrations are compiled in (migrations.generated.ts, made from
 * prisma/migrations by `npm run gen:plugin`), not read from the file
 * system: the bundled plugin runs where prisma/ does not exist.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { withChecksum, type Migration } from './migration-files';
import { migrationFiles } from './migrations.generated';

export { readMigrations, type Migration } from './migration-files';

// Any constant works; it serialises concurrent runners on one database.
const ADVISORY_LOCK_KEY = 7_240_117;

const BOOKKEEPING_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

export class MigrationError extends Error {
  readonly name = 'MigrationError';
}

/** The migrations this build of the plugin carries. */
export const compiledMigrations = (): Migration[] => migrationFiles.map(withChecksum);

export interface MigrateResult {
  applied: string[];
  alreadyApplied: string[];
}

/** A pool to borrow one session from (a database another copy of the plugin opened shares its pool). */
export interface SessionPool {
  connect(): Promise<Pick<pg.PoolClient, 'query' | 'release'>>;
}

async function session(target: string | SessionPool) {
  if (typeof target !== 'string') {
    const client = await target.connect();
    return { query: client.query.bind(client) as pg.ClientBase['query'], end: async () => client.release() };
  }
  const client = new pg.Client({ connectionString: target });
  await client.connect();
  return { query: client.query.bind(client) as pg.ClientBase['query'], end: () => client.end() };
}

/**
 * Applies pending migrations, each in its own transaction. Rejects a migration
 * whose file changed after it was applied, and one left failed by an earlier run.
 */
export async function migrate(target: string | SessionPool, migrations = compiledMigrations()): Promise<MigrateResult> {
  const client = await session(target);
  try {
    await client.query('SELECT pg_advisory_lock($1)', [ADVISORY_LOCK_KEY]);
    await client.query(BOOKKEEPING_TABLE);
    const { rows } = await client.query<{ migration_name: string; checksum: string; finished_at: Date | null; rolled_back_at: Date | null }>(
      'SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"',
    );
    const done = new Map(rows.filter((r) => !r.rolled_back_at).map((r) => [r.migration_name, r]));
    const result: MigrateResult = { applied: [], alreadyApplied: [] };
    for (const m of migrations) {
      const row = done.get(m.name);
      if (row && !row.finished_at) {
        throw new MigrationError(`migration ${m.name} failed in an earlier run and was not rolled back; fix the database, then mark it rolled back`);
      }
      if (row) {
        if (row.checksum !== m.checksum) {
          throw new MigrationError(
            `migration ${m.name} was edited after it was applied (checksum ${row.checksum.slice(0, 12)}… in the database, ${m.checksum.slice(0, 12)}… in this build); add a new migration instead`,
          );
        }
        result.alreadyApplied.push(m.name);
        continue;
      }
      await client.query('BEGIN');
      try {
        await client.query(m.sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
           VALUES ($1, $2, $3, now(), now(), 1)`,
          [randomUUID(), m.checksum, m.name],
        );
        await client.query('COMMIT');
      } catch (err) {
        await client.query('ROLLBACK');
        throw new MigrationError(`migration ${m.name} failed: ${(err as Error).message}`);
      }
      result.applied.push(m.name);
    }
    return result;
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [ADVISORY_LOCK_KEY]).catch(() => undefined);
    await client.end();
  }
}
