/**
 * The fault run: many customers say yes while the provider fails 30% of its
 * calls (timeouts that still do the work, 5xx, truncated bodies, at random,
 * seeded), then the booking reconciler runs (under faults too, then on a
 * healthy provider) as the schedule would. What every customer was told is
 * recorded — the chat's reply at the yes (booking-step.ts says the link for
 * booked/already_booked, "nothing was booked" for provider_down/failed/
 * slot_taken, "still confirming" for outcome_unknown) and the reconciler's
 * notices — and checked against the provider's ledger:
 *   - everyone told "booked" (a link) has that order at the provider;
 *   - everyone told "nothing booked" has none;
 *   - every order at the provider reached its customer's chat with its link exactly once;
 *   - no booking is left pending, and everyone told "still confirming" was told the outcome once.
 * The booking service, the Nail It client and the simulator over HTTP are
 * the real ones; time is the harness's scenario clock, so a timeout or a
 * backoff costs no wall time.
 */
import { createBookingService, type BookingNotice, type ConfirmResult } from '../../plugin/src/booking';
import { ensureBusiness } from '../../plugin/src/catalog/business';
import { loadFixture } from '../../plugin/src/catalog/fixture';
import { createDbCatalog } from '../../plugin/src/catalog/queries';
import { fullSync } from '../../plugin/src/catalog/sync';
import { createNailItClient } from '../../plugin/src/provider/nailit-client';
import type { FaultSpec } from '../../plugin/src/provider/simulator/faults';
import { startSimulator } from '../../plugin/src/provider/simulator';
import type { Database } from '../../plugin/src/store/database';
import { ScenarioClock } from '../../harness/target/scenario-clock';

const NOW = new Date('2026-03-01T06:00:00Z');
const fixture = loadFixture('kuwait-spa');
const FAULTY = ['GetItemsByDate', 'AddOrder', 'GetOrder'] as const;

export interface FaultRunOptions {
  bookings: number;
  /** Share of provider calls that fail (0–1). */
  faultRate: number;
  seed: number;
  /** A scheduled reconciler run after every this many bookings (under faults). */
  reconcileEvery?: number;
}

export interface FaultRunReport {
  bookings: number;
  faultRate: number;
  providerCalls: number;
  faultsInjected: number;
  /** What the chat said at the yes. */
  atYes: Record<'link' | 'nothing_booked' | 'still_confirming', number>;
  /** The reconciler's messages. */
  notices: Record<'link' | 'not_made', number>;
  reconcilerRuns: number;
  ordersAtProvider: number;
  pendingLeft: number;
  /** Each a customer told something false, or an order whose link did not reach its chat exactly once. */
  falseStatements: string[];
  wallMs: number;
  virtualMs: number;
  /** Times the scenario clock had to move on after real time without a held reply (see scenario-clock.ts). */
  forcedClockAdvances: number;
}

/** A seeded PRNG (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Each of the next calls of each endpoint fails with probability `rate`, in one of the ways a provider fails. */
function faultPlan(rand: () => number, rate: number, calls = 12): FaultSpec[] {
  const specs: FaultSpec[] = [];
  for (const endpoint of FAULTY) {
    for (let call = 1; call <= calls; call++) {
      if (rand() >= rate) continue;
      const r = rand();
      specs.push(r < 0.4 ? { endpoint, kind: 'timeout', call } : r < 0.8 ? { endpoint, kind: 'error', status: r < 0.6 ? 500 : 503, call } : { endpoint, kind: 'malformed', call });
    }
  }
  return specs;
}

/** Distinct, non-overlapping (staff, service, start) choices from the synced copy, spread over branches and days. */
async function freeChoices(db: Database, businessId: string, n: number) {
  const catalog = createDbCatalog({ prisma: db.prisma, businessId, now: () => NOW });
  const snapshot = await catalog.snapshot();
  const choices: Array<{ locationId: string; serviceId: string; staffId: string; start: Date }> = [];
  for (const loc of snapshot.locations) {
    const windows = await catalog.freeWindows({ locationId: loc.id, from: NOW, to: new Date(NOW.getTime() + 7 * 86_400_000) });
    for (const w of windows) {
      const person = snapshot.staff.find((s) => s.id === w.staffId)!;
      const service = snapshot.services.find((s) => person.serviceIds.includes(s.id) && s.locationIds.includes(loc.id))!;
      const step = service.durationMin * 60_000;
      for (let t = Math.ceil(w.start.getTime() / 900_000) * 900_000; t + step <= w.end.getTime(); t += step) {
        choices.push({ locationId: loc.id, serviceId: service.id, staffId: w.staffId, start: new Date(t) });
      }
    }
  }
  if (choices.length < n) throw new Error(`only ${choices.length} free slots for ${n} bookings`);
  return Array.from({ length: n }, (_, i) => choices[Math.floor((i * choices.length) / n)]);
}

