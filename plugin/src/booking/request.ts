/**
 * Resolves a request's external ids against our catalog copy: internal row
 * ids (BookingItem references them), durations, prices and the location's
 * time zone. An unknown id is the caller's bug, not a customer situation.
 */
import { DateTime } from 'luxon';
import type { Db } from '../store/database';
import type { CatalogRows } from './sql';
import type { BookingRequest } from './types';

export interface ResolvedItem {
  serviceId: string;
  staffId: string;
  serviceRowId: string;
  staffRowId: string;
  start: Date;
  end: Date;
  durationMin: number;
  price: number;
  currency: string;
  anyStaff: boolean;
}

export interface ResolvedRequest {
  location: { id: string; externalId: string; timezone: string };
  items: ResolvedItem[];
}

export class BookingInputError extends Error {
  readonly name = 'BookingInputError';
}

export async function resolveRequest(prisma: Db, businessId: string, req: BookingRequest): Promise<ResolvedRequest> {
  if (req.items.length === 0) throw new BookingInputError('a booking needs at least one service');
  const location = await prisma.location.findUnique({
    where: { businessId_externalId: { businessId, externalId: req.locationId } },
    select: { id: true, externalId: true, timezone: true },
  });
  if (!location) throw new BookingInputError(`unknown location ${req.locationId}`);
  const [services, staff] = await Promise.all([
    prisma.service.findMany({ where: { businessId, externalId: { in: req.items.map((i) => i.serviceId) } } }),
    prisma.staff.findMany({ where: { businessId, externalId: { in: req.items.map((i) => i.staffId) } } }),
  ]);
  return resolveRows(req, { location, services: services.map((s) => ({ ...s, price: s.price.toString() })), staff });
}

/** The request against rows already read (booking/sql.ts reads them with the key's booking in one statement). */
export function resolveRows(req: BookingRequest, rows: CatalogRows): ResolvedRequest {
  if (req.items.length === 0) throw new BookingInputError('a booking needs at least one service');
  const { location, services, staff } = rows;
  if (!location) throw new BookingInputError(`unknown location ${req.locationId}`);
  const items = req.items.map((i): ResolvedItem => {
    const service = services.find((s) => s.externalId === i.serviceId);
    if (!service) throw new BookingInputError(`unknown service ${i.serviceId}`);
    const person = staff.find((s) => s.externalId === i.staffId && s.locationId === location.id);
    if (!person) throw new BookingInputError(`staff ${i.staffId} does not work at ${req.locationId}`);
    return {
      serviceId: i.serviceId,
      staffId: i.staffId,
      serviceRowId: service.id,
      staffRowId: person.id,
      start: i.start,
      end: new Date(i.start.getTime() + service.durationMin * 60_000),
      durationMin: service.durationMin,
      price: Number(service.price),
      currency: service.currency,
      anyStaff: !!i.anyStaff,
    };
  });
  return { location, items };
}

/** "YYYY-MM-DD" of an instant in a zone. */
export const localDate = (at: Date, zone: string) => DateTime.fromJSDate(at, { zone }).toISODate()!;

/** The line items an order must contain, comparable with a provider order's. */
export const lineKey = (i: { serviceId: string; staffId: string; start: Date | string }) =>
  `${i.serviceId}|${i.staffId}|${new Date(i.start).toISOString()}`;
