/**
 * Free (branch, service, staff, time) choices from the synced copy that never overlap, round robin over staff
 * so that concurrent chats rarely share a person: what bench:turns and the crash test book, one chat each.
 */
import { DateTime } from 'luxon';
import { createDbCatalog } from '../../plugin/src/catalog/queries';
import type { Database } from '../../plugin/src/store/database';

/** Services every chat may ask for, by name as a customer writes it. */
const SERVICES = ['Gel Manicure', 'Classic Pedicure', 'Haircut', 'Blow Dry', 'Swedish Massage', 'Hydrafacial', 'Eyebrow Threading', 'Lash Lift', 'Deep Cleansing Facial'];
const DAY_MS = 86_400_000;
const QUARTER_MS = 900_000;

export interface Choice {
  location: string;
  service: string;
  staff: string;
  /** As a customer writes it: "March 3 at 2:00pm". */
  when: string;
}

/** Up to `n` choices from tomorrow to `days` days after `now`. */
export async function bookableChoices(db: Database, q: { businessId: string; n: number; now: Date; days: number }): Promise<Choice[]> {
  const catalog = createDbCatalog({ prisma: db.prisma, businessId: q.businessId, now: () => q.now });
  const snapshot = await catalog.snapshot();
  const perStaff = new Map<string, Choice[]>();
  for (const loc of snapshot.locations) {
    const windows = await catalog.freeWindows({ locationId: loc.id, from: new Date(q.now.getTime() + DAY_MS), to: new Date(q.now.getTime() + q.days * DAY_MS) });
    for (const w of windows) {
      const person = snapshot.staff.find((s) => s.id === w.staffId)!;
      const service = SERVICES.map((name) => snapshot.services.find((s) => s.name === name)).find((s) => s && person.serviceIds.includes(s.id) && s.locationIds.includes(loc.id));
      if (!service) continue;
      const step = Math.ceil(service.durationMin / 15) * 15 * 60_000;
      for (let t = Math.ceil(w.start.getTime() / QUARTER_MS) * QUARTER_MS; t + service.durationMin * 60_000 <= w.end.getTime(); t += step) {
        const local = DateTime.fromMillis(t, { zone: loc.timezone });
        const when = `${local.toFormat('MMMM d')} at ${local.toFormat('h:mm')}${local.hour < 12 ? 'am' : 'pm'}`;
        perStaff.set(person.id, [...(perStaff.get(person.id) ?? []), { location: loc.name, service: service.name, staff: person.name, when }]);
      }
    }
  }
  const lists = [...perStaff.values()];
  const out: Choice[] = [];
  for (let k = 0; out.length < q.n; k++) {
    const before = out.length;
    for (const l of lists) if (k < l.length && out.length < q.n) out.push(l[k]!);
    if (out.length === before) break;
  }
  return out;
}
