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
import { languageForPhone, mediaReply } from '../../plugin/src/channels/whatsapp/normalize';

/** What the command needs from the host: a sink in front of the bot that replies through `sender`. */
type OpenSink = (channel: { sender: ChannelSender }) => Promise<{ sink: InboundSink; close(): Promise<void> }>;

// TODO(lead): replace with the host's factory from plugin/src/host/index.ts (local host + inbound
// pipeline, or a Botpress Cloud webhook when configured) once it exists. Until then messages are
// only logged, which is enough to link a phone and watch messages arrive.
const openSink: OpenSink = async () => ({
  sink: async (message) => {
    consoleLogger.warn('host not wired yet: message logged, not answered', { from: message.chatId, kind: message.kind, text: message.text });
    return { duplicate: false };
  },
  close: async () => {},
});

export function register(program: Command): void {
  program
    .command('whatsapp')
    .description('connect a WhatsApp number (scan the QR code) and answer its chats with the bot')
    .option('--chromium <path>', 'Chromium or Chrome binary (Debian: apt-get install chromium)', process.env.BOOKWELL_CHROMIUM ?? '/usr/bin/chromium')
    .option('--session-dir <dir>', 'where the linked session is kept', DEFAULT_SESSION_DIR)
    .option('--no-media-reply', 'do not answer voice notes, images, stickers and locations from the bridge (the bot does)')
    .action(async (opts: { chromium: string; sessionDir: string; mediaReply: boolean }) => {
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
        mediaReply: opts.mediaReply ? (m) => mediaReply(languageForPhone(m.userPhone)) : undefined,
      });
      consoleLogger.info('starting WhatsApp Web; Ctrl-C to stop', { chromium: opts.chromium, session: opts.sessionDir });
      await new Promise<void>((resolve) => process.once('SIGINT', () => resolve()));
      await bridge.stop();
      await host.close();
    });
}
