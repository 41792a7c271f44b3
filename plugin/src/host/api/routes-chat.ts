/**
 * Messages, conversations, users and events. Every message created over HTTP
 * comes from the bot (the host writes customers' messages straight to the
 * store), so it is outgoing and is handed to `onOutgoing`. Lists answer in one
 * page, oldest first. Events are stored, not dispatched.
 */
import type { ClientInputs, ClientOutputs, Conversation, Message } from '@botpress/client';
import type { FastifyInstance } from 'fastify';
import { invalid, notFound } from './errors';
import type { HostStore, Tags } from './store';

type Body<Op extends keyof ClientInputs> = { Body: ClientInputs[Op] };
type Query<Op extends keyof ClientInputs> = { Querystring: ClientInputs[Op] };
type ById = { Params: { id: string } };

export interface ChatRouteDeps {
  store: HostStore;
  /** Called once the bot's message is stored, with its conversation; must not throw. */
  onOutgoing(message: Message, conversation: Conversation): void;
  outgoingKey?(conversationId: string): string | undefined;
}

export function registerChatRoutes(app: FastifyInstance, { store, onOutgoing, outgoingKey }: ChatRouteDeps): void {
  app.post<Body<'createMessage'>>('/v1/chat/messages', async (req): Promise<ClientOutputs['createMessage']> => {
    const { conversationId, userId, type, payload, tags, origin } = req.body;
    if (!type || !payload) throw invalid('message: type and payload are required');
    const draft = { conversationId, userId, type, payload, tags: tags ?? {}, direction: 'outgoing' as const, ...(origin ? { origin } : {}) };
    // one statement: the conversation read (none: 404) and the message stored
    const created = await store.createMessage(draft, outgoingKey?.(conversationId));
    if (!created) throw notFound('conversation', conversationId);
    onOutgoing(created.message, created.conversation);
    return { message: created.message };
  });
  app.get<Query<'listMessages'>>('/v1/chat/messages', async (req): Promise<ClientOutputs['listMessages']> => {
    const { conversationId, tags } = req.query;
    return { messages: await store.listMessages({ conversationId, tags: tagsOf(tags) }), meta: {} };
  });
  app.get<ById>('/v1/chat/messages/:id', async (req): Promise<ClientOutputs['getMessage']> => {
    const message = await store.getMessage(req.params.id);
    if (!message) throw notFound('message', req.params.id);
    return { message };
  });

  app.post<Body<'createConversation'>>('/v1/chat/conversations', async (req): Promise<ClientOutputs['createConversation']> => {
    const { channel, tags, integrationName } = req.body;
    return { conversation: await store.createConversation({ channel, integration: required(integrationName), tags: tags ?? {} }) };
  });
  app.post<Body<'getOrCreateConversation'>>('/v1/chat/conversations/get-or-create', async (req): Promise<ClientOutputs['getOrCreateConversation']> => {
    const { channel, tags, integrationName, discriminateByTags } = req.body;
    const { conversation } = await store.getOrCreateConversation({ channel, integration: required(integrationName), tags: tags ?? {} }, discriminateByTags);
    return { conversation };
  });
  app.get<Query<'listConversations'>>('/v1/chat/conversations', async (req): Promise<ClientOutputs['listConversations']> => {
    const { tags, integrationName, channel } = req.query;
    return { conversations: await store.listConversations({ tags: tagsOf(tags), integration: integrationName, channel }), meta: {} };
  });
  app.get<ById>('/v1/chat/conversations/:id', async (req): Promise<ClientOutputs['getConversation']> => {
    const conversation = await store.getConversation(req.params.id);
    if (!conversation) throw notFound('conversation', req.params.id);
    return { conversation };
  });

  app.post<Body<'createUser'>>('/v1/chat/users', async (req): Promise<ClientOutputs['createUser']> => {
    const { tags, integrationName, name, pictureUrl, attributes } = req.body;
    return { user: await store.createUser({ tags: tags ?? {}, integration: integrationName, name, pictureUrl, attributes }) };
  });
  app.post<Body<'getOrCreateUser'>>('/v1/chat/users/get-or-create', async (req): Promise<ClientOutputs['getOrCreateUser']> => {
    const { tags, integrationName, name, pictureUrl, attributes, discriminateByTags } = req.body;
    const { user } = await store.getOrCreateUser({ tags: tags ?? {}, integration: integrationName, name, pictureUrl, attributes }, discriminateByTags);
    return { user };
  });
  app.get<Query<'listUsers'>>('/v1/chat/users', async (req): Promise<ClientOutputs['listUsers']> => {
    const { tags, conversationId } = req.query;
    return { users: await store.listUsers({ tags: tagsOf(tags), conversationId }), meta: {} };
  });
  app.get<ById>('/v1/chat/users/:id', async (req): Promise<ClientOutputs['getUser']> => {
    const user = await store.getUser(req.params.id);
    if (!user) throw notFound('user', req.params.id);
    return { user };
  });

  app.post<Body<'createEvent'>>('/v1/chat/events', async (req): Promise<ClientOutputs['createEvent']> => {
    const { type, payload, schedule, conversationId, userId, messageId } = req.body;
    if (!type || !payload) throw invalid('event: type and payload are required');
    const event = await store.createEvent({
      type,
      payload,
      conversationId,
      userId,
      messageId,
      status: schedule ? 'scheduled' : 'pending',
      failureReason: null,
    });
    return { event };
  });
  app.get<ById>('/v1/chat/events/:id', async (req): Promise<ClientOutputs['getEvent']> => {
    const event = await store.getEvent(req.params.id);
    if (!event) throw notFound('event', req.params.id);
    return { event };
  });
}

function required(integrationName: string | undefined): string {
  if (!integrationName) throw invalid('conversation: integrationName is required');
  return integrationName;
}

/** A tag filter arrives as a record (see query.ts); anything else is no filter. */
function tagsOf(tags: unknown): Tags | undefined {
  return tags && typeof tags === 'object' && !Array.isArray(tags) ? (tags as Tags) : undefined;
}
