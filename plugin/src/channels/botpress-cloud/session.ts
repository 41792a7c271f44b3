/**
 * One chat's live side of its Chat API conversation: listens to the
 * conversation's event stream and delivers each bot message to the chat
 * once (by Chat message id) and in order. The stream carries no replay, so
 * whenever it (re)connects to a conversation that existed before, the
 * session first reads the conversation (`listMessages`) and delivers the bot
 * messages newer than the last one delivered (`link.lastReply`, persisted).
 * A broken stream is reopened with backoff. A reply the outbox could not send
 * (WhatsApp down) is not remembered as delivered: it and the replies after it
 * wait, in order, for the next catch-up (`retryUnsent`, a reconnect, or the
 * next session).
 */
import { backoffDelay } from '../../runtime/retry';
import type { OutboundDraft } from '../../host/pipeline/store';
import { errorMessage, type Logger } from '../whatsapp/logger';
import type { ChatApi, ChatApiError, ChatMessage, ChatStream } from './chat-api';
import type { ChatKey, ChatLink, ChatLinkStore } from './links';
import { renderPayload } from './render';

export interface SessionOptions {
  /** Reconnect delays of a broken stream: initialMs, doubling up to maxMs. */
  backoff: { initialMs: number; maxMs: number };
  /** Catch-up reads at most this many pages of the conversation. */
  maxCatchUpPages: number;
  /** With no new turn for this long the stream is closed; the next turn reopens it and catches up. */
  idleCloseMs: number;
}

export interface SessionDeps {
  api: ChatApi;
  links: ChatLinkStore;
  key: ChatKey;
  /** Shared with the forwarder; `lastReply` is updated here. */
  link: ChatLink & { conversationId: string };
  /** The outbox: never throws; `sent` false when it gave up on the reply. */
  deliver(draft: OutboundDraft): Promise<{ sent: boolean }>;
  /** Called once the session has closed, however it closed. */
  onClose?: () => void;
  logger: Logger;
  sleep(ms: number): Promise<void>;
  options: SessionOptions;
}

export interface ChatSession {
  /** Resolves when the next bot message has been delivered (or given up on), or the session closes. */
  nextReply(): Promise<void>;
  /** When a reply could not be sent, reads the conversation again and delivers it and what followed, in order. Never rejects. */
  retryUnsent(): Promise<void>;
  /** True when the conversation already holds our message for this channel message id (seen by catch-up). */
  hasForwarded(externalId: string): boolean;
  /** Postpones the idle close. */
  touch(): void;
  /** Resolves when every bot message received so far has been delivered. */
  idle(): Promise<void>;
  /** Never rejects. */
  close(): Promise<void>;
  readonly closed: boolean;
}

const time = (m: ChatMessage) => Date.parse(m.createdAt);

/** The metadata key under which each forwarded message carries its channel message id. */
export const MESSAGE_ID_KEY = 'messageId';

