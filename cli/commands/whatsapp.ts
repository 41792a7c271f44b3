/**
 * `bookwell whatsapp`: links a WhatsApp number through whatsapp-web.js (QR code
 * in the terminal, session kept under .bookwell/whatsapp) and runs the bridge
 * until Ctrl-C: customer messages go to the inbound pipeline, replies come
 * back through the bridge. See docs/whatsapp.md.
 */
import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import type { ChannelSender, InboundSink } from '../../plugin/src/channels/types';
import { startWhatsAppBridge, type WhatsAppBridge } from '../../plugin/src/channels/whatsapp/bridge';
import { createWwebjsClient, DEFAULT_SESSION_DIR } from '../../plugin/src/channels/whatsapp/client-port';
import { consoleLogger } from '../../plugin/src/channels/whatsapp/logger';
import { fullSync } from '../../plugin/src/catalog/sync';
import { startLocal } from '../../plugin/src/host/local';
import { openRuntime, readEnv } from '../runtime';

/**
 * The bot behind the bridge: the same local host, pipeline and plugin as
 * `bookwell dev` (database and provider from the environment, a catalog sync
 * first), replying through `sender`.
 */
async function openSink(channel: { sender: ChannelSender }): Promise<{ sink: InboundSink; close(): Promise<void> }> {
  const rt = await openRuntime(readEnv());
  try {
    const sync = await fullSync({ prisma: rt.db.prisma, provider: rt.provider, businessId: rt.business.id, now: () => new Date() });
    consoleLogger.info('catalog synced', { status: sync.status, locations: sync.locations, services: sync.services, staff: sync.staff });
    const local = await startLocal({
      db: rt.db,
      configuration: { business: rt.business, provider: { kind: rt.simulator ? 'simulator' : 'nailit', baseUrl: rt.providerUrl, token: rt.providerToken } },
      senders: { whatsapp: channel.sender },
    });
    return {
      sink: local.pipeline.sink,
      async close() {
        await local.close();
        await rt.close();
      },
    };
  } catch (err) {
    await rt.close();
    throw err;
  }
}

export function register(program: Command): void {
  program
    .command('whatsapp')
    .description('connect a WhatsApp number (scan the QR code) and answer its chats with the bot')
    .option('--chromium <path>', 'Chromium or Chrome binary (Debian: apt-get install chromium)', process.env.BOOKWELL_CHROMIUM ?? '/usr/bin/chromium')
    .option('--session-dir <dir>', 'where the linked session is kept', DEFAULT_SESSION_DIR)
    .action(async (opts: { chromium: string; sessionDir: string }) => {
      if (!existsSync(opts.chromium)) {
        throw new Error(`no Chromium at ${opts.chromium}: install it (Debian: apt-get install chromium) or pass --chromium <path>`);
      }
      // The host replies through the bridge, which needs the host's sink first: a late-bound sender breaks the cycle.
      let bridge: WhatsAppBridge | undefined;
      const sender: ChannelSender = {
        send: (chatId, text) => (bridge ? bridge.sender.send(chatId, text) : Promise.reject(new Error('WhatsApp bridge not started'))),
        typing: async (chatId, on) => bridge?.sender.typing?.(chatId, on),
      };
      const host = await openSink({ sender });
      bridge = startWhatsAppBridge({
        createClient: () => createWwebjsClient({ chromiumPath: opts.chromium, sessionDir: opts.sessionDir }),
        sink: host.sink,
        logger: consoleLogger,
        // the pipeline's outbox retries a failed reply; retrying here too would multiply the attempts
        sender: { retries: 0 },
      });
      consoleLogger.info('starting WhatsApp Web; Ctrl-C to stop', { chromium: opts.chromium, session: opts.sessionDir });
      await new Promise<void>((resolve) => process.once('SIGINT', () => resolve()));
      await bridge.stop();
      await host.close();
    });
}
