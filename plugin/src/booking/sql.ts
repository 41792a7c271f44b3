/**
 * The statements of a "yes" in plain SQL (the style of store/sql.ts): what a
 * confirmation reads before the live re-check (its key's booking and the
 * request's catalog rows, one statement), the pending booking with its
 * customer and lines (one statement, before the provider is called), its
 * confirmation (one), and a booking as the owners and reminders name it (one).
 * Prisma stays for the rare paths (a key taken by another yes, a failed
 * booking taken over). Timestamps as in store/sql.ts: UTC in `timestamp(3)`,
 * parameters as ISO strings, instants read back as epoch milliseconds.
 */
import { randomUUID } from 'node:crypto';
import { Prisma } from '../../../generated/prisma/client';
import type { ProviderOrder } from '../provider/port';
import type { Sql } from '../store/sql';
import type { ResolvedRequest } from './request';
import type { BookingRequest, BookingWithItems } from './types';

const iso = (d: Date) => d.toISOString();

export interface CatalogRows {
  location: { id: string; externalId: string; timezone: string } | null;
  services: Array<{ id: string; externalId: string; durationMin: number; price: string; currency: string }>;
  staff: Array<{ id: string; externalId: string; locationId: string }>;
}

/** The booking already under `key` (status only) and the request's location, services and staff rows: one statement. */
export async function readConfirmStart(
  sql: Sql,
  q: { businessId: string; key: string; locationId: string; serviceIds: string[]; staffIds: string[] },
): Promise<{ existing: { id: string; status: string } | null } & CatalogRows> {
  const { rows } = await sql.query<{ existing: { id: string; status: string } | null } & CatalogRows>({
    name: 'bookwell_confirm_start',
    text: `SELECT
        (SELECT json_build_object('id', b.id, 'status', b.status) FROM "Booking" b WHERE b."idempotencyKey" = $2 AND b."businessId" = $1) AS existing,
        (SELECT json_build_object('id', l.id, 'externalId', l."externalId", 'timezone', l.timezone) FROM "Location" l
          WHERE l."businessId" = $1 AND l."externalId" = $3) AS location,
        (SELECT COALESCE(json_agg(json_build_object('id', s.id, 'externalId', s."externalId", 'durationMin', s."durationMin", 'price', s.price::text, 'currency', s.currency)), '[]')
          FROM "Service" s WHERE s."businessId" = $1 AND s."externalId" = ANY($4::text[])) AS services,
        (SELECT COALESCE(json_agg(json_build_object('id', p.id, 'externalId', p."externalId", 'locationId', p."locationId")), '[]')
          FROM "Staff" p WHERE p."businessId" = $1 AND p."externalId" = ANY($5::text[])) AS staff`,
    values: [q.businessId, q.key, q.locationId, q.serviceIds, q.staffIds],
  });
  return rows[0]!;
}

/**
 * The customer (made or updated: name, and the e-mail when given) and the pending booking with its lines, in one
 * statement. Null when the key already has a booking (a second yes elsewhere, a failed one): the caller reads it.
 */
export async function insertPending(
  sql: Sql,
  q: { businessId: string; key: string; req: BookingRequest; r: ResolvedRequest; noticeDue: boolean; createdAt: Date },
): Promise<BookingWithItems | null> {
  const { businessId, key, req, r } = q;
  const bookingId = randomUUID();
  const updatedAt = new Date();
  const items = r.items.map((i) => ({ id: randomUUID(), serviceId: i.serviceRowId, staffId: i.staffRowId, start: iso(i.start), end: iso(i.end), price: String(i.price) }));
  const total = r.items.reduce((s, i) => s + i.price, 0);
  const currency = r.items[0]!.currency;
  const { rows } = await sql.query<{ customerId: string; bookingId: string | null }>({
    name: 'bookwell_insert_pending',
    text: `WITH cu AS (
        INSERT INTO "Customer" (id, "businessId", phone, name, email, "createdAt", "updatedAt")
        VALUES ($1, $2, $3, $4, $5, $6::timestamp, $6::timestamp)
        ON CONFLICT ("businessId", phone) DO UPDATE SET name = EXCLUDED.name, email = COALESCE(EXCLUDED.email, "Customer".email), "updatedAt" = EXCLUDED."updatedAt"
        RETURNING id
      ), b AS (
        INSERT INTO "Booking" (id, "businessId", "conversationId", "customerId", "idempotencyKey", status, "locationExternalId", total, currency,
          "failureReason", "rescheduledFromId", "noticeDue", language, "createdAt", "updatedAt")
        SELECT $7, $2, $8, cu.id, $9, 'pending', $10, $11::numeric, $12, NULL, $13, $14, $15, $16::timestamp, $6::timestamp FROM cu
        ON CONFLICT ("idempotencyKey") DO NOTHING
        RETURNING id
      ), lines AS (
        INSERT INTO "BookingItem" (id, "bookingId", "serviceId", "staffId", start, "end", price)
        SELECT i.id, b.id, i."serviceId", i."staffId", i.start::timestamp, i."end"::timestamp, i.price::numeric
        FROM b, json_to_recordset($17::json) AS i(id text, "serviceId" text, "staffId" text, start text, "end" text, price text)
        RETURNING 1
      )
      SELECT (SELECT id FROM cu) AS "customerId", (SELECT id FROM b) AS "bookingId", (SELECT count(*) FROM lines) AS lines`,
    values: [
      randomUUID(), businessId, req.customer.phone, req.customer.name, req.customer.email || null, iso(updatedAt),
      bookingId, req.conversationId ?? null, key, r.location.externalId, String(total), currency, req.rescheduledFromId ?? null, q.noticeDue, req.language ?? null, iso(q.createdAt),
      JSON.stringify(items),
    ],
  });
  const row = rows[0]!;
  if (!row.bookingId) return null;
  return {
    id: bookingId, businessId, conversationId: req.conversationId ?? null, customerId: row.customerId, idempotencyKey: key, status: 'pending',
    providerOrderId: null, paymentLink: null, locationExternalId: r.location.externalId, total: new Prisma.Decimal(total), currency, failureReason: null,
    rescheduledFromId: req.rescheduledFromId ?? null, noticeDue: q.noticeDue, language: req.language ?? null, createdAt: q.createdAt, updatedAt,
    items: items
      .map((i) => ({ id: i.id, bookingId, serviceId: i.serviceId, staffId: i.staffId, start: new Date(i.start), end: new Date(i.end), price: new Prisma.Decimal(i.price) }))
      .sort((a, b) => a.start.getTime() - b.start.getTime()),
  };
}

