/**
 * One reminder tick for one business: every confirmed booking with a reminder
 * due (schedule.ts) gets it once, however many processes tick at once and
 * across restarts. The claim is the Reminder row: inserting it under its
 * unique key (booking, offset) is what lets exactly one process send; a second
 * insert fails and that process moves on. Then the text goes to the chat the
 * booking was made in, in the customer's language, from the business's
 * templates, retried a few times; a send that still fails is marked failed and
 * logged (never retried by a later tick: it could reach the chat twice). A
 * process that dies between claim and send costs that one reminder, which
 * stays `sending` on record. Cancelled and moved bookings are not confirmed,
 * so they get none. The `reminderDue` event goes out for every claimed one,
 * with what an approved WhatsApp template needs.
 */
import type { BookingView } from '../booking/list';
import { viewBooking } from '../booking/list';
import type { Language } from '../catalog/types';
import { botpressConversationOf } from '../assistant/conversation-row';
import { bookingLabel } from '../conversation/manage/labels';
import { formatWhen } from '../conversation/format';
import { templater, type TemplateOverrides } from '../conversation/templates';
import { retry, type RetryPolicy } from '../runtime/retry';
import type { Clock } from '../runtime/clock';
import type { Db } from '../store/database';
import { dueReminder, horizonMs, type ReminderPolicy } from './schedule';

export const REMINDER_RETRY: RetryPolicy = { retries: 3, initialMs: 500, maxMs: 4000 };

/** What the reminderDue event carries: enough for a builder to fill an approved WhatsApp template. */
export interface ReminderDue {
  businessId: string;
  businessName: string;
  bookingId: string;
  /** Botpress conversation the text went to; null when the booking has none (made by an action). */
  conversationId: string | null;
  customerPhone: string | null;
  customerName: string | null;
  language: Language;
  hoursBefore: number;
  /** ISO instant of the first service. */
  start: string;
  /** Date and time at the branch, in the customer's language. */
  when: string;
  location: string;
  services: Array<{ service: string; staff: string; start: string }>;
  /** The text sent on the chat (from the `reminder` template). */
  text: string;
}

export interface ReminderDeps {
  prisma: Db;
  businessId: string;
  businessName: string;
  /** The business's first language: for customers who never settled one. */
  defaultLanguage: Language;
  templates?: TemplateOverrides;
  policy: ReminderPolicy;
  now: () => Date;
  /** Posts a text in a Botpress conversation (through the channel; locally, the outbox). */
  send(conversationId: string, text: string): Promise<void>;
  emitDue(payload: ReminderDue): Promise<void>;
  retry?: RetryPolicy;
  clock?: Clock;
}

export interface ReminderTickReport {
  sent: number;
  failed: number;
  /** Claimed, but no chat to send to: only the event went out. */
  eventOnly: number;
}

export async function runReminders(deps: ReminderDeps): Promise<ReminderTickReport> {
  const report: ReminderTickReport = { sent: 0, failed: 0, eventOnly: 0 };
  const now = deps.now();
  const { prisma, businessId } = deps;
  const candidates = await prisma.booking.findMany({
    where: {
      businessId,
      status: 'confirmed',
      items: { some: { start: { lte: new Date(now.getTime() + horizonMs(deps.policy)) } } },
      NOT: { items: { some: { start: { lte: now } } } },
    },
    select: {
      id: true,
      createdAt: true,
      conversationId: true,
      items: { orderBy: { start: 'asc' }, take: 1, select: { start: true } },
      reminders: { select: { offsetMinutes: true } },
      customer: { select: { phone: true, name: true, language: true } },
      conversation: { select: { id: true, channel: true, externalId: true } },
    },
  });
  for (const b of candidates) {
    const due = dueReminder({ start: b.items[0]!.start, createdAt: b.createdAt }, now, deps.policy);
    if (!due || b.reminders.some((r) => r.offsetMinutes === due.offsetMinutes)) continue;
    const language = (b.customer?.language as Language | null) ?? deps.defaultLanguage;
    const chat = b.conversation ? botpressConversationOf(b.conversation) : null;
    const claimed = await claim(prisma, { businessId, bookingId: b.id, offsetMinutes: due.offsetMinutes, dueAt: due.dueAt, language, conversationId: chat, now });
    if (!claimed) continue;
    const view = await viewBooking(b.id, { prisma, businessId });
    if (!view) continue;
    const payload = duePayload(deps, view, { language, conversationId: chat, customer: b.customer, offsetMinutes: due.offsetMinutes });
    const outcome = chat ? await deliver(deps, claimed, chat, payload.text) : 'event_only';
    report[outcome === 'sent' ? 'sent' : outcome === 'failed' ? 'failed' : 'eventOnly']++;
    // the event is for builders on the official WhatsApp integration (outside the 24-hour window a template must be used)
    await deps.emitDue(payload).catch((err: unknown) => log(prisma, businessId, now, 'warn', 'reminder_event_failed', `reminderDue for booking ${b.id} was not emitted: ${message(err)}`, { bookingId: b.id }));
  }
  return report;
}

