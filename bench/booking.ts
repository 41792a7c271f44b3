/**
 * Confirmations per second end to end: live re-check, pending booking,
 * AddOrder, stored order and link, against the provider simulator over HTTP
 * on 127.0.0.1, with 0 ms and 50 ms of provider latency per call (a latency
 * fault on every endpoint), one at a time and several at once. Each run books
 * distinct free slots of a fresh tenant; p50/p99 are per confirmation.
 * Database: in-memory PGlite, or DATABASE_URL.
 * Run: npx tsx bench/booking.ts [confirmations] [concurrency,...]
 */
import pLimit from 'p-limit';
import { createBookingService } from '../plugin/src/booking';
import { ensureBusiness } from '../plugin/src/catalog/business';
import { loadFixture } from '../plugin/src/catalog/fixture';
import { createDbCatalog } from '../plugin/src/catalog/queries';
import { fullSync } from '../plugin/src/catalog/sync';
import { createNailItClient } from '../plugin/src/provider/nailit-client';
import { startSimulator, type Simulator } from '../plugin/src/provider/simulator';
import { openDatabase, type Database } from '../plugin/src/store/database';

const total = Number(process.argv[2] ?? 200);
const concurrencies = (process.argv[3] ?? '1,8').split(',').map(Number);
const NOW = new Date('2026-03-01T06:00:00Z');
const fixture = loadFixture('kuwait-spa');
const ENDPOINTS = ['GetItemsByDate', 'AddOrder', 'GetOrder', 'CancelOrder'] as const;

/** Distinct, non-overlapping (staff, service, start) choices from the synced copy. */
async function freeChoices(db: Database, businessId: string, n: number) {
  const snapshot = await createDbCatalog({ prisma: db.prisma, businessId, now: () => NOW }).snapshot();
  const catalog = createDbCatalog({ prisma: db.prisma, businessId, now: () => NOW });
  const choices: Array<{ locationId: string; serviceId: string; staffId: string; start: Date }> = [];
  for (const loc of snapshot.locations) {
    const windows = await catalog.freeWindows({ locationId: loc.id, from: NOW, to: new Date(NOW.getTime() + 14 * 86_400_000) });
    for (const w of windows) {
      const person = snapshot.staff.find((s) => s.id === w.staffId)!;
      const service = snapshot.services.find((s) => person.serviceIds.includes(s.id) && s.locationIds.includes(loc.id))!;
      const step = service.durationMin * 60_000;
      for (let t = Math.ceil(w.start.getTime() / 900_000) * 900_000; t + step <= w.end.getTime(); t += step) {
        choices.push({ locationId: loc.id, serviceId: service.id, staffId: w.staffId, start: new Date(t) });
      }
    }
  }
  if (choices.length < n) throw new Error(`only ${choices.length} free slots for ${n} confirmations`);
  // spread over locations and days rather than filling one staff member's day first
  return Array.from({ length: n }, (_, i) => choices[Math.floor((i * choices.length) / n)]);
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];

async function run(db: Database, sim: Simulator, latencyMs: number, concurrency: number) {
  sim.reset();
  const businessId = `bench-${latencyMs}-${concurrency}-${Date.now()}`;
  await ensureBusiness(db.prisma, { ...fixture.business, id: businessId });
  const provider = createNailItClient({ baseUrl: sim.url, timeoutMs: 5000 });
  await fullSync({ prisma: db.prisma, provider, businessId, now: () => NOW, slotDays: 14 });
  const choices = await freeChoices(db, businessId, total);
  if (latencyMs > 0) sim.faults.set(ENDPOINTS.map((endpoint) => ({ endpoint, kind: 'latency' as const, ms: latencyMs })));

  const booking = createBookingService({ prisma: db.prisma, provider, businessId, now: () => NOW });
  const limit = pLimit(concurrency);
  const times: number[] = [];
  const kinds: Record<string, number> = {};
  const t0 = performance.now();
  await Promise.all(
    choices.map((c, i) =>
      limit(async () => {
        const s = performance.now();
        const r = await booking.confirm({
          customer: { phone: `+9656${String(i).padStart(7, '0')}`, name: `Bench ${i}` },
          locationId: c.locationId,
          items: [{ serviceId: c.serviceId, staffId: c.staffId, start: c.start }],
          confirmationId: `bench-${i}`,
        });
        times.push(performance.now() - s);
        kinds[r.kind] = (kinds[r.kind] ?? 0) + 1;
      }),
    ),
  );
  const seconds = (performance.now() - t0) / 1000;
  times.sort((a, b) => a - b);
  if (sim.ledger.orders().length !== (kinds.booked ?? 0)) throw new Error('ledger and bookings disagree');
  console.log(
    `latency ${String(latencyMs).padStart(2)} ms, concurrency ${String(concurrency).padStart(2)}: ` +
      `${(total / seconds).toFixed(1).padStart(6)} confirmations/s, p50 ${percentile(times, 0.5).toFixed(1)} ms, p99 ${percentile(times, 0.99).toFixed(1)} ms ` +
      `(${Object.entries(kinds).map(([k, v]) => `${v} ${k}`).join(', ')})`,
  );
}

const db = await openDatabase({ url: process.env.DATABASE_URL ?? null, dataDir: null });
const sim = await startSimulator({ fixture, seed: 7, now: () => NOW });
console.log(`${total} confirmations per run, database: ${db.embedded ? 'PGlite (in memory)' : 'Postgres server'}`);
try {
  for (const latency of [0, 50]) for (const c of concurrencies) await run(db, sim, latency, c);
} finally {
  await sim.close();
  await db.close();
}
