/**
 * What the admin page shows, read from the database (and the WhatsApp bridge's
 * in-memory status) for one business. Plain data: the HTML page and
 * `/api/status` both render this, so they never disagree.
 */
import { DateTime } from 'luxon';
import type { BridgeState, BridgeStatus } from '../channels/whatsapp/bridge';
import { CLAIM_KIND } from '../catalog/claim';
import { confirmBefore, DEFAULT_FRESHNESS, type FreshnessPolicy } from '../catalog/freshness';
import type { Db } from '../store/database';

export interface AdminPorts {
  prisma: Db;
  businessId: string;
  now: () => Date;
  /** The running bridge's status; absent or null when this process has no WhatsApp bridge. */
  whatsapp?: () => BridgeStatus | null;
  /** The policy the sync writes with (default: the sync's default). */
  freshness?: FreshnessPolicy;
  /** Rows per list (default 20). */
  limit?: number;
}

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

export interface EventView { id: string; at: Date; level: string; kind: string; message: string }
export interface ProviderFailureView { id: string; startedAt: Date; endpoint: string; durationMs: number; errorKind: string | null; status: number | null; message: string | null; attempt: number }
export interface InboundFailureView { id: string; channel: string; externalId: string; text: string; receivedAt: Date; failedAt: Date | null; error: string | null }
export interface OutboundFailureView { id: string; channel: string; chatId: string; text: string; attempts: number; lastError: string | null; createdAt: Date }

export interface ErrorsView {
  events: EventView[];
  providerFailures: ProviderFailureView[];
  inboundFailures: InboundFailureView[];
  outboundFailures: OutboundFailureView[];
  totals: {
    errorEvents24h: number;
    providerCalls24h: number;
    providerFailures24h: number;
    inboundFailed: number;
    outboundFailed: number;
    /** Replies not yet sent (the outbox retries them). */
    outboundPending: number;
  };
}

export interface BookingItemView { service: string; staff: string; start: Date; end: Date; /** ISO with the location's offset. */ localStart: string; price: number }
export interface BookingView {
  id: string;
  status: string;
  createdAt: Date;
  customer: { name: string | null; phone: string } | null;
  location: { externalId: string; name: string | null; timezone: string };
  items: BookingItemView[];
  total: number | null;
  currency: string | null;
  paymentLink: string | null;
  providerOrderId: string | null;
  failureReason: string | null;
}

export interface WhatsAppView { state: BridgeState; waState: string | null; botPhone: string | null; reconnects: number; lastError: string | null; since: Date; qr: string | null }

