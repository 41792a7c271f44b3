/**
 * Catalog and sync, read from the database: how fresh each synced table and
 * each branch's copy is (judged by `validUntil` like the catalog queries
 * do), the recent runs with their errors, and the failed provider calls
 * behind them.
 */
import { confirmBefore, DEFAULT_FRESHNESS, type FreshnessPolicy } from '../../../catalog/freshness';
import type { AdminPorts } from '../../ports';

export type Freshness = 'fresh' | 'stale' | 'empty';

/** Active rows of one synced table, judged by their `validUntil` like the catalog queries do. */
export interface TableFreshness {
  active: number;
  /** validUntil already passed: the next read runs the just-in-time refresh. */
  stale: number;
  /** Past half their life: the next scheduled sync re-confirms them. */
  dueForRefresh: number;
  oldestSync: Date | null;
  newestSync: Date | null;
  /** The earliest validUntil: when the first row goes stale. */
  freshUntil: Date | null;
  state: Freshness;
}

export interface SyncRunView {
  id: string;
  kind: string;
  status: string;
  startedAt: Date;
  finishedAt: Date | null;
  durationMs: number | null;
  counts: { locations: number; services: number; staff: number; slots: number };
  rowsWritten: number;
  providerCalls: number;
  errors: Array<{ scope: string; message: string }>;
}

export interface SyncView {
  runs: SyncRunView[];
  /** Start of the last run of each kind that ended ok. */
  lastOk: Record<'full' | 'slots' | 'jit', Date | null>;
  catalog: { state: Freshness; policy: FreshnessPolicy; locations: TableFreshness; services: TableFreshness; staff: TableFreshness; slots: TableFreshness };
}


export async function gatherSync(ports: AdminPorts, now: Date): Promise<SyncView> {
  const { prisma, businessId } = ports;
  const policy = ports.freshness ?? DEFAULT_FRESHNESS;
  const catalogWhere = { businessId, active: true };
  // windows that already ended are never refreshed again, so they say nothing about freshness
  const slotWhere = { businessId, active: true, end: { gt: now } };
  const [runs, full, slots, jit, locations, services, staff, slotRows] = await Promise.all([
    prisma.syncRun.findMany({ where: { businessId }, orderBy: [{ startedAt: 'desc' }, { id: 'desc' }], take: 10 }),
    lastOk(ports, 'full'),
    lastOk(ports, 'slots'),
    lastOk(ports, 'jit'),
    tableFreshness(prisma.location, catalogWhere, now, policy.catalogTtlMs),
    tableFreshness(prisma.service, catalogWhere, now, policy.catalogTtlMs),
    tableFreshness(prisma.staff, catalogWhere, now, policy.catalogTtlMs),
    tableFreshness(prisma.slot, slotWhere, now, policy.slotTtlMs),
  ]);
  const tables = [locations, services, staff, slotRows];
  const state: Freshness = tables.some((t) => t.state === 'empty') ? 'empty' : tables.some((t) => t.state === 'stale') ? 'stale' : 'fresh';
  return {
    runs: runs.map((r) => ({
      id: r.id, kind: r.kind, status: r.status, startedAt: r.startedAt, finishedAt: r.finishedAt, durationMs: r.durationMs,
      counts: { locations: r.locations, services: r.services, staff: r.staff, slots: r.slots },
      rowsWritten: r.rowsWritten, providerCalls: r.providerCalls, errors: runErrors(r.errors),
    })),
    lastOk: { full, slots, jit },
    catalog: { state, policy, locations, services, staff, slots: slotRows },
  };
}

async function lastOk(ports: AdminPorts, kind: string): Promise<Date | null> {
  const run = await ports.prisma.syncRun.findFirst({ where: { businessId: ports.businessId, kind, status: 'ok' }, orderBy: { startedAt: 'desc' }, select: { startedAt: true } });
  return run?.startedAt ?? null;
}

/** The slice of a Prisma delegate that every synced table has. */
interface SyncedDelegate<W> {
  count(args: { where: W }): Promise<number>;
  aggregate(args: { where: W; _min: { lastSyncedAt: true; validUntil: true }; _max: { lastSyncedAt: true } }): Promise<{
    _min: { lastSyncedAt: Date | null; validUntil: Date | null };
    _max: { lastSyncedAt: Date | null };
  }>;
}

