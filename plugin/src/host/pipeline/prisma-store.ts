/**
 * PipelineStore on the product database. Inbound: `InboundMessage` (channel =
 * integration, unique businessId + channel + externalId; the whole channel
 * message kept in `payload` so a restart can replay it). Outbound:
 * `OutboundMessage`, whose conversation is the `Conversation` row of
 * (businessId, integration, chatId), created if missing. Failures are also
 * written to `EventLog` for the admin page.
 *
 * What every turn runs is plain SQL, one statement each (../sql.ts): the
 * inbound row and its mark, the reply's row and its outcome. Lists and the
 * failure log stay on Prisma.
 */
import { randomUUID } from 'node:crypto';
import type { InboundChannelMessage } from '../../channels/types';
import type { PrismaClient } from '../../../../generated/prisma/client';
import { prismaSql, type Sql } from '../../store/sql';
import { chatConversationId, insertInbound, insertOutbound, markInbound, updateOutboundRow } from '../sql';
import type { OutboundStatus, PipelineStore, StoredInbound } from './store';

export interface PrismaPipelineStoreOptions {
  prisma: PrismaClient;
  /** Where the turn's statements run: the database's pool (`sqlOf(db)`); default through `prisma`'s raw queries. */
  sql?: Sql;
  businessId: string;
}

type StoredPayload = Omit<InboundChannelMessage, 'sentAt'> & { sentAt: string };

/** The `InboundMessage` row of a message: its text, and the whole message as `payload` for a replay. */
export function inboundRow(businessId: string, message: InboundChannelMessage, receivedAt: Date, id: string = randomUUID()) {
  const payload: StoredPayload = { ...message, sentAt: message.sentAt.toISOString() };
  return { id, businessId, channel: message.integration, externalId: message.externalId, text: message.text, payload, receivedAt };
}

export function createPrismaPipelineStore({ prisma, sql = prismaSql(prisma), businessId }: PrismaPipelineStoreOptions): PipelineStore {
  const conversationIds = new Map<string, string>();

  const conversationId = async (integration: string, chatId: string) => {
    const key = `${integration}\u0000${chatId}`;
    const cached = conversationIds.get(key);
    if (cached) return cached;
    const id = await chatConversationId(sql, { id: randomUUID(), businessId, channel: integration, externalId: chatId, wallClock: new Date() });
    conversationIds.set(key, id);
    return id;
  };

  const logEvent = (kind: string, message: string, data: object) =>
    prisma.eventLog.create({ data: { businessId, level: 'error', kind, message, data } });

  return {
    async saveInbound(message, receivedAt) {
      const row = inboundRow(businessId, message, receivedAt);
      // ON CONFLICT DO NOTHING makes the unique key the gate without an error round trip
      const stored = await insertInbound(sql, row);
      return { stored: { id: row.id, message }, duplicate: !stored };
    },
    async markHandled(ids, at) {
      await markInbound(sql, { ids, status: 'handled', at });
    },
    async markFailed(ids, error, at) {
      await markInbound(sql, { ids, status: 'failed', at });
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
      const data = { id: randomUUID(), businessId, conversationId: await conversationId(draft.integration, draft.chatId), text: draft.text, author: draft.author ?? null, key: draft.key ?? null, createdAt: at };
      // the same reply again (a turn handled again after a crash): the row of the first time decides
      const row = (await insertOutbound(sql, data)) ?? (await insertOutbound(sql, { ...data, id: randomUUID() }));
      if (!row) throw new Error(`outbound ${draft.key}: stored by another process and not found`);
      return { id: row.id, status: row.status as OutboundStatus, created: row.created };
    },
    async updateOutbound(id, update) {
      await updateOutboundRow(sql, { id, status: update.status, attempts: update.attempts, lastError: update.lastError ?? null, sentAt: update.sentAt ?? null });
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
