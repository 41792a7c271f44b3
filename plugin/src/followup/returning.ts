/**
 * A returning customer, known only by the number their channel asserts and
 * only within this business (Customer rows are per business): their name, the
 * language they last wrote in, and their last booking here, offered again.
 */
import type { BookingView } from '../booking/list';
import { viewBooking } from '../booking/list';
import type { Language } from '../catalog/types';
import type { Db } from '../store/database';

export interface Returning {
  name: string;
  language: Language | null;
  last: BookingView | null;
}

export async function returningCustomer(prisma: Db, q: { businessId: string; phone: string }): Promise<Returning | null> {
  const c = await prisma.customer.findUnique({
    where: { businessId_phone: { businessId: q.businessId, phone: q.phone } },
    select: { name: true, language: true, bookings: { where: { status: 'confirmed' }, orderBy: { createdAt: 'desc' }, take: 1, select: { id: true } } },
  });
  // returning: booked here before (a profile name alone is no acquaintance)
  if (!c?.name || !c.bookings.length) return null;
  const last = c.bookings[0] ? await viewBooking(c.bookings[0].id, { prisma, businessId: q.businessId }) : null;
  return { name: c.name, language: (c.language as Language | null) ?? null, last };
}
