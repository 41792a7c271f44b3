/**
 * HostStore on the product database: what Botpress Cloud keeps for a bot,
 * kept where our own data is, so a restart — or a second process on the same
 * database — finds the same conversations, users, states and messages.
 *
 * A Botpress conversation here is our `Conversation` row of its chat
 * (channel = integration, externalId = the `<integration>:chatId` tag): the
 * row the outbox, the owner console and the plugin use, one per chat, and its
 * id is the conversation id the bot sees. Users, states, messages and events
 * are `Host*` rows. Ids are random (uuid): unique across restarts and
 * processes, unlike the counters Botpress ids are not. Get-or-create is an
 * insert that does nothing on conflict followed by a read, so two processes
 * creating the same chat at once end with one row.
 *
 * What a turn runs (the customer's message, the conversation state, the bot's
 * replies) is plain SQL, one statement each (../sql.ts); the rest is Prisma.
 */
import { randomUUID } from 'node:crypto';
import type { Conversation, Event, Message, State, User } from '@botpress/client';
import type { Prisma } from '../../../../generated/prisma/client';
import type { Db } from '../../store/database';
import { prismaSql, type Sql } from '../../store/sql';
import {
  createOutgoingRow, deleteStateRow, getOrSetStateRow, messageByKey, patchStateRow, readState, recordIncomingRows, setStateRow, type StateRow,
} from '../sql';
import { discriminator, type ConversationDraft, type HostStore, type StateKey, type Tags } from './store';

export interface DatabaseHostStoreOptions {
  prisma: Db;
  /** Where the turn's statements run: the database's pool (`sqlOf(db)`); default through `prisma`'s raw queries. */
  sql?: Sql;
  businessId: string;
  /** Put in every state (Botpress's `State.botId`). */
  botId: string;
  now?: () => Date;
}

/** The Botpress channel of every chat conversation (Botpress's WhatsApp integration names it so). */
const CHAT_CHANNEL = 'channel';

const json = (v: unknown) => v as Prisma.InputJsonValue;

