import { mkdtempSync, mkdirSync, writeFileSync, cpSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../test/support/database';
import type { Database } from './database';
import { fileURLToPath } from 'node:url';
import { migrate, MigrationError, readMigrations } from './migrate';
import { DatabaseLockedError, startEmbeddedDatabase } from './embedded';

const MIGRATIONS_DIR = fileURLToPath(new URL('../../../prisma/migrations', import.meta.url));
let db: Database;
let dir: string;

beforeAll(async () => {
  db = await openTestDatabase();
  dir = mkdtempSync(join(tmpdir(), 'bookwell-migrations-'));
});
afterAll(async () => {
  await db?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function query<T extends pg.QueryResultRow>(sql: string): Promise<T[]> {
  // the embedded database serves one connection: borrow Prisma's
  return db.prisma.$queryRawUnsafe<T[]>(sql);
}

describe('migrations runner', () => {
  it('applied every migration at open, with Prisma Migrate bookkeeping', async () => {
    const rows = await query<{ migration_name: string; checksum: string; finished_at: Date | null; applied_steps_count: number }>(
      'SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name',
    );
    const onDisk = readMigrations(MIGRATIONS_DIR);
    expect(rows.map((r) => r.migration_name)).toEqual(onDisk.map((m) => m.name));
    expect(rows.map((r) => r.checksum)).toEqual(onDisk.map((m) => m.checksum));
    expect(rows.every((r) => r.finished_at !== null && r.applied_steps_count === 1)).toBe(true);
  });

  // The embedded database accepts one connection, held by Prisma; these run on a Postgres server or their own PGlite.
  it('is idempotent, applies only new migrations, and rejects an edited one', async () => {
    const own = await startEmbeddedDatabase({ dataDir: null });
    try {
      cpSync(MIGRATIONS_DIR, dir, { recursive: true });
      const first = await migrate(own.url, readMigrations(dir));
      expect(first.applied.length).toBe(readMigrations(MIGRATIONS_DIR).length);
      const again = await migrate(own.url, readMigrations(dir));
      expect(again).toEqual({ applied: [], alreadyApplied: first.applied });

      mkdirSync(join(dir, '29990101000000_add_note'));
      writeFileSync(join(dir, '29990101000000_add_note', 'migration.sql'), 'ALTER TABLE "Business" ADD COLUMN "note" TEXT;\n');
      expect((await migrate(own.url, readMigrations(dir))).applied).toEqual(['29990101000000_add_note']);

      writeFileSync(join(dir, '29990101000000_add_note', 'migration.sql'), 'ALTER TABLE "Business" ADD COLUMN "note2" TEXT;\n');
      await expect(migrate(own.url, readMigrations(dir))).rejects.toThrow(/29990101000000_add_note was edited after it was applied/);
      await expect(migrate(own.url, readMigrations(dir))).rejects.toBeInstanceOf(MigrationError);

      // a failing migration leaves nothing half-applied
      rmSync(join(dir, '29990101000000_add_note'), { recursive: true });
      mkdirSync(join(dir, '29990101000001_broken'));
      writeFileSync(join(dir, '29990101000001_broken', 'migration.sql'), 'CREATE TABLE "Half" (id int);\nSELECT no_such_function();\n');
      const broken = readMigrations(dir).filter((m) => m.name !== '29990101000000_add_note');
      await expect(migrate(own.url, broken)).rejects.toThrow(/29990101000001_broken failed/);
      const c = new pg.Client({ connectionString: own.url });
      await c.connect();
      const half = await c.query(`SELECT to_regclass('"Half"') AS t`);
      const recorded = await c.query(`SELECT 1 FROM "_prisma_migrations" WHERE migration_name = '29990101000001_broken'`);
      await c.end();
      expect(half.rows[0].t).toBeNull();
      expect(recorded.rowCount).toBe(0);
    } finally {
      await own.close();
    }
  });
});

describe('embedded database', () => {
  it('refuses a second opener of the same data directory with a clear error', async () => {
    const dataDir = join(dir, 'db');
    const first = await startEmbeddedDatabase({ dataDir });
    try {
      await expect(startEmbeddedDatabase({ dataDir })).rejects.toBeInstanceOf(DatabaseLockedError);
      await expect(startEmbeddedDatabase({ dataDir })).rejects.toThrow(/in use by another bookwell process/);
    } finally {
      await first.close();
    }
    // released on close: it opens again
    const second = await startEmbeddedDatabase({ dataDir });
    await second.close();
  });
});
