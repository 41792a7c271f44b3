/**
 * After the provider refused a time (at the live re-check or at the order):
 * our copy of that day and the next is re-read from the provider, so the offer
 * and the conversation's later questions see the same fresh data, then the
 * nearest starts where every item still fits come from the slot maths
 * (catalog/availability.ts), the refused start with the refused person left out.
 */
import { DateTime } from 'luxon';
import { nearestFree, startInstant } from '../catalog/availability';
import type { CatalogQueries } from '../catalog/ports';
import { createDbCatalog } from '../catalog/queries';
import { fullSync, refreshSlots } from '../catalog/sync';
import type { ResolvedRequest } from './request';
import { type BookingDeps, type ConfirmResult, configOf } from './types';

/** The caller's copy, or the database's refreshed from the booking's provider. */
function catalogOf(deps: BookingDeps): CatalogQueries {
  if (deps.catalog) return deps.catalog;
  const sync = { prisma: deps.prisma, provider: deps.provider, businessId: deps.businessId, now: deps.now };
  return createDbCatalog({
    ...sync,
    refresh: { catalog: () => fullSync(sync), slots: (loc, dates) => refreshSlots(sync, { locationExternalId: loc, dates }) },
  });
}

export async function slotTaken(deps: BookingDeps, r: ResolvedRequest): Promise<Extract<ConfirmResult, { kind: 'slot_taken' }>> {
  const catalog = catalogOf(deps);
  const first = r.items[0];
  const zone = r.location.timezone;
  const wanted = DateTime.fromJSDate(first.start, { zone });
  const dates = [wanted.toISODate()!, wanted.plus({ days: 1 }).toISODate()!];
  const refresh = async () => catalog.refreshDays?.({ locationId: r.location.externalId, dates });
  // Many customers losing one slot at once share one refresh. A failed refresh is recorded by its sync
  // run; the offer then comes from the copy we have, minus the slot we know is taken.
  await (deps.flights ? deps.flights.run(`refresh:${deps.businessId}:${r.location.externalId}:${dates.join(',')}`, refresh).promise : refresh());
  const q = {
    catalog,
    snapshot: await catalog.snapshot(),
    locationId: r.location.externalId,
    items: r.items.map((i) => ({ serviceId: i.serviceId, staffId: i.anyStaff ? 'any' : i.staffId })),
  };
  const options = await nearestFree(q, { date: dates[0], time: wanted.toFormat('HH:mm') }, deps.now(), configOf(deps).alternatives, {
    taken: { start: first.start, staffId: first.staffId },
  });
  return { kind: 'slot_taken', alternatives: options.map((o) => startInstant(o, zone)), staffSpecific: !r.items.some((i) => i.anyStaff) };
}