/** Opens the stream; with `catchUp`, delivers what the bot said since the last delivered reply first. Throws a `ChatApiError`. */
export async function openSession(deps: SessionDeps, opts: { catchUp: boolean }): Promise<ChatSession> {
  const { api, link, key, logger } = deps;
  const delivered = new Set<string>();
  const forwarded = new Set<string>();
  let waiters: (() => void)[] = [];
  let chain = Promise.resolve();
  let buffered: ChatMessage[] | null = null; // messages that arrive while catching up wait here
  let closed = false;
  let reconnecting = false;
  // a reply could not be sent: the ones after it are held back too, so the next catch-up sends them in order
  let unsent = false;
  let idleTimer: NodeJS.Timeout | undefined;

  const isBot = (m: ChatMessage) => m.userId !== link.userId && m.isBot !== false;

  const accept = (m: ChatMessage) => {
    if (!isBot(m)) {
      const id = m.metadata?.[MESSAGE_ID_KEY];
      if (typeof id === 'string') forwarded.add(id);
      return;
    }
    if (buffered) return void buffered.push(m);
    if (delivered.has(m.id)) return;
    delivered.add(m.id);
    chain = chain.then(() => deliverOne(m)).catch((err) => logger.error('bot message not delivered', { chatId: key.chatId, error: errorMessage(err) }));
  };

  const release = () => {
    const ws = waiters;
    waiters = [];
    ws.forEach((w) => w());
  };

  const deliverOne = async (m: ChatMessage) => {
    try {
      // not remembered, so the next catch-up finds it again
      if (unsent) return void delivered.delete(m.id);
      const text = renderPayload(m.payload);
      if (text) {
        const { sent } = await deps.deliver({ integration: key.integration, chatId: key.chatId, text });
        if (!sent) {
          unsent = true;
          delivered.delete(m.id);
          logger.warn('bot reply not sent to the chat; sent again with the next catch-up', { chatId: key.chatId, messageId: m.id });
          return;
        }
      } else logger.warn('bot message with nothing to show on WhatsApp skipped', { chatId: key.chatId, type: m.payload.type });
      await remember(m).catch((err) => logger.warn('could not save the last delivered reply', { chatId: key.chatId, error: errorMessage(err) }));
    } finally {
      // a turn waits for its first reply: one given up on ends the wait as well
      release();
    }
  };

  const remember = async (m: ChatMessage) => {
    const last = link.lastReply;
    const lastT = last ? Date.parse(last.createdAt) : -Infinity;
    if (time(m) < lastT) return;
    link.lastReply = last && time(m) === lastT ? { createdAt: last.createdAt, ids: [...last.ids, m.id] } : { createdAt: m.createdAt, ids: [m.id] };
    await deps.links.save(key, link);
  };

  const drain = async () => {
    let seen: Promise<void> | undefined;
    while (seen !== chain) await (seen = chain);
  };

  /** Delivers, oldest first, the bot messages the conversation holds beyond `link.lastReply`. */
  const catchUp = async () => {
    buffered = [];
    // a reply still being sent decides whether it is one to send again
    await drain();
    unsent = false;
    let missed: ChatMessage[] = [];
    try {
      const found: ChatMessage[] = [];
      let nextToken: string | undefined;
      let pages = 0;
      // The Chat API documents no order for listMessages, so all pages are read (up to the cap).
      do {
        const page = await api.listMessages(link.userKey, link.conversationId, nextToken);
        found.push(...page.messages);
        nextToken = page.nextToken;
      } while (nextToken && ++pages < deps.options.maxCatchUpPages);
      missed = found.filter((m) => !isBot(m) || isAfterLastReply(m)).sort((a, b) => time(a) - time(b));
    } finally {
      // live messages that came meanwhile go after the missed ones; a failed catch-up must not park them
      const held = buffered ?? [];
      buffered = null;
      [...missed, ...held].forEach(accept);
    }
    const count = missed.filter(isBot).length;
    if (count) logger.info('delivering bot messages sent while not listening', { chatId: key.chatId, count });
  };

  const isAfterLastReply = (m: ChatMessage) => {
    const last = link.lastReply;
    if (!last) return true;
    const t = time(m);
    const lastT = Date.parse(last.createdAt);
    return t > lastT || (t === lastT && !last.ids.includes(m.id));
  };

  const reconnect = async (stream: ChatStream, error: ChatApiError) => {
    if (reconnecting) return;
    reconnecting = true;
    try {
      await reconnectLoop(stream, error);
    } finally {
      reconnecting = false;
    }
  };

  const reconnectLoop = async (stream: ChatStream, error: ChatApiError) => {
    logger.warn('Botpress Chat stream broke, reconnecting', { chatId: key.chatId, error: error.message });
    for (let attempt = 0; !closed; attempt++) {
      await deps.sleep(backoffDelay(deps.options.backoff, attempt));
      if (closed) return;
      try {
        // checked first: a link the Chat API no longer accepts shows here as a plain 401/403/404
        await api.getConversation(link.userKey, link.conversationId);
        await stream.reconnect();
        await catchUp();
        logger.info('Botpress Chat stream reconnected', { chatId: key.chatId });
        return;
      } catch (thrown) {
        const err = thrown as ChatApiError;
        if (err.staleLink) {
          logger.error('Botpress Chat conversation no longer accessible; the next message starts a new one', { chatId: key.chatId, error: err.message });
          return session.close();
        }
        logger.warn('Botpress Chat stream reconnect failed, retrying', { chatId: key.chatId, error: errorMessage(err) });
      }
    }
  };

  if (opts.catchUp) await api.getConversation(link.userKey, link.conversationId);
  const stream = await api.listen(link.userKey, link.conversationId);
  stream.onMessage(accept);
  stream.onError((err) => void (closed || reconnect(stream, err)));

  const session: ChatSession = {
    nextReply: () => (closed ? Promise.resolve() : new Promise<void>((resolve) => waiters.push(resolve))),
    async retryUnsent() {
      await drain();
      if (!unsent || closed) return;
      try {
        await catchUp();
      } catch (err) {
        unsent = true;
        logger.warn('could not read the Botpress Chat conversation to resend replies; tried again later', { chatId: key.chatId, error: errorMessage(err) });
      }
      await drain();
    },
    hasForwarded: (id) => forwarded.has(id),
    touch() {
      clearTimeout(idleTimer);
      // close never rejects, so nothing can escape this timer
      idleTimer = setTimeout(() => void session.close(), deps.options.idleCloseMs);
      idleTimer.unref();
    },
    idle: drain,
    async close() {
      if (closed) return;
      closed = true;
      clearTimeout(idleTimer);
      try {
        await stream.close();
      } catch (err) {
        logger.warn('closing the Botpress Chat stream failed', { chatId: key.chatId, error: errorMessage(err) });
      } finally {
        release();
        deps.onClose?.();
      }
    },
    get closed() {
      return closed;
    },
  };

  try {
    if (opts.catchUp) await catchUp();
  } catch (err) {
    await session.close();
    throw err;
  }
  session.touch();
  return session;
}