/** pending → confirmed with the order; false when it was no longer pending (someone else settled it). */
export async function confirmPending(sql: Sql, q: { bookingId: string; order: ProviderOrder; told: boolean; updatedAt: Date }): Promise<{ noticeDue: boolean } | null> {
  const { rows } = await sql.query<{ noticeDue: boolean }>({
    name: 'bookwell_confirm_pending',
    text: `UPDATE "Booking" SET status = 'confirmed', "providerOrderId" = $2, "paymentLink" = $3, total = $4::numeric, currency = $5, "failureReason" = NULL,
        "noticeDue" = CASE WHEN $6 THEN false ELSE "noticeDue" END, "updatedAt" = $7::timestamp
      WHERE id = $1 AND status = 'pending'
      RETURNING "noticeDue"`,
    values: [q.bookingId, q.order.orderId, q.order.paymentLink, String(q.order.total), q.order.currency, q.told, iso(q.updatedAt)],
  });
  return rows[0] ?? null;
}

export interface BookingRow {
  id: string;
  status: string;
  providerOrderId: string | null;
  paymentLink: string | null;
  total: number | null;
  currency: string | null;
  location: { id: string; name: string; nameAr: string | null; address: string; timezone: string };
  customer: { name: string | null; phone: string } | null;
  items: Array<{ serviceId: string; serviceName: string; serviceNameAr: string | null; staffId: string; staffName: string; staffNameAr: string | null; start: number; end: number }>;
}

/** A booking of the business with its lines named (external ids, names), its place and its customer: one statement. Null when it has no lines. */
export async function readBookingRow(sql: Sql, q: { businessId: string; bookingId: string }): Promise<BookingRow | null> {
  const { rows } = await sql.query<BookingRow>({
    name: 'bookwell_booking_row',
    text: `SELECT b.id, b.status, b."providerOrderId", b."paymentLink", b.total::float8 AS total, b.currency,
        json_build_object('id', l."externalId", 'name', l.name, 'nameAr', l."nameAr", 'address', l.address, 'timezone', l.timezone) AS location,
        CASE WHEN cu.id IS NULL THEN NULL ELSE json_build_object('name', cu.name, 'phone', cu.phone) END AS customer,
        (SELECT json_agg(json_build_object('serviceId', s."externalId", 'serviceName', s.name, 'serviceNameAr', s."nameAr", 'staffId', p."externalId", 'staffName', p.name, 'staffNameAr', p."nameAr",
            'start', extract(epoch FROM i.start) * 1000, 'end', extract(epoch FROM i."end") * 1000) ORDER BY i.start)
          FROM "BookingItem" i JOIN "Service" s ON s.id = i."serviceId" JOIN "Staff" p ON p.id = i."staffId" WHERE i."bookingId" = b.id) AS items
      FROM "Booking" b
      JOIN "Location" l ON l."businessId" = b."businessId" AND l."externalId" = b."locationExternalId"
      LEFT JOIN "Customer" cu ON cu.id = b."customerId"
      WHERE b.id = $1 AND b."businessId" = $2`,
    values: [q.bookingId, q.businessId],
  });
  const r = rows[0];
  return r && r.items?.length ? { ...r, total: r.total === null ? null : Number(r.total), items: r.items.map((i) => ({ ...i, start: Number(i.start), end: Number(i.end) })) } : null;
}
