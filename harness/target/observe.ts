/** Turns what the plugin left behind (engine state, DB rows) into the runner's observations. */
import { DateTime } from 'luxon';
import { isFilled } from '../../plugin/src/conversation/slots';
import { SLOT_ORDER, type ConversationState, type SlotName } from '../../plugin/src/conversation/state';
import type { Db } from '../../plugin/src/store/database';
import type { ObservedBooking } from '../runner/target';

export const filledSlots = (s: ConversationState | null): SlotName[] => (s ? SLOT_ORDER.filter((slot) => isFilled(s, slot)) : []);

const valueOf = (s: ConversationState | null, slot: SlotName): string => {
  if (!s) return 'null';
  const v = s.slots;
  switch (slot) {
    case 'services':
      return JSON.stringify(v.services.map((i) => i.serviceId));
    case 'staff':
      return JSON.stringify(v.services.map((i) => i.staffId));
    case 'time':
      // a service's own time ("the pedicure at 5") is part of the booking's times
      return `${v.date}T${v.time}${v.services.map((i) => (i.time ? `|${i.serviceId}@${i.time}` : '')).join('')}`;
    default:
      return JSON.stringify(v[slot]);
  }
};

/** Slots that this turn set or changed, and those it cleared. */
export function slotChanges(prev: ConversationState | null, next: ConversationState | null) {
  const before = new Set(filledSlots(prev));
  const after = filledSlots(next);
  return {
    filled: after,
    changed: after.filter((slot) => !before.has(slot) || valueOf(prev, slot) !== valueOf(next, slot)),
    invalidated: [...before].filter((slot) => !after.includes(slot)),
  };
}

export async function observedBookings(prisma: Db, businessId: string): Promise<ObservedBooking[]> {
  const rows = await prisma.booking.findMany({
    where: { businessId },
    orderBy: { createdAt: 'asc' },
    include: {
      customer: { select: { phone: true } },
      items: { orderBy: { start: 'asc' }, include: { service: { select: { name: true, externalId: true } }, staff: { select: { name: true, externalId: true } } } },
    },
  });
  const locations = new Map((await prisma.location.findMany({ where: { businessId } })).map((l) => [l.externalId, l]));
  return rows.flatMap((b) => {
    const loc = locations.get(b.locationExternalId);
    const zone = loc?.timezone ?? 'UTC';
    return b.items.map((i) => ({
      service: i.service.name,
      serviceId: i.service.externalId,
      location: loc?.name ?? b.locationExternalId,
      locationId: b.locationExternalId,
      staff: i.staff.name,
      staffId: i.staff.externalId,
      start: DateTime.fromJSDate(i.start, { zone }).toFormat("yyyy-MM-dd'T'HH:mm"),
      status: b.status,
      customer: b.customer?.phone ?? '',
    }));
  });
}
