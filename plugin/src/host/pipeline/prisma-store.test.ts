import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../../test/support/database';
import type { Database } from '../../store/database';
import type { ChannelSender } from '../../channels/types';
import { createPipeline } from '../pipeline';
import { inbound } from '../testing';
import { createOutbox } from './outbox';
import { createPrismaPipelineStore } from './prisma-store';

let db: Database;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(async () => {
  await db?.close();
});

let tenants = 0;
async function tenant() {
  const businessId = `host-pipeline-${++tenants}`;
  await db.prisma.business.create({ data: { id: businessId, name: 'Spa', country: 'KW', currency: 'KWD', timezone: 'Asia/Kuwait', languages: ['en'] } });
  return { businessId, store: createPrismaPipelineStore({ prisma: db.prisma, businessId }) };
}

describe('Prisma pipeline store', () => {
  it('stores each (integration, externalId) once, also under concurrent delivery, and handles it once', async () => {
    const { businessId, store } = await tenant();
    const handled: string[] = [];
    const pipeline = createPipeline({ store, handle: async (m) => void handled.push(m.text), burstWindowMs: 0 });
    const m = inbound({ text: 'hi', integration: 'whatsapp', externalId: 'wamid.A' });
    const results = await Promise.all([pipeline.sink(m), pipeline.sink({ ...m }), pipeline.sink({ ...m })]);
    expect(results.filter((r) => !r.duplicate)).toHaveLength(1);
    // same id on another channel is another message
    expect(await pipeline.sink({ ...m, integration: 'terminal' })).toEqual({ duplicate: false });
    await pipeline.idle();
    expect(await pipeline.sink({ ...m })).toEqual({ duplicate: true });
    expect(handled).toEqual(['hi', 'hi']);
    const rows = await db.prisma.inboundMessage.findMany({ where: { businessId }, orderBy: { channel: 'asc' } });
    expect(rows.map((r) => [r.channel, r.externalId, r.status, r.handledAt !== null])).toEqual([
      ['terminal', 'wamid.A', 'handled', true],
      ['whatsapp', 'wamid.A', 'handled', true],
    ]);
  });

  it('replays what a dead process stored but did not handle, with the message intact', async () => {
    const { store } = await tenant();
    const lost = [inbound({ text: 'one', userName: 'Ana' }), inbound({ text: 'two' })];
    for (const m of lost) await store.saveInbound(m, new Date());
    const handled: unknown[] = [];
    const restarted = createPipeline({ store, handle: async (m) => void handled.push(m), burstWindowMs: 0 });
    expect(await restarted.resume()).toBe(2);
    await restarted.idle();
    expect(handled).toEqual(lost);
    expect(await store.listUnhandled()).toEqual([]);
  });

  it('records a failed turn on the message and in the event log', async () => {
    const { businessId, store } = await tenant();
    const pipeline = createPipeline({ store, handle: async () => Promise.reject(new Error('engine broke')), burstWindowMs: 0 });
    await pipeline.sink(inbound({ text: 'x' }));
    await pipeline.idle();
    expect((await db.prisma.inboundMessage.findFirstOrThrow({ where: { businessId } })).status).toBe('failed');
    expect(await db.prisma.eventLog.findMany({ where: { businessId }, select: { kind: true, message: true } })).toEqual([{ kind: 'inbound.failed', message: 'engine broke' }]);
  });

  it('keeps outbound delivery status: sent after retries, failed with the last error, pending resent; deliver says which', async () => {
    const { businessId, store } = await tenant();
    let failures = 1;
    const sent: string[] = [];
    const flaky: ChannelSender = {
      async send(_chatId, text) {
        if (text === 'never' || failures-- > 0) throw new Error(`cannot send ${text}`);
        sent.push(text);
      },
    };
    const outbox = createOutbox({ store, senders: { whatsapp: flaky }, retry: { retries: 1, initialMs: 1, maxMs: 1 } });
    const reply = (text: string) => ({ integration: 'whatsapp', chatId: '+96599887766', conversationId: 'c', messageId: 'm', text, message: {} as never });
    // it says whether it sent, for callers that send again later (the Botpress Cloud forwarder)
    expect(await outbox.deliver(reply('hello'))).toEqual({ sent: true });
    expect(await outbox.deliver(reply('never'))).toEqual({ sent: false });
    await store.saveOutbound({ integration: 'whatsapp', chatId: '+96599887766', text: 'left over' }, new Date());
    expect(await outbox.resume()).toBe(1);

    const rows = await db.prisma.outboundMessage.findMany({ where: { businessId }, orderBy: { createdAt: 'asc' }, include: { conversation: true } });
    expect(rows.map((r) => [r.text, r.status, r.attempts, r.lastError])).toEqual([
      ['hello', 'sent', 2, null],
      ['never', 'failed', 2, 'cannot send never'],
      ['left over', 'sent', 1, null],
    ]);
    expect(new Set(rows.map((r) => `${r.conversation.channel}/${r.conversation.externalId}`))).toEqual(new Set(['whatsapp/+96599887766']));
    expect(sent).toEqual(['hello', 'left over']);
    expect(await db.prisma.eventLog.count({ where: { businessId, kind: 'delivery.failed' } })).toBe(1);
  });
});
