/**
 * Storage port of the emulated Botpress API. The routes translate HTTP to
 * these calls; an implementation only keeps records. Records are Botpress's
 * own shapes (`@botpress/client` types) so nothing is mapped twice. The store
 * assigns ids (random: unique across restarts and processes) and timestamps;
 * get-or-create calls must be atomic. The one implementation is on the
 * product database (database-store.ts).
 */
import type { Conversation, Event, Message, State, User } from '@botpress/client';

export type Tags = Record<string, string>;
export type StateType = State['type'];

/** A state is addressed by its type, the id of what it belongs to, and its (plugin-prefixed) name. */
export interface StateKey {
  type: StateType;
  id: string;
  name: string;
}

type Draft<T> = Omit<T, 'id' | 'createdAt' | 'updatedAt'>;
export type StateDraft = Omit<State, 'id' | 'createdAt' | 'updatedAt'>;
export type MessageDraft = Draft<Message>;
export type ConversationDraft = Draft<Conversation>;
export type UserDraft = Draft<User>;
export type EventDraft = Omit<Event, 'id' | 'createdAt'>;

export interface IncomingDraft {
  user: UserDraft & { integration: string };
  /** The user's tags that identify them (Botpress's `discriminateByTags`). */
  userBy: string[];
  conversation: ConversationDraft;
  conversationBy: string[];
  message: Pick<MessageDraft, 'type' | 'payload' | 'tags'>;
  /** What makes it the same message when the turn is handled again: the channel's message id. */
  key: string;
}

export interface IncomingRecord {
  user: User;
  conversation: Conversation;
  message: Message;
  event: Event;
  /** The conversation's states as they were when the message was recorded (absent: not read). */
  states?: State[];
}

export interface ConversationFilter {
  tags?: Tags;
  integration?: string;
  channel?: string;
}

export interface HostStore {
  getState(key: StateKey): Promise<State | undefined>;
  /** Replaces the payload; `null` deletes the state (the sdk's `states.x.delete`) and returns what was removed. */
  setState(key: StateKey, draft: StateDraft | null): Promise<State | undefined>;
  getOrSetState(key: StateKey, draft: StateDraft): Promise<State>;
  /** Shallow-merges into an existing state; undefined when there is none. */
  patchState(key: StateKey, payload: State['payload']): Promise<State | undefined>;

  /**
   * A customer's message as Botpress records it after the channel reported it: the user and the chat's
   * conversation found (by the tags named) or made, the message found by its key (the same channel message
   * handled again) or made, and a new `message_created` event carrying the three.
   */
  recordIncoming(draft: IncomingDraft): Promise<IncomingRecord>;
  /**
   * A message in an existing conversation, returned with that conversation; undefined when there is no such
   * conversation. With a `key`: the message stored under that key if there is one (a turn handled again after
   * a crash), else a new one.
   */
  createMessage(draft: MessageDraft, key?: string): Promise<{ message: Message; conversation: Conversation } | undefined>;
  getMessage(id: string): Promise<Message | undefined>;
  /** Oldest first. */
  listMessages(filter: { conversationId?: string; tags?: Tags }): Promise<Message[]>;

  createConversation(draft: ConversationDraft): Promise<Conversation>;
  getConversation(id: string): Promise<Conversation | undefined>;
  /** Finds by integration, channel and the tags named in `discriminateByTags` (all tags when omitted). */
  getOrCreateConversation(draft: ConversationDraft, discriminateByTags?: string[]): Promise<{ conversation: Conversation; created: boolean }>;
  listConversations(filter: ConversationFilter): Promise<Conversation[]>;

  createUser(draft: UserDraft & { integration?: string }): Promise<User>;
  getUser(id: string): Promise<User | undefined>;
  getOrCreateUser(draft: UserDraft & { integration?: string }, discriminateByTags?: string[]): Promise<{ user: User; created: boolean }>;
  /** `conversationId`: users who wrote in that conversation. */
  listUsers(filter: { tags?: Tags; conversationId?: string }): Promise<User[]>;

  createEvent(draft: EventDraft): Promise<Event>;
  getEvent(id: string): Promise<Event | undefined>;
  /** Every event created, oldest first (the harness and the admin view read them). */
  listEvents(): Promise<Event[]>;
}

export function matchesTags(tags: Tags, wanted: Tags | undefined): boolean {
  if (!wanted) return true;
  return Object.entries(wanted).every(([k, v]) => tags[k] === v);
}

/** The identity a get-or-create looks up: the chosen tags (all when none are named). */
export function discriminator(tags: Tags, names?: string[]): string {
  const keys = (names ?? Object.keys(tags)).slice().sort();
  return JSON.stringify(keys.map((k) => [k, tags[k] ?? null]));
}
