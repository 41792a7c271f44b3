/**
 * The overview: the WhatsApp link, what went wrong (event log, failed
 * provider calls, inbound messages and replies), and — for `/api/status` —
 * the sync state and the latest bookings, read from the database (and the
 * bridge's in-memory status) for one business. Plain data: the page and the
 * JSON both render this, so they never disagree.
 */
import { DateTime } from 'luxon';
import type { BridgeState, BridgeStatus } from '../../../channels/whatsapp/bridge';
import { CLAIM_KIND } from '../../../catalog/claim';
import type { AdminPorts } from '../../ports';
import { gatherSync, providerFailures, type ProviderFailureView, type SyncView } from '../sync/queries';

export type { ProviderFailureView };

export interface EventView { id: string; at: Date; level: string; kind: string; message: string }
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

async function gatherErrors(ports: AdminPorts, now: Date): Promise<ErrorsView> {
  const { prisma, businessId } = ports;
  const take = ports.limit ?? 20;
  const since = new Date(now.getTime() - DAY_MS);
  const [events, failedCalls, inbound, outbound, failureEvents, errorEvents24h, providerCalls24h, providerFailures24h, inboundFailed, outboundFailed, outboundPending] =
    await Promise.all([
      // sync claims are bookkeeping (one per scheduled tick), not events for the owner
      prisma.eventLog.findMany({ where: { businessId, kind: { not: CLAIM_KIND } }, orderBy: [{ at: 'desc' }, { id: 'desc' }], take }),
      providerFailures(ports, take),
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
    providerFailures: failedCalls,
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