export function createDatabaseHostStore({ prisma, sql = prismaSql(prisma), businessId, botId, now = () => new Date() }: DatabaseHostStoreOptions): HostStore {
  const ref = (k: StateKey) => ({ businessId, type: k.type, ownerId: k.id, name: k.name });
  const state = (row: StateRow): State => stateOf(row, botId);
  const tagFilter = (tags: Tags | undefined) => Object.entries(tags ?? {}).map(([k, v]) => ({ tags: { path: [k], equals: v } }));

  const findConversation = (integration: string, externalId: string) =>
    prisma.conversation.findUnique({ where: { businessId_channel_externalId: { businessId, channel: integration, externalId } }, select: CONVERSATION });
  const insertConversation = async (integration: string, externalId: string, tags: Tags) => {
    await prisma.conversation.createMany({ data: [{ id: randomUUID(), businessId, channel: integration, externalId, tags }], skipDuplicates: true });
    return (await findConversation(integration, externalId))!;
  };

  return {
    async getState(key) {
      const row = await readState(sql, ref(key));
      return row ? state(row) : undefined;
    },
    async setState(key, draft) {
      if (draft === null) {
        const old = await deleteStateRow(sql, ref(key));
        return old ? state(old) : undefined;
      }
      return state(await setStateRow(sql, ref(key), { id: randomUUID(), payload: draft.payload, at: now() }));
    },
    async getOrSetState(key, draft) {
      // undefined: another process made it at this very moment; it is there now
      const row = (await getOrSetStateRow(sql, ref(key), { id: randomUUID(), payload: draft.payload, at: now() })) ?? (await readState(sql, ref(key)))!;
      return state(row);
    },
    async patchState(key, payload) {
      const row = await patchStateRow(sql, ref(key), { payload, at: now() });
      return row ? state(row) : undefined;
    },

    async recordIncoming(draft) {
      const at = now();
      const integration = draft.conversation.integration;
      const { name, tags } = draft.user;
      const d = {
        businessId,
        at,
        wallClock: new Date(),
        user: { identity: userIdentity(draft.user.integration, draft.user.tags, draft.userBy), integration: draft.user.integration, name: name ?? null, tags },
        conversation: { integration, externalId: chatOf(draft.conversation, draft.conversationBy), tags: draft.conversation.tags },
        message: { ...draft.message, key: draft.key },
        ids: { user: randomUUID(), conversation: randomUUID(), message: randomUUID(), event: randomUUID() },
      };
      // undefined: another process made the user, the chat or the message at this very moment; now it finds them
      const rows = (await recordIncomingRows(sql, d)) ?? (await recordIncomingRows(sql, { ...d, ids: { ...d.ids, event: randomUUID() } }))!;
      const event: Event = {
        id: d.ids.event, type: 'message_created', payload: { message: rows.message, user: rows.user, conversation: rows.conversation }, conversationId: rows.conversation.id, userId: rows.user.id, messageId: rows.message.id,
        status: 'pending', failureReason: null, createdAt: at.toISOString(),
      };
      const { states, ...records } = rows;
      return { ...records, event, states: states.map(state) };
    },
    async createMessage(draft, key) {
      const { conversation, message } = await createOutgoingRow(sql, {
        businessId, at: now(), id: randomUUID(), conversationId: draft.conversationId, userId: draft.userId, direction: draft.direction, type: draft.type,
        payload: draft.payload, tags: draft.tags, origin: draft.origin ?? null, key: key ?? null,
      });
      if (!conversation) return undefined;
      // no message: another process stored this key at this very moment; it is there now
      return { conversation, message: message ?? (await messageByKey(sql, { businessId, key: key! }))! };
    },
    async getMessage(id) {
      const row = await prisma.hostMessage.findFirst({ where: { id, businessId } });
      return row ? toMessage(row) : undefined;
    },
    async listMessages({ conversationId, tags }) {
      const rows = await prisma.hostMessage.findMany({
        where: { businessId, ...(conversationId ? { conversationId } : {}), AND: tagFilter(tags) },
        orderBy: { seq: 'asc' },
      });
      return rows.map(toMessage);
    },

    async createConversation(draft) {
      // not a chat get-or-create finds: its own row, named by its id
      const id = randomUUID();
      await prisma.conversation.create({ data: { id, businessId, channel: draft.integration, externalId: `conversation:${id}`, tags: draft.tags } });
      return toConversation((await prisma.conversation.findUnique({ where: { id }, select: CONVERSATION }))!);
    },
    async getConversation(id) {
      const row = await prisma.conversation.findFirst({ where: { id, businessId }, select: CONVERSATION });
      return row ? toConversation(row) : undefined;
    },
    async getOrCreateConversation(draft, discriminateByTags) {
      const externalId = chatOf(draft, discriminateByTags);
      const found = await findConversation(draft.integration, externalId);
      if (found) {
        // a row the outbox or the owner console made first, or a chat whose tags changed (a number learned later)
        const tags = (found.tags ?? {}) as Tags;
        if (Object.entries(draft.tags).some(([k, v]) => tags[k] !== v)) {
          const updated = await prisma.conversation.update({ where: { id: found.id }, data: { tags: { ...tags, ...draft.tags } }, select: CONVERSATION });
          return { conversation: toConversation(updated), created: false };
        }
        return { conversation: toConversation(found), created: false };
      }
      const row = await insertConversation(draft.integration, externalId, draft.tags);
      return { conversation: toConversation(row), created: true };
    },
    async listConversations({ tags, integration, channel }) {
      if (channel && channel !== CHAT_CHANNEL) return [];
      const rows = await prisma.conversation.findMany({
        where: { businessId, ...(integration ? { channel: integration } : {}), AND: tagFilter(tags) },
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
        select: CONVERSATION,
      });
      return rows.map(toConversation);
    },

    async createUser(draft) {
      const at = now();
      const { integration, ...user } = draft;
      return toUser(await prisma.hostUser.create({ data: userRow(businessId, integration, null, user, at) }));
    },
    async getUser(id) {
      const row = await prisma.hostUser.findFirst({ where: { id, businessId } });
      return row ? toUser(row) : undefined;
    },
    async getOrCreateUser(draft, discriminateByTags) {
      const identity = userIdentity(draft.integration, draft.tags, discriminateByTags);
      const byIdentity = { businessId_identity: { businessId, identity } };
      const found = await prisma.hostUser.findUnique({ where: byIdentity });
      if (found) return { user: toUser(found), created: false };
      const { integration, ...user } = draft;
      const { count } = await prisma.hostUser.createMany({ data: [userRow(businessId, integration, identity, user, now())], skipDuplicates: true });
      return { user: toUser((await prisma.hostUser.findUnique({ where: byIdentity }))!), created: count === 1 };
    },
    async listUsers({ tags, conversationId }) {
      const writers = conversationId
        ? { id: { in: (await prisma.hostMessage.findMany({ where: { businessId, conversationId }, distinct: ['userId'], select: { userId: true } })).map((m) => m.userId) } }
        : {};
      const rows = await prisma.hostUser.findMany({ where: { businessId, ...writers, AND: tagFilter(tags) }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
      return rows.map(toUser);
    },

    async createEvent(draft) {
      const row = await prisma.hostEvent.create({
        data: {
          id: randomUUID(), businessId, type: draft.type, payload: json(draft.payload), conversationId: draft.conversationId ?? null, userId: draft.userId ?? null,
          messageId: draft.messageId ?? null, status: draft.status, failureReason: draft.failureReason, createdAt: now(),
        },
      });
      return toEvent(row);
    },
    async getEvent(id) {
      const row = await prisma.hostEvent.findFirst({ where: { id, businessId } });
      return row ? toEvent(row) : undefined;
    },
    async listEvents() {
      return (await prisma.hostEvent.findMany({ where: { businessId }, orderBy: { seq: 'asc' } })).map(toEvent);
    },
  };
}

const CONVERSATION = { id: true, channel: true, tags: true, createdAt: true, updatedAt: true } as const;
type ConversationRow = { id: string; channel: string; tags: unknown; createdAt: Date; updatedAt: Date };

/** What a user get-or-create finds a user by: its integration and discriminating tags. */
function userIdentity(integration: string | undefined, tags: Tags, discriminateByTags?: string[]): string {
  return JSON.stringify([integration ?? '', discriminator(tags, discriminateByTags)]);
}

/** The chat a get-or-create names: its `<integration>:chatId` tag, else the discriminating tags themselves. */
function chatOf(draft: ConversationDraft, discriminateByTags?: string[]): string {
  return draft.tags[`${draft.integration}:chatId`] ?? `tags:${discriminator(draft.tags, discriminateByTags)}`;
}

function toConversation(row: ConversationRow): Conversation {
  return { id: row.id, channel: CHAT_CHANNEL, integration: row.channel, tags: (row.tags ?? {}) as Tags, createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString() };
}

type UserFields = Omit<User, 'id' | 'createdAt' | 'updatedAt'>;
function userRow(businessId: string, integration: string | undefined, identity: string | null, user: UserFields, at: Date) {
  return {
    id: randomUUID(), businessId, identity, integration: integration ?? null, name: user.name ?? null, pictureUrl: user.pictureUrl ?? null,
    attributes: user.attributes ? json(user.attributes) : undefined, tags: user.tags, createdAt: at, updatedAt: at,
  };
}

function toUser(row: { id: string; name: string | null; pictureUrl: string | null; attributes: unknown; tags: unknown; createdAt: Date; updatedAt: Date }): User {
  return {
    id: row.id,
    tags: row.tags as Tags,
    ...(row.name !== null ? { name: row.name } : {}),
    ...(row.pictureUrl !== null ? { pictureUrl: row.pictureUrl } : {}),
    ...(row.attributes ? { attributes: row.attributes as Tags } : {}),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

function stateOf(row: StateRow, botId: string): State {
  return {
    id: row.id,
    botId,
    type: row.type as State['type'],
    name: row.name,
    payload: row.payload,
    ...(row.type === 'conversation' ? { conversationId: row.ownerId } : {}),
    ...(row.type === 'user' ? { userId: row.ownerId } : {}),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

function toMessage(row: {
  id: string; conversationId: string; userId: string; direction: string; type: string; payload: unknown; tags: unknown; origin: string | null; createdAt: Date; updatedAt: Date;
}): Message {
  return {
    id: row.id,
    conversationId: row.conversationId,
    userId: row.userId,
    direction: row.direction as Message['direction'],
    type: row.type,
    payload: row.payload as Message['payload'],
    tags: row.tags as Tags,
    ...(row.origin ? { origin: row.origin as Message['origin'] } : {}),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

function toEvent(row: {
  id: string; type: string; payload: unknown; conversationId: string | null; userId: string | null; messageId: string | null; status: string; failureReason: string | null; createdAt: Date;
}): Event {
  return {
    id: row.id,
    type: row.type,
    payload: row.payload as Event['payload'],
    ...(row.conversationId ? { conversationId: row.conversationId } : {}),
    ...(row.userId ? { userId: row.userId } : {}),
    ...(row.messageId ? { messageId: row.messageId } : {}),
    status: row.status as Event['status'],
    failureReason: row.failureReason,
    createdAt: row.createdAt.toISOString(),
  };
}
