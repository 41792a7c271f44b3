/**
 * The booking tools, for bot builders and LLM agents. Each reads our copy of
 * the catalog or goes through the booking service: the same code paths as the
 * conversation.
 */
import { DateTime } from 'luxon';
import { canPerform, locationZone, nearestFree } from '../catalog/availability';
import { scheduledJobs } from '../catalog/claim';
import { SCHEDULED_JOBS, syncSchedule } from '../catalog/scheduler';
import { fullSync, refreshSlots } from '../catalog/sync';
import { conversationRow } from '../assistant/conversation-row';
import { storableText } from '../channels/clean';
import { bookingOut, type BookingOut } from './booking-view';
import { conversationIdentity } from './identity';
import type { HandlerContext, PluginEvents } from './context';
import { bookingNotifier, type PostMessage } from './notices';

const iso = (d: Date) => d.toISOString();

export async function syncCatalog(input: { slotsOnly?: boolean }, ctx: HandlerContext, events: PluginEvents, now: () => Date) {
  const deps = ctx.services.sync(now);
  const r = input.slotsOnly ? await refreshSlots(deps) : await fullSync(deps);
  if (r.errors.length) await events.syncFailed.emit({ kind: r.kind, status: r.status, errors: r.errors } as never);
  const { status, locations, services, staff, slots, rowsWritten, providerCalls, durationMs } = r;
  return { status, locations, services, staff, slots, rowsWritten, providerCalls, durationMs };
}

/**
 * A tick of the plugin's recurring event: each job that the configured schedule says is due runs, in the one bot
 * (of all sharing this database) that claims it. The booking reconciler tells customers through `post`.
 */
export async function scheduledSync(ctx: HandlerContext, events: PluginEvents, now: () => Date, post: PostMessage) {
  const tick = scheduledJobs<unknown>(
    {
      full: () => syncCatalog({}, ctx, events, now),
      slots: () => syncCatalog({ slotsOnly: true }, ctx, events, now),
      bookings: () => reconcileBookings(ctx, post),
    },
    { prisma: ctx.services.db.prisma, businessId: ctx.services.businessId, now, schedule: syncSchedule(ctx.config) },
  );
  const ran = [];
  for (const job of SCHEDULED_JOBS) {
    // the reconciler runs every minute or so: with nothing pending it is not claimed, so no claim row is written
    if (job === 'bookings' && !(await ctx.services.booking.reconcileDue())) continue;
    ran.push(await tick(job));
  }
  return ran;
}

/**
 * The booking reconciler (booking/reconcile.ts) with the plugin's messages. Bookings touched within twice the
 * booking deadline are left alone: a confirmation may still be running in some process.
 */
export function reconcileBookings(ctx: HandlerContext, post: PostMessage) {
  return ctx.services.booking.reconcile({ olderThanMs: 2 * ctx.config.booking.deadlineMs, notify: bookingNotifier(ctx, post) });
}

export async function listServices(input: { locationId?: string }, ctx: HandlerContext) {
  const snap = await ctx.services.catalog.snapshot();
  const services = snap.services
    .filter((s) => !input.locationId || s.locationIds.includes(input.locationId))
    .map((s) => ({ id: s.id, name: s.name, nameAr: s.nameAr ?? null, durationMin: s.durationMin, price: s.price, currency: s.currency, locationIds: s.locationIds }));
  return { services };
}

