/**
 * "My bookings": a customer's upcoming bookings with the date and time in the
 * location's time zone, the place, status and payment link, soonest first;
 * and any one booking in the same shape (the owner console names it so).
 */
import { DateTime } from 'luxon';
import type { Prisma } from '../../../generated/prisma/client';
import { prismaSql } from '../store/sql';
import { readBookingRow, type BookingRow } from './sql';
import type { BookingDeps } from './types';

/** A booking line as the customer and the owners read it: the row's names, its times as dates and in the location's zone. */
export type BookingLineView = Omit<BookingRow['items'][number], 'start' | 'end'> & {
  start: Date;
  end: Date;
  /** Location-local "YYYY-MM-DD" and "HH:mm". */
  date: string;
  time: string;
};

/** A booking as read from its row (booking/sql.ts), with its first line's start, day and time. */
export type BookingView = Omit<BookingRow, 'customer' | 'items'> & {
  start: Date;
  date: string;
  time: string;
  items: BookingLineView[];
};

/** Upcoming = its first line starts after now; confirmed and pending ones (pending shows an order being settled). */
export async function listUpcomingBookings(
  q: { phone: string; statuses?: string[] },
  deps: Pick<BookingDeps, 'prisma' | 'businessId' | 'now'>,
): Promise<BookingView[]> {
  const { prisma, businessId } = deps;
  const now = deps.now();
  const rows = await prisma.booking.findMany({
    where: { businessId, customer: { phone: q.phone }, status: { in: q.statuses ?? ['confirmed', 'pending'] }, items: { some: {} }, NOT: { items: { some: { start: { lte: now } } } } },
    include: BOOKING_LINES,
  });
  const views = await toViews(deps, rows);
  return views.sort((a, b) => a.start.getTime() - b.start.getTime());
}

/** One booking of the business in the same shape, whatever its status or time (null when there is none or it has no lines). */
export async function viewBooking(bookingId: string, deps: Pick<BookingDeps, 'prisma' | 'businessId' | 'sql'>): Promise<BookingView | null> {
  return (await bookingWithCustomer(bookingId, deps))?.view ?? null;
}

/** The booking's view and its customer, in one statement (booking/sql.ts). */
export async function bookingWithCustomer(
  bookingId: string,
  deps: Pick<BookingDeps, 'prisma' | 'businessId' | 'sql'>,
): Promise<{ view: BookingView; customer: BookingRow['customer'] } | null> {
  const row = await readBookingRow(deps.sql ?? prismaSql(deps.prisma), { businessId: deps.businessId, bookingId });
  return row ? { view: viewOf(row), customer: row.customer } : null;
}

/** A booking's rows as the customer and the owners read them: dates and times in the location's zone. */
function viewOf(b: Omit<BookingRow, 'customer'>): BookingView {
  const loc = b.location;
  const local = (at: Date) => DateTime.fromJSDate(at, { zone: loc.timezone });
  const items = b.items.map((i) => {
    const start = new Date(i.start);
    return { ...i, start, end: new Date(i.end), date: local(start).toISODate()!, time: local(start).toFormat('HH:mm') };
  });
  return {
    id: b.id,
    status: b.status,
    providerOrderId: b.providerOrderId,
    paymentLink: b.paymentLink,
    total: b.total,
    currency: b.currency,
    location: loc,
    start: items[0].start,
    date: items[0].date,
    time: items[0].time,
    items,
  };
}

const BOOKING_LINES = { items: { orderBy: { start: 'asc' }, include: { service: true, staff: true } } } as const;
type BookingRow_ = Prisma.BookingGetPayload<{ include: typeof BOOKING_LINES }>;

async function toViews(deps: Pick<BookingDeps, 'prisma' | 'businessId'>, rows: BookingRow_[]): Promise<BookingView[]> {
  const locations = await deps.prisma.location.findMany({ where: { businessId: deps.businessId, externalId: { in: [...new Set(rows.map((b) => b.locationExternalId))] } } });
  return rows.map((b): BookingView => {
    const loc = locations.find((l) => l.externalId === b.locationExternalId)!;
    return viewOf({
      id: b.id,
      status: b.status,
      providerOrderId: b.providerOrderId,
      paymentLink: b.paymentLink,
      total: b.total === null ? null : Number(b.total),
      currency: b.currency,
      location: { id: loc.externalId, name: loc.name, nameAr: loc.nameAr, address: loc.address, timezone: loc.timezone },
      items: b.items.map((i) => ({
        serviceId: i.service.externalId, serviceName: i.service.name, serviceNameAr: i.service.nameAr, staffId: i.staff.externalId, staffName: i.staff.name, staffNameAr: i.staff.nameAr,
        start: i.start.getTime(), end: i.end.getTime(),
      })),
    });
  });
}
