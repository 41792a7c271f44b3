/**
 * Wire format of the Nail It-shaped provider API, shared by the HTTP client
 * (which validates every response with these schemas) and the simulator
 * (which builds its responses with the inferred types).
 *
 * Transport: every endpoint is `POST {baseUrl}/{Endpoint}` with a JSON body,
 * `Authorization: Bearer <token>` when a token is configured.
 *
 * Every response body is an envelope:
 *   { "Status": <HTTP status>, "Code": "OK" | <error code>, "Message": "...", "Data": <payload> | null }
 * Error codes: SLOT_TAKEN (409, AddOrder), NOT_FOUND (404), INVALID_REQUEST (400),
 * UNAUTHORIZED (401), SERVER_ERROR (5xx).
 *
 * | endpoint            | request body                                          | Data                                  |
 * |---------------------|-------------------------------------------------------|---------------------------------------|
 * | GetLocations        | {}                                                    | { Locations: WireLocation[] }         |
 * | GetLocationServices | { LocationId }                                        | { Services: WireService[] }           |
 * | GetLocationStaff    | { LocationId }                                        | { Staff: WireStaff[] }                |
 * | GetItemsByDate      | { LocationId, Date: "YYYY-MM-DD", StaffId? }          | { Date, TimeZone, Slots: WireSlot[] } |
 * | AddOrder            | { IdempotencyKey, LocationId, Customer, Items }       | { Order: WireOrder }                  |
 * | GetOrder            | { OrderId } or { IdempotencyKey }                     | { Order: WireOrder } (404 if none)    |
 * | CancelOrder         | { OrderId }                                           | { Order: WireOrder } (404 if none)    |
 *
 * Instants (From, To, StartTime, EndTime, CreatedAt) are UTC ISO 8601; Date is
 * the location's local date; WorkingHours list open days only, Day 0 = Monday.
 */
import { z } from 'zod';

export const SLOT_TAKEN_CODE = 'SLOT_TAKEN';

const hhmm = z.string().regex(/^\d{2}:\d{2}$/);
const instant = z.iso.datetime({ offset: true });

const workingHours = z.array(z.object({ Day: z.number().int().min(0).max(6), From: hhmm, To: hhmm }));

export const wireLocation = z.object({
  LocationId: z.string(),
  Name: z.string(),
  NameAr: z.string().nullable(),
  Area: z.string().nullable(),
  Address: z.string(),
  Phone: z.string().nullable(),
  TimeZone: z.string(),
  WorkingHours: workingHours,
});

export const wireService = z.object({
  ItemId: z.string(),
  Name: z.string(),
  NameAr: z.string().nullable(),
  Category: z.string(),
  DurationMinutes: z.number().int().positive(),
  Price: z.number().nonnegative(),
  Currency: z.string(),
});

/** NameAr and WorkingHours (her working days, Day 0 = Monday) are optional: a provider may not give them. */
export const wireStaff = z.object({
  StaffId: z.string(),
  Name: z.string(),
  NameAr: z.string().nullable().optional(),
  ItemIds: z.array(z.string()),
  WorkingHours: workingHours.nullable().optional(),
});

export const wireSlot = z.object({ StaffId: z.string(), From: instant, To: instant });

export const wireOrderItemRequest = z.object({ ItemId: z.string(), StaffId: z.string(), StartTime: instant });

export const wireOrder = z.object({
  OrderId: z.string(),
  IdempotencyKey: z.string(),
  Status: z.enum(['Confirmed', 'Cancelled']),
  LocationId: z.string(),
  Items: z.array(wireOrderItemRequest.extend({ EndTime: instant, Price: z.number() })),
  Total: z.number(),
  Currency: z.string(),
  PaymentLink: z.string(),
  CreatedAt: instant,
});

/** Request bodies, validated by the simulator. */
export const wireRequests = {
  GetLocations: z.object({}),
  GetLocationServices: z.object({ LocationId: z.string().min(1) }),
  GetLocationStaff: z.object({ LocationId: z.string().min(1) }),
  GetItemsByDate: z.object({
    LocationId: z.string().min(1),
    Date: z.iso.date(),
    StaffId: z.string().min(1).optional(),
  }),
  AddOrder: z.object({
    IdempotencyKey: z.string().min(1),
    LocationId: z.string().min(1),
    Customer: z.object({ Name: z.string(), Mobile: z.string(), Email: z.string().nullable().optional() }),
    Items: z.array(wireOrderItemRequest).min(1),
  }),
  GetOrder: z.union([z.object({ OrderId: z.string().min(1) }), z.object({ IdempotencyKey: z.string().min(1) })]),
  CancelOrder: z.object({ OrderId: z.string().min(1) }),
} as const;

/** Response payloads (the envelope's Data). */
export const wireData = {
  GetLocations: z.object({ Locations: z.array(wireLocation) }),
  GetLocationServices: z.object({ Services: z.array(wireService) }),
  GetLocationStaff: z.object({ Staff: z.array(wireStaff) }),
  GetItemsByDate: z.object({ Date: z.iso.date(), TimeZone: z.string(), Slots: z.array(wireSlot) }),
  AddOrder: z.object({ Order: wireOrder }),
  GetOrder: z.object({ Order: wireOrder }),
  CancelOrder: z.object({ Order: wireOrder }),
} as const;

export type WireEndpoint = keyof typeof wireData;
export type WireRequest<E extends WireEndpoint> = z.infer<(typeof wireRequests)[E]>;
export type WireData<E extends WireEndpoint> = z.infer<(typeof wireData)[E]>;
export type WireLocation = z.infer<typeof wireLocation>;
export type WireService = z.infer<typeof wireService>;
export type WireStaff = z.infer<typeof wireStaff>;
export type WireSlot = z.infer<typeof wireSlot>;
export type WireOrder = z.infer<typeof wireOrder>;

/** The envelope around every response; Data is validated separately per endpoint. */
export const wireEnvelope = z.object({
  Status: z.number().int(),
  Code: z.string(),
  Message: z.string(),
  Data: z.unknown(),
});

export interface WireEnvelope<T> {
  Status: number;
  Code: string;
  Message: string;
  Data: T | null;
}
