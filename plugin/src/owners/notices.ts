/**
 * The booking service's events, as the owners read them: a new booking, a
 * cancellation, a reschedule (the new booking names the old one; the old
 * one's cancellation is part of the move, not told apart) and a handoff
 * request, each rendered from the owner templates in the owners' language
 * and queued once (queue.ts).
 */
import { bookingWithCustomer, viewBooking } from '../booking/list';
import type { Language } from '../catalog/types';
import { formatWhen } from '../conversation/format';
import { bookingLabel } from '../conversation/manage/labels';
import { templater, type TemplateOverrides } from '../conversation/templates';
import type { Db } from '../store/database';
import { queueOwnerNotice, type OwnerNoticeKind, type QueueDeps } from './queue';

export interface NoticeDeps extends QueueDeps {
  language: Language;
  templates?: TemplateOverrides;
  /** Which kinds the owners want (owners.notify). */
  notify: ReadonlyArray<Exclude<OwnerNoticeKind, 'schedule'>>;
}

type BookingEventName = 'bookingConfirmed' | 'bookingCancelled' | 'handoffRequested';

/** Queues the notice a booking event calls for, if any (never throws into the booking: a failure is logged). */
export async function noticeFor(deps: NoticeDeps, name: string, payload: Record<string, unknown>): Promise<void> {
  try {
    await queueFor(deps, name as BookingEventName, payload);
  } catch (err) {
    await deps.prisma.eventLog
      .create({ data: { businessId: deps.businessId, at: deps.now(), level: 'warn', kind: 'owner_notice_failed', message: `owner notice for ${name} not queued: ${err instanceof Error ? err.message : String(err)}` } })
      .catch(() => undefined);
  }
}

async function queueFor(deps: NoticeDeps, name: BookingEventName, payload: Record<string, unknown>): Promise<void> {
  const t = templater(deps.language, deps.templates);
  const lang = deps.language;
  const bookingId = typeof payload.bookingId === 'string' ? payload.bookingId : null;
  if (name === 'handoffRequested') {
    if (!deps.notify.includes('handoff')) return;
    const phone = typeof payload.customerPhone === 'string' ? payload.customerPhone : null;
    const customer = await customerLine(deps.prisma, deps.businessId, phone);
    const text = t('owner_handoff', { customer, summary: String(payload.summary ?? '') }).trim();
    await queueOwnerNotice(deps, { kind: 'handoff', key: `handoff:${String(payload.conversationId)}:${deps.now().toISOString()}`, text, bookingId: null, locationId: null, date: null });
    return;
  }
  if (!bookingId) return;
  // the booking, its lines, place and customer in one statement
  const found = await bookingWithCustomer(bookingId, deps);
  if (!found) return;
  const { view } = found;
  const customer = found.customer ? `${found.customer.name ?? ''} ${found.customer.phone}`.trim() : '';
  const booking = bookingLabel(view, lang, t);
  let kind: Exclude<OwnerNoticeKind, 'schedule'>;
  let text: string;
  if (name === 'bookingConfirmed') {
    const fromId = typeof payload.rescheduledFromId === 'string' ? payload.rescheduledFromId : null;
    const old = fromId ? await viewBooking(fromId, deps) : null;
    kind = fromId ? 'reschedule' : 'booking';
    text = old ? t('owner_reschedule', { booking, old: formatWhen(old.date, old.time, old.location.timezone, lang), customer }) : t('owner_booking', { booking, customer });
  } else {
    // the old booking of a move is cancelled after its new one is confirmed: the reschedule notice told it
    if (await deps.prisma.booking.count({ where: { businessId: deps.businessId, rescheduledFromId: bookingId } })) return;
    kind = 'cancellation';
    text = t('owner_cancellation', { booking, customer });
  }
  if (!deps.notify.includes(kind)) return;
  await queueOwnerNotice(deps, { kind, key: `${kind}:${bookingId}`, text, bookingId, locationId: view.location.id, date: null });
}

async function customerLine(prisma: Db, businessId: string, phone: string | null): Promise<string> {
  if (!phone) return '';
  const c = await prisma.customer.findUnique({ where: { businessId_phone: { businessId, phone } }, select: { name: true } });
  return `${c?.name ?? ''} ${phone}`.trim();
}
