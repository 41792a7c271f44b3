/**
 * npm run bench:sync — catalog sync figures (printed, never asserted):
 * full sync of the Kuwait fixture and of a generated chain ten times larger,
 * then the no-change re-sync of each. Embedded PGlite, or the Postgres server
 * at DATABASE_URL; the simulator over loopback HTTP.
 */
import { ensureBusiness } from '../plugin/src/catalog/business';
import { loadFixture, type CatalogFixture } from '../plugin/src/catalog/fixture';
import { fullSync, type SyncReport } from '../plugin/src/catalog/sync';
import { createNailItClient } from '../plugin/src/provider/nailit-client';
import { startSimulator } from '../plugin/src/provider/simulator';
import { openDatabase } from '../plugin/src/store/database';

const NOW = new Date('2026-03-01T06:00:00Z');
const DAYS = 14;

/** The Kuwait chain copied `times` times: locations, their staff and service offers multiplied. */
function scaled(base: CatalogFixture, times: number): CatalogFixture {
  const copies = Array.from({ length: times }, (_, i) => i);
  const loc = (id: string, i: number) => (i === 0 ? id : `${id}-${i}`);
  const svc = (id: string, i: number) => (i === 0 ? id : `${id}-${i}`);
  return {
    ...base,
    business: { ...base.business, id: `${base.business.id}-x${times}` },
    locations: copies.flatMap((i) => base.locations.map((l) => ({ ...l, id: loc(l.id, i), name: i ? `${l.name} ${i}` : l.name }))),
    services: copies.flatMap((i) => base.services.map((s) => ({ ...s, id: svc(s.id, i), locations: s.locations.map((l) => loc(l, i)) }))),
    staff: copies.flatMap((i) => base.staff.map((p) => ({ ...p, id: i ? `${p.id}-${i}` : p.id, locationId: loc(p.locationId, i) }))),
  };
}

function line(label: string, r: SyncReport) {
  const rate = r.durationMs ? Math.round((r.rowsWritten / r.durationMs) * 1000) : 0;
  console.log(
    `${label.padEnd(28)} ${String(r.providerCalls).padStart(6)} calls ${String(r.rowsWritten).padStart(7)} rows written ` +
      `${String(r.durationMs).padStart(7)} ms ${String(rate).padStart(7)} rows/s  (${r.locations} loc, ${r.services} svc, ${r.staff} staff, ${r.slots} windows, ${r.status})`,
  );
}

const db = await openDatabase({ url: process.env.DATABASE_URL ?? null, dataDir: null });
console.log(`database: ${db.embedded ? 'embedded PGlite (in memory)' : 'Postgres server'}; ${DAYS} days of slots; concurrency 4`);
try {
  const kuwait = loadFixture('kuwait-spa');
  for (const [label, fixture] of [['Kuwait fixture', kuwait], ['generated chain x10', scaled(kuwait, 10)]] as const) {
    const sim = await startSimulator({ fixture, seed: 1, now: () => NOW });
    try {
      const businessId = `${fixture.business.id}-${Date.now()}`;
      await ensureBusiness(db.prisma, { ...fixture.business, id: businessId });
      const provider = createNailItClient({ baseUrl: sim.url });
      const deps = { prisma: db.prisma, provider, businessId, now: () => NOW, slotDays: DAYS };
      line(`${label}: full sync`, await fullSync(deps));
      line(`${label}: re-sync, no change`, await fullSync(deps));
    } finally {
      await sim.close();
    }
  }
} finally {
  await db.close();
}