export async function findAvailability(
  input: { locationId: string; serviceId: string; staffId?: string; from?: string; limit?: number },
  ctx: HandlerContext,
  now: () => Date,
) {
  const snapshot = await ctx.services.catalog.snapshot();
  const service = snapshot.services.find((s) => s.id === input.serviceId && s.locationIds.includes(input.locationId));
  if (!service) throw new Error(`findAvailability: no service ${input.serviceId} at location ${input.locationId}`);
  if (input.staffId && !snapshot.staff.some((p) => p.id === input.staffId && canPerform(p, input.locationId, input.serviceId))) {
    throw new Error(`findAvailability: staff ${input.staffId} does not perform ${input.serviceId} at ${input.locationId}`);
  }
  const from = input.from ? new Date(input.from) : now();
  const q = { catalog: ctx.services.catalog, snapshot, locationId: input.locationId, items: [{ serviceId: input.serviceId, staffId: input.staffId ?? 'any' }] };
  const zone = locationZone(snapshot, input.locationId);
  const local = DateTime.fromJSDate(from, { zone });
  const starts = await nearestFree(q, { date: local.toFormat('yyyy-MM-dd'), time: local.toFormat('HH:mm') }, now(), input.limit ?? 5);
  return { starts: starts.map((s) => ({ start: DateTime.fromISO(s, { zone }).toUTC().toISO()!, staffId: input.staffId ?? 'any' })) };
}

type Outcome = 'booked' | 'already_booked' | 'slot_taken' | 'provider_down' | 'rejected' | 'outcome_unknown';

export async function createBooking(
  input: { idempotencyKey: string; locationId: string; items: Array<{ serviceId: string; staffId: string; start: string }>; customer: { name: string; phone: string; email?: string }; conversationId?: string },
  ctx: HandlerContext,
) {
  const { services } = ctx;
  // the phone given is a contact detail for this booking: it never becomes the conversation's customer (its identity)
  const conversationId = input.conversationId
    ? await conversationRow(services.sql, { businessId: services.businessId, botpressConversationId: input.conversationId, phone: null, name: null })
    : undefined;
  const customer = { ...input.customer, name: storableText(input.customer.name), ...(input.customer.email ? { email: storableText(input.customer.email) } : {}) };
  const r = await services.booking.confirm({
    conversationId,
    customer,
    locationId: input.locationId,
    items: input.items.map((i) => ({ serviceId: i.serviceId, staffId: i.staffId, start: new Date(i.start) })),
    confirmationId: input.idempotencyKey,
  });
  // failed = the provider refused the order (invalid) or made only part of it (undone)
  const outcome: Outcome = r.kind === 'failed' ? 'rejected' : r.kind;
  const booking: BookingOut | null = 'booking' in r ? await bookingOut(services.db.prisma, services.businessId, r.booking.id) : null;
  if (r.kind === 'booked') await refreshDaysOf(ctx, booking);
  return { outcome, booking, alternatives: r.kind === 'slot_taken' ? r.alternatives.map(iso) : [] };
}

/**
 * Acting for a conversation, only the customer the channel vouched for there: whose number it was (undefined:
 * no conversation, the bot builder's own back office), or null when the channel gave none.
 */
async function actingFor(ctx: HandlerContext, conversationId: string | undefined): Promise<string | null | undefined> {
  return conversationId === undefined ? undefined : conversationIdentity(ctx, conversationId);
}

export async function cancelBooking(input: { bookingId: string; conversationId?: string }, ctx: HandlerContext) {
  const phone = await actingFor(ctx, input.conversationId);
  if (phone === null) return { outcome: 'no_identity' as const, booking: null };
  // someone else's booking reads as not found: its existence is not confirmed either
  const r = await ctx.services.booking.cancel({ bookingId: input.bookingId, phone });
  const booking = 'booking' in r ? await bookingOut(ctx.services.db.prisma, ctx.services.businessId, r.booking.id) : null;
  if (r.kind === 'cancelled') await refreshDaysOf(ctx, booking);
  const outcome = r.kind === 'cancelled' ? 'cancelled' : r.kind === 'provider_down' ? 'provider_down' : 'not_found';
  return { outcome: outcome as 'cancelled' | 'not_found' | 'provider_down', booking };
}

