/**
 * Outbound delivery: each reply is stored as pending before it is sent, sent
 * through its channel's sender with exponential backoff, then marked sent or
 * failed (attempts and last error kept). `deliver` never throws: the bot's
 * turn succeeded even if the channel did not, and the failure is on record;
 * it says whether the reply reached the channel, for callers that can send
 * it again later (the Botpress Cloud forwarder). A reply with a `key` is
 * stored once: delivered again, it is sent only if it is still pending. A
 * crash after the channel took a reply and before it was marked sent sends it
 * again at the restart (at least once, by nature of the channel).
 */
import type { ChannelSender } from '../../channels/types';
import { crashPoint } from '../../runtime/crash';
import type { Clock } from '../../runtime/clock';
import { retry, type RetryPolicy } from '../../runtime/retry';
import type { OutboundDraft, PipelineStore } from './store';

export const DEFAULT_RETRY: RetryPolicy = { retries: 4, initialMs: 250, maxMs: 4000 };

export interface OutboxOptions {
  store: PipelineStore;
  /** By integration name. */
  senders: Record<string, ChannelSender>;
  retry?: RetryPolicy;
  /** Runs the waits between attempts. */
  clock?: Clock;
  now?: () => Date;
  onFailure?: (error: Error, draft: OutboundDraft) => void;
}

export interface Delivery {
  /** False when every attempt failed: the reply is marked failed and was not sent. */
  sent: boolean;
}

export interface Outbox {
  /** A bot reply (`Deliver`), or any text for a chat, e.g. from a Botpress Cloud bot. */
  deliver(reply: OutboundDraft): Promise<Delivery>;
  /** Sends what a previous process stored but did not finish; returns how many. */
  resume(): Promise<number>;
}

export function createOutbox(opts: OutboxOptions): Outbox {
  const now = opts.now ?? (() => new Date());
  const policy = opts.retry ?? DEFAULT_RETRY;

  const send = async (id: string, draft: OutboundDraft): Promise<Delivery> => {
    let attempts = 0;
    try {
      const sender = opts.senders[draft.integration];
      if (!sender) throw new Error(`no sender for integration "${draft.integration}"`);
      await retry(
        async () => {
          attempts += 1;
          await sender.send(draft.chatId, draft.text);
        },
        { ...policy, clock: opts.clock },
      );
    } catch (thrown) {
      const error = thrown instanceof Error ? thrown : new Error(String(thrown));
      await opts.store.updateOutbound(id, { status: 'failed', attempts, lastError: error.message }).catch(() => undefined);
      opts.onFailure?.(error, draft);
      return { sent: false };
    }
    // the chat has it: a failure to record that is logged, never turned into "not delivered" (it would be sent again)
    await opts.store.updateOutbound(id, { status: 'sent', attempts, sentAt: now() }).catch((err: unknown) => opts.onFailure?.(new Error(`reply sent, but recording it failed: ${err instanceof Error ? err.message : String(err)}`), draft));
    return { sent: true };
  };

  return {
    async deliver(reply: OutboundDraft) {
      const draft: OutboundDraft = { integration: reply.integration, chatId: reply.chatId, text: reply.text, ...(reply.author ? { author: reply.author } : {}), ...(reply.key ? { key: reply.key } : {}) };
      const saved = await opts.store.saveOutbound(draft, now());
      // a keyed reply stored before (a repeated turn): sent or given up on then, not again; still pending, it goes now
      if (saved.status !== 'pending') return { sent: saved.status === 'sent' };
      await crashPoint('after-reply-stored');
      return send(saved.id, draft);
    },
    async resume() {
      const pending = await opts.store.listPendingOutbound();
      for (const { id, ...draft } of pending) await send(id, draft);
      return pending.length;
    },
  };
}