const saidAtYes = (r: ConfirmResult): 'link' | 'nothing_booked' | 'still_confirming' =>
  r.kind === 'booked' || r.kind === 'already_booked' ? 'link' : r.kind === 'outcome_unknown' ? 'still_confirming' : 'nothing_booked';

export async function runFaults(db: Database, opts: FaultRunOptions): Promise<FaultRunReport> {
  const t0 = performance.now();
  const rand = random(opts.seed);
  const clock = new ScenarioClock(NOW);
  const sim = await startSimulator({ fixture, seed: 1, now: clock.date, hold: clock.hold });
  try {
    const businessId = `faults-${opts.seed}-${Date.now()}`;
    await ensureBusiness(db.prisma, { ...fixture.business, id: businessId });
    await fullSync({ prisma: db.prisma, provider: createNailItClient({ baseUrl: sim.url }), businessId, now: () => NOW, slotDays: 7 });
    const choices = await freeChoices(db, businessId, opts.bookings);

    // the production client (single attempts, 8 s timeout, breaker after 5 failures) on the scenario clock;
    // the breaker's half-open wait is wall time (cockatiel), so it is short here
    const provider = createNailItClient({ baseUrl: sim.url, clock: { now: clock.now, sleep: clock.sleep }, breaker: { failureThreshold: 5, resetMs: 20 } });
    const booking = createBookingService({ prisma: db.prisma, provider, businessId, now: clock.date, sleep: (ms) => clock.sleep(ms) });

    // what each chat (by our conversation row) was told
    const told = new Map<string, Array<{ what: 'link' | 'nothing_booked' | 'still_confirming' | 'not_made'; link?: string }>>();
    const tell = (conversationId: string, what: 'link' | 'nothing_booked' | 'still_confirming' | 'not_made', link?: string) =>
      told.set(conversationId, [...(told.get(conversationId) ?? []), { what, ...(link ? { link } : {}) }]);
    const report: FaultRunReport = {
      bookings: opts.bookings, faultRate: opts.faultRate, providerCalls: 0, faultsInjected: 0,
      atYes: { link: 0, nothing_booked: 0, still_confirming: 0 }, notices: { link: 0, not_made: 0 },
      reconcilerRuns: 0, ordersAtProvider: 0, pendingLeft: 0, falseStatements: [], wallMs: 0, virtualMs: 0, forcedClockAdvances: 0,
    };
    const notify = async (n: BookingNotice) => {
      if (n.outcome === 'confirmed' && n.paymentLink) {
        tell(n.conversationId, 'link', n.paymentLink);
        report.notices.link++;
      } else {
        tell(n.conversationId, 'not_made');
        report.notices.not_made++;
      }
    };
    const countCalls = () => Object.values(sim.calls()).reduce((a, b) => a + b, 0);
    const underFaults = async <T>(fn: () => Promise<T>): Promise<T> => {
      const plan = faultPlan(rand, opts.faultRate);
      sim.faults.set(plan);
      const before = sim.calls();
      try {
        return await fn();
      } finally {
        // faults actually hit: the planned calls that were made
        const after = sim.calls();
        report.faultsInjected += plan.filter((f) => (f.call ?? 1) <= after[f.endpoint] - before[f.endpoint]).length;
        report.providerCalls += countCalls() - Object.values(before).reduce((a, b) => a + b, 0);
        sim.faults.clear();
      }
    };
    const reconcile = async (faults: boolean) => {
      report.reconcilerRuns++;
      const run = () => booking.reconcile({ notify });
      return faults ? underFaults(run) : run().finally(() => undefined);
    };

    const conversations: string[] = [];
    for (let i = 0; i < choices.length; i++) {
      const c = choices[i];
      const phone = `+9656${String(i).padStart(7, '0')}`;
      const customer = await db.prisma.customer.create({ data: { businessId, phone, name: `Customer ${i}` } });
      const conv = await db.prisma.conversation.create({ data: { businessId, channel: 'botpress', externalId: `conv-${i}`, customerId: customer.id } });
      conversations.push(conv.id);
      const r = await underFaults(() =>
        booking.confirm({
          conversationId: conv.id,
          customer: { phone, name: `Customer ${i}` },
          locationId: c.locationId,
          items: [{ serviceId: c.serviceId, staffId: c.staffId, start: c.start }],
          confirmationId: `yes-${i}`,
          language: 'en',
        }),
      );
      const said = saidAtYes(r);
      report.atYes[said]++;
      tell(conv.id, said, said === 'link' ? (r.kind === 'booked' ? r.paymentLink : 'booking' in r ? (r.booking.paymentLink ?? undefined) : undefined) : undefined);
      if (opts.reconcileEvery && (i + 1) % opts.reconcileEvery === 0) await reconcile(true);
    }
    // the schedule's next runs: one more under faults, then until nothing is pending on a healthy provider
    await reconcile(true);
    for (let k = 0; k < 5; k++) {
      const before = report.reconcilerRuns;
      const r = await reconcile(false);
      if (r.unresolved === 0 && r.notSent === 0 && report.reconcilerRuns > before) break;
    }

    // the checks, against the provider's ledger
    const keyOf = (i: number) => `${businessId}:${conversations[i]}:yes-${i}`;
    const orders = sim.ledger.orders().filter((o) => o.idempotencyKey.startsWith(`${businessId}:`));
    report.ordersAtProvider = orders.length;
    for (let i = 0; i < conversations.length; i++) {
      const order = orders.find((o) => o.idempotencyKey === keyOf(i) && o.status === 'confirmed');
      const said = told.get(conversations[i]) ?? [];
      const links = said.filter((s) => s.what === 'link');
      const nothing = said.filter((s) => s.what === 'nothing_booked' || s.what === 'not_made');
      if (order) {
        if (nothing.length) report.falseStatements.push(`customer ${i} told nothing was booked, but the provider holds order ${order.orderId}`);
        if (links.length !== 1) report.falseStatements.push(`customer ${i}: order ${order.orderId} reached the chat ${links.length} times`);
        else if (links[0].link !== order.paymentLink) report.falseStatements.push(`customer ${i} got link ${links[0].link}, the order's is ${order.paymentLink}`);
      } else {
        if (links.length) report.falseStatements.push(`customer ${i} told booked (${links[0].link}), but the provider has no order`);
        if (said.some((s) => s.what === 'still_confirming') && !nothing.length) report.falseStatements.push(`customer ${i} was never told that the booking did not go through`);
      }
    }
    report.pendingLeft = await db.prisma.booking.count({ where: { businessId, status: 'pending' } });
    if (report.pendingLeft) report.falseStatements.push(`${report.pendingLeft} bookings still pending after the reconciler`);
    report.wallMs = Math.round(performance.now() - t0);
    report.virtualMs = clock.now() - NOW.getTime();
    report.forcedClockAdvances = clock.forcedAdvances;
    return report;
  } finally {
    await sim.close();
    clock.dispose();
  }
}

export function formatFaultRun(r: FaultRunReport): string[] {
  return [
    `bookings ${r.bookings} at a ${Math.round(r.faultRate * 100)}% fault rate: ${r.faultsInjected} faults in ${r.providerCalls} provider calls (${r.providerCalls ? Math.round((100 * r.faultsInjected) / r.providerCalls) : 0}%)`,
    `at the yes: ${r.atYes.link} told booked with a link, ${r.atYes.nothing_booked} told nothing was booked, ${r.atYes.still_confirming} told it is being confirmed`,
    `reconciler: ${r.reconcilerRuns} runs, ${r.notices.link} links and ${r.notices.not_made} "did not go through" sent; ${r.pendingLeft} bookings left pending`,
    `provider orders: ${r.ordersAtProvider}; customers told something false: ${r.falseStatements.length}`,
    `time: ${r.wallMs} ms wall, ${Math.round(r.virtualMs / 1000)} s virtual (${r.forcedClockAdvances} forced clock advances)`,
    ...r.falseStatements.slice(0, 10).map((s) => `  FALSE: ${s}`),
  ];
}