export async function rescheduleBooking(input: { bookingId: string; start: string; staffId?: string; conversationId?: string }, ctx: HandlerContext) {
  const { prisma } = ctx.services.db;
  const phone = await actingFor(ctx, input.conversationId);
  if (phone === null) return { outcome: 'no_identity' as const, booking: null, alternatives: [] };
  const owned = phone === undefined || (await ctx.services.booking.list({ phone })).some((v) => v.id === input.bookingId);
  const old = owned ? await bookingOut(prisma, ctx.services.businessId, input.bookingId) : null;
  if (!old || old.items.length === 0) return { outcome: 'not_found' as const, booking: null, alternatives: [] };
  // the new booking keeps the lines and their gaps, moved to the new start
  const shift = new Date(input.start).getTime() - new Date(old.items[0].start).getTime();
  const items = old.items.map((i, k) => ({ serviceId: i.service, staffId: k === 0 && input.staffId ? input.staffId : i.staff, start: new Date(new Date(i.start).getTime() + shift) }));
  const r = await ctx.services.booking.reschedule({ bookingId: input.bookingId, phone, items, confirmationId: `reschedule:${input.bookingId}:${input.start}` });
  switch (r.kind) {
    case 'rescheduled': {
      const booking = await bookingOut(prisma, ctx.services.businessId, r.booking.id);
      await refreshDaysOf(ctx, old, booking);
      return { outcome: 'rescheduled' as const, booking, alternatives: [] };
    }
    case 'slot_taken':
      return { outcome: 'slot_taken' as const, booking: old, alternatives: r.alternatives.map(iso) };
    case 'not_found':
    case 'not_reschedulable':
      return { outcome: 'not_found' as const, booking: old, alternatives: [] };
    case 'outcome_unknown':
      return { outcome: 'outcome_unknown' as const, booking: await bookingOut(prisma, ctx.services.businessId, r.booking.id), alternatives: [] };
    default:
      return { outcome: 'provider_down' as const, booking: old, alternatives: [] };
  }
}

/** For a conversation: its customer's bookings (a `phone` must be theirs). Without one: the bookings of `phone` (back office). */
export async function listBookings(input: { phone?: string; conversationId?: string }, ctx: HandlerContext) {
  const acting = await actingFor(ctx, input.conversationId);
  if (acting === null) return { outcome: 'no_identity' as const, bookings: [] };
  if (acting !== undefined && input.phone && input.phone !== acting) return { outcome: 'not_allowed' as const, bookings: [] };
  const phone = acting ?? input.phone;
  if (!phone) throw new Error('listBookings: give the conversationId the bot is acting for (or, from the back office, a phone)');
  const views = await ctx.services.booking.list({ phone });
  const bookings = await Promise.all(views.map((v) => bookingOut(ctx.services.db.prisma, ctx.services.businessId, v.id)));
  return { outcome: 'listed' as const, bookings: bookings.filter((b): b is BookingOut => b !== null) };
}

/** Our copy of the days these bookings took or freed, re-read so the chat offers them as they are now. */
async function refreshDaysOf(ctx: HandlerContext, ...bookings: Array<BookingOut | null>): Promise<void> {
  const { catalog } = ctx.services;
  const { locations } = await catalog.snapshot();
  // per location, the dates its bookings' items fall on
  const days = new Map<string, string[]>();
  for (const b of bookings) {
    const zone = b && locations.find((l) => l.id === b.location)?.timezone;
    if (!b || !zone) continue;
    for (const item of b.items) days.set(b.location, [...(days.get(b.location) ?? []), DateTime.fromISO(item.start, { zone }).toFormat('yyyy-MM-dd')]);
  }
  // a failed refresh is logged by its sync run; the booking stands and the next refresh catches up
  for (const [locationId, dates] of days) await catalog.refreshDays?.({ locationId, dates }).catch(() => undefined);
}

async function rowOf(ctx: HandlerContext, botpressConversationId: string) {
  return conversationRow(ctx.services.sql, { businessId: ctx.services.businessId, botpressConversationId, phone: null, name: null });
}

export async function handoff(input: { conversationId: string; reason?: string }, ctx: HandlerContext) {
  await ctx.services.booking.requestHandoff({ conversationId: await rowOf(ctx, input.conversationId), reason: input.reason ?? 'requested by the bot', summary: '' });
  return { ok: true };
}

export async function releaseHandoff(input: { conversationId: string }, ctx: HandlerContext) {
  return ctx.services.booking.releaseHandoff({ conversationId: await rowOf(ctx, input.conversationId) });
}
