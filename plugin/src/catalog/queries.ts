/**
 * The conversation's view of the catalog, read from our database only. When
 * rows it needs are past `validUntil`, it runs the just-in-time refresh first
 * (the only provider traffic a chat can cause outside booking), once per scope
 * even when many chats ask at the same moment.
 */
import type { Db } from '../store/database';
import { prismaSql, readCatalogState, readSlots, type Sql, type TurnRow } from '../store/sql';
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
  /** Keyed by Business.catalogVersion. */
  snapshot: { key: number; value: CatalogSnapshot } | null;
  inFlight: Map<string, Promise<unknown>>;
}

export const createCatalogMemo = (): CatalogMemo => ({ snapshot: null, inFlight: new Map() });

export interface DbCatalogDeps {
  prisma: Db;
  /** The hot reads in plain SQL on the database's pool (store/sql.ts); default: through `prisma`. */
  sql?: Sql;
  businessId: string;
  now: () => Date;
  refresh?: RefreshPort;
  /** Share one across calls so the snapshot (and the extractor built on it) is reused. */
  memo?: CatalogMemo;
}

/** The catalog's version and freshness, as a turn reads them with its conversation row (store/sql.ts). */
export type CatalogState = Pick<TurnRow, 'catalogVersion' | 'catalogStale'>;

export interface DbCatalog extends CatalogQueries {
  /** The snapshot for a catalog state already read (a turn's one query): no statement when the memo holds that version. */
  snapshotAt(state: CatalogState): Promise<CatalogSnapshot>;
}

/**
 * Build one per call (a turn, an action): the snapshot is checked for
 * staleness and changes once per instance, then reused for the rest of the
 * call; `memo` carries it across calls, keyed by the business's catalog
 * version, which slot writes never bump.
 */
export function createDbCatalog(deps: DbCatalogDeps): DbCatalog {
  const { prisma, businessId } = deps;
  const sql = deps.sql ?? prismaSql(prisma);
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

  const remember = (p: Promise<CatalogSnapshot>) => {
    current = p;
    p.catch(() => (current = null));
    return p;
  };

  function snapshot(): Promise<CatalogSnapshot> {
    return current ?? remember(readCatalogState(sql, { businessId, now: deps.now() }).then(load));
  }

  function snapshotAt(state: CatalogState): Promise<CatalogSnapshot> {
    return current ?? remember(load(state));
  }

  async function load(state: CatalogState): Promise<CatalogSnapshot> {
    let version = state.catalogVersion;
    if (state.catalogStale && deps.refresh) {
      await once('catalog', () => deps.refresh!.catalog());
      version = (await readCatalogState(sql, { businessId, now: deps.now() })).catalogVersion;
    }
    // content only changes through a catalog write, which bumps the version in its transaction
    if (memo.snapshot?.key === version) return memo.snapshot.value;
    const value = await loadSnapshot(prisma, businessId);
    memo.snapshot = { key: version, value };
    return value;
  }

  async function freeWindows(q: { locationId: string; from: Date; to: Date; staffId?: string }): Promise<FreeWindow[]> {
    let rows = await readSlots(sql, { ...q, businessId, now: deps.now() });
    const stale = rows.filter((r) => r.stale);
    if (stale.length && deps.refresh) {
      const dates = [...new Set(stale.map((r) => r.date))].sort();
      await once(`slots:${q.locationId}:${dates.join(',')}`, () => deps.refresh!.slots(q.locationId, dates));
      rows = await readSlots(sql, { ...q, businessId, now: deps.now() });
    }
    return rows.map((r) => ({ locationId: q.locationId, staffId: r.staffId, start: r.start, end: r.end }));
  }

  async function refreshDays(q: { locationId: string; dates: string[] }): Promise<void> {
    // never joins a read in flight: it may have started before our change and would miss it
    await deps.refresh?.slots(q.locationId, [...new Set(q.dates)].sort());
  }

  return { snapshot, snapshotAt, freeWindows, refreshDays };
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
    staff: staff.map((p) => ({
      id: p.externalId, name: p.name, nameAr: p.nameAr, locationId: p.location.externalId,
      serviceIds: p.services.map((x) => x.service.externalId), hours: (p.hours as WeeklyHours | null) ?? null,
    })),
  };
}
