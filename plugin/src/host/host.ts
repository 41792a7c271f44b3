/**
 * The local Botpress host: the emulated API plus the real `bot.handler`.
 * A customer message becomes a `message_created` event exactly as Botpress
 * Cloud sends it; what the bot posts back to the conversation is delivered,
 * in order per conversation, and returned with the turn. See bot-call.ts for
 * BP_API_URL (set before each handler call; hosts may share a process).
 *
 * A turn is repeatable: the customer's message is stored once per channel
 * message (handled again after a crash, it is the same Botpress message), and
 * the bot's n-th message in the turn is keyed by it, so a reply the bot sends
 * again in a repeated turn is the message stored the first time (and the
 * outbox, keyed by its id, sends it at most once).
 */
import type { Conversation, Message, State } from '@botpress/client';
import type { InboundChannelMessage } from '../channels/types';
import type { StateReadAhead } from './api/routes-states';
import { startApiServer } from './api/server';
import type { HostStore } from './api/store';
import { callBot, type BotLike, type BotOperation } from './bot-call';
import { integrationTag, recordIncoming } from './incoming';
import { messageText } from './render';

/** A message the bot sent, addressed to a channel's chat. */
export interface BotReply {
  integration: string;
  chatId: string;
  conversationId: string;
  messageId: string;
  text: string;
  message: Message;
}

/** Sends a reply out through its channel; the pipeline's outbox is the usual one (its result, whether it sent, is not used here). */
export type Deliver = (reply: BotReply) => Promise<unknown>;

export interface HostOptions {
  bot: BotLike;
  botId: string;
  /** The bot's configuration (`x-bp-configuration`); plugin configuration goes in `plugin.initialize`. */
  configuration?: Record<string, unknown>;
  /** Where Botpress's records live (database-store.ts). */
  store: HostStore;
  /** Default: none, replies are only returned with the turn. */
  deliver?: Deliver;
}

export interface TurnResult {
  conversationId: string;
  messageId: string;
  /** What the bot sent during the turn, in order, once delivered. */
  replies: BotReply[];
}

export interface Host {
  apiUrl: string;
  store: HostStore;
  /** Runs one customer turn through the bot; rejects if the bot or a delivery failed. */
  handleIncoming(msg: InboundChannelMessage): Promise<TurnResult>;
  /** Any other bot operation (actions, register, custom events); returns the parsed response body. */
  invoke(operation: BotOperation, type: string, body: unknown): Promise<unknown>;
  /** Runs one of the plugin's scheduled events (e.g. `bookwell#reminderTick`) and waits until what it sent is delivered. */
  tick(type: string): Promise<void>;
  /** `drain: false`: stop serving at once, leaving deliveries in flight as they are (a crash, in tests). */
  close(opts?: { drain?: boolean }): Promise<void>;
}

export async function startHost(opts: HostOptions): Promise<Host> {
  const { store } = opts;
  const configuration = opts.configuration ?? {};
  const deliveries = createDeliveryChains(opts.deliver);
  /**
   * Per conversation, the turn running: its incoming message, how many messages the bot sent in it, and the
   * conversation's states read with the message (the bot's first read of its state is answered from them).
   */
  const turns = new Map<string, { messageId: string; sent: number; states: Map<string, State> }>();
  const outgoingKey = (conversationId: string) => {
    const turn = turns.get(conversationId);
    return turn ? `${turn.messageId}#${turn.sent++}` : undefined;
  };
  const readAhead: StateReadAhead = {
    take(key) {
      const states = key.type === 'conversation' ? turns.get(key.id)?.states : undefined;
      const state = states?.get(key.name);
      states?.delete(key.name);
      return state;
    },
    forget(key) {
      if (key.type === 'conversation') turns.get(key.id)?.states.delete(key.name);
    },
  };
  const server = await startApiServer({ store, botId: opts.botId, onOutgoing: deliveries.push, outgoingKey, readAhead });
  const invoke = (operation: BotOperation, type: string, body: unknown) =>
    callBot(opts.bot, { apiUrl: server.url, botId: opts.botId, configuration, operation, type, body });

  return {
    apiUrl: server.url,
    store,
    invoke,
    async handleIncoming(msg) {
      const { conversation, message, event, states = [] } = await recordIncoming(store, msg);
      const turn = deliveries.collect(conversation.id);
      turns.set(conversation.id, { messageId: message.id, sent: 0, states: new Map(states.map((s) => [s.name, s])) });
      try {
        await invoke('event_received', 'message_created', { event });
      } finally {
        turns.delete(conversation.id);
        await turn.done();
      }
      return { conversationId: conversation.id, messageId: message.id, replies: turn.replies() };
    },
    async tick(type) {
      const event = await store.createEvent({ type, payload: {}, conversationId: null, userId: null, messageId: null, status: 'pending', failureReason: null } as never);
      try {
        await invoke('event_received', type, { event });
      } finally {
        await deliveries.drain();
      }
    },
    async close({ drain = true } = {}) {
      if (drain) await deliveries.drain();
      await server.close();
    },
  };
}

interface TurnCollector {
  replies(): BotReply[];
  /** Waits for the turn's deliveries; rethrows the first that failed. */
  done(): Promise<void>;
}

/** One promise chain per conversation keeps replies in the order the bot sent them. */
function createDeliveryChains(deliver: Deliver | undefined) {
  const chains = new Map<string, Promise<void>>();
  const collectors = new Map<string, Set<{ replies: BotReply[]; errors: unknown[] }>>();

  // the conversation comes with the message (read in the statement that stored it)
  const toReply = (message: Message, conversation: Conversation): BotReply => {
    const integration = conversation.integration ?? '';
    const chatId = conversation.tags[integrationTag(integration, 'chatId')] ?? '';
    return { integration, chatId, conversationId: message.conversationId, messageId: message.id, text: messageText(message), message };
  };

  return {
    push(message: Message, conversation: Conversation): void {
      const id = message.conversationId;
      const next = (chains.get(id) ?? Promise.resolve()).then(async () => {
        const listening = [...(collectors.get(id) ?? [])];
        // the chain itself never rejects: a failure goes to the turn waiting for it, later replies still go out
        try {
          const reply = toReply(message, conversation);
          listening.forEach((c) => c.replies.push(reply));
          await deliver?.(reply);
        } catch (err) {
          listening.forEach((c) => c.errors.push(err));
        }
      });
      chains.set(id, next);
      // forget settled chains so a long run does not keep one per conversation
      void next.then(() => chains.get(id) === next && chains.delete(id));
    },
    collect(conversationId: string): TurnCollector {
      const mine = { replies: [] as BotReply[], errors: [] as unknown[] };
      const set = collectors.get(conversationId) ?? new Set();
      set.add(mine);
      collectors.set(conversationId, set);
      return {
        replies: () => mine.replies,
        async done() {
          await chains.get(conversationId);
          set.delete(mine);
          if (set.size === 0) collectors.delete(conversationId);
          if (mine.errors.length) throw mine.errors[0];
        },
      };
    },
    async drain(): Promise<void> {
      await Promise.all([...chains.values()]);
    },
  };
}
