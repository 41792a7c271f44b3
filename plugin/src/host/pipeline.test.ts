import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../test/support/database';
import type { Database } from '../store/database';
import type { ChannelSender, InboundChannelMessage } from '../channels/types';
import { startHost, type Host } from './host';
import { createPipeline, type PipelineOptions } from './pipeline';
import { createPrismaPipelineStore } from './pipeline/prisma-store';
import { createOutbox } from './pipeline/outbox';
import { counterBot, echoBot, hostStoreFor, inbound, textBot } from './testing';
import type { BotLike } from './bot-call';

let db: Database;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(async () => {
  await db?.close();
});

const hosts: Host[] = [];
afterEach(async () => {
  await Promise.all(hosts.splice(0).map((h) => h.close()));
});

/** A channel that records what it sent; `failures` makes the next n sends throw. */
function recordingSender(failures = 0) {
  const sent: { chatId: string; text: string }[] = [];
  let attempts = 0;
  const sender: ChannelSender = {
    async send(chatId, text) {
      attempts += 1;
      if (failures-- > 0) throw new Error(`channel down (attempt ${attempts})`);
      sent.push({ chatId, text });
    },
  };
  return { sender, sent, attempts: () => attempts };
}

let tenants = 0;
/** The pipeline's and the host's stores on the test database, for a business of its own. */
async function stores() {
  const businessId = `pipeline-${++tenants}`;
  const hostStore = await hostStoreFor(db.prisma, businessId);
  const store = createPrismaPipelineStore({ prisma: db.prisma, businessId });
  /** Stored messages' statuses, in the order they were sent (`inbound()` gives externalIds). */
  const inbound = async (ids: string[]) => {
    const rows = await db.prisma.inboundMessage.findMany({ where: { businessId }, select: { externalId: true, status: true } });
    return ids.map((id) => rows.find((r) => r.externalId === id)?.status);
  };
  const outbound = () => db.prisma.outboundMessage.findMany({ where: { businessId }, orderBy: { createdAt: 'asc' } });
  return { businessId, hostStore, store, inbound, outbound };
}

async function stack(bot: BotLike, opts: { failures?: number; burstWindowMs?: number; pipeline?: Partial<PipelineOptions> } = {}) {
  const s = await stores();
  const channel = recordingSender(opts.failures);
  const outbox = createOutbox({ store: s.store, senders: { test: channel.sender }, retry: { retries: 2, initialMs: 1, maxMs: 2 } });
  const host = await startHost({ bot, botId: 'bot-1', store: s.hostStore, deliver: (r) => outbox.deliver({ ...r, key: r.messageId }) });
  hosts.push(host);
  const pipeline = createPipeline({ store: s.store, handle: host.handleIncoming, burstWindowMs: opts.burstWindowMs ?? 0, ...opts.pipeline });
  return { ...s, channel, host, pipeline };
}

/** A bot whose turns can be held open: `release(text)` lets the turn for that text finish. */
function gatedBot() {
  const log: string[] = [];
  const gates = new Map<string, () => void>();
  const waiting = new Map<string, Promise<void>>();
  const gate = (text: string) => {
    if (!waiting.has(text)) waiting.set(text, new Promise<void>((r) => gates.set(text, r)));
    return waiting.get(text)!;
  };
  const bot = textBot(async (text, reply) => {
    log.push(`start ${text}`);
    if (text.startsWith('slow')) await gate(text);
    log.push(`end ${text}`);
    await reply(`done ${text}`);
  });
  const started = async (text: string) => {
    while (!log.includes(`start ${text}`)) await new Promise((r) => setImmediate(r));
  };
  return { bot, log, started, release: (text: string) => (gate(text), gates.get(text)!()) };
}

