/**
 * The customer's first message after a reminder is its answer. "confirm",
 * "👍", "تمام", "confirmo" record a confirmation (and are answered here, not
 * by the engine); "cancel" and "move" go into those flows for the reminded
 * booking, even when the customer has others; anything else goes to the
 * engine as usual. Only a reminder still open counts: sent, unanswered, its
 * booking confirmed and not started.
 */
import type { Language } from '../catalog/types';
import type { Db } from '../store/database';

export type ReminderAnswer =
  | { kind: 'confirm'; reminderId: string; bookingId: string; language: Language }
  /** `intent`: what a bare word in answer to the reminder means when the extractor reads no intent in it. */
  | { kind: 'other'; reminderId: string; bookingId: string; intent: 'cancel' | 'reschedule' | null };

const fold = (text: string) =>
  text
    .normalize('NFKC')
    .toLowerCase()
    // skin tones and variation selectors: 👍🏽 is 👍
    .replace(/[\u{1F3FB}-\u{1F3FF}\uFE0F]/gu, '')
    .replace(/[.!?¡¿,،؟\s]+/g, ' ')
    .trim();

const words = (xs: string[]) => new Set(xs.map(fold));

const CONFIRM = words([
  'confirm', 'confirmed', 'i confirm', 'yes confirm', 'confirm it', '👍', '👌', 'ok confirm',
  'تمام', 'اكيد', 'أكيد', 'مؤكد', 'اكد', 'أكد', 'تم', 'تمام تمام',
  'confirmo', 'confirmado', 'confirmada', 'sí confirmo', 'si confirmo', 'confirmar',
]);
const CANCEL = words(['cancel', 'cancel it', 'please cancel', 'cancelar', 'cancela', 'cancélala', 'cancelala', 'إلغاء', 'الغاء', 'الغي', 'ألغي', 'الغيه', 'كنسل']);
const MOVE = words(['move', 'move it', 'reschedule', 'change', 'change time', 'cambiar', 'cambia', 'mover', 'moverla', 'reagendar', 'تغيير', 'غير', 'غيري', 'تأجيل', 'تاجيل']);

export function readAnswer(text: string): 'confirm' | 'cancel' | 'reschedule' | null {
  const t = fold(text);
  if (CONFIRM.has(t)) return 'confirm';
  if (CANCEL.has(t)) return 'cancel';
  if (MOVE.has(t)) return 'reschedule';
  return null;
}

/** The open reminder this message answers, marked answered (and confirmed); null when none is open. */
export async function answerReminder(prisma: Db, q: { businessId: string; conversationId: string; text: string; now: Date }): Promise<ReminderAnswer | null> {
  const open = await prisma.reminder.findFirst({
    where: { businessId: q.businessId, conversationId: q.conversationId, status: 'sent', answeredAt: null, booking: { status: 'confirmed' } },
    orderBy: { sentAt: 'desc' },
    select: { id: true, bookingId: true, language: true, booking: { select: { items: { orderBy: { start: 'asc' }, take: 1, select: { start: true } } } } },
  });
  const start = open?.booking.items[0]?.start;
  if (!open || !start || start.getTime() <= q.now.getTime()) return null;
  const read = readAnswer(q.text);
  // the guard on answeredAt makes the answer count once, when a message is handled twice at once
  const { count } = await prisma.reminder.updateMany({
    where: { id: open.id, answeredAt: null },
    data: { answeredAt: q.now, ...(read === 'confirm' ? { confirmedAt: q.now } : {}) },
  });
  if (count === 0) return null;
  if (read === 'confirm') return { kind: 'confirm', reminderId: open.id, bookingId: open.bookingId, language: open.language as Language };
  return { kind: 'other', reminderId: open.id, bookingId: open.bookingId, intent: read };
}
