/**
 * The reminder tick (a recurring event on Botpress Cloud, croner locally via
 * Local.tick): the due reminders of this business, posted in their Botpress
 * conversations, so they reach the customer on the channel they booked on
 * (locally through the outbox), and announced as `reminderDue` events.
 */
import { withArabicGender } from '../conversation/templates';
import { runReminders, type ReminderDue, type ReminderTickReport } from '../reminders/job';
import { reminderPolicy } from '../reminders/schedule';
import type { HandlerContext } from './context';

export interface ReminderPorts {
  send(conversationId: string, text: string): Promise<void>;
  emitDue(payload: ReminderDue): Promise<void>;
  now: () => Date;
}

export async function reminderTick(ctx: HandlerContext, ports: ReminderPorts): Promise<ReminderTickReport | null> {
  const { config, services } = ctx;
  if (!config.reminders.enabled) return null;
  return runReminders({
    prisma: services.db.prisma,
    businessId: services.businessId,
    businessName: config.business.name,
    defaultLanguage: config.business.languages[0]!,
    templates: withArabicGender(config.templates, config.replies.arabicGender),
    policy: reminderPolicy(config),
    now: ports.now,
    send: ports.send,
    emitDue: ports.emitDue,
  });
}
