/**
 * Bookings for the owner: today's or the next seven days' lines by branch
 * and staff member (filters: branch, staff, status), a search by customer
 * name or phone, and one booking in full. Read-only: changes go through the
 * booking service (actions.ts).
 */
import { DateTime } from 'luxon';
import type { Prisma } from '../../../../../generated/prisma/client';
import type { AdminPorts } from '../../ports';

export type Range = 'today' | 'week';
export const STATUSES = ['confirmed', 'pending', 'cancelled', 'failed'] as const;

export interface BookingFilter {
  range: Range;
  /** Location external id. */
  location: string | null;
  /** Staff external id. */
  staff: string | null;
  /** null: every status. */
  status: (typeof STATUSES)[number] | null;
}

/** One service line of a booking, where and when it happens. */
export interface BookingLine {
  bookingId: string;
  status: string;
  start: Date;
  /** "HH:mm" on the location's clock, and its date. */
  time: string;
  date: string;
  service: string;
  staff: { externalId: string; name: string };
  location: { externalId: string; name: string };
  customer: { name: string | null; phone: string } | null;
}

export interface StaffGroup {
  staff: { externalId: string; name: string };
  lines: BookingLine[];
}

export interface BranchGroup {
  location: { externalId: string; name: string };
  staff: StaffGroup[];
  count: number;
}

export interface FilterOptions {
  locations: Array<{ externalId: string; name: string }>;
  staff: Array<{ externalId: string; name: string; location: string }>;
}

const LINE = {
  service: { select: { name: true } },
  staff: { select: { externalId: true, name: true, location: { select: { externalId: true, name: true, timezone: true } } } },
  booking: { select: { id: true, status: true, customer: { select: { name: true, phone: true } } } },
} as const;
type LineRow = Prisma.BookingItemGetPayload<{ include: typeof LINE }>;

function toLine(i: LineRow): BookingLine {
  const local = DateTime.fromJSDate(i.start, { zone: i.staff.location.timezone });
  return {
    bookingId: i.booking.id,
    status: i.booking.status,
    start: i.start,
    time: local.toFormat('HH:mm'),
    date: local.toISODate()!,
    service: i.service.name,
    staff: { externalId: i.staff.externalId, name: i.staff.name },
    location: { externalId: i.staff.location.externalId, name: i.staff.location.name },
    customer: i.booking.customer,
  };
}

/** [start of today, start of today + 1 or 7 days) on the business's clock. */
export function rangeOf(range: Range, now: Date, zone: string): { from: Date; to: Date } {
  const start = DateTime.fromJSDate(now, { zone }).startOf('day');
  return { from: start.toJSDate(), to: start.plus({ days: range === 'today' ? 1 : 7 }).toJSDate() };
}

export async function bookingLines(ports: AdminPorts, filter: BookingFilter, zone: string): Promise<BranchGroup[]> {
  const { from, to } = rangeOf(filter.range, ports.now(), zone);
  const staff: Prisma.StaffWhereInput = {
    ...(filter.staff ? { externalId: filter.staff } : {}),
    ...(filter.location ? { location: { externalId: filter.location } } : {}),
  };
  const rows = await ports.prisma.bookingItem.findMany({
    where: { start: { gte: from, lt: to }, booking: { businessId: ports.businessId, ...(filter.status ? { status: filter.status } : {}) }, staff },
    orderBy: [{ start: 'asc' }, { id: 'asc' }],
    include: LINE,
  });
  return group(rows.map(toLine));
}

function group(lines: BookingLine[]): BranchGroup[] {
  const branches = new Map<string, BranchGroup>();
  for (const l of lines) {
    const b = branches.get(l.location.externalId) ?? { location: l.location, staff: [], count: 0 };
    branches.set(l.location.externalId, b);
    let s = b.staff.find((x) => x.staff.externalId === l.staff.externalId);
    if (!s) b.staff.push((s = { staff: l.staff, lines: [] }));
    s.lines.push(l);
    b.count += 1;
  }
  const byName = <T>(name: (x: T) => string) => (a: T, b: T) => name(a).localeCompare(name(b));
  return [...branches.values()].sort(byName((b) => b.location.name)).map((b) => ({ ...b, staff: b.staff.sort(byName((s) => s.staff.name)) }));
}

