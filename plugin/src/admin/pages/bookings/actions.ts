/**
 * What the owner does to a booking: cancel it or move it. Both go through the
 * booking service (the provider first, then our database, idempotent), then
 * re-read our copy of the days they freed or took, then tell the customer on
 * their chat, in the language they last wrote in, with the business's
 * templates (`cancelled_by_business`, `rescheduled_by_business`).
 */
import { DateTime } from 'luxon';
import { BookingInputError } from '../../../booking';
import { refreshSlots } from '../../../catalog/sync';
import type { Language } from '../../../catalog/types';
import { formatWhen } from '../../../conversation/format';
import { bookingLabel } from '../../../conversation/manage/labels';
import { templater, type Render } from '../../../conversation/templates';
import { businessOf } from '../../context';
import type { AdminPorts } from '../../ports';
import { addressOf, customerLanguage } from '../chats/queries';

export type CancelOutcome = 'cancelled' | 'cancelled_not_told' | 'already_cancelled' | 'not_cancellable' | 'not_found' | 'cancel_failed' | 'read_only';

export async function cancelFromConsole(ports: AdminPorts, bookingId: string): Promise<CancelOutcome> {
  const { booking } = ports;
  if (!booking) return 'read_only';
  const before = await booking.view(bookingId);
  if (!before) return 'not_found';
  if (before.status === 'cancelled') return 'already_cancelled'; // a second click tells nobody twice
  const r = await booking.cancel({ bookingId });
  switch (r.kind) {
    case 'cancelled': {
      await refreshDays(ports, before.location.id, before.items.map((i) => i.date));
      const told = await tellCustomer(ports, r.booking.conversationId, (t, lang, business) =>
        t('cancelled_by_business', { booking: bookingLabel(before, lang, t), business }),
      );
      return told ? 'cancelled' : 'cancelled_not_told';
    }
    case 'not_found':
      return 'not_found';
    case 'not_cancellable':
      return 'not_cancellable';
    case 'provider_down':
      return 'cancel_failed';
  }
}

export interface MoveRequest {
  /** "YYYY-MM-DD" and "HH:mm" on the branch's clock: the new start of the first line. */
  date: string;
  time: string;
  /** Staff external id per line, in order. */
  staff: string[];
}

export type MoveOutcome =
  | { kind: 'moved' | 'moved_not_told' | 'moved_old_kept'; bookingId: string }
  | { kind: 'slot_taken'; alternatives: Date[] }
  | { kind: 'bad_time' | 'in_the_past' | 'bad_staff' | 'not_changeable' | 'not_found' | 'move_failed' | 'move_unknown' | 'read_only' };

export async function moveFromConsole(ports: AdminPorts, bookingId: string, req: MoveRequest): Promise<MoveOutcome> {
  const { booking } = ports;
  if (!booking) return { kind: 'read_only' };
  const old = await booking.view(bookingId);
  if (!old) return { kind: 'not_found' };
  const start = DateTime.fromISO(`${req.date}T${req.time}`, { zone: old.location.timezone });
  if (!/^\d{4}-\d{2}-\d{2}$/.test(req.date) || !/^\d{2}:\d{2}$/.test(req.time) || !start.isValid) return { kind: 'bad_time' };
  if (start.toJSDate() <= ports.now()) return { kind: 'in_the_past' };
  // the lines keep their order and the gaps between them, moved to the new start
  const shift = start.toMillis() - old.items[0]!.start.getTime();
  const items = old.items.map((i, k) => ({ serviceId: i.serviceId, staffId: req.staff[k] || i.staffId, start: new Date(i.start.getTime() + shift) }));
  let r;
  try {
    r = await booking.reschedule({ bookingId, items, confirmationId: `console:${bookingId}:${start.toMillis()}:${items.map((i) => i.staffId).join(',')}` });
  } catch (err) {
    if (err instanceof BookingInputError) return { kind: 'bad_staff' };
    throw err;
  }
  switch (r.kind) {
    case 'rescheduled': {
      const moved = await booking.view(r.booking.id);
      await refreshDays(ports, old.location.id, [...old.items, ...(moved?.items ?? [])].map((i) => i.date));
      const told = moved
        ? await tellCustomer(ports, r.booking.conversationId ?? r.old.conversationId, (t, lang, business) => {
            const text = t('rescheduled_by_business', { business, new: bookingLabel(moved, lang, t), old: formatWhen(old.date, old.time, old.location.timezone, lang) });
            return r.paymentLink ? `${text}\n${t('pay_link', { link: r.paymentLink })}` : text;
          })
        : false;
      return { kind: !r.oldCancelled ? 'moved_old_kept' : told ? 'moved' : 'moved_not_told', bookingId: r.booking.id };
    }
    case 'slot_taken':
      return { kind: 'slot_taken', alternatives: r.alternatives };
    case 'not_found':
      return { kind: 'not_found' };
    case 'not_reschedulable':
      return { kind: 'not_changeable' };
    case 'outcome_unknown':
      return { kind: 'move_unknown' };
    case 'provider_down':
    case 'failed':
      return { kind: 'move_failed' };
  }
}

/** Our copy of those days, re-read so the next customer is offered them as they are now; a failure is on the sync run. */
async function refreshDays(ports: AdminPorts, locationExternalId: string, dates: string[]): Promise<void> {
  if (!ports.sync) return;
  await refreshSlots(ports.sync(), { locationExternalId, dates: [...new Set(dates)] }).catch(() => undefined);
}

/** Sends the customer a message on the booking's chat; false when there is none this process can reach, or it failed. */
async function tellCustomer(ports: AdminPorts, conversationId: string | null, text: (t: Render, lang: Language, business: string) => string): Promise<boolean> {
  if (!conversationId || !ports.send) return false;
  const row = await ports.prisma.conversation.findFirst({ where: { id: conversationId, businessId: ports.businessId }, select: { channel: true, externalId: true } });
  const address = row ? await addressOf(ports, row) : null;
  if (!address) return false;
  const business = await businessOf(ports);
  const lang = await customerLanguage(ports, address, business.languages[0]!);
  const { sent } = await ports.send({ ...address, text: text(templater(lang, ports.messages?.overrides()), lang, business.name), author: 'owner' });
  return sent;
}

