/**
 * What each simulated endpoint does, independent of HTTP: takes the parsed
 * wire request, reads the catalog, ledger and clock, and returns the wire
 * payload or throws SimError (turned into an error envelope by server.ts).
 */
import type { CatalogLocation } from '../../catalog/types';
import { SLOT_TAKEN_CODE, type WireData, type WireOrder, type WireRequest } from '../nailit-wire';
import type { ProviderSlot } from '../port';
import { ceilToGrid, fits, freeWindows, type Interval, localDate, seededBookings, workingInterval } from './availability';
import type { FixtureStaff, SimCatalog } from './catalog';
import type { Ledger, SimOrder } from './ledger';

export interface EngineContext {
  catalog: SimCatalog;
  ledger: Ledger;
  seed: number;
  now(): Date;
  publicUrl(): string;
}

export class SimError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const invalid = (message: string) => new SimError(400, 'INVALID_REQUEST', message);

function location(ctx: EngineContext, id: string): CatalogLocation {
  const loc = ctx.catalog.snapshot().locations.find((l) => l.id === id);
  if (!loc) throw new SimError(404, 'NOT_FOUND', `no location ${id}`);
  return loc;
}

const staffAt = (ctx: EngineContext, locationId: string) =>
  ctx.catalog.fixture().staff.filter((s) => s.locationId === locationId);

/** Free windows of one staff member on a local date; `extra` is busy time not yet in the ledger. */
function staffWindows(ctx: EngineContext, loc: CatalogLocation, staff: FixtureStaff, date: string, extra: Interval[] = []): Interval[] {
  const now = ctx.now().getTime();
  if (date < localDate(now, loc.timezone)) return [];
  const work = workingInterval(loc.hours, staff, date, loc.timezone);
  if (!work) return [];
  const busy = [...seededBookings(ctx.seed, staff.id, date, work), ...ctx.ledger.busy(staff.id), ...extra];
  return freeWindows(work, busy, ceilToGrid(now));
}

/** The same windows as the port sees them, used by GetItemsByDate and the property tests. */
export function slotsOn(ctx: EngineContext, q: { locationId: string; date: string; staffId?: string }): ProviderSlot[] {
  const loc = location(ctx, q.locationId);
  const staff = staffAt(ctx, loc.id).filter((s) => !q.staffId || s.id === q.staffId);
  if (q.staffId && staff.length === 0) throw new SimError(404, 'NOT_FOUND', `no staff ${q.staffId} at ${loc.id}`);
  return staff.flatMap((s) =>
    staffWindows(ctx, loc, s, q.date).map((w) => ({
      staffId: s.id,
      start: new Date(w.start).toISOString(),
      end: new Date(w.end).toISOString(),
    })),
  );
}

export function getLocations(ctx: EngineContext): WireData<'GetLocations'> {
  return {
    Locations: ctx.catalog.snapshot().locations.map((l) => ({
      LocationId: l.id,
      Name: l.name,
      NameAr: l.nameAr ?? null,
      Area: l.area ?? null,
      Address: l.address,
      Phone: l.phone ?? null,
      TimeZone: l.timezone,
      WorkingHours: l.hours.flatMap((h, day) => (h ? [{ Day: day, From: h[0], To: h[1] }] : [])),
    })),
  };
}

export function getLocationServices(ctx: EngineContext, req: WireRequest<'GetLocationServices'>): WireData<'GetLocationServices'> {
  const loc = location(ctx, req.LocationId);
  return {
    Services: ctx.catalog
      .snapshot()
      .services.filter((s) => s.locationIds.includes(loc.id))
      .map((s) => ({
        ItemId: s.id,
        Name: s.name,
        NameAr: s.nameAr ?? null,
        Category: s.category,
        DurationMinutes: s.durationMin,
        Price: s.price,
        Currency: s.currency,
      })),
  };
}

export function getLocationStaff(ctx: EngineContext, req: WireRequest<'GetLocationStaff'>): WireData<'GetLocationStaff'> {
  const loc = location(ctx, req.LocationId);
  return {
    Staff: ctx.catalog
      .snapshot()
      .staff.filter((s) => s.locationId === loc.id)
      .map((s) => ({
        StaffId: s.id,
        Name: s.name,
        NameAr: s.nameAr ?? null,
        ItemIds: s.serviceIds,
        WorkingHours: (s.hours ?? []).flatMap((h, day) => (h ? [{ Day: day, From: h[0], To: h[1] }] : [])),
      })),
  };
}

export function getItemsByDate(ctx: EngineContext, req: WireRequest<'GetItemsByDate'>): WireData<'GetItemsByDate'> {
  const slots = slotsOn(ctx, { locationId: req.LocationId, date: req.Date, staffId: req.StaffId });
  return {
    Date: req.Date,
    TimeZone: location(ctx, req.LocationId).timezone,
    Slots: slots.map((s) => ({ StaffId: s.staffId, From: s.start, To: s.end })),
  };
}

