/**
 * The conversation's view of the catalog, read from our database only. When
 * rows it needs are past `validUntil`, it runs the just-in-time refresh first
 * (the only provider traffic a chat can cause outside booking), once per scope
 * even when many chats ask at the same moment.
 */
import type { Db } from '../store/database';
import type { CatalogQueries } from './ports';
import type { CatalogSnapshot, FreeWindow, Language, WeeklyHours } from './types';

export interface RefreshPort {
  /** Refresh locations, services and staff. */
  catalog(): Promise<unknown>;
  /** Refresh the free windows of one location on the given dates. */
  slots(locationExternalId: string, dates: string[]): Promise<unknown>;
}

/** What survives between calls for one business: the last snapshot and the refreshes in flight. */
export interface CatalogMemo {
  snapshot: { key: number; value: CatalogSnapshot } | null;
  inFlight: Map<string, Promise<unknown>>;
}

export const createCatalogMemo = (): CatalogMemo => ({ snapshot: null, inFlight: new Map() });

export interface DbCatalogDeps {
  prisma: Db;
  businessId: string;
  now: () => Date;
  refresh?: RefreshPort;
  /** Share one across calls so the snapshot (and the extractor built on it) is reused. */
  memo?: CatalogMemo;
}

/**
 * Build one per call (a turn, an action): the snapshot is checked for
 * staleness and changes once per instance, then reused for the rest of the
 * call; `memo` carries it across calls.
 */
export function createDbCatalog(deps: DbCatalogDeps): CatalogQueries {
  const { prisma, businessId } = deps;
  let current: Promise<CatalogSnapshot> | null = null;
  const memo = deps.memo ?? createCatalogMemo();
  const { inFlight } = memo;

  /** Runs one refresh per scope at a time; late callers wait for the running one. */
  const once = (scope: string, run: () => Promise<unknown>) => {
    let p = inFlight.get(scope);
    if (!p) {
      p = run().finally(() => inFlight.delete(scope));
      inFlight.set(scope, p);
    }
    return p;
  };

  function snapshot(): Promise<CatalogSnapshot> {
    current ??= load();
    current.catch(() => (current = null));
    return current;
  }

  async function load(): Promise<CatalogSnapshot> {
    const now = deps.now();
    if (deps.refresh) {
      const stale = await prisma.location.findFirst({ where: { businessId, active: true, validUntil: { lt: now } }, select: { id: true } });
      if (stale) await once('catalog', () => deps.refresh!.catalog());
    }
    // content only changes through a sync that wrote rows: reuse the snapshot until the next such sync
    // (runs are never deleted, so their count only grows; the frozen clocks of tests make timestamps tie)
    const key = await prisma.syncRun.count({ where: { businessId, finishedAt: { not: null }, rowsWritten: { gt: 0 } } });
    if (memo.snapshot?.key === key) return memo.snapshot.value;
    const value = await loadSnapshot(prisma, businessId);
    memo.snapshot = { key, value };
    return value;
  }

  async function freeWindows(q: { locationId: string; from: Date; to: Date; staffId?: string }): Promise<FreeWindow[]> {
    const loc = await prisma.location.findUnique({ where: { businessId_externalId: { businessId, externalId: q.locationId } }, select: { id: true, timezone: true } });
    if (!loc) return [];
    const where = {
      businessId,
      locationId: loc.id,
      active: true,
      start: { lt: q.to },
      end: { gt: q.from },
      ...(q.staffId ? { staff: { externalId: q.staffId } } : {}),
    };
    if (deps.refresh) {
      const stale = await prisma.slot.findMany({ where: { ...where, validUntil: { lt: deps.now() } }, select: { date: true }, distinct: ['date'] });
      if (stale.length) {
        const dates = stale.map((r) => r.date).sort();
        await once(`slots:${q.locationId}:${dates.join(',')}`, () => deps.refresh!.slots(q.locationId, dates));
      }
    }
    const rows = await prisma.slot.findMany({ where, orderBy: { start: 'asc' }, select: { start: true, end: true, staff: { select: { externalId: true } } } });
    return rows.map((r) => ({ locationId: q.locationId, staffId: r.staff.externalId, start: r.start, end: r.end }));
  }

  async function refreshDays(q: { locationId: string; dates: string[] }): Promise<void> {
    // never joins a read in flight: it may have started before our change and would miss it
    await deps.refresh?.slots(q.locationId, [...new Set(q.dates)].sort());
  }

  return { snapshot, freeWindows, refreshDays };
}

async function loadSnapshot(prisma: Db, businessId: string): Promise<CatalogSnapshot> {
  const [business, locations, services, staff] = await Promise.all([
    prisma.business.findUniqueOrThrow({ where: { id: businessId } }),
    prisma.location.findMany({ where: { businessId, active: true }, orderBy: { externalId: 'asc' } }),
    prisma.service.findMany({
      where: { businessId, active: true },
      orderBy: { externalId: 'asc' },
      include: { locations: { where: { active: true, location: { active: true } }, select: { location: { select: { externalId: true } } } } },
    }),
    prisma.staff.findMany({
      where: { businessId, active: true, location: { active: true } },
      orderBy: { externalId: 'asc' },
      include: {
        location: { select: { externalId: true } },
        services: { where: { active: true, service: { active: true } }, select: { service: { select: { externalId: true } } } },
      },
    }),
  ]);
  return {
    business: {
      id: business.id, name: business.name, country: business.country, currency: business.currency,
      timezone: business.timezone, languages: business.languages as Language[],
    },
    locations: locations.map((l) => ({
      id: l.externalId, name: l.name, nameAr: l.nameAr, area: l.area, address: l.address, phone: l.phone,
      timezone: l.timezone, hours: l.hours as unknown as WeeklyHours,
    })),
    services: services
      .filter((s) => s.locations.length > 0)
      .map((s) => ({
        id: s.externalId, name: s.name, nameAr: s.nameAr, category: s.category, durationMin: s.durationMin,
        price: Number(s.price), currency: s.currency, locationIds: s.locations.map((x) => x.location.externalId),
      })),
    staff: staff.map((p) => ({ id: p.externalId, name: p.name, locationId: p.location.externalId, serviceIds: p.services.map((x) => x.service.externalId) })),
  };
}