/** The claim: the row under its unique key, or null when another process (or an earlier tick) has it. */
async function claim(
  prisma: Db,
  r: { businessId: string; bookingId: string; offsetMinutes: number; dueAt: Date; language: Language; conversationId: string | null; now: Date },
): Promise<string | null> {
  // ON CONFLICT DO NOTHING: the loser learns it from the count, with no failed statement (which the embedded
  // database's single session does not survive while other queries wait on it)
  const { count } = await prisma.reminder.createMany({
    data: [{
      businessId: r.businessId, bookingId: r.bookingId, offsetMinutes: r.offsetMinutes, dueAt: r.dueAt, language: r.language,
      conversationId: r.conversationId, claimedAt: r.now, status: r.conversationId ? 'sending' : 'event_only',
    }],
    skipDuplicates: true,
  });
  if (count === 0) return null;
  const row = await prisma.reminder.findUniqueOrThrow({ where: { bookingId_offsetMinutes: { bookingId: r.bookingId, offsetMinutes: r.offsetMinutes } }, select: { id: true } });
  return row.id;
}

async function deliver(deps: ReminderDeps, reminderId: string, conversationId: string, text: string): Promise<'sent' | 'failed'> {
  let attempts = 0;
  try {
    await retry(
      async () => {
        attempts++;
        await deps.send(conversationId, text);
      },
      { ...(deps.retry ?? REMINDER_RETRY), clock: deps.clock },
    );
  } catch (err) {
    await deps.prisma.reminder.update({ where: { id: reminderId }, data: { status: 'failed', attempts, lastError: message(err).slice(0, 500) } });
    await log(deps.prisma, deps.businessId, deps.now(), 'error', 'reminder_failed', `reminder not sent after ${attempts} attempts: ${message(err)}`, { reminderId, conversationId });
    return 'failed';
  }
  await deps.prisma.reminder.update({ where: { id: reminderId }, data: { status: 'sent', attempts, sentAt: deps.now() } });
  return 'sent';
}

function duePayload(
  deps: ReminderDeps,
  view: BookingView,
  r: { language: Language; conversationId: string | null; customer: { phone: string; name: string | null } | null; offsetMinutes: number },
): ReminderDue {
  const t = templater(r.language, deps.templates);
  const name = r.customer?.name ?? '';
  // without a name the greeting closes up ("Hi, a reminder…")
  const text = t('reminder', { name, booking: bookingLabel(view, r.language, t) }).replace(/ +([,،])/g, '$1');
  return {
    businessId: deps.businessId,
    businessName: deps.businessName,
    bookingId: view.id,
    conversationId: r.conversationId,
    customerPhone: r.customer?.phone ?? null,
    customerName: r.customer?.name ?? null,
    language: r.language,
    hoursBefore: r.offsetMinutes / 60,
    start: view.start.toISOString(),
    when: formatWhen(view.date, view.time, view.location.timezone, r.language),
    location: r.language === 'ar' && view.location.nameAr ? view.location.nameAr : view.location.name,
    services: view.items.map((i) => ({ service: r.language === 'ar' && i.serviceNameAr ? i.serviceNameAr : i.serviceName, staff: r.language === 'ar' && i.staffNameAr ? i.staffNameAr : i.staffName, start: i.start.toISOString() })),
    text,
  };
}

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

async function log(prisma: Db, businessId: string, at: Date, level: string, kind: string, text: string, data: Record<string, string>) {
  await prisma.eventLog.create({ data: { businessId, at, level, kind, message: text, data } }).catch(() => undefined);
}
