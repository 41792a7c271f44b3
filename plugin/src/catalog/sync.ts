/**
 * Catalog sync: full (locations → services and staff per location → slots for
 * N days), slots only, and the just-in-time refresh of stale rows. Provider
 * calls run with bounded concurrency; each location (and each location-date of
 * slots) is written in its own transaction, so a provider failure keeps the
 * progress made so far and is recorded in the SyncRun and the EventLog.
 */
import { DateTime } from 'luxon';
import pLimit from 'p-limit';
import type { Db } from '../store/database';
import { ProviderError, type BookingProvider, type ProviderLocation } from '../provider/port';
import type { Clock } from '../runtime/clock';
import { retry, type Backoff } from '../runtime/retry';
import { confirmBefore, DEFAULT_FRESHNESS, validUntil, type FreshnessPolicy } from './freshness';
import { bumpCatalogVersion } from './business';
import { deactivateServicesNotIn, writeLocationCatalog, writeLocations, type Stamp } from './write-catalog';
import { writeSlots } from './write-slots';

export interface SyncDeps {
  prisma: Db;
  provider: BookingProvider;
  businessId: string;
  now: () => Date;
  freshness?: FreshnessPolicy;
  /** Days of slots to keep, today included. */
  slotDays?: number;
  /** Provider calls in flight at once. */
  concurrency?: number;
  /** How each read is retried on a transient error; default SYNC_READ_RETRY. */
  retry?: Backoff & { retries: number };
  clock?: Clock;
}

/** A blip does not cost a scope until the next run: each read is retried twice, after 250 and 500 ms. */
export const SYNC_READ_RETRY: Backoff & { retries: number } = { retries: 2, initialMs: 250, maxMs: 1000 };

export type SyncKind = 'full' | 'slots' | 'jit';

export interface SyncReport {
  kind: SyncKind;
  status: 'ok' | 'partial' | 'failed';
  locations: number;
  services: number;
  staff: number;
  slots: number;
  rowsWritten: number;
  providerCalls: number;
  durationMs: number;
  errors: Array<{ scope: string; message: string }>;
}

export const DEFAULT_SLOT_DAYS = 14;

const READS = ['getLocations', 'getLocationServices', 'getLocationStaff', 'getItemsByDate'] as const;
const PORT_METHODS = [...READS, 'addOrder', 'getOrder', 'cancelOrder'] as const;

/** Counts calls without changing behaviour (the console's progress of a sync it started). */
export function countingProvider(provider: BookingProvider): { provider: BookingProvider; calls: () => number } {
  let n = 0;
  const wrapped = {} as Record<string, unknown>;
  for (const k of PORT_METHODS) {
    wrapped[k] = (...a: unknown[]) => {
      n++;
      return (provider[k] as (...x: unknown[]) => unknown).apply(provider, a);
    };
  }
  return { provider: wrapped as unknown as BookingProvider, calls: () => n };
}

/** The reads a sync makes: each retried on a transient error, and counted once however many attempts it took. */
export function syncReads(deps: SyncDeps): { provider: Pick<BookingProvider, (typeof READS)[number]>; calls: () => number } {
  let n = 0;
  const policy = deps.retry ?? SYNC_READ_RETRY;
  const wrapped = {} as Record<string, unknown>;
  for (const k of READS) {
    wrapped[k] = (...a: unknown[]) => {
      n++;
      const read = () => (deps.provider[k] as (...x: unknown[]) => Promise<unknown>).apply(deps.provider, a);
      return retry(read, { ...policy, clock: deps.clock, retryable: (e) => e instanceof ProviderError && e.transient });
    };
  }
  return { provider: wrapped as unknown as BookingProvider, calls: () => n };
}

interface RunCtx {
  deps: SyncDeps;
  provider: Pick<BookingProvider, (typeof READS)[number]>;
  catalogStamp: Stamp;
  slotStamp: Stamp;
  report: SyncReport;
  limit: ReturnType<typeof pLimit>;
  /** Runs one write transaction at a time: provider calls overlap, writes queue here rather than on the pool. */
  write: <T>(fn: (tx: Tx) => Promise<T>) => Promise<T>;
}

