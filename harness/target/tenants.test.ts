/** Scenario worlds in the template's tenant, put back as photographed when each scenario lets go. */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadFixture } from '../../plugin/src/catalog/fixture';
import type { Database } from '../../plugin/src/store/database';
import { openWorkerDatabase } from './database';
import { createTenants, type Tenants } from './tenants';
import { dumpDatabase } from './testing/dump';

const fixture = loadFixture('kuwait-spa');
const NOW = new Date('2026-03-01T06:00:00Z');
let db: Database;
let tenants: Tenants;

beforeAll(async () => {
  db = await openWorkerDatabase();
  tenants = createTenants(db);
});
afterAll(() => db?.close());

describe('scenario tenants', () => {
  test('whatever a scenario wrote is undone when it lets go: rows added, changed and deleted, in any table', { timeout: 120_000 }, async () => {
    const template = await tenants.template(fixture, NOW, 2);
    const before = await dumpDatabase(db);
    for (let round = 1; round <= 2; round++) {
      const lease = await tenants.lease(template, `round ${round}`);
      expect(lease.businessId).toBe(template);
      await x(`INSERT INTO "Customer" (id, "businessId", phone, "updatedAt") VALUES ('c-${round}', $1, '+96599887766', now())`, template);
      await x(`UPDATE "Slot" SET active = false, "lastSyncedAt" = now() WHERE "businessId" = $1 AND date = (SELECT min(date) FROM "Slot")`, template);
      await x(`DELETE FROM "StaffService" WHERE "staffId" IN (SELECT id FROM "Staff" WHERE "businessId" = $1 LIMIT 2)`, template);
      expect(await x(`UPDATE "SyncRun" SET id = id || '-moved' WHERE "businessId" = $1`, template)).toBeGreaterThan(0);
      await x(`UPDATE "Business" SET name = 'renamed' WHERE id = $1`, template);
      await lease.release();
      expect(await dumpDatabase(db)).toEqual(before);
    }
  });

  test('one scenario at a time: the next waits until the one before is undone; a second template is photographed beside the first', { timeout: 120_000 }, async () => {
    const first = await tenants.template(fixture, NOW, 2);
    const a = await tenants.lease(first, 'a');
    let bStarted = false;
    const b = tenants.lease(first, 'b').then((lease) => ((bStarted = true), lease));
    await x(`INSERT INTO "EventLog" (id, "businessId", level, kind, message) VALUES ('e-a', $1, 'info', 'test', 'written by a')`, first);
    await new Promise((r) => setTimeout(r, 50));
    expect(bStarted).toBe(false);
    await a.release();
    const leaseB = await b;
    expect(await db.prisma.$queryRawUnsafe(`SELECT id FROM "EventLog" WHERE id = 'e-a'`)).toEqual([]);
    await leaseB.release();

    const second = await tenants.template(fixture, new Date(NOW.getTime() + 86_400_000), 2);
    expect(second).not.toBe(first);
    const before = await dumpDatabase(db);
    const c = await tenants.lease(second, 'c');
    await x(`DELETE FROM "Slot" WHERE "businessId" = $1`, first);
    await c.release();
    expect(await dumpDatabase(db)).toEqual(before);
  });

  test('a table without a primary key is refused by name (it could not be put back)', { timeout: 120_000 }, async () => {
    await x(`CREATE TABLE "NoKey" (v int)`);
    try {
      await expect(tenants.template(fixture, new Date(NOW.getTime() + 2 * 86_400_000), 2)).rejects.toThrow('table NoKey has no primary key');
    } finally {
      await x(`DROP TABLE "NoKey"`);
    }
  });
});

function x(sql: string, ...values: unknown[]) {
  return db.prisma.$executeRawUnsafe(sql, ...values);
}
