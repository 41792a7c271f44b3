/**
 * Replies out through WhatsApp: Markdown turned into WhatsApp markup, long
 * texts split, parts to one chat sent in order with a minimum gap (bursts look
 * like spam to WhatsApp and get numbers banned), transient failures retried.
 */
import { backoffDelay, retry } from '../../runtime/retry';
import type { ChannelSender } from '../types';
import type { WaClient } from './client-port';
import { splitMessage, toWhatsAppFormat } from './format';
import { errorMessage, type Logger } from './logger';

export interface SenderOptions {
  /** Characters per message; WhatsApp allows ~4096, shorter parts read better on a phone. */
  maxLength: number;
  /** Minimum time between two messages to the same chat. */
  minGapMs: number;
  /** Retries of one failed part, the delay doubling from `retryBackoffMs`. */
  retries: number;
  retryBackoffMs: number;
}

export const DEFAULT_SENDER_OPTIONS: SenderOptions = { maxLength: 1500, minGapMs: 1000, retries: 3, retryBackoffMs: 500 };

export interface SenderDeps {
  /** The client in use, or null while the bridge (re)connects. */
  client(): WaClient | null;
  /** The customer's E.164 number → the WhatsApp chat id to send to. */
  chatIdFor(chatId: string): string;
  logger: Logger;
  sleep(ms: number): Promise<void>;
  now(): Date;
  options?: Partial<SenderOptions>;
}

export function createWhatsAppSender(deps: SenderDeps): ChannelSender {
  const opts = { ...DEFAULT_SENDER_OPTIONS, ...deps.options };
  const lastSentAt = new Map<string, number>();
  const lanes = new Map<string, Promise<unknown>>();

  /** Runs `job` after every earlier job for the same chat, so parts and replies never interleave. */
  function inLane<T>(chatId: string, job: () => Promise<T>): Promise<T> {
    const run = (lanes.get(chatId) ?? Promise.resolve()).then(job, job);
    lanes.set(chatId, run);
    const done = () => {
      if (lanes.get(chatId) === run) lanes.delete(chatId);
    };
    run.then(done, done);
    return run;
  }

  const policy = { retries: opts.retries, initialMs: opts.retryBackoffMs, maxMs: Number.POSITIVE_INFINITY };
  const clock = { now: () => deps.now().getTime(), sleep: (ms: number) => deps.sleep(ms) };

  async function sendPart(chatId: string, wid: string, part: string, index: number, total: number): Promise<void> {
    await retry(
      async () => {
        const wait = (lastSentAt.get(chatId) ?? -Infinity) + opts.minGapMs - deps.now().getTime();
        if (wait > 0) await deps.sleep(wait);
        const client = deps.client();
        if (!client) throw new Error('WhatsApp is not connected');
        try {
          await client.sendMessage(wid, part);
        } finally {
          lastSentAt.set(chatId, deps.now().getTime());
        }
      },
      {
        ...policy,
        clock,
        onAttempt: (n, error) => {
          if (error === undefined || n > opts.retries) return;
          deps.logger.warn('send failed, retrying', { chatId, part: `${index + 1}/${total}`, error: errorMessage(error), delayMs: backoffDelay(policy, n - 1) });
        },
      },
    );
  }

  return {
    send(chatId, text) {
      const parts = splitMessage(toWhatsAppFormat(text), opts.maxLength);
      const wid = deps.chatIdFor(chatId);
      return inLane(chatId, async () => {
        for (const [i, part] of parts.entries()) {
          try {
            await sendPart(chatId, wid, part, i, parts.length);
          } catch (err) {
            deps.logger.error('send failed', { chatId, part: `${i + 1}/${parts.length}`, error: errorMessage(err) });
            throw err;
          }
        }
      });
    },

    // Typing is a courtesy: failures are logged, never thrown.
    async typing(chatId, on) {
      try {
        const chat = await deps.client()?.getChatById(deps.chatIdFor(chatId));
        if (!chat) return;
        await (on ? chat.sendStateTyping() : chat.clearState());
      } catch (err) {
        deps.logger.warn('typing indicator failed', { chatId, error: errorMessage(err) });
      }
    },
  };
}
