/**
 * Scenario worlds from a template in a few milliseconds: a shared catalog with
 * per-scenario overlays, undone in SQL.
 *
 * A template tenant per (fixture, clock, slot days) is synced once per
 * database from the simulator (what the scenario's own sync would write).
 * Then the database is photographed: every table's rows are copied into the
 * schema `harness_pristine`, and the transaction id at that moment is kept.
 * A scenario runs in the template tenant itself; whatever it writes, in any
 * table, carries a newer transaction id (xmin). When it ends, one SQL call
 * puts the database back: rows newer than the mark are deleted and the
 * pristine versions of those of them that existed before are put back (all
 * rows of a table, when a statement trigger saw a DELETE, TRUNCATE or primary
 * key update on it). Foreign keys are not checked while it does (replication
 * role replica): the result is the photographed, consistent state.
 *
 * Why not a fresh tenant per scenario, copied from the template in SQL? One
 * INSERT … SELECT per table (ids prefixed, foreign keys unchecked) is the
 * fastest copy we found, but it writes every catalog row (~790) each time:
 * measured side by side on the loaded shared machine, about 34 ms of CPU on
 * PGlite (12–15 ms quiet) and 5 ms on Postgres, against 12 ms (PGlite) and
 * 2 ms (Postgres) to undo a whole scenario here; the copy the harness had
 * (joins on external ids, uuids) took 115–170 ms (58 ms quiet). Undoing
 * costs what the scenario wrote, not what the catalog holds.
 *
 * What it asks for: one scenario at a time per database (`lease` queues them;
 * each vitest worker has its own database), and nothing of a business kept in
 * the process after its host closes (the plugin's services are dropped on
 * close; the same holds for `restart:`).
 */
import { DateTime } from 'luxon';
import { ensureBusiness } from '../../plugin/src/catalog/business';
import type { CatalogFixture } from '../../plugin/src/catalog/fixture';
import { fullSync } from '../../plugin/src/catalog/sync';
import { createNailItClient } from '../../plugin/src/provider/nailit-client';
import { startSimulator } from '../../plugin/src/provider/simulator';
import type { Database } from '../../plugin/src/store/database';

const SCHEMA = 'harness_pristine';
/** How long a scenario waits for the one before it in this worker to give the database back. */
const LEASE_WAIT_MS = 30_000;

export interface Lease {
  businessId: string;
  /** Puts the database back as photographed; the next scenario may start. */
  release(): Promise<void>;
}

export interface Tenants {
  /** The template tenant of (fixture, clock, days): synced once per database, then kept. */
  template(fixture: CatalogFixture, now: Date, slotDays: number): Promise<string>;
  /** The database for one scenario in `template`'s tenant, after the scenario before it was undone. */
  lease(template: string, scenario: string): Promise<Lease>;
}

interface Table {
  name: string;
  pk: string[];
}

const q = (name: string) => `"${name.replace(/"/g, '""')}"`;

