/**
 * Stand-ins for the host side in tests and the bench: an inbound pipeline
 * that stores each (integration, externalId) once and answers through the
 * channel's sender with typing on/off, and a virtual clock whose sleep only
 * moves time forward.
 */
import type { ChannelSender, InboundChannelMessage, InboundSink } from '../../types';

export type Bot = (message: InboundChannelMessage) => string | null;

export interface FakePipeline {
  sink: InboundSink;
  /** Stored messages, in arrival order. */
  stored: InboundChannelMessage[];
  duplicatesDropped: number;
  /** Replies the bot produced, one per stored message it answered. */
  replies: Array<{ chatId: string; text: string }>;
  attach(sender: ChannelSender): void;
  /** Resolves once every stored message has been answered. */
  idle(): Promise<void>;
}

export function createFakePipeline(bot: Bot): FakePipeline {
  const seen = new Set<string>();
  const turns = new Set<Promise<void>>();
  let sender: ChannelSender | null = null;

  async function turn(message: InboundChannelMessage): Promise<void> {
    const text = bot(message);
    if (!text || !sender) return;
    await sender.typing?.(message.chatId, true);
    pipeline.replies.push({ chatId: message.chatId, text });
    await sender.send(message.chatId, text);
    await sender.typing?.(message.chatId, false);
  }

  const pipeline: FakePipeline = {
    stored: [],
    duplicatesDropped: 0,
    replies: [],
    async sink(message) {
      const key = `${message.integration}:${message.externalId}`;
      if (seen.has(key)) {
        pipeline.duplicatesDropped += 1;
        return { duplicate: true };
      }
      seen.add(key);
      pipeline.stored.push(message);
      // Like the real pipeline: the sink resolves once stored, the turn runs after.
      const t = turn(message);
      turns.add(t);
      const done = () => turns.delete(t);
      t.then(done, done);
      return { duplicate: false };
    },
    attach(s) {
      sender = s;
    },
    async idle() {
      while (turns.size) await Promise.allSettled([...turns]);
    },
  };
  return pipeline;
}

export interface VirtualClock {
  now(): Date;
  sleep(ms: number): Promise<void>;
  sleeps: number[];
}

export function virtualClock(start = new Date('2026-03-01T06:00:00Z')): VirtualClock {
  let t = start.getTime();
  const sleeps: number[] = [];
  return {
    now: () => new Date(t),
    async sleep(ms) {
      sleeps.push(ms);
      t += ms;
    },
    sleeps,
  };
}
