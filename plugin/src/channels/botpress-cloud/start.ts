/**
 * Cloud mode: WhatsApp chats answered by a bot on Botpress Cloud. The same
 * inbound pipeline and outbox as the local host, on our database, with the
 * forwarder to the bot's Chat API in the host's place; no plugin runs here.
 * `bookwell whatsapp --botpress-webhook-id` starts this. Wiring only.
 */
import type { PrismaClient } from '../../../../generated/prisma/client';
import { createPipeline, type Pipeline } from '../../host/pipeline';
import { createOutbox, type Outbox } from '../../host/pipeline/outbox';
import type { RetryPolicy } from '../../runtime/retry';
import { createPrismaPipelineStore } from '../../host/pipeline/prisma-store';
import type { ChannelSender } from '../types';
import { errorMessage, type Logger } from '../whatsapp/logger';
import { createChatApi, type ChatApi, type ChatApiError } from './chat-api';
import { createCloudForwarder, type CloudForwarder, type ForwarderDeps } from './forwarder';
import { createPrismaLinkStore } from './links';
import type { ProfileKey } from './profile';

export interface CloudOptions {
  prisma: PrismaClient;
  businessId: string;
  /** The Chat integration's webhook id: the last part of its webhook URL. */
  webhookId: string;
  /** Default https://chat.botpress.cloud. */
  chatUrl?: string;
  senders: Record<string, ChannelSender>;
  logger: Logger;
  /** Signs each Chat user's profile for the bot `botId`; the plugin's `channels.chatProfileSecret` must be the same secret. */
  profileKey?: ProfileKey;
  burstWindowMs?: number;
  now?: () => Date;
  /** Tuning, mostly for tests. */
  forwarder?: Pick<ForwarderDeps, 'retry' | 'replyTimeoutMs' | 'session' | 'sleep'>;
  outboxRetry?: RetryPolicy;
}

export interface Cloud {
  pipeline: Pipeline;
  forwarder: CloudForwarder;
  /** Where the bot's replies go out; the owner console sends through it too. */
  outbox: Outbox;
  /**
   * Sends the replies and handles the messages an earlier process left
   * unfinished. Call it once the channel can send (the bridge connected), or
   * those replies fail while it is still starting.
   */
  resume(): Promise<void>;
  /** Never rejects. */
  close(): Promise<void>;
}

export async function startCloud(opts: CloudOptions): Promise<Cloud> {
  const { prisma, businessId, webhookId, logger, senders, now } = opts;
  const api = createChatApi({ webhookId, baseUrl: opts.chatUrl });
  await checkChatApi(api, logger);
  if (!opts.profileKey) {
    logger.warn('no chat profile secret (--chat-profile-secret): the Botpress bot cannot trust the number in the Chat profile and asks customers for their number');
  }

  const store = createPrismaPipelineStore({ prisma, businessId });
  const outbox = createOutbox({
    store,
    senders,
    now,
    retry: opts.outboxRetry,
    onFailure: (error, draft) => logger.error('reply not delivered to the chat', { chatId: draft.chatId, error: error.message }),
  });
  const links = createPrismaLinkStore({ prisma, businessId, webhookId });
  const forwarder = createCloudForwarder({ api, links, deliver: outbox.deliver, profileKey: opts.profileKey, now, logger, ...opts.forwarder });
  const pipeline = createPipeline({
    store,
    handle: forwarder.handle,
    senders,
    burstWindowMs: opts.burstWindowMs,
    now,
    onError: (error, messages) =>
      logger.error('message not forwarded to the Botpress bot; marked failed', { chatId: messages[0]?.chatId, messages: messages.length, error: error.message }),
  });
  return {
    pipeline,
    forwarder,
    outbox,
    async resume() {
      const replies = await outbox.resume();
      const messages = await pipeline.resume();
      if (replies || messages) logger.info('resuming what the last run left unfinished', { replies, messages });
    },
    async close() {
      await pipeline.idle().catch((err: unknown) => logger.warn('waiting for unfinished turns failed', { error: errorMessage(err) }));
      await forwarder.close();
    },
  };
}

/** A wrong webhook id or URL stops the start; an outage only warns, since messages are kept and retried per turn. */
async function checkChatApi(api: ChatApi, logger: Logger): Promise<void> {
  try {
    await api.hello();
  } catch (thrown) {
    const error = thrown as ChatApiError;
    if (!error.transient) throw new Error(`${error.message}; check --botpress-webhook-id (the last part of the Chat integration's webhook URL) and --botpress-chat-url`);
    logger.warn('Botpress Chat API not reachable now; messages are kept and retried', { error: error.message });
  }
}
