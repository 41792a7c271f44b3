/**
 * In-memory HostStore: plain maps with the lookups a turn needs indexed
 * (get-or-create by identity, messages by conversation), so the harness can
 * push hundreds of chats a second. Ids are sequential per store: tests are
 * deterministic and ids sort by creation.
 */
import type { Conversation, Event, Message, State, User } from '@botpress/client';
import {
  discriminator,
  matchesTags,
  type ConversationDraft,
  type EventDraft,
  type HostStore,
  type MessageDraft,
  type StateKey,
  type UserDraft,
} from './store';

export function createMemoryHostStore(now: () => Date = () => new Date()): HostStore {
  let seq = 0;
  const nextId = (prefix: string) => `${prefix}_${(++seq).toString(36).padStart(8, '0')}`;
  const iso = () => now().toISOString();

  const states = new Map<string, State>();
  const messages = new Map<string, Message>();
  const messagesByConversation = new Map<string, Message[]>();
  const conversations = new Map<string, Conversation>();
  const conversationByIdentity = new Map<string, string>();
  const users = new Map<string, User & { integration?: string }>();
  const userByIdentity = new Map<string, string>();
  const usersByConversation = new Map<string, Set<string>>();
  const events = new Map<string, Event>();

  const stateKey = (k: StateKey) => `${k.type}\u0000${k.id}\u0000${k.name}`;
  const newConversation = (draft: ConversationDraft): Conversation => {
    const at = iso();
    const conversation = { ...draft, id: nextId('conv'), createdAt: at, updatedAt: at };
    conversations.set(conversation.id, conversation);
    return conversation;
  };
  const newUser = (draft: UserDraft & { integration?: string }): User => {
    const at = iso();
    const user = { ...draft, id: nextId('user'), createdAt: at, updatedAt: at };
    users.set(user.id, user);
    return publicUser(user);
  };

  return {
    async getState(key) {
      return states.get(stateKey(key));
    },
    async setState(key, draft) {
      const k = stateKey(key);
      const old = states.get(k);
      if (draft === null) {
        states.delete(k);
        return old;
      }
      const at = iso();
      const state: State = { ...draft, id: old?.id ?? nextId('state'), createdAt: old?.createdAt ?? at, updatedAt: at };
      states.set(k, state);
      return state;
    },
    async getOrSetState(key, draft) {
      const k = stateKey(key);
      const old = states.get(k);
      if (old) return old;
      const at = iso();
      const state: State = { ...draft, id: nextId('state'), createdAt: at, updatedAt: at };
      states.set(k, state);
      return state;
    },
    async patchState(key, payload) {
      const k = stateKey(key);
      const old = states.get(k);
      if (!old) return undefined;
      const state: State = { ...old, payload: { ...old.payload, ...payload }, updatedAt: iso() };
      states.set(k, state);
      return state;
    },

    async createMessage(draft: MessageDraft) {
      const at = iso();
      const message: Message = { ...draft, id: nextId('msg'), createdAt: at, updatedAt: at };
      messages.set(message.id, message);
      const list = messagesByConversation.get(message.conversationId) ?? [];
      list.push(message);
      messagesByConversation.set(message.conversationId, list);
      const writers = usersByConversation.get(message.conversationId) ?? new Set<string>();
      writers.add(message.userId);
      usersByConversation.set(message.conversationId, writers);
      return message;
    },
    async getMessage(id) {
      return messages.get(id);
    },
    async listMessages({ conversationId, tags }) {
      const all = conversationId ? (messagesByConversation.get(conversationId) ?? []) : [...messages.values()];
      return all.filter((m) => matchesTags(m.tags, tags));
    },

    async createConversation(draft) {
      return newConversation(draft);
    },
    async getConversation(id) {
      return conversations.get(id);
    },
    async getOrCreateConversation(draft, discriminateByTags) {
      const identity = `${draft.integration}\u0000${draft.channel}\u0000${discriminator(draft.tags, discriminateByTags)}`;
      const found = conversationByIdentity.get(identity);
      if (found) return { conversation: conversations.get(found)!, created: false };
      const conversation = newConversation(draft);
      conversationByIdentity.set(identity, conversation.id);
      return { conversation, created: true };
    },
    async listConversations({ tags, integration, channel }) {
      return [...conversations.values()].filter(
        (c) => (!integration || c.integration === integration) && (!channel || c.channel === channel) && matchesTags(c.tags, tags),
      );
    },

    async createUser(draft) {
      return newUser(draft);
    },
    async getUser(id) {
      const user = users.get(id);
      return user && publicUser(user);
    },
    async getOrCreateUser(draft, discriminateByTags) {
      const identity = `${draft.integration ?? ''}\u0000${discriminator(draft.tags, discriminateByTags)}`;
      const found = userByIdentity.get(identity);
      if (found) return { user: publicUser(users.get(found)!), created: false };
      const user = newUser(draft);
      userByIdentity.set(identity, user.id);
      return { user, created: true };
    },
    async listUsers({ tags, conversationId }) {
      const ids = conversationId ? [...(usersByConversation.get(conversationId) ?? [])] : [...users.keys()];
      return ids.flatMap((id) => {
        const user = users.get(id);
        return user && matchesTags(user.tags, tags) ? [publicUser(user)] : [];
      });
    },

    async createEvent(draft: EventDraft) {
      const event: Event = { ...draft, id: nextId('evt'), createdAt: iso() };
      events.set(event.id, event);
      return event;
    },
    async listEvents() {
      return [...events.values()];
    },
    async getEvent(id) {
      return events.get(id);
    },
  };
}

/** The integration a user came through is kept for get-or-create, not part of Botpress's User. */
function publicUser({ integration: _, ...user }: User & { integration?: string }): User {
  return user;
}
