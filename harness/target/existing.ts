/**
 * `given.existingBookings`: made through the booking service against the
 * simulator before the chat, so they occupy their slots at the provider and
 * in our copy, and show up in "my bookings" for their customer.
 */
import { DateTime } from 'luxon';
import { createBookingService } from '../../plugin/src/booking';
import { fixtureToSnapshot, loadFixture } from '../../plugin/src/catalog/fixture';
import { refreshSlots, type SyncDeps } from '../../plugin/src/catalog/sync';
import type { Given } from '../runner/schema';

/** Whose bookings they are when the scenario does not say: somebody else, so the slot is simply taken. */
const SOMEONE_ELSE = '+96500000001';

const byNameOrId = <T extends { id: string; name: string }>(items: T[], key: string, what: string): T => {
  const k = key.toLowerCase();
  const hit = items.find((x) => x.id.toLowerCase() === k) ?? items.find((x) => x.name.toLowerCase() === k) ?? items.find((x) => x.name.toLowerCase().includes(k));
  if (!hit) throw new Error(`existingBookings: no ${what} "${key}" in the catalog`);
  return hit;
};

export async function seedExistingBookings(list: Given['existingBookings'], deps: SyncDeps & { fixtureName: string }): Promise<void> {
  if (!list.length) return;
  const snap = fixtureToSnapshot(loadFixture(deps.fixtureName));
  const booking = createBookingService({ prisma: deps.prisma, provider: deps.provider, businessId: deps.businessId, now: deps.now, config: { deadlineMs: 2000 } });
  for (const [i, b] of list.entries()) {
    const location = byNameOrId(snap.locations, b.location, 'location');
    const service = byNameOrId(snap.services, b.service, 'service');
    const staff = b.staff
      ? byNameOrId(snap.staff, b.staff, 'staff member')
      : snap.staff.find((p) => p.locationId === location.id && p.serviceIds.includes(service.id));
    if (!staff) throw new Error(`existingBookings: nobody does ${service.name} at ${location.name}`);
    const start = DateTime.fromISO(b.start, { zone: location.timezone }).toJSDate();
    const r = await booking.confirm({
      customer: { phone: b.customer ?? SOMEONE_ELSE, name: 'Existing customer' },
      locationId: location.id,
      items: [{ serviceId: service.id, staffId: staff.id, start }],
      confirmationId: `existing-${i}`,
    });
    if (r.kind !== 'booked') throw new Error(`existingBookings[${i}]: could not book ${service.name} at ${b.start} (${r.kind})`);
    if (b.status === 'cancelled') await booking.cancel({ bookingId: r.booking.id });
  }
  await refreshSlots(deps);
}
