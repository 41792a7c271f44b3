/**
 * `bookwell whatsapp`: links a WhatsApp number through whatsapp-web.js (QR code
 * in the terminal, session kept under .bookwell/whatsapp) and runs the bridge
 * until Ctrl-C: customer messages go to the inbound pipeline, replies come
 * back through the bridge. The bot is the local host with the plugin, or,
 * with `--botpress-webhook-id`, a bot on Botpress Cloud reached through its
 * Chat API. See docs/whatsapp.md.
 */
import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { DEFAULT_CHAT_API_URL } from '../../plugin/src/channels/botpress-cloud/chat-api';
import type { ProfileKey } from '../../plugin/src/channels/botpress-cloud/profile';
import { startCloud } from '../../plugin/src/channels/botpress-cloud/start';
import type { ChannelSender, InboundSink } from '../../plugin/src/channels/types';
import { startWhatsAppBridge, type WhatsAppBridge } from '../../plugin/src/channels/whatsapp/bridge';
import { createWwebjsClient, DEFAULT_SESSION_DIR } from '../../plugin/src/channels/whatsapp/client-port';
import { consoleLogger, consoleLoggerFor, errorMessage, type Logger } from '../../plugin/src/channels/whatsapp/logger';
import { httpUrl } from '../../plugin/src/config/domains';
import { startLocal } from '../../plugin/src/host/local';
import type { AdminPorts } from '../../plugin/src/admin';
import { chatOfCloudConversation } from '../../plugin/src/channels/botpress-cloud/links';
import { addAdminOptions, localConsole, openAdminPage, type AdminCliOptions } from '../admin';
import { addConfigOption, type ConfigFileOption } from '../config-file';
import { openRuntime, openStore, readEnv } from '../runtime';
import { startSchedule } from '../schedule';
import { startUpSync } from '../startup';

const botpressLog = consoleLoggerFor('botpress');

