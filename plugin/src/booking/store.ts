/**
 * Booking rows. Each function is one short statement or transaction, never
 * held across a provider call (the embedded database has one connection).
 * State changes are guarded by the current status, so two writers racing on
 * one booking (a double yes in two processes, reconcile beside a retry)
 * cannot both win.
 */
import { Prisma } from '../../../generated/prisma/client';
import type { ProviderOrder } from '../provider/port';
import { prismaSql, type Sql } from '../store/sql';
import type { ResolvedRequest } from './request';
import { confirmPending, insertPending } from './sql';
import type { BookingDeps, BookingRequest, BookingWithItems } from './types';

/** The hot statements' runner: the database's pool when the caller has it, else through Prisma. */
export const bookingSql = (deps: Pick<BookingDeps, 'prisma' | 'sql'>): Sql => deps.sql ?? prismaSql(deps.prisma);

const isUniqueViolation = (err: unknown) => err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002';

/** Status only: the common first "yes" finds nothing, so the items are not read. */
export function findStatus(deps: BookingDeps, idempotencyKey: string): Promise<{ id: string; status: string } | null> {
  return deps.prisma.booking.findUnique({ where: { idempotencyKey, businessId: deps.businessId }, select: { id: true, status: true } });
}

export function findBooking(deps: BookingDeps, where: { idempotencyKey: string } | { id: string }): Promise<BookingWithItems | null> {
  return deps.prisma.booking.findFirst({ where: { ...where, businessId: deps.businessId }, include: { items: { orderBy: { start: 'asc' } } } });
}

export async function loadBooking(deps: BookingDeps, id: string): Promise<BookingWithItems> {
  const b = await findBooking(deps, { id });
  if (!b) throw new Error(`booking ${id} vanished`);
  return b;
}

export async function upsertCustomer(deps: BookingDeps, c: BookingRequest['customer']): Promise<string> {
  const where = { businessId_phone: { businessId: deps.businessId, phone: c.phone } };
  const data = { name: c.name, ...(c.email ? { email: c.email } : {}) };
  try {
    return (await deps.prisma.customer.upsert({ where, create: { businessId: deps.businessId, phone: c.phone, ...data }, update: data, select: { id: true } })).id;
  } catch (err) {
    // two first bookings of one new customer at once: the other insert won
    if (!isUniqueViolation(err)) throw err;
    return (await deps.prisma.customer.update({ where, data, select: { id: true } })).id;
  }
}

const itemRows = (r: ResolvedRequest) =>
  r.items.map((i) => ({ serviceId: i.serviceRowId, staffId: i.staffRowId, start: i.start, end: i.end, price: i.price }));

/**
 * Stores the customer and the pending booking under its key before the order is sent, in one statement
 * (booking/sql.ts). `owned` is false when the key already had a booking that is not ours to restart
 * (pending elsewhere, or already confirmed); a failed one is taken over, since no order exists for it.
 */
export async function claimPending(deps: BookingDeps, key: string, req: BookingRequest, r: ResolvedRequest): Promise<{ booking: BookingWithItems; owned: boolean }> {
  // made on the business's clock (frozen in scenarios): reminders are only for times after it; owed until a reply says how it ended
  const made = await insertPending(bookingSql(deps), { businessId: deps.businessId, key, req, r, noticeDue: req.conversationId != null, createdAt: deps.now() });
  if (made) return { booking: made, owned: true };
  const existing = await findBooking(deps, { idempotencyKey: key });
  if (!existing) throw new Error(`booking ${key} is held by another tenant`);
  if (existing.status !== 'failed') return { booking: existing, owned: false };
  const customerId = await upsertCustomer(deps, req.customer);
  const fields = {
    conversationId: req.conversationId ?? null,
    customerId,
    locationExternalId: r.location.externalId,
    total: r.items.reduce((s, i) => s + i.price, 0),
    currency: r.items[0].currency,
    rescheduledFromId: req.rescheduledFromId ?? null,
    failureReason: null,
    // owed until a reply says how it ended; only a conversation can be told
    noticeDue: req.conversationId != null,
    language: req.language ?? null,
  };
  const takenOver = await deps.prisma.$transaction(async (tx) => {
    const { count } = await tx.booking.updateMany({ where: { id: existing.id, status: 'failed' }, data: { status: 'pending', ...fields } });
    if (count === 0) return false;
    await tx.bookingItem.deleteMany({ where: { bookingId: existing.id } });
    await tx.bookingItem.createMany({ data: itemRows(r).map((i) => ({ ...i, bookingId: existing.id })) });
    return true;
  });
  return { booking: await loadBooking(deps, existing.id), owned: takenOver };
}