describe('inbound pipeline', () => {
  it('takes a channel message through the bot and sends the reply back through the channel', async () => {
    const s = await stack(echoBot());
    const m = inbound({ text: 'hi', chatId: '+9651' });
    expect(await s.pipeline.sink(m)).toEqual({ duplicate: false });
    await s.pipeline.idle();
    expect(s.channel.sent).toEqual([{ chatId: '+9651', text: 'echo: hi' }]);
    expect(await s.inbound([m.externalId])).toEqual(['handled']);
    expect(await s.outbound()).toMatchObject([{ status: 'sent', attempts: 1, text: 'echo: hi' }]);
  });

  it('handles a message delivered twice once, sequentially and concurrently', async () => {
    const { pipeline, channel } = await stack(counterBot());
    const m1 = inbound({ text: 'a' });
    expect(await pipeline.sink(m1)).toEqual({ duplicate: false });
    await pipeline.idle();
    expect(await pipeline.sink({ ...m1 })).toEqual({ duplicate: true });
    const m2 = inbound({ text: 'b' });
    const results = await Promise.all([pipeline.sink(m2), pipeline.sink({ ...m2 }), pipeline.sink({ ...m2 })]);
    expect(results.filter((r) => r.duplicate)).toHaveLength(2);
    await pipeline.idle();
    expect(channel.sent.map((s) => s.text)).toEqual(['1: a', '2: b']);
  });

  it('handles two messages of one chat in order even when the first is slow', async () => {
    const g = gatedBot();
    const { pipeline, channel } = await stack(g.bot);
    await pipeline.sink(inbound({ text: 'slow first' }));
    await g.started('slow first');
    await pipeline.sink(inbound({ text: 'second' }));
    await new Promise((r) => setTimeout(r, 20));
    expect(g.log).toEqual(['start slow first']);
    g.release('slow first');
    await pipeline.idle();
    expect(g.log).toEqual(['start slow first', 'end slow first', 'start second', 'end second']);
    expect(channel.sent.map((s) => s.text)).toEqual(['done slow first', 'done second']);
  });

  it('handles different chats in parallel', async () => {
    const g = gatedBot();
    const { pipeline, channel } = await stack(g.bot);
    await pipeline.sink(inbound({ text: 'slow A', chatId: 'A' }));
    await g.started('slow A');
    await pipeline.sink(inbound({ text: 'quick B', chatId: 'B' }));
    while (channel.sent.length === 0) await new Promise((r) => setTimeout(r, 1));
    expect(channel.sent).toEqual([{ chatId: 'B', text: 'done quick B' }]);
    g.release('slow A');
    await pipeline.idle();
    expect(channel.sent.map((s) => s.chatId)).toEqual(['B', 'A']);
  });

  it('merges a burst from one chat into one turn, and only that burst', async () => {
    // a window wide enough for three database inserts on a loaded machine; 'much later' is written 5 s after
    const { pipeline, channel } = await stack(counterBot(), { burstWindowMs: 2000 });
    const at = (s: number) => new Date(Date.UTC(2026, 2, 1, 9, 0, 0, s));
    await pipeline.sink(inbound({ text: 'hi', sentAt: at(0) }));
    await pipeline.sink(inbound({ text: 'gel manicure', sentAt: at(10) }));
    await pipeline.sink(inbound({ text: 'tomorrow 5pm', sentAt: at(20) }));
    await pipeline.sink(inbound({ text: 'other chat', chatId: 'other', sentAt: at(5) }));
    await pipeline.sink(inbound({ text: 'much later', sentAt: at(5000) }));
    await pipeline.idle();
    expect(channel.sent.map((s) => s.text).sort()).toEqual(['1: hi\ngel manicure\ntomorrow 5pm', '1: other chat', '2: much later']);
  });

  it('retries a failing send with backoff, then records it sent', async () => {
    const { pipeline, channel, outbound } = await stack(echoBot(), { failures: 2 });
    await pipeline.sink(inbound({ text: 'hi' }));
    await pipeline.idle();
    expect(channel.attempts()).toBe(3);
    expect(await outbound()).toMatchObject([{ status: 'sent', attempts: 3 }]);
  });

  it('records a send that keeps failing as failed, and the turn as handled', async () => {
    const s = await stack(echoBot(), { failures: 99 });
    const m = inbound({ text: 'hi' });
    await s.pipeline.sink(m);
    await s.pipeline.idle();
    expect(await s.outbound()).toMatchObject([{ status: 'failed', attempts: 3, lastError: 'channel down (attempt 3)' }]);
    expect(await s.inbound([m.externalId])).toEqual(['handled']);
  });

  it('records a failing turn and carries on with the chat', async () => {
    const errors: string[] = [];
    const bot = textBot(async (text, reply) => {
      if (text === 'boom') throw new Error('engine broke');
      await reply(`ok ${text}`);
    });
    const { pipeline, channel, inbound: statuses } = await stack(bot, { pipeline: { onError: (e) => errors.push(e.message) } });
    const boom = inbound({ text: 'boom' });
    const next = inbound({ text: 'next' });
    await pipeline.sink(boom);
    await pipeline.sink(next);
    await pipeline.idle();
    expect(await statuses([boom.externalId, next.externalId])).toEqual(['failed', 'handled']);
    expect(errors).toEqual([expect.stringMatching(/bot event_received message_created failed \(400\)/)]);
    expect(channel.sent.map((s) => s.text)).toEqual(['ok next']);
  });

  it('after a restart, handles what was stored but not handled, in order', async () => {
    const first = await stack(counterBot());
    // the previous process stored these, then died before handling them
    const lost: InboundChannelMessage[] = [inbound({ text: 'one' }), inbound({ text: 'two' }), inbound({ text: 'three', chatId: 'B' })];
    for (const m of lost) await first.store.saveInbound(m, new Date());

    const handled: string[] = [];
    const restarted = createPipeline({ store: first.store, handle: async (m) => void handled.push(m.text), burstWindowMs: 0 });
    expect(await restarted.resume()).toBe(3);
    await restarted.idle();
    expect(handled.filter((t) => t !== 'three')).toEqual(['one', 'two']);
    expect(handled).toContain('three');
    expect(await first.inbound(lost.map((m) => m.externalId))).toEqual(['handled', 'handled', 'handled']);
    expect(await restarted.sink(lost[0]!)).toEqual({ duplicate: true });
  });

  it('resends replies a previous process stored but did not send', async () => {
    const { store } = await stores();
    await store.saveOutbound({ integration: 'test', chatId: 'A', text: 'your booking is confirmed' }, new Date());
    const channel = recordingSender();
    const outbox = createOutbox({ store, senders: { test: channel.sender } });
    expect(await outbox.resume()).toBe(1);
    expect(channel.sent).toEqual([{ chatId: 'A', text: 'your booking is confirmed' }]);
  });

  it('a reply sent but not recorded counts as delivered (sending it again would repeat it), and the failure is reported', async () => {
    const { store } = await stores();
    const failing = { ...store, updateOutbound: () => Promise.reject(new Error('database gone')) };
    const channel = recordingSender();
    const failures: string[] = [];
    const outbox = createOutbox({ store: failing, senders: { test: channel.sender }, onFailure: (e) => failures.push(e.message) });
    expect(await outbox.deliver({ integration: 'test', chatId: 'A', text: 'Booked!' })).toEqual({ sent: true });
    expect(channel.sent).toEqual([{ chatId: 'A', text: 'Booked!' }]);
    expect(failures).toEqual(['reply sent, but recording it failed: database gone']);
  });
});