type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];
// a sync transaction writes at most one location-day or one location's catalog; waiting is done by `write`
/** On the embedded database (one connection) a transaction may wait for a sync's write to finish. */
export const TX_OPTIONS = { maxWait: 30_000, timeout: 60_000 };

async function withRun(deps: SyncDeps, kind: SyncKind, body: (ctx: RunCtx) => Promise<void>): Promise<SyncReport> {
  const fresh = deps.freshness ?? DEFAULT_FRESHNESS;
  const now = deps.now();
  const started = performance.now();
  const counted = syncReads(deps);
  const stamp = (ttl: number): Stamp => ({ now, validUntil: validUntil(now, ttl), confirmBefore: confirmBefore(now, ttl) });
  const writer = pLimit(1);
  const report: SyncReport = { kind, status: 'ok', locations: 0, services: 0, staff: 0, slots: 0, rowsWritten: 0, providerCalls: 0, durationMs: 0, errors: [] };
  const run = await deps.prisma.syncRun.create({ data: { businessId: deps.businessId, kind, status: 'running', startedAt: now } });
  const ctx: RunCtx = { deps, provider: counted.provider, catalogStamp: stamp(fresh.catalogTtlMs), slotStamp: stamp(fresh.slotTtlMs), report, limit: pLimit(deps.concurrency ?? 4), write: (fn) => writer(() => deps.prisma.$transaction(fn, TX_OPTIONS)) };
  try {
    await body(ctx);
  } catch (err) {
    report.errors.push({ scope: 'sync', message: (err as Error).message });
  }
  report.providerCalls = counted.calls();
  report.durationMs = Math.round(performance.now() - started);
  report.status = report.errors.length === 0 ? 'ok' : report.rowsWritten > 0 || report.locations > 0 ? 'partial' : 'failed';
  const { errors, kind: _k, status, ...counts } = report;
  await deps.prisma.syncRun.update({ where: { id: run.id }, data: { ...counts, status, errors, finishedAt: new Date(now.getTime() + report.durationMs) } });
  if (errors.length) {
    await deps.prisma.eventLog.createMany({
      data: errors.map((e) => ({ businessId: deps.businessId, at: now, level: 'error', kind: 'sync_error', message: `${kind} sync, ${e.scope}: ${e.message}`, data: { syncRunId: run.id, scope: e.scope } })),
    });
  }
  return report;
}

/** A catalog write that changed rows bumps the catalog version in its transaction: the cached snapshots reload (slot writes never do). */
async function catalogWrite<T extends { written: number }>(tx: Tx, businessId: string, write: Promise<T>): Promise<T> {
  const res = await write;
  if (res.written > 0) await bumpCatalogVersion(tx, businessId);
  return res;
}

const fail = (ctx: RunCtx, scope: string, err: unknown) => ctx.report.errors.push({ scope, message: err instanceof Error ? err.message : String(err) });

/** Dates [today, today + days) in the location's zone. */
export function syncDates(now: Date, timezone: string, days: number): string[] {
  const today = DateTime.fromJSDate(now, { zone: timezone }).startOf('day');
  return Array.from({ length: days }, (_, i) => today.plus({ days: i }).toISODate()!);
}

