/** A booking as actions return it: provider (external) ids, ISO instants. */
import type { Db } from '../store/database';

export interface BookingOut {
  id: string;
  status: 'pending' | 'confirmed' | 'failed' | 'cancelled';
  location: string;
  items: Array<{ service: string; staff: string; start: string; end: string }>;
  total: number | null;
  currency: string | null;
  paymentLink: string | null;
  providerOrderId: string | null;
}

/** One booking of this business (another business's id reads as not found). */
export async function bookingOut(prisma: Db, businessId: string, bookingId: string): Promise<BookingOut | null> {
  const b = await prisma.booking.findFirst({
    where: { id: bookingId, businessId },
    include: { items: { orderBy: { start: 'asc' }, include: { service: { select: { externalId: true } }, staff: { select: { externalId: true } } } } },
  });
  if (!b) return null;
  return {
    id: b.id,
    status: b.status as BookingOut['status'],
    location: b.locationExternalId,
    items: b.items.map((i) => ({ service: i.service.externalId, staff: i.staff.externalId, start: i.start.toISOString(), end: i.end.toISOString() })),
    total: b.total === null ? null : Number(b.total),
    currency: b.currency,
    paymentLink: b.paymentLink,
    providerOrderId: b.providerOrderId,
  };
}
