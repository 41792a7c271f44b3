/**
 * Scenario setup without a sync per scenario: each (fixture, clock) is synced
 * from the simulator once per worker into a template tenant, and each scenario's
 * tenant gets a copy in one transaction of INSERT … SELECT statements (ids are
 * fresh; links are re-pointed by external id). The simulator of a scenario
 * serves the same fixture with the same seed, so the copy is what its own
 * sync would have written.
 */
import { ensureBusiness } from '../../plugin/src/catalog/business';
import { fullSync } from '../../plugin/src/catalog/sync';
import type { CatalogBusiness } from '../../plugin/src/catalog/types';
import type { CatalogFixture } from '../../plugin/src/catalog/fixture';
import { createNailItClient } from '../../plugin/src/provider/nailit-client';
import { startSimulator } from '../../plugin/src/provider/simulator';
import type { Database } from '../../plugin/src/store/database';

/** Per database: a template lives in the database it was synced into (a second target opens another). */
const templatesOf = new WeakMap<Database, Map<string, Promise<string>>>();

async function buildTemplate(db: Database, fixture: CatalogFixture, now: Date, slotDays: number, key: string): Promise<string> {
  const id = `template-${key}`;
  const sim = await startSimulator({ fixture, seed: 1, now: () => now });
  try {
    await ensureBusiness(db.prisma, { ...fixture.business, id });
    const r = await fullSync({ prisma: db.prisma, provider: createNailItClient({ baseUrl: sim.url }), businessId: id, now: () => now, slotDays });
    if (r.status !== 'ok') throw new Error(`template sync of ${fixture.business.id} failed: ${r.errors.map((e) => e.message).join('; ')}`);
    return id;
  } finally {
    await sim.close();
  }
}

/** The template tenant of (fixture, clock, days) in `db`: synced on first use, then kept. */
export function templateFor(db: Database, fixture: CatalogFixture, now: Date, slotDays: number): Promise<string> {
  const key = `${fixture.business.id}-${now.getTime()}-${slotDays}`;
  const templates = templatesOf.get(db) ?? new Map<string, Promise<string>>();
  templatesOf.set(db, templates);
  let template = templates.get(key);
  if (!template) {
    template = buildTemplate(db, fixture, now, slotDays, key);
    template.catch(() => templates.delete(key));
    templates.set(key, template);
  }
  return template;
}

/** Makes `business` a tenant holding the catalog that a sync of `fixture` at `now` writes. */
export async function seedCatalog(db: Database, fixture: CatalogFixture, business: CatalogBusiness, now: Date, slotDays: number): Promise<void> {
  const from = await templateFor(db, fixture, now, slotDays);
  await ensureBusiness(db.prisma, business);
  const to = business.id;
  await db.prisma.$transaction([
    db.prisma.$executeRaw`INSERT INTO "Location" (id, "businessId", "externalId", name, "nameAr", area, address, phone, timezone, hours, "lastSyncedAt", "validUntil", active)
      SELECT gen_random_uuid()::text, ${to}, "externalId", name, "nameAr", area, address, phone, timezone, hours, "lastSyncedAt", "validUntil", active FROM "Location" WHERE "businessId" = ${from}`,
    db.prisma.$executeRaw`INSERT INTO "Service" (id, "businessId", "externalId", name, "nameAr", category, "durationMin", price, currency, "lastSyncedAt", "validUntil", active)
      SELECT gen_random_uuid()::text, ${to}, "externalId", name, "nameAr", category, "durationMin", price, currency, "lastSyncedAt", "validUntil", active FROM "Service" WHERE "businessId" = ${from}`,
    db.prisma.$executeRaw`INSERT INTO "LocationService" ("businessId", "locationId", "serviceId", "lastSyncedAt", "validUntil", active)
      SELECT ${to}, nl.id, ns.id, ls."lastSyncedAt", ls."validUntil", ls.active FROM "LocationService" ls
      JOIN "Location" ol ON ol.id = ls."locationId" JOIN "Location" nl ON nl."businessId" = ${to} AND nl."externalId" = ol."externalId"
      JOIN "Service" os ON os.id = ls."serviceId" JOIN "Service" ns ON ns."businessId" = ${to} AND ns."externalId" = os."externalId"
      WHERE ls."businessId" = ${from}`,
    db.prisma.$executeRaw`INSERT INTO "Staff" (id, "businessId", "externalId", "locationId", name, "lastSyncedAt", "validUntil", active)
      SELECT gen_random_uuid()::text, ${to}, p."externalId", nl.id, p.name, p."lastSyncedAt", p."validUntil", p.active FROM "Staff" p
      JOIN "Location" ol ON ol.id = p."locationId" JOIN "Location" nl ON nl."businessId" = ${to} AND nl."externalId" = ol."externalId"
      WHERE p."businessId" = ${from}`,
    db.prisma.$executeRaw`INSERT INTO "StaffService" ("businessId", "staffId", "serviceId", "lastSyncedAt", "validUntil", active)
      SELECT ${to}, np.id, ns.id, x."lastSyncedAt", x."validUntil", x.active FROM "StaffService" x
      JOIN "Staff" op ON op.id = x."staffId" JOIN "Staff" np ON np."businessId" = ${to} AND np."externalId" = op."externalId"
      JOIN "Service" os ON os.id = x."serviceId" JOIN "Service" ns ON ns."businessId" = ${to} AND ns."externalId" = os."externalId"
      WHERE x."businessId" = ${from}`,
    db.prisma.$executeRaw`INSERT INTO "Slot" (id, "businessId", "externalId", "locationId", "staffId", date, start, "end", "lastSyncedAt", "validUntil", active)
      SELECT gen_random_uuid()::text, ${to}, s."externalId", nl.id, np.id, s.date, s.start, s."end", s."lastSyncedAt", s."validUntil", s.active FROM "Slot" s
      JOIN "Location" ol ON ol.id = s."locationId" JOIN "Location" nl ON nl."businessId" = ${to} AND nl."externalId" = ol."externalId"
      JOIN "Staff" op ON op.id = s."staffId" JOIN "Staff" np ON np."businessId" = ${to} AND np."externalId" = op."externalId"
      WHERE s."businessId" = ${from}`,
  ]);
}