export async function filterOptions(ports: AdminPorts): Promise<FilterOptions> {
  const [locations, staff] = await Promise.all([
    ports.prisma.location.findMany({ where: { businessId: ports.businessId, active: true }, orderBy: { name: 'asc' }, select: { externalId: true, name: true } }),
    ports.prisma.staff.findMany({
      where: { businessId: ports.businessId, active: true },
      orderBy: { name: 'asc' },
      select: { externalId: true, name: true, location: { select: { externalId: true } } },
    }),
  ]);
  return { locations, staff: staff.map((s) => ({ externalId: s.externalId, name: s.name, location: s.location.externalId })) };
}

/** Lines of bookings whose customer's name or phone contains `q` (digits of a phone are enough), newest first. */
export async function searchByCustomer(ports: AdminPorts, q: string, take = 50): Promise<BookingLine[]> {
  const digits = q.replace(/\D/g, '');
  const customer: Prisma.CustomerWhereInput = {
    OR: [{ name: { contains: q, mode: 'insensitive' } }, ...(digits.length >= 3 ? [{ phone: { contains: digits } }] : [])],
  };
  const rows = await ports.prisma.bookingItem.findMany({
    where: { booking: { businessId: ports.businessId, customer } },
    orderBy: [{ start: 'desc' }, { id: 'asc' }],
    take,
    include: LINE,
  });
  return rows.map(toLine);
}

export interface BookingDetail {
  id: string;
  status: string;
  failureReason: string | null;
  createdAt: Date;
  conversationId: string | null;
  providerOrderId: string | null;
  paymentLink: string | null;
  total: number | null;
  currency: string | null;
  rescheduledFromId: string | null;
  /** The booking that replaced this one, when it was moved. */
  replacedById: string | null;
  customer: { name: string | null; phone: string; email: string | null } | null;
  location: { externalId: string; name: string; timezone: string };
  lines: Array<BookingLine & { staffOptions: Array<{ externalId: string; name: string }> }>;
  /** Confirmed with every line still ahead: it can be cancelled or moved. */
  changeable: boolean;
}

export async function bookingDetail(ports: AdminPorts, id: string): Promise<BookingDetail | null> {
  const { prisma, businessId } = ports;
  const b = await prisma.booking.findFirst({
    where: { id, businessId },
    include: { customer: { select: { name: true, phone: true, email: true } }, items: { orderBy: { start: 'asc' }, include: LINE } },
  });
  if (!b || b.items.length === 0) return null;
  const lines = b.items.map(toLine);
  const loc = b.items[0]!.staff.location;
  // who could take each line instead: the staff of that branch who perform its service
  const performers = await prisma.staffService.findMany({
    where: { businessId, active: true, staff: { active: true, location: { externalId: loc.externalId } }, serviceId: { in: b.items.map((i) => i.serviceId) } },
    select: { serviceId: true, staff: { select: { externalId: true, name: true } } },
    orderBy: { staff: { name: 'asc' } },
  });
  const replacedBy = await prisma.booking.findFirst({ where: { businessId, rescheduledFromId: b.id }, orderBy: { createdAt: 'desc' }, select: { id: true } });
  return {
    id: b.id,
    status: b.status,
    failureReason: b.failureReason,
    createdAt: b.createdAt,
    conversationId: b.conversationId,
    providerOrderId: b.providerOrderId,
    paymentLink: b.paymentLink,
    total: b.total === null ? null : Number(b.total),
    currency: b.currency,
    rescheduledFromId: b.rescheduledFromId,
    replacedById: replacedBy?.id ?? null,
    customer: b.customer,
    location: { externalId: loc.externalId, name: loc.name, timezone: loc.timezone },
    lines: lines.map((l, k) => ({ ...l, staffOptions: performers.filter((p) => p.serviceId === b.items[k]!.serviceId).map((p) => p.staff) })),
    changeable: b.status === 'confirmed' && b.items.every((i) => i.start > ports.now()),
  };
}

/** Confirmed bookings with a line today, for the overview. */
export async function countToday(ports: AdminPorts, zone: string): Promise<number> {
  const { from, to } = rangeOf('today', ports.now(), zone);
  return ports.prisma.booking.count({ where: { businessId: ports.businessId, status: 'confirmed', items: { some: { start: { gte: from, lt: to } } } } });
}
