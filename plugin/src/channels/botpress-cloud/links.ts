/**
 * Which Chat API user and conversation stand for a WhatsApp chat, kept so a
 * restart reuses them (a new Chat user would be a stranger to the bot). On
 * the database the link lives in the `state` of the chat's own Conversation
 * row (channel = integration, externalId = chat id: the row the outbox
 * already uses for replies), under `botpressChat.<webhookId>`, so pointing
 * the bridge at another bot starts fresh users there. No table of its own is
 * needed. The user key is a credential for that one Chat user: it stays in
 * our database and never goes to logs.
 */
import type { PrismaClient } from '../../../../generated/prisma/client';

export interface ChatKey {
  integration: string;
  chatId: string;
}

export interface ChatLink {
  userId: string;
  userKey: string;
  /** Null until the conversation is created (a crash can fall in between). */
  conversationId: string | null;
  /** The name and profile last given to the Chat user, to update it when they change. */
  name: string | null;
  profile: string;
  /**
   * Time of the newest bot message delivered to the chat, and the ids
   * delivered at that very time: catch-up after a restart or a broken stream
   * resumes after it.
   */
  lastReply: { createdAt: string; ids: string[] } | null;
}

export interface ChatLinkStore {
  get(key: ChatKey): Promise<ChatLink | null>;
  save(key: ChatKey, link: ChatLink): Promise<void>;
  /** Forgets a link whose user key the Chat API no longer accepts. */
  remove(key: ChatKey): Promise<void>;
}

export interface PrismaLinkStoreOptions {
  prisma: PrismaClient;
  businessId: string;
  webhookId: string;
}

type State = Record<string, unknown> & { botpressChat?: Record<string, ChatLink | undefined> };

export function createPrismaLinkStore({ prisma, businessId, webhookId }: PrismaLinkStoreOptions): ChatLinkStore {
  const where = (k: ChatKey) => ({ businessId_channel_externalId: { businessId, channel: k.integration, externalId: k.chatId } });

  /** Read-modify-write of the row's state under its optimistic lock (`version`), retried on a lost race. */
  const update = async (k: ChatKey, change: (links: Record<string, ChatLink | undefined>) => void) => {
    for (let attempt = 0; attempt < 5; attempt++) {
      const row = await prisma.conversation.upsert({
        where: where(k),
        create: { businessId, channel: k.integration, externalId: k.chatId },
        update: {},
        select: { id: true, state: true, version: true },
      });
      const state = (row.state ?? {}) as State;
      const links = { ...state.botpressChat };
      change(links);
      const { count } = await prisma.conversation.updateMany({
        where: { id: row.id, version: row.version },
        data: { state: { ...state, botpressChat: links } as object, version: { increment: 1 } },
      });
      if (count === 1) return;
    }
    throw new Error(`could not save the Botpress Chat link of ${k.integration}/${k.chatId}: the row kept changing`);
  };

  return {
    async get(k) {
      const row = await prisma.conversation.findUnique({ where: where(k), select: { state: true } });
      return ((row?.state ?? {}) as State).botpressChat?.[webhookId] ?? null;
    },
    save: (k, link) => update(k, (links) => void (links[webhookId] = link)),
    remove: (k) => update(k, (links) => void delete links[webhookId]),
  };
}

/** The chat linked to a Chat API conversation of this bot (the plugin on Cloud keys its rows by that conversation), or null. */
export async function chatOfCloudConversation(
  prisma: PrismaClient,
  q: { businessId: string; webhookId: string; conversationId: string },
): Promise<ChatKey | null> {
  const row = await prisma.conversation.findFirst({
    where: { businessId: q.businessId, state: { path: ['botpressChat', q.webhookId, 'conversationId'], equals: q.conversationId } },
    select: { channel: true, externalId: true },
  });
  return row ? { integration: row.channel, chatId: row.externalId } : null;
}
