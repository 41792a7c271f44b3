/**
 * The inbound pipeline in front of the bot, for every channel. A message is
 * stored (unique per integration + externalId) before the sink resolves, so a
 * duplicate delivery is dropped and a crash loses nothing: `resume()` handles
 * what was stored but not handled. Per chat, turns run one at a time in
 * arrival order; a burst within `burstWindowMs` is one turn (texts joined by
 * newlines). Chats run in parallel, at most `concurrency` at once.
 *
 * Guarantee: each stored message is handled once, except when the process
 * dies between the bot's turn and marking it handled; then it is handled
 * again on restart (the bot's side effects are idempotent by design).
 */
import { cleanInbound } from '../channels/clean';
import { crashPoint } from '../runtime/crash';
import type { ChannelSender, InboundChannelMessage, InboundSink } from '../channels/types';
import { createChatQueues } from './pipeline/chat-queues';
import type { PipelineStore, StoredInbound } from './pipeline/store';

export const DEFAULT_BURST_WINDOW_MS = 1500;

export interface PipelineOptions {
  store: PipelineStore;
  /** Runs one (merged) customer turn, usually `host.handleIncoming`. */
  handle(message: InboundChannelMessage): Promise<unknown>;
  /** Only for "typing…" while a turn runs; delivery goes through the outbox. */
  senders?: Record<string, ChannelSender>;
  /** Default 1500 ms; 0: every message is its own turn. */
  burstWindowMs?: number;
  /** Chats handled at once. Default 32. */
  concurrency?: number;
  now?: () => Date;
  onError?: (error: Error, messages: InboundChannelMessage[]) => void;
}

export interface Pipeline {
  sink: InboundSink;
  /** Handles what an earlier process stored but did not handle; returns how many messages. */
  resume(): Promise<number>;
  /** Resolves when no message is waiting or being handled. */
  idle(): Promise<void>;
}

export function createPipeline(opts: PipelineOptions): Pipeline {
  const now = opts.now ?? (() => new Date());
  const windowMs = opts.burstWindowMs ?? DEFAULT_BURST_WINDOW_MS;

  const typing = async (m: InboundChannelMessage, on: boolean) => {
    await opts.senders?.[m.integration]?.typing?.(m.chatId, on).catch(() => undefined);
  };

  const run = async (batch: StoredInbound[]) => {
    const messages = batch.map((s) => s.message);
    const ids = batch.map((s) => s.id);
    const turn = mergeBurst(messages);
    await typing(turn, true);
    try {
      await opts.handle(turn);
      await crashPoint('before-handled-mark');
      await opts.store.markHandled(ids, now());
    } catch (thrown) {
      const error = thrown instanceof Error ? thrown : new Error(String(thrown));
      await opts.store.markFailed(ids, error.message, now());
      opts.onError?.(error, messages);
    } finally {
      await typing(turn, false);
    }
  };

  const queues = createChatQueues<StoredInbound>({
    windowMs,
    concurrency: opts.concurrency ?? 32,
    canJoin: (first, next) => inOneBurst(first.message, next.message, windowMs),
    run,
  });
  const enqueue = (s: StoredInbound) => queues.push(`${s.message.integration}\u0000${s.message.chatId}`, s);

  return {
    async sink(raw) {
      // the boundary: what Postgres or JSON cannot store (NUL, lone surrogates) never gets further
      const { stored, duplicate } = await opts.store.saveInbound(cleanInbound(raw), now());
      if (duplicate) return { duplicate };
      await crashPoint('after-inbound-stored');
      enqueue(stored);
      return { duplicate };
    },
    async resume() {
      const unhandled = await opts.store.listUnhandled();
      unhandled.forEach(enqueue);
      return unhandled.length;
    },
    idle: () => queues.idle(),
  };
}

/** Texts sent within the window of the burst's first message belong to it. */
function inOneBurst(first: InboundChannelMessage, next: InboundChannelMessage, windowMs: number): boolean {
  return first.kind === 'text' && next.kind === 'text' && Math.abs(next.sentAt.getTime() - first.sentAt.getTime()) < windowMs;
}

/** One turn from a burst: texts joined by newlines; the last message's id and time. */
function mergeBurst(messages: InboundChannelMessage[]): InboundChannelMessage {
  const last = messages[messages.length - 1]!;
  if (messages.length === 1) return last;
  return { ...last, text: messages.map((m) => m.text).join('\n') };
}