export interface AdminStatus {
  generatedAt: Date;
  business: { id: string; name: string; timezone: string };
  sync: SyncView;
  errors: ErrorsView;
  bookings: { latest: BookingView[]; byStatus: Record<string, number> };
  /** null: no WhatsApp bridge in this process (or not started yet). */
  whatsapp: WhatsAppView | null;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const TEXT_MAX = 200;
const clip = (s: string) => (s.length > TEXT_MAX ? `${s.slice(0, TEXT_MAX - 1)}…` : s);

export async function gatherAdminStatus(ports: AdminPorts): Promise<AdminStatus> {
  const now = ports.now();
  const row = await ports.prisma.business.findUnique({ where: { id: ports.businessId }, select: { id: true, name: true, timezone: true } });
  // a business row is written at start-up; before that the page still renders
  const business = row ?? { id: ports.businessId, name: ports.businessId, timezone: 'UTC' };
  const [sync, errors, bookings] = await Promise.all([gatherSync(ports, now), gatherErrors(ports, now), gatherBookings(ports, business.timezone)]);
  return {
    generatedAt: now,
    business,
    sync,
    errors,
    bookings,
    whatsapp: whatsAppView(ports.whatsapp?.() ?? null),
  };
}

function whatsAppView(s: BridgeStatus | null): WhatsAppView | null {
  if (!s) return null;
  // copied so a later state change cannot alter a response being rendered
  return { state: s.state, waState: s.waState, botPhone: s.botPhone, reconnects: s.reconnects, lastError: s.lastError, since: s.since, qr: s.state === 'qr' ? s.qr : null };
}

async function gatherSync(ports: AdminPorts, now: Date): Promise<SyncView> {
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

async function gatherErrors(ports: AdminPorts, now: Date): Promise<ErrorsView> {
  const { prisma, businessId } = ports;
  const take = ports.limit ?? 20;
  const since = new Date(now.getTime() - DAY_MS);
  const [events, failedCalls, inbound, outbound, failureEvents, errorEvents24h, providerCalls24h, providerFailures24h, inboundFailed, outboundFailed, outboundPending] =
    await Promise.all([
      // sync claims are bookkeeping (one per scheduled tick), not events for the owner
      prisma.eventLog.findMany({ where: { businessId, kind: { not: CLAIM_KIND } }, orderBy: [{ at: 'desc' }, { id: 'desc' }], take }),
      prisma.providerCall.findMany({ where: { businessId, outcome: 'error' }, orderBy: [{ startedAt: 'desc' }, { id: 'desc' }], take }),
      prisma.inboundMessage.findMany({ where: { businessId, status: 'failed' }, orderBy: [{ handledAt: 'desc' }, { id: 'desc' }], take }),
      prisma.outboundMessage.findMany({
        where: { businessId, status: 'failed' },
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        take,
        include: { conversation: { select: { channel: true, externalId: true } } },
      }),
      // the pipeline keeps an inbound failure's reason in the EventLog, not on the message row
      prisma.eventLog.findMany({ where: { businessId, kind: 'inbound.failed' }, orderBy: { at: 'desc' }, take: take * 5, select: { message: true, data: true } }),
      prisma.eventLog.count({ where: { businessId, level: 'error', at: { gte: since } } }),
      prisma.providerCall.count({ where: { businessId, startedAt: { gte: since } } }),
      prisma.providerCall.count({ where: { businessId, outcome: 'error', startedAt: { gte: since } } }),
      prisma.inboundMessage.count({ where: { businessId, status: 'failed' } }),
      prisma.outboundMessage.count({ where: { businessId, status: 'failed' } }),
      prisma.outboundMessage.count({ where: { businessId, status: 'pending' } }),
    ]);
  const reasons = new Map<string, string>();
  for (const e of failureEvents) {
    const ids = (e.data as { inboundMessageIds?: unknown } | null)?.inboundMessageIds;
    if (Array.isArray(ids)) for (const id of ids) if (typeof id === 'string' && !reasons.has(id)) reasons.set(id, e.message);
  }
  return {
    events: events.map((e) => ({ id: e.id, at: e.at, level: e.level, kind: e.kind, message: e.message })),
    providerFailures: failedCalls.map((c) => ({
      id: c.id, startedAt: c.startedAt, endpoint: c.endpoint, durationMs: c.durationMs, errorKind: c.errorKind, status: c.status, message: c.message, attempt: c.attempt,
    })),
    inboundFailures: inbound.map((m) => ({
      id: m.id, channel: m.channel, externalId: m.externalId, text: clip(m.text), receivedAt: m.receivedAt, failedAt: m.handledAt, error: reasons.get(m.id) ?? null,
    })),
    outboundFailures: outbound.map((m) => ({
      id: m.id, channel: m.conversation.channel, chatId: m.conversation.externalId, text: clip(m.text), attempts: m.attempts, lastError: m.lastError, createdAt: m.createdAt,
    })),
    totals: { errorEvents24h, providerCalls24h, providerFailures24h, inboundFailed, outboundFailed, outboundPending },
  };
}

async function gatherBookings(ports: AdminPorts, fallbackZone: string): Promise<AdminStatus['bookings']> {
  const { prisma, businessId } = ports;
  const [rows, groups] = await Promise.all([
    prisma.booking.findMany({
      where: { businessId },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: ports.limit ?? 20,
      include: {
        customer: { select: { name: true, phone: true } },
        items: { orderBy: { start: 'asc' }, include: { service: { select: { name: true } }, staff: { select: { name: true } } } },
      },
    }),
    prisma.booking.groupBy({ by: ['status'], where: { businessId }, _count: { _all: true } }),
  ]);
  // a booking names its location by external id; its time zone is the location's, as the customer saw it
  const locations = await prisma.location.findMany({
    where: { businessId, externalId: { in: [...new Set(rows.map((r) => r.locationExternalId))] } },
    select: { externalId: true, name: true, timezone: true },
  });
  const byExternalId = new Map(locations.map((l) => [l.externalId, l]));
  const latest = rows.map((b): BookingView => {
    const loc = byExternalId.get(b.locationExternalId);
    const timezone = loc?.timezone ?? fallbackZone;
    return {
      id: b.id,
      status: b.status,
      createdAt: b.createdAt,
      customer: b.customer,
      location: { externalId: b.locationExternalId, name: loc?.name ?? null, timezone },
      items: b.items.map((i) => ({
        service: i.service.name,
        staff: i.staff.name,
        start: i.start,
        end: i.end,
        localStart: DateTime.fromJSDate(i.start, { zone: timezone }).toISO({ suppressMilliseconds: true })!,
        price: Number(i.price),
      })),
      total: b.total === null ? null : Number(b.total),
      currency: b.currency,
      paymentLink: b.paymentLink,
      providerOrderId: b.providerOrderId,
      failureReason: b.failureReason,
    };
  });
  return { latest, byStatus: Object.fromEntries(groups.map((g) => [g.status, g._count._all])) };
}
