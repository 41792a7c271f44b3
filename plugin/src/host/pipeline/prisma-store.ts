/**
 * PipelineStore on the product database. Inbound: `InboundMessage` (channel =
 * integration, unique businessId + channel + externalId; the whole channel
 * message kept in `payload` so a restart can replay it). Outbound:
 * `OutboundMessage`, whose conversation is the `Conversation` row of
 * (businessId, integration, chatId), created if missing. Failures are also
 * written to `EventLog` for the admin page.
 */
import { randomUUID } from 'node:crypto';
import type { InboundChannelMessage } from '../../channels/types';
import type { PrismaClient } from '../../../../generated/prisma/client';
import type { OutboundStatus, PipelineStore, StoredInbound } from './store';

export interface PrismaPipelineStoreOptions {
  prisma: PrismaClient;
  businessId: string;
}

type StoredPayload = Omit<InboundChannelMessage, 'sentAt'> & { sentAt: string };

/** The `InboundMessage` row of a message: its text, and the whole message as `payload` for a replay. */
export function inboundRow(businessId: string, message: InboundChannelMessage, receivedAt: Date, id: string = randomUUID()) {
  const payload: StoredPayload = { ...message, sentAt: message.sentAt.toISOString() };
  return { id, businessId, channel: message.integration, externalId: message.externalId, text: message.text, payload, receivedAt };
}

export function createPrismaPipelineStore({ prisma, businessId }: PrismaPipelineStoreOptions): PipelineStore {
  const conversationIds = new Map<string, string>();

  const conversationId = async (integration: string, chatId: string) => {
    const key = `${integration}\u0000${chatId}`;
    const cached = conversationIds.get(key);
    if (cached) return cached;
    const { id } = await prisma.conversation.upsert({
      where: { businessId_channel_externalId: { businessId, channel: integration, externalId: chatId } },
      create: { businessId, channel: integration, externalId: chatId },
      update: {},
      select: { id: true },
    });
    conversationIds.set(key, id);
    return id;
  };

  const logEvent = (kind: string, message: string, data: object) =>
    prisma.eventLog.create({ data: { businessId, level: 'error', kind, message, data } });

  return {
    async saveInbound(message, receivedAt) {
      const row = inboundRow(businessId, message, receivedAt);
      // skipDuplicates makes the unique key the gate without an error round trip
      const { count } = await prisma.inboundMessage.createMany({ data: [row], skipDuplicates: true });
      return { stored: { id: row.id, message }, duplicate: count === 0 };
    },
    async markHandled(ids, at) {
      await prisma.inboundMessage.updateMany({ where: { id: { in: ids } }, data: { status: 'handled', handledAt: at } });
    },
    async markFailed(ids, error, at) {
      await prisma.inboundMessage.updateMany({ where: { id: { in: ids } }, data: { status: 'failed', handledAt: at } });
      await logEvent('inbound.failed', error, { inboundMessageIds: ids });
    },
    async listUnhandled() {
      const rows = await prisma.inboundMessage.findMany({
        where: { businessId, status: 'received' },
        orderBy: [{ receivedAt: 'asc' }, { id: 'asc' }],
        select: { id: true, payload: true },
      });
      return rows.map((r): StoredInbound => {
        const p = r.payload as unknown as StoredPayload;
        return { id: r.id, message: { ...p, sentAt: new Date(p.sentAt) } };
      });
    },

    async saveOutbound(draft, at) {
      const data = { id: randomUUID(), businessId, conversationId: await conversationId(draft.integration, draft.chatId), text: draft.text, author: draft.author ?? null, createdAt: at };
      if (!draft.key) {
        await prisma.outboundMessage.create({ data, select: { id: true } });
        return { id: data.id, status: 'pending', created: true };
      }
      // the same reply again (a turn handled again after a crash): the row of the first time decides
      const { count } = await prisma.outboundMessage.createMany({ data: [{ ...data, key: draft.key }], skipDuplicates: true });
      const row = await prisma.outboundMessage.findUniqueOrThrow({ where: { businessId_key: { businessId, key: draft.key } }, select: { id: true, status: true } });
      return { id: row.id, status: row.status as OutboundStatus, created: count === 1 };
    },
    async updateOutbound(id, update) {
      await prisma.outboundMessage.update({
        where: { id },
        data: { status: update.status, attempts: update.attempts, lastError: update.lastError ?? null, sentAt: update.sentAt ?? null },
      });
      if (update.status === 'failed') await logEvent('delivery.failed', update.lastError ?? 'delivery failed', { outboundMessageId: id });
    },
    async listPendingOutbound() {
      const rows = await prisma.outboundMessage.findMany({
        where: { businessId, status: 'pending' },
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
        select: { id: true, text: true, conversation: { select: { channel: true, externalId: true } } },
      });
      return rows.map((r) => ({ id: r.id, text: r.text, integration: r.conversation.channel, chatId: r.conversation.externalId }));
    },
  };
}
