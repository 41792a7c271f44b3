/**
 * Each morning, per branch, the day's bookings by staff member, to the owner
 * numbers: due once the branch's local clock passes owners.morningScheduleTime
 * (later that day when nothing ticked then), queued once per branch and day
 * under the key "schedule:<location>:<date>", whichever process ticks first.
 * A branch with no bookings that day is claimed too, but sends nothing.
 */
import { DateTime } from 'luxon';
import type { Language } from '../catalog/types';
import { formatDate, formatTime } from '../conversation/format';
import { templater, type TemplateOverrides } from '../conversation/templates';
import { queueOwnerNotice, type QueueDeps } from './queue';

export interface MorningDeps extends QueueDeps {
  language: Language;
  templates?: TemplateOverrides;
  /** "HH:MM", local at each branch. */
  at: string;
}

/** Queues the schedules due now; returns how many branches were queued by this call. */
export async function queueMorningSchedules(deps: MorningDeps): Promise<number> {
  const now = deps.now();
  const lang = deps.language;
  const t = templater(lang, deps.templates);
  const locations = await deps.prisma.location.findMany({ where: { businessId: deps.businessId, active: true }, select: { id: true, externalId: true, name: true, nameAr: true, timezone: true } });
  let queued = 0;
  for (const loc of locations) {
    const local = DateTime.fromJSDate(now, { zone: loc.timezone });
    if (local.toFormat('HH:mm') < deps.at) continue;
    const date = local.toISODate()!;
    const key = `schedule:${loc.externalId}:${date}`;
    if (await deps.prisma.ownerMessage.count({ where: { businessId: deps.businessId, key } })) continue;
    const dayStart = local.startOf('day');
    const items = await deps.prisma.bookingItem.findMany({
      where: {
        booking: { businessId: deps.businessId, status: 'confirmed', locationExternalId: loc.externalId },
        start: { gte: dayStart.toJSDate(), lt: dayStart.plus({ days: 1 }).toJSDate() },
      },
      orderBy: { start: 'asc' },
      select: { start: true, service: { select: { name: true, nameAr: true } }, staff: { select: { name: true, nameAr: true } }, booking: { select: { customer: { select: { name: true, phone: true } } } } },
    });
    const byStaff = new Map<string, string[]>();
    for (const i of items) {
      const who = i.booking.customer ? `${i.booking.customer.name ?? ''} ${i.booking.customer.phone}`.trim() : '';
      const line = t('owner_schedule_line', {
        time: formatTime(date, DateTime.fromJSDate(i.start, { zone: loc.timezone }).toFormat('HH:mm'), loc.timezone, lang),
        services: lang === 'ar' && i.service.nameAr ? i.service.nameAr : i.service.name,
        customer: who,
      });
      const staff = lang === 'ar' && i.staff.nameAr ? i.staff.nameAr : i.staff.name;
      byStaff.set(staff, [...(byStaff.get(staff) ?? []), line]);
    }
    const list = [...byStaff].map(([staff, lines]) => [t('owner_schedule_staff', { staff }), ...lines].join('\n')).join('\n');
    const location = lang === 'ar' && loc.nameAr ? loc.nameAr : loc.name;
    const text = t('owner_schedule', { location, date: formatDate(date, loc.timezone, lang), count: items.length, list });
    const won = await queueOwnerNotice({ ...deps, numbers: items.length ? deps.numbers : [] }, { kind: 'schedule', key, text, bookingId: null, locationId: loc.externalId, date });
    if (won) queued++;
  }
  return queued;
}
