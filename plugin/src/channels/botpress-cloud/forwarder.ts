/**
 * Cloud mode's turn handler, in the pipeline's `handle` slot instead of the
 * local host: each (merged) customer message goes to a Botpress Cloud bot
 * through the Chat API, as the message of a Chat user that stands for the
 * chat (created once, kept in the link store), and the bot's replies come
 * back through the chat's session (session.ts). A turn lasts until the
 * bot's first reply has been delivered, or `replyTimeoutMs`, so "typing…"
 * shows while the bot works and turns of one chat stay in order.
 *
 * Failures: transient Chat API errors (no response, 429, 5xx) are retried
 * with backoff; a user key the Chat API no longer accepts is dropped and a
 * new user made once; anything else throws, so the pipeline marks the
 * message failed and records why.
 */
import type { OutboundDraft } from '../../host/pipeline/store';
import { systemClock } from '../../runtime/clock';
import { retry, type RetryPolicy } from '../../runtime/retry';
import type { InboundChannelMessage } from '../types';
import { languageForPhone, mediaReply } from '../whatsapp/normalize';
import { errorMessage, type Logger } from '../whatsapp/logger';
import { ChatApiError, type ChatApi } from './chat-api';
import type { ChatKey, ChatLink, ChatLinkStore } from './links';
import { clipName, encodeProfile, profileUpToDate, type ProfileKey } from './profile';
import { MESSAGE_ID_KEY, openSession, type ChatSession, type SessionOptions } from './session';

export interface ForwarderDeps {
  api: ChatApi;
  links: ChatLinkStore;
  /** Sends a reply to the chat; the pipeline's outbox (stored, retried, never throws; `sent` false when it gave up). */
  deliver(draft: OutboundDraft): Promise<{ sent: boolean }>;
  /** Signs the Chat user's profile for one bot, so its plugin can trust the number (same secret in its configuration). */
  profileKey?: ProfileKey;
  now?: () => Date;
  logger: Logger;
  /** Retries of a failed Chat API call. Default 3, from 0.5 s up to 4 s. */
  retry?: RetryPolicy;
  /** How long a turn waits for the bot's first reply. Default 30 s. */
  replyTimeoutMs?: number;
  session?: Partial<SessionOptions>;
  /** The answer to a voice note, image, sticker or location, which the Chat API cannot carry. Default: the bridge's polite "text only" reply. */
  nonTextReply?: (message: InboundChannelMessage) => string;
  sleep?: (ms: number) => Promise<void>;
}

export interface CloudForwarder {
  handle(message: InboundChannelMessage): Promise<void>;
  /** Resolves when every bot message received so far has been delivered. */
  idle(): Promise<void>;
  /** Chats with an open session (listened to). */
  openChats(): number;
  /** Never rejects. */
  close(): Promise<void>;
}

export const DEFAULT_CHAT_RETRY: RetryPolicy = { retries: 3, initialMs: 500, maxMs: 4000 };
const DEFAULT_SESSION: SessionOptions = { backoff: { initialMs: 1000, maxMs: 60_000 }, maxCatchUpPages: 10, idleCloseMs: 30 * 60_000 };

// unref'd: a stream waiting to reconnect must not keep a stopping process alive
const realSleep = (ms: number) => systemClock.sleep(ms, { unref: true });
const keyOf = (k: ChatKey) => `${k.integration}\u0000${k.chatId}`;

type OpenLink = ChatLink & { conversationId: string };

