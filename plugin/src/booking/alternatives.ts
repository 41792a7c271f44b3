/**
 * Alternatives after "slot taken": refresh our slot copy of the location for
 * the requested date (and the next days) from the provider, so that the offer
 * and the conversation's later questions see the same fresh data, then pick
 * the starts nearest the requested one where every item still fits.
 */
import { DateTime } from 'luxon';
import { createDbCatalog } from '../catalog/queries';
import { refreshSlots } from '../catalog/sync';
import { SLOT_GRID_MINUTES, type FreeWindow } from '../catalog/types';
import type { ResolvedRequest } from './request';
import { type BookingDeps, configOf } from './types';

const GRID_MS = SLOT_GRID_MINUTES * 60_000;

export async function findAlternatives(deps: BookingDeps, r: ResolvedRequest): Promise<{ alternatives: Date[]; staffSpecific: boolean }> {
  const { prisma, businessId } = deps;
  const config = configOf(deps);
  const first = r.items[0];
  const day = DateTime.fromJSDate(first.start, { zone: r.location.timezone }).startOf('day');
  const dates = Array.from({ length: config.alternativeDays }, (_, i) => day.plus({ days: i }).toISODate()!);
  const refresh = () => refreshSlots({ prisma, businessId, provider: deps.provider, now: deps.now }, { locationExternalId: r.location.externalId, dates });
  // Many customers losing one slot at once share one refresh. A failed refresh is recorded by the
  // sync run; the offer then comes from the copy we have, minus the slot we know is taken.
  await (deps.flights ? deps.flights.run(`refresh:${businessId}:${r.location.externalId}:${dates.join(',')}`, refresh).promise : refresh());

  const windows = await createDbCatalog({ prisma, businessId, now: deps.now }).freeWindows({
    locationId: r.location.externalId,
    from: day.toJSDate(),
    to: day.plus({ days: config.alternativeDays }).toJSDate(),
  });
  const staffSpecific = !r.items.some((i) => i.anyStaff);
  const eligible = await eligibleStaff(deps, r);
  const fits = (staff: string[], start: number, durationMin: number) =>
    windows.some((w) => staff.includes(w.staffId) && w.start.getTime() <= start && start + durationMin * 60_000 <= w.end.getTime());

  const notBefore = deps.now().getTime();
  const requested = first.start.getTime();
  const candidates = new Set<number>();
  for (const w of windows.filter((x: FreeWindow) => eligible[0].includes(x.staffId))) {
    for (let t = Math.ceil(Math.max(w.start.getTime(), notBefore) / GRID_MS) * GRID_MS; t + first.durationMin * 60_000 <= w.end.getTime(); t += GRID_MS) {
      // the requested start with the requested person is what was just taken, whatever our copy says
      if (t === requested && (staffSpecific || w.staffId === first.staffId)) continue;
      const delta = t - requested;
      if (r.items.every((i, k) => fits(eligible[k], i.start.getTime() + delta, i.durationMin))) candidates.add(t);
    }
  }
  const nearest = [...candidates].sort((a, b) => Math.abs(a - requested) - Math.abs(b - requested) || a - b).slice(0, config.alternatives);
  return { alternatives: nearest.sort((a, b) => a - b).map((t) => new Date(t)), staffSpecific };
}

/** Per item: the requested person, or everyone at the location who performs the service when the customer said "anyone". */
async function eligibleStaff(deps: BookingDeps, r: ResolvedRequest): Promise<string[][]> {
  if (!r.items.some((i) => i.anyStaff)) return r.items.map((i) => [i.staffId]);
  const rows = await deps.prisma.staffService.findMany({
    where: { businessId: deps.businessId, active: true, staff: { locationId: r.location.id, active: true }, service: { externalId: { in: r.items.map((i) => i.serviceId) } } },
    select: { staff: { select: { externalId: true } }, service: { select: { externalId: true } } },
  });
  return r.items.map((i) => (i.anyStaff ? rows.filter((x) => x.service.externalId === i.serviceId).map((x) => x.staff.externalId) : [i.staffId]));
}