async function syncSlotsOf(ctx: RunCtx, loc: { id: string; externalId: string; timezone: string }, dates: string[]) {
  const { prisma, businessId } = ctx.deps;
  const staffIds = new Map(
    (await prisma.staff.findMany({ where: { businessId, locationId: loc.id }, select: { id: true, externalId: true } })).map((r) => [r.externalId, r.id]),
  );
  await Promise.all(
    dates.map((date) =>
      ctx.limit(async () => {
        try {
          const windows = await ctx.provider.getItemsByDate({ locationId: loc.externalId, date });
          const res = await ctx.write((tx) => writeSlots(tx, { businessId, locationId: loc.id, date, windows, staffIds, stamp: ctx.slotStamp }));
          ctx.report.rowsWritten += res.written;
          ctx.report.slots += windows.length - (res.unknownStaff.length ? windows.filter((w) => res.unknownStaff.includes(w.staffId)).length : 0);
          if (res.unknownStaff.length) fail(ctx, `slots ${loc.externalId} ${date}`, `unknown staff ${res.unknownStaff.join(', ')} (run a full sync)`);
        } catch (err) {
          fail(ctx, `slots ${loc.externalId} ${date}`, err);
        }
      }),
    ),
  );
}

export function fullSync(deps: SyncDeps): Promise<SyncReport> {
  return withRun(deps, 'full', async (ctx) => {
    const { prisma, businessId } = deps;
    let locations: ProviderLocation[];
    try {
      locations = await ctx.provider.getLocations();
    } catch (err) {
      fail(ctx, 'locations', err);
      return;
    }
    const locs = await ctx.write((tx) => catalogWrite(tx, businessId, writeLocations(tx, businessId, locations, ctx.catalogStamp)));
    ctx.report.rowsWritten += locs.written;
    ctx.report.locations = locations.length;

    const seenServices = new Set<string>();
    const offered = new Set<string>();
    const staff = new Set<string>();
    const failed = new Set<string>();
    // write one location at a time (services are shared rows), fetch ahead with bounded concurrency
    const fetched = locations.map((l) =>
      ctx.limit(() => Promise.all([ctx.provider.getLocationServices(l.id), ctx.provider.getLocationStaff(l.id)])).then(
        (v) => ({ ok: true as const, v }),
        (err: unknown) => ({ ok: false as const, err }),
      ),
    );
    for (const [i, l] of locations.entries()) {
      const got = await fetched[i];
      if (!got.ok) {
        failed.add(l.id);
        fail(ctx, `catalog ${l.id}`, got.err);
        continue;
      }
      const [services, people] = got.v;
      const res = await ctx.write((tx) =>
        catalogWrite(tx, businessId, writeLocationCatalog(tx, { businessId, locationId: locs.ids.get(l.id)!, services, staff: people, seenServices, stamp: ctx.catalogStamp })),
      );
      ctx.report.rowsWritten += res.written;
      services.forEach((x) => offered.add(x.id));
      people.forEach((p) => staff.add(p.id));
    }
    ctx.report.services = offered.size;
    ctx.report.staff = staff.size;
    if (failed.size === 0) {
      const gone = await ctx.write((tx) => catalogWrite(tx, businessId, deactivateServicesNotIn(tx, businessId, offered, ctx.catalogStamp).then((written) => ({ written }))));
      ctx.report.rowsWritten += gone.written;
    }
    const days = deps.slotDays ?? DEFAULT_SLOT_DAYS;
    // a location whose staff could not be read keeps its old windows until the next run
    for (const l of locations.filter((x) => !failed.has(x.id))) {
      await syncSlotsOf(ctx, { id: locs.ids.get(l.id)!, externalId: l.id, timezone: l.timezone }, syncDates(deps.now(), l.timezone, days));
    }
  });
}

/** Slots of every active location for the next N days, from the catalog we already have. */
export function refreshSlots(deps: SyncDeps, only?: { locationExternalId: string; dates: string[] }): Promise<SyncReport> {
  return withRun(deps, only ? 'jit' : 'slots', async (ctx) => {
    const locs = await deps.prisma.location.findMany({
      where: { businessId: deps.businessId, active: true, ...(only ? { externalId: only.locationExternalId } : {}) },
    });
    ctx.report.locations = locs.length;
    const days = deps.slotDays ?? DEFAULT_SLOT_DAYS;
    for (const l of locs) await syncSlotsOf(ctx, l, only?.dates ?? syncDates(deps.now(), l.timezone, days));
  });
}