interface PlannedItem {
  serviceId: string;
  staffId: string;
  start: number;
  end: number;
  price: number;
  currency: string;
}

/** Resolves and checks every item; nothing is written, so a failure leaves the ledger untouched. */
function planItems(ctx: EngineContext, req: WireRequest<'AddOrder'>): PlannedItem[] {
  const loc = location(ctx, req.LocationId);
  const snapshot = ctx.catalog.snapshot();
  const planned: PlannedItem[] = [];
  for (const item of req.Items) {
    const service = snapshot.services.find((s) => s.id === item.ItemId && s.locationIds.includes(loc.id));
    if (!service) throw invalid(`service ${item.ItemId} is not offered at ${loc.id}`);
    const staff = staffAt(ctx, loc.id).find((s) => s.id === item.StaffId);
    const performs = snapshot.staff.find((s) => s.id === item.StaffId)?.serviceIds.includes(service.id);
    if (!staff || !performs) throw invalid(`staff ${item.StaffId} does not perform ${service.id} at ${loc.id}`);
    const start = Date.parse(item.StartTime);
    const end = start + service.durationMin * 60_000;
    const earlier = planned.filter((p) => p.staffId === staff.id);
    const backToBack = planned.some((p) => p.end === start);
    if (!fits(staffWindows(ctx, loc, staff, localDate(start, loc.timezone), earlier), start, end, !backToBack))
      throw new SimError(409, SLOT_TAKEN_CODE, `${staff.name} is not free at ${item.StartTime} for ${service.durationMin} min`);
    planned.push({ serviceId: service.id, staffId: staff.id, start, end, price: service.price, currency: service.currency });
  }
  return planned;
}

export function addOrder(ctx: EngineContext, req: WireRequest<'AddOrder'>): WireData<'AddOrder'> {
  const existing = ctx.ledger.get({ idempotencyKey: req.IdempotencyKey });
  if (existing) return { Order: toWireOrder(existing) };
  const items = planItems(ctx, req);
  const orderId = ctx.ledger.nextOrderId();
  const order: SimOrder = {
    orderId,
    idempotencyKey: req.IdempotencyKey,
    status: 'confirmed',
    locationId: req.LocationId,
    items: items.map((i) => ({
      serviceId: i.serviceId,
      staffId: i.staffId,
      start: new Date(i.start).toISOString(),
      end: new Date(i.end).toISOString(),
      price: i.price,
    })),
    // Rounded to 3 decimals: KWD has fils.
    total: Math.round(items.reduce((sum, i) => sum + i.price, 0) * 1000) / 1000,
    currency: items[0].currency,
    paymentLink: `${ctx.publicUrl()}/pay/${orderId}`,
    createdAt: ctx.now().toISOString(),
    customer: { name: req.Customer.Name, phone: req.Customer.Mobile, email: req.Customer.Email ?? null },
  };
  ctx.ledger.add(order);
  return { Order: toWireOrder(order) };
}

export function getOrder(ctx: EngineContext, req: WireRequest<'GetOrder'>): WireData<'GetOrder'> {
  const order = ctx.ledger.get('OrderId' in req ? { orderId: req.OrderId } : { idempotencyKey: req.IdempotencyKey });
  if (!order) throw new SimError(404, 'NOT_FOUND', 'no such order');
  return { Order: toWireOrder(order) };
}

export function cancelOrder(ctx: EngineContext, req: WireRequest<'CancelOrder'>): WireData<'CancelOrder'> {
  const order = ctx.ledger.cancel(req.OrderId);
  if (!order) throw new SimError(404, 'NOT_FOUND', `no order ${req.OrderId}`);
  return { Order: toWireOrder(order) };
}

/** Fault "slot_taken" on AddOrder: a phantom customer books what was asked for. */
export function takeRequestedSlots(ctx: EngineContext, req: WireRequest<'AddOrder'>): void {
  const services = ctx.catalog.snapshot().services;
  for (const item of req.Items) {
    const minutes = services.find((s) => s.id === item.ItemId)?.durationMin ?? 60;
    const start = Date.parse(item.StartTime);
    ctx.ledger.block(item.StaffId, { start, end: start + minutes * 60_000 });
  }
}

function toWireOrder(o: SimOrder): WireOrder {
  return {
    OrderId: o.orderId,
    IdempotencyKey: o.idempotencyKey,
    Status: o.status === 'confirmed' ? 'Confirmed' : 'Cancelled',
    LocationId: o.locationId,
    Items: o.items.map((i) => ({ ItemId: i.serviceId, StaffId: i.staffId, StartTime: i.start, EndTime: i.end, Price: i.price })),
    Total: o.total,
    Currency: o.currency,
    PaymentLink: o.paymentLink,
    CreatedAt: o.createdAt,
  };
}