export function createCloudForwarder(deps: ForwarderDeps): CloudForwarder {
  const { api, links, logger } = deps;
  const policy = deps.retry ?? DEFAULT_CHAT_RETRY;
  const sleep = deps.sleep ?? realSleep;
  const replyTimeoutMs = deps.replyTimeoutMs ?? 30_000;
  const sessionOptions = { ...DEFAULT_SESSION, ...deps.session };
  const nonTextReply = deps.nonTextReply ?? ((m: InboundChannelMessage) => mediaReply(languageForPhone(m.userPhone)));
  const chats = new Map<string, { link: OpenLink; session: ChatSession }>();

  /** The chat's Chat user and conversation (created, or updated when the name or number changed) and its open session. */
  async function chatFor(key: ChatKey, m: InboundChannelMessage): Promise<{ link: OpenLink; session: ChatSession }> {
    const name = m.userName ? clipName(m.userName) : null;
    const wanted = { channel: m.integration, phone: m.userPhone, name };
    const now = deps.now?.() ?? new Date();
    const open = chats.get(keyOf(key));
    let link: ChatLink | null = open && !open.session.closed ? open.link : await links.get(key);
    if (!link) {
      const profile = encodeProfile(wanted, deps.profileKey, now);
      const user = await api.createUser({ name: name ?? undefined, profile });
      link = { ...user, conversationId: null, name, profile, lastReply: null };
      await links.save(key, link);
      logger.info('created a Botpress Chat user for the chat', { chatId: key.chatId, userId: user.userId });
    } else if (!profileUpToDate(link.profile, wanted, deps.profileKey, now) || link.name !== name) {
      // changed name, number or key, or a signature about to expire
      const profile = encodeProfile(wanted, deps.profileKey, now);
      await api.updateUser(link.userKey, { name: name ?? undefined, profile });
      Object.assign(link, { name, profile });
      await links.save(key, link);
    }
    if (open && !open.session.closed) {
      open.session.touch();
      // replies the outbox gave up on go out before the new message
      await open.session.retryUnsent();
      return open;
    }
    const known = link.conversationId !== null;
    if (!link.conversationId) {
      link.conversationId = await api.createConversation(link.userKey);
      await links.save(key, link);
    }
    const openLink = link as OpenLink;
    // a closed session (idle, stale link, stop) leaves the map, or it would keep one per chat ever seen
    const forget = () => chats.get(keyOf(key))?.session.closed && chats.delete(keyOf(key));
    const session = await openSession(
      { api, links, key, link: openLink, deliver: deps.deliver, onClose: forget, logger, sleep, options: sessionOptions },
      { catchUp: known },
    );
    const chat = { link: openLink, session };
    chats.set(keyOf(key), chat);
    return chat;
  }

  /** Forgets a link the Chat API no longer accepts, so the next attempt makes a new user. */
  async function dropLink(key: ChatKey, error: ChatApiError): Promise<void> {
    logger.warn('Botpress Chat user no longer accepted; creating a new one', { chatId: key.chatId, error: error.message });
    await chats.get(keyOf(key))?.session.close();
    chats.delete(keyOf(key));
    await links.remove(key);
  }

  /** Sends the turn's text; resolves with the bot's first reply to come (boxed, or it would be awaited here), or null when the bot already has the message. */
  async function forward(m: InboundChannelMessage): Promise<{ reply: Promise<void> } | null> {
    const key = { integration: m.integration, chatId: m.chatId };
    const metadata = { channel: m.integration, [MESSAGE_ID_KEY]: m.externalId, userPhone: m.userPhone, userName: m.userName, sentAt: m.sentAt.toISOString() };
    let relinks = 0;
    // a refused createUser is a configuration problem (e.g. an encryption key on the integration), not a stale link
    const stale = (e: Error) => e instanceof ChatApiError && e.staleLink && e.operation !== 'createUser';
    return retry(
      async () => {
        const { link, session } = await chatFor(key, m);
        // a turn replayed after a crash, whose message the bot already has
        if (session.hasForwarded(m.externalId)) return null;
        const reply = session.nextReply(); // before sending: a fast bot may answer before the call returns
        await api.createMessage(link.userKey, link.conversationId, m.text, metadata);
        return { reply };
      },
      {
        ...policy,
        clock: { now: () => Date.now(), sleep },
        onAttempt: async (n, error) => {
          if (!(error instanceof Error)) return;
          const retriesLeft = policy.retries - (n - 1);
          if (stale(error) && ++relinks === 1) await dropLink(key, error as ChatApiError);
          else if (error instanceof ChatApiError && error.transient && retriesLeft > 0) {
            logger.warn('Botpress Chat API call failed, retrying', { chatId: m.chatId, error: error.message, retriesLeft });
          }
        },
        // once relinked, a stale link again is a real failure
        retryable: (error) => (error instanceof ChatApiError && error.transient) || (error instanceof Error && stale(error) && relinks === 1),
      },
    );
  }

  return {
    async handle(m) {
      if (m.kind !== 'text') {
        // the Chat API cannot carry WhatsApp media, so the bot never sees these: answered here, as the plugin does locally
        await deps.deliver({ integration: m.integration, chatId: m.chatId, text: nonTextReply(m) });
        return;
      }
      if (!m.text.trim()) return;
      const sent = await forward(m);
      if (sent && !(await within(sent.reply, replyTimeoutMs))) {
        logger.info('no reply from the Botpress bot yet; it is delivered when it comes', { chatId: m.chatId, waitedMs: replyTimeoutMs });
      }
    },
    async idle() {
      await Promise.all([...chats.values()].map((c) => c.session.idle()));
    },
    openChats: () => chats.size,
    async close() {
      const all = [...chats.values()];
      chats.clear();
      const results = await Promise.allSettled(all.map(async ({ session }) => (await session.idle(), await session.close())));
      for (const r of results) if (r.status === 'rejected') logger.warn('closing a Botpress Chat session failed', { error: errorMessage(r.reason) });
    },
  };
}

/** True when `p` settled within `ms`. */
async function within(p: Promise<void>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  try {
    return await Promise.race([p.then(() => true), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