export function createTenants(db: Database): Tenants {
  const templates = new Map<string, Promise<string>>();
  let queue: Promise<void> = Promise.resolve();
  let holder = '';
  let mark: string | null = null;

  /** One holder at a time; a holder that never lets go is named in the error of the next. */
  async function exclusive<T>(who: string, fn: () => Promise<T>): Promise<T> {
    const before = queue;
    let done!: () => void;
    queue = new Promise<void>((resolve) => (done = resolve));
    let timer: ReturnType<typeof setTimeout> | undefined;
    const waited = await Promise.race([before.then(() => true), new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), LEASE_WAIT_MS)))]);
    clearTimeout(timer);
    if (!waited) {
      void before.then(done);
      throw new Error(`the database of this worker is still in use by "${holder}" after ${LEASE_WAIT_MS / 1000} s (did it hang?)`);
    }
    holder = who;
    try {
      return await fn();
    } finally {
      done();
    }
  }

  async function build(fixture: CatalogFixture, now: Date, slotDays: number, id: string): Promise<string> {
    return exclusive(`building ${id}`, async () => {
      const sim = await startSimulator({ fixture, seed: 1, now: () => now });
      try {
        await ensureBusiness(db.prisma, { ...fixture.business, id });
        const r = await fullSync({ prisma: db.prisma, provider: createNailItClient({ baseUrl: sim.url }), businessId: id, now: () => now, slotDays });
        if (r.status !== 'ok') throw new Error(`template sync of ${fixture.business.id} failed: ${r.errors.map((e) => e.message).join('; ')}`);
      } finally {
        await sim.close();
      }
      await photograph();
      return id;
    });
  }

  /** Copies every table into SCHEMA, (re)creates the restore function and the triggers, and marks the moment. */
  async function photograph(): Promise<void> {
    const tables = await tablesOf(db);
    const x = (sql: string) => db.prisma.$executeRawUnsafe(sql);
    await x(`CREATE SCHEMA IF NOT EXISTS ${SCHEMA}`);
    await x(`CREATE TABLE IF NOT EXISTS ${SCHEMA}.touched (tbl text PRIMARY KEY)`);
    await x(`CREATE OR REPLACE FUNCTION ${SCHEMA}.touch() RETURNS trigger LANGUAGE plpgsql AS $f$
      BEGIN INSERT INTO ${SCHEMA}.touched VALUES (TG_TABLE_NAME) ON CONFLICT DO NOTHING; RETURN NULL; END $f$`);
    for (const t of tables) {
      await x(`DROP TABLE IF EXISTS ${SCHEMA}.${q(t.name)}`);
      await x(`CREATE TABLE ${SCHEMA}.${q(t.name)} AS SELECT * FROM ${q(t.name)}`);
      await x(`DROP TRIGGER IF EXISTS harness_touched ON ${q(t.name)}`);
      await x(`CREATE TRIGGER harness_touched AFTER DELETE OR TRUNCATE OR UPDATE OF ${t.pk.map(q).join(', ')} ON ${q(t.name)} FOR EACH STATEMENT EXECUTE FUNCTION ${SCHEMA}.touch()`);
    }
    await x(restoreFunction(tables));
    await x(`DELETE FROM ${SCHEMA}.touched`);
    mark = (await db.prisma.$queryRawUnsafe<Array<{ mark: string }>>(`SELECT (txid_current() % 4294967296)::text AS mark`))[0].mark;
  }

  async function restore(): Promise<void> {
    mark = (await db.prisma.$queryRawUnsafe<Array<{ mark: string }>>(`SELECT ${SCHEMA}.restore($1::text::xid) AS mark`, mark))[0].mark;
  }

  return {
    template(fixture, now, slotDays) {
      const id = `tpl-${fixture.business.id}-${DateTime.fromJSDate(now, { zone: 'utc' }).toFormat("yyyyMMdd'T'HHmmss")}-${slotDays}d`;
      let t = templates.get(id);
      if (!t) {
        t = build(fixture, now, slotDays, id);
        t.catch(() => templates.delete(id));
        templates.set(id, t);
      }
      return t;
    },
    async lease(template, scenario) {
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      let leased!: () => void;
      const ready = new Promise<void>((resolve) => (leased = resolve));
      const held = exclusive(scenario, async () => {
        leased();
        await released;
        await restore();
      });
      await Promise.race([ready, held]);
      return {
        businessId: template,
        async release() {
          release();
          await held;
        },
      };
    },
  };
}

/** Every table of the schema with its primary key (a table without one could not be put back). */
async function tablesOf(db: Database): Promise<Table[]> {
  const rows = await db.prisma.$queryRawUnsafe<Array<{ t: string; c: string | null }>>(`
    SELECT t.table_name::text AS t, k.column_name::text AS c
    FROM information_schema.tables t
    LEFT JOIN information_schema.table_constraints c ON c.table_schema = t.table_schema AND c.table_name = t.table_name AND c.constraint_type = 'PRIMARY KEY'
    LEFT JOIN information_schema.key_column_usage k ON k.constraint_schema = c.constraint_schema AND k.constraint_name = c.constraint_name
    WHERE t.table_schema = current_schema() AND t.table_type = 'BASE TABLE' AND t.table_name <> '_prisma_migrations'
    ORDER BY t.table_name, k.ordinal_position`);
  const tables = new Map<string, string[]>();
  for (const r of rows) {
    if (r.c === null) throw new Error(`table ${r.t} has no primary key: the scenario harness cannot put it back after a scenario`);
    tables.set(r.t, [...(tables.get(r.t) ?? []), r.c]);
  }
  return [...tables].map(([name, pk]) => ({ name, pk }));
}

/** One call that undoes a scenario; returns the new mark (its own transaction id). */
function restoreFunction(tables: Table[]): string {
  const body = tables.map((t) => {
    const live = q(t.name);
    const pristine = `${SCHEMA}.${q(t.name)}`;
    const pk = t.pk.map(q).join(', ');
    const same = t.pk.map((c) => `x.${q(c)} = p.${q(c)}`).join(' AND ');
    return `
    IF '${t.name}' = ANY(touched) THEN
      DELETE FROM ${live} WHERE age(xmin) < age(mark);
      INSERT INTO ${live} SELECT p.* FROM ${pristine} p WHERE NOT EXISTS (SELECT 1 FROM ${live} x WHERE ${same});
    ELSE
      WITH d AS (DELETE FROM ${live} WHERE age(xmin) < age(mark) RETURNING ${pk})
      INSERT INTO ${live} SELECT p.* FROM ${pristine} p JOIN d USING (${pk});
    END IF;`;
  });
  return `CREATE OR REPLACE FUNCTION ${SCHEMA}.restore(mark xid) RETURNS text LANGUAGE plpgsql AS $f$
  DECLARE touched text[];
  BEGIN
    SET LOCAL session_replication_role = replica;
    SELECT coalesce(array_agg(tbl), '{}') INTO touched FROM ${SCHEMA}.touched;
    ${body.join('\n')}
    DELETE FROM ${SCHEMA}.touched;
    RETURN (txid_current() % 4294967296)::text;
  END $f$`;
}
