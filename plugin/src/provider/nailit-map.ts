/** Wire (PascalCase, see nailit-wire.ts) → port (camelCase) shapes. */
import type { WeeklyHours } from '../catalog/types';
import type { WireLocation, WireOrder, WireService, WireSlot, WireStaff } from './nailit-wire';
import type { ProviderLocation, ProviderOrder, ProviderService, ProviderSlot, ProviderStaff } from './port';

/** Instants are normalised so that callers can compare them as strings. */
const iso = (s: string) => new Date(s).toISOString();

/** Open days only, Day 0 = Monday → seven entries, null on the days not listed. */
function weekly(days: ReadonlyArray<{ Day: number; From: string; To: string }>): WeeklyHours {
  const hours: Array<readonly [string, string] | null> = Array(7).fill(null);
  for (const h of days) hours[h.Day] = [h.From, h.To];
  return hours;
}

export function toLocation(w: WireLocation): ProviderLocation {
  const hours = weekly(w.WorkingHours);
  return {
    id: w.LocationId,
    name: w.Name,
    nameAr: w.NameAr,
    area: w.Area,
    address: w.Address,
    phone: w.Phone,
    timezone: w.TimeZone,
    hours,
  };
}

export function toService(w: WireService): ProviderService {
  return {
    id: w.ItemId,
    name: w.Name,
    nameAr: w.NameAr,
    category: w.Category,
    durationMin: w.DurationMinutes,
    price: w.Price,
    currency: w.Currency,
  };
}

export function toStaff(w: WireStaff): ProviderStaff {
  return { id: w.StaffId, name: w.Name, nameAr: w.NameAr ?? null, serviceIds: w.ItemIds, hours: w.WorkingHours ? weekly(w.WorkingHours) : null };
}

export function toSlot(w: WireSlot): ProviderSlot {
  return { staffId: w.StaffId, start: iso(w.From), end: iso(w.To) };
}

export function toOrder(w: WireOrder): ProviderOrder {
  return {
    orderId: w.OrderId,
    idempotencyKey: w.IdempotencyKey,
    status: w.Status === 'Confirmed' ? 'confirmed' : 'cancelled',
    locationId: w.LocationId,
    items: w.Items.map((i) => ({
      serviceId: i.ItemId,
      staffId: i.StaffId,
      start: iso(i.StartTime),
      end: iso(i.EndTime),
      price: i.Price,
    })),
    total: w.Total,
    currency: w.Currency,
    paymentLink: w.PaymentLink,
    createdAt: iso(w.CreatedAt),
  };
}
