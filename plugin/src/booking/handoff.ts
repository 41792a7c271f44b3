/**
 * Handing a conversation to a human: on request, after repeated failures or
 * when the provider is down. The flag on the conversation tells the bot to
 * stay quiet until someone releases it; the owner is notified through the
 * `handoffRequested` event and sees the summary on the admin page.
 */
import { emit } from './events';
import { logEvent } from './store';
import type { BookingDeps } from './types';

type HandoffDeps = Pick<BookingDeps, 'prisma' | 'businessId' | 'now' | 'events'>;

/** Idempotent: a second request while the conversation waits for a human neither logs nor notifies again. */
export async function requestHandoff(
  q: { conversationId: string; reason: string; summary: string },
  deps: HandoffDeps,
): Promise<{ alreadyRequested: boolean }> {
  const { prisma, businessId } = deps;
  const { count } = await prisma.conversation.updateMany({ where: { id: q.conversationId, businessId, handoff: false }, data: { handoff: true } });
  if (count === 0) {
    const exists = await prisma.conversation.count({ where: { id: q.conversationId, businessId } });
    if (!exists) throw new Error(`no conversation ${q.conversationId}`);
    return { alreadyRequested: true };
  }
  const conversation = await prisma.conversation.findUniqueOrThrow({ where: { id: q.conversationId }, select: { customer: { select: { phone: true } } } });
  await logEvent(deps, 'warn', 'handoff_requested', `conversation handed to a human: ${q.reason}`, { conversationId: q.conversationId, reason: q.reason, summary: q.summary });
  await emit(deps, 'handoffRequested', {
    businessId,
    conversationId: q.conversationId,
    reason: q.reason,
    summary: q.summary,
    customerPhone: conversation.customer?.phone ?? null,
  });
  return { alreadyRequested: false };
}

export async function releaseHandoff(q: { conversationId: string; by?: string }, deps: HandoffDeps): Promise<{ released: boolean }> {
  const { count } = await deps.prisma.conversation.updateMany({ where: { id: q.conversationId, businessId: deps.businessId, handoff: true }, data: { handoff: false } });
  if (count === 1) await logEvent(deps, 'info', 'handoff_released', `conversation back with the bot${q.by ? ` (released by ${q.by})` : ''}`, { conversationId: q.conversationId });
  return { released: count === 1 };
}

export async function isHandedOff(conversationId: string, deps: Pick<BookingDeps, 'prisma' | 'businessId'>): Promise<boolean> {
  return (await deps.prisma.conversation.count({ where: { id: conversationId, businessId: deps.businessId, handoff: true } })) > 0;
}