/**
 * pending → confirmed with the order's id, link and total; `changed` is false when someone else got there first.
 * `told`: the caller's reply tells the customer, so no notice is owed any more (in the same write: the reconciler
 * never sends a link the chat is sending).
 */
export async function markConfirmed(
  deps: BookingDeps,
  booking: BookingWithItems,
  order: ProviderOrder,
  told = false,
): Promise<{ booking: BookingWithItems; changed: boolean }> {
  const updatedAt = new Date();
  const done = await confirmPending(bookingSql(deps), { bookingId: booking.id, order, told, updatedAt });
  // no longer pending: someone else settled it
  if (!done) return { booking: await loadBooking(deps, booking.id), changed: false };
  const fields = { status: 'confirmed', providerOrderId: order.orderId, paymentLink: order.paymentLink, total: new Prisma.Decimal(order.total), currency: order.currency, failureReason: null };
  return { booking: { ...booking, ...fields, noticeDue: done.noticeDue, updatedAt }, changed: true };
}

/**
 * pending → failed, or stays pending with the reason when an order may exist (reconcile settles it).
 * `told`: as for markConfirmed, the caller's reply says it failed.
 */
export async function markUnsettled(deps: BookingDeps, bookingId: string, status: 'failed' | 'pending', reason: string, told = false): Promise<BookingWithItems> {
  const notice = told && status === 'failed' ? { noticeDue: false } : {};
  await deps.prisma.booking.updateMany({ where: { id: bookingId, status: 'pending' }, data: { status, failureReason: reason.slice(0, 500), ...notice } });
  return loadBooking(deps, bookingId);
}

/**
 * Takes the booking's owed notice: true for exactly one caller, who then sends it (and gives it back with
 * `returnNotice` when the send failed, so the next run tries again).
 */
export async function takeNotice(deps: Pick<BookingDeps, 'prisma' | 'businessId'>, bookingId: string): Promise<boolean> {
  const { count } = await deps.prisma.booking.updateMany({ where: { id: bookingId, businessId: deps.businessId, noticeDue: true, status: { not: 'pending' } }, data: { noticeDue: false } });
  return count === 1;
}

/** The customer is being told by the caller's reply: nothing owed any more. */
export async function settleNotice(deps: Pick<BookingDeps, 'prisma' | 'businessId'>, bookingId: string): Promise<void> {
  await deps.prisma.booking.updateMany({ where: { id: bookingId, businessId: deps.businessId, noticeDue: true }, data: { noticeDue: false } });
}

export async function returnNotice(deps: Pick<BookingDeps, 'prisma' | 'businessId'>, bookingId: string): Promise<void> {
  await deps.prisma.booking.updateMany({ where: { id: bookingId, businessId: deps.businessId }, data: { noticeDue: true } });
}

export async function logEvent(
  deps: Pick<BookingDeps, 'prisma' | 'businessId' | 'now'>,
  level: 'info' | 'warn' | 'error',
  kind: string,
  message: string,
  data: Record<string, unknown>,
): Promise<void> {
  await deps.prisma.eventLog.create({ data: { businessId: deps.businessId, at: deps.now(), level, kind, message, data: data as Prisma.InputJsonValue } });
}