async function tableFreshness<W extends object>(model: SyncedDelegate<W>, where: W, now: Date, ttlMs: number): Promise<TableFreshness> {
  const [active, stale, dueForRefresh, agg] = await Promise.all([
    model.count({ where }),
    model.count({ where: { ...where, validUntil: { lt: now } } }),
    // the same threshold the sync uses to decide which unchanged rows get their stamp extended
    model.count({ where: { ...where, validUntil: { lt: confirmBefore(now, ttlMs) } } }),
    model.aggregate({ where, _min: { lastSyncedAt: true, validUntil: true }, _max: { lastSyncedAt: true } }),
  ]);
  return {
    active, stale, dueForRefresh,
    oldestSync: agg._min.lastSyncedAt, newestSync: agg._max.lastSyncedAt, freshUntil: agg._min.validUntil,
    state: active === 0 ? 'empty' : stale > 0 ? 'stale' : 'fresh',
  };
}

function runErrors(json: unknown): Array<{ scope: string; message: string }> {
  if (!Array.isArray(json)) return [];
  return json.map((e) => {
    const o = (e ?? {}) as Record<string, unknown>;
    return { scope: String(o.scope ?? ''), message: String(o.message ?? JSON.stringify(e)) };
  });
}


/** One branch's copy: what it offers and how fresh its upcoming free windows are. */
export interface BranchFreshness {
  externalId: string;
  name: string;
  timezone: string;
  staff: number;
  services: number;
  /** Upcoming free windows (not ended yet). */
  windows: number;
  /** Of those, past their validUntil: the next chat that needs them refreshes them first. */
  staleWindows: number;
  lastSlotSync: Date | null;
  /** When its first upcoming window goes stale. */
  freshUntil: Date | null;
  state: Freshness;
}

export async function branchFreshness(ports: AdminPorts, now: Date): Promise<BranchFreshness[]> {
  const { prisma, businessId } = ports;
  const upcoming = { businessId, active: true, end: { gt: now } };
  const [locations, staff, services, windows, stale] = await Promise.all([
    prisma.location.findMany({ where: { businessId, active: true }, orderBy: { name: 'asc' }, select: { id: true, externalId: true, name: true, timezone: true } }),
    prisma.staff.groupBy({ by: ['locationId'], where: { businessId, active: true }, _count: { _all: true } }),
    prisma.locationService.groupBy({ by: ['locationId'], where: { businessId, active: true }, _count: { _all: true } }),
    prisma.slot.groupBy({ by: ['locationId'], where: upcoming, _count: { _all: true }, _min: { validUntil: true }, _max: { lastSyncedAt: true } }),
    prisma.slot.groupBy({ by: ['locationId'], where: { ...upcoming, validUntil: { lt: now } }, _count: { _all: true } }),
  ]);
  const count = (rows: Array<{ locationId: string; _count: { _all: number } }>, id: string) => rows.find((r) => r.locationId === id)?._count._all ?? 0;
  return locations.map((l) => {
    const w = windows.find((r) => r.locationId === l.id);
    const n = w?._count._all ?? 0;
    const staleWindows = count(stale, l.id);
    return {
      externalId: l.externalId,
      name: l.name,
      timezone: l.timezone,
      staff: count(staff, l.id),
      services: count(services, l.id),
      windows: n,
      staleWindows,
      lastSlotSync: w?._max.lastSyncedAt ?? null,
      freshUntil: w?._min.validUntil ?? null,
      state: n === 0 ? 'empty' : staleWindows > 0 ? 'stale' : 'fresh',
    };
  });
}

export interface ProviderFailureView { id: string; startedAt: Date; endpoint: string; durationMs: number; errorKind: string | null; status: number | null; message: string | null; attempt: number }

/** The latest provider calls that failed: endpoint, kind of error, HTTP status and message — the cause behind a sync error. */
export async function providerFailures(ports: AdminPorts, take: number): Promise<ProviderFailureView[]> {
  const rows = await ports.prisma.providerCall.findMany({ where: { businessId: ports.businessId, outcome: 'error' }, orderBy: [{ startedAt: 'desc' }, { id: 'desc' }], take });
  return rows.map((c) => ({ id: c.id, startedAt: c.startedAt, endpoint: c.endpoint, durationMs: c.durationMs, errorKind: c.errorKind, status: c.status, message: c.message, attempt: c.attempt }));
}