interface Bot {
  sink: InboundSink;
  /** What the admin page reads. */
  admin: Omit<AdminPorts, 'whatsapp'>;
  /** Called once WhatsApp is ready: what an earlier run left unfinished can go out now. */
  resume(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Resumes once WhatsApp is ready, not merely started: whatsapp-web.js's
 * `initialize()` resolves before `ready`, and a reply sent before that fails
 * ("WhatsApp is not connected"). Never rejects; nothing is resumed when the
 * bridge stops first.
 */
export async function resumeWhenReady(bridge: Pick<WhatsAppBridge, 'ready'>, resume: () => Promise<void>, logger: Logger): Promise<void> {
  try {
    await bridge.ready();
  } catch {
    return; // stopped before it was ready
  }
  await resume().catch((err: unknown) => logger.error('resuming unfinished messages failed', { error: errorMessage(err) }));
}

/**
 * The bot behind the bridge: the same local host, pipeline and plugin as
 * `bookwell dev` (database and provider from the environment, a catalog sync
 * first when the copy is missing or stale, then the sync schedule), replying
 * through `sender`.
 */
async function openLocalBot(channel: { sender: ChannelSender }, configPath?: string): Promise<Bot> {
  const rt = await openRuntime(readEnv(), { configPath });
  try {
    const { configuration } = rt;
    consoleLogger.info(await startUpSync(rt));
    const local = await startLocal({ db: rt.db, configuration, senders: { whatsapp: channel.sender } });
    const ownerConsole = localConsole(rt, configuration, configPath);
    ownerConsole.attach(local);
    const schedule = startSchedule(rt, (line) => consoleLogger.warn(line), local);
    return {
      sink: local.pipeline.sink,
      admin: ownerConsole.ports,
      resume: () => local.resume(),
      async close() {
        schedule.stop();
        await local.close();
        await rt.close();
      },
    };
  } catch (err) {
    await rt.close();
    throw err;
  }
}

/** A bot on Botpress Cloud, through the Chat integration's API: only the pipeline and our database run here. */
async function openCloudBot(channel: { sender: ChannelSender }, chat: { webhookId: string; url: string; profileKey?: ProfileKey }): Promise<Bot> {
  const store = await openStore(readEnv());
  try {
    const cloud = await startCloud({
      prisma: store.db.prisma,
      businessId: store.business.id,
      webhookId: chat.webhookId,
      chatUrl: chat.url,
      senders: { whatsapp: channel.sender },
      profileKey: chat.profileKey,
      logger: botpressLog,
    });
    botpressLog.info('forwarding to the Botpress Cloud bot', { chatApi: `${chat.url}/${chat.webhookId}` });
    const where = { businessId: store.business.id, webhookId: chat.webhookId };
    return {
      sink: cloud.pipeline.sink,
      // the bot and its booking service run on Botpress Cloud: here, chats (replies through our outbox) and reading only
      admin: {
        prisma: store.db.prisma,
        businessId: store.business.id,
        now: () => new Date(),
        send: (m) => cloud.outbox.deliver(m),
        botpressChat: (conversationId) => chatOfCloudConversation(store.db.prisma, { ...where, conversationId }),
        messages: { overrides: () => ({}), studio: true },
      },
      resume: () => cloud.resume(),
      async close() {
        try {
          await cloud.close();
        } finally {
          await store.close();
        }
      },
    };
  } catch (err) {
    await store.close();
    throw err;
  }
}

interface Options extends AdminCliOptions, ConfigFileOption {
  chromium: string;
  sessionDir: string;
  botpressWebhookId?: string;
  botpressChatUrl: string;
  chatProfileSecret?: string;
  botpressBotId?: string;
}

export function register(program: Command): void {
  const command = program
    .command('whatsapp')
    .description('connect a WhatsApp number (scan the QR code) and answer its chats with the bot')
    .option('--chromium <path>', 'Chromium or Chrome binary (Debian: apt-get install chromium)', process.env.BOOKWELL_CHROMIUM ?? '/usr/bin/chromium')
    .option('--session-dir <dir>', 'where the linked session is kept', DEFAULT_SESSION_DIR)
    .option('--botpress-webhook-id <id>', "forward to a Botpress Cloud bot: its Chat integration's webhook id", process.env.BOOKWELL_BOTPRESS_WEBHOOK_ID || undefined)
    .option('--botpress-chat-url <url>', 'base URL of the Botpress Chat API', process.env.BOOKWELL_BOTPRESS_CHAT_URL || DEFAULT_CHAT_API_URL)
    .option(
      '--chat-profile-secret <secret>',
      "signs the customer's number for the Botpress bot (the plugin's channels.chatProfileSecret); prefer the env var",
      process.env.BOOKWELL_CHAT_PROFILE_SECRET || undefined,
    )
    .option('--botpress-bot-id <id>', 'the Botpress bot the profile signature is for (its id in Botpress Studio); needed with a profile secret', process.env.BOOKWELL_BOTPRESS_BOT_ID || undefined);
  addConfigOption(addAdminOptions(command))
    .action(async (opts: Options) => {
      if (!existsSync(opts.chromium)) {
        throw new Error(`no Chromium at ${opts.chromium}: install it (Debian: apt-get install chromium) or pass --chromium <path>`);
      }
      // the plugin's configuration refuses shorter ones: fail here, not on every customer
      if (opts.chatProfileSecret !== undefined && opts.chatProfileSecret.length < 16) {
        throw new Error('--chat-profile-secret must be at least 16 characters (e.g. openssl rand -hex 32)');
      }
      const chatUrlProblem = httpUrl(opts.botpressChatUrl);
      if (chatUrlProblem) throw new Error(`--botpress-chat-url (or BOOKWELL_BOTPRESS_CHAT_URL): ${chatUrlProblem}`);
      // a signature is for one bot: another bot sharing the secret must not accept it
      if (opts.botpressWebhookId && opts.chatProfileSecret && !opts.botpressBotId) {
        throw new Error('--chat-profile-secret needs --botpress-bot-id (or BOOKWELL_BOTPRESS_BOT_ID): the id of the Botpress bot, shown in Botpress Studio');
      }
      // The bot replies through the bridge, which needs the bot's sink first: a late-bound sender breaks the cycle.
      let bridge: WhatsAppBridge | undefined;
      const sender: ChannelSender = {
        send: (chatId, text) => (bridge ? bridge.sender.send(chatId, text) : Promise.reject(new Error('WhatsApp bridge not started'))),
        typing: async (chatId, on) => bridge?.sender.typing?.(chatId, on),
      };
      const bot = opts.botpressWebhookId
        ? await openCloudBot({ sender }, { webhookId: opts.botpressWebhookId, url: opts.botpressChatUrl.replace(/\/+$/, ''), profileKey: opts.chatProfileSecret && opts.botpressBotId ? { secret: opts.chatProfileSecret, botId: opts.botpressBotId } : undefined })
        : await openLocalBot({ sender }, opts.config);
      bridge = startWhatsAppBridge({
        createClient: () => createWwebjsClient({ chromiumPath: opts.chromium, sessionDir: opts.sessionDir }),
        sink: bot.sink,
        logger: consoleLogger,
        // the pipeline's outbox retries a failed reply; retrying here too would multiply the attempts
        sender: { retries: 0 },
      });
      // the QR code is on the admin page too, for linking a phone from another screen
      const admin = await openAdminPage(opts, { ...bot.admin, whatsapp: () => bridge?.status() ?? null }, (line) => consoleLogger.info(line));
      consoleLogger.info('starting WhatsApp Web; Ctrl-C to stop', { chromium: opts.chromium, session: opts.sessionDir });
      let stopping = false;
      const resumed = resumeWhenReady(bridge, async () => (stopping ? undefined : bot.resume()), consoleLogger);
      await new Promise<void>((resolve) => process.once('SIGINT', () => resolve()));
      stopping = true;
      await bridge.stop();
      await resumed;
      await admin?.close();
      await bot.close();
    });
}
