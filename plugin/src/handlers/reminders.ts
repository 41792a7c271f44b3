/**
 * The reminder tick (a recurring event on Botpress Cloud, croner locally via
 * Local.tick): the due reminders of this business, posted in their Botpress
 * conversations, so they reach the customer on the channel they booked on
 * (locally through the outbox), and announced as `reminderDue` events; then
 * the branches' morning schedules that are due, and every owner message still
 * pending, sent to the owner numbers.
 */
import { withArabicGender } from '../conversation/templates';
import { flushOwnerMessages } from '../owners/queue';
import type { ConversationState } from '../conversation/state';
import { chosenItems } from '../conversation/summary';
import { templater } from '../conversation/templates';
import { runNudges } from '../followup/nudge';
import { queueMorningSchedules } from '../owners/morning';
import { ownerNoticeDeps, type PluginEvents } from './context';
import { runReminders, type ReminderDue, type ReminderTickReport } from '../reminders/job';
import { reminderPolicy } from '../reminders/schedule';
import type { HandlerContext } from './context';

export interface ReminderPorts {
  send(conversationId: string, text: string): Promise<void>;
  emitDue(payload: ReminderDue): Promise<void>;
  /** Sends a text to an owner number on the owners' channel. */
  sendOwner(number: string, text: string): Promise<void>;
  /** The engine state kept for a Botpress conversation (null: none). */
  readState(conversationId: string): Promise<ConversationState | null>;
  events: PluginEvents;
  now: () => Date;
}

export async function reminderTick(ctx: HandlerContext, ports: ReminderPorts): Promise<ReminderTickReport | null> {
  const { config, services } = ctx;
  const report = config.reminders.enabled ? await dueReminders(ctx, ports) : null;
  if (config.owners.morningSchedule) {
    await queueMorningSchedules({ ...ownerNoticeDeps(config, services, ports.events, ports.now), at: config.owners.morningScheduleTime });
  }
  await flushOwners(ctx, ports);
  await nudgeAbandoned(ctx, ports);
  return report;
}

/** One nudge, with the summary so far, for each booking left half-made long enough (not yet expired). */
async function nudgeAbandoned(ctx: HandlerContext, ports: ReminderPorts): Promise<void> {
  const { config, services } = ctx;
  const snapshot = () => services.catalog.snapshot();
  await runNudges({
    prisma: services.db.prisma,
    businessId: services.businessId,
    now: ports.now,
    nudgeAfterMs: config.followUp.nudgeAfterHours * 3_600_000,
    expireAfterMs: config.followUp.expireAfterHours * 3_600_000,
    readState: ports.readState,
    async text(state) {
      const t = templater(state.language, config.templates);
      const summary = chosenItems(state, await snapshot(), state.language, t);
      return summary ? t('nudge', { summary }) : null;
    },
    send: ports.send,
  });
}

/** Sends the owner messages still pending (queued by this turn, or left by a process that stopped). */
export async function flushOwners(ctx: HandlerContext, ports: Pick<ReminderPorts, 'sendOwner' | 'now'>): Promise<void> {
  if (!ctx.config.owners.numbers.length) return;
  await flushOwnerMessages({ prisma: ctx.services.db.prisma, businessId: ctx.services.businessId, now: ports.now, send: ports.sendOwner });
}

function dueReminders(ctx: HandlerContext, ports: ReminderPorts): Promise<ReminderTickReport> {
  const { config, services } = ctx;
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
