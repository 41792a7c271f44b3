/**
 * The local host's Botpress records live in the product database: a restart,
 * or a second process on the same database, finds the same conversations,
 * users and states; ids are random, so nothing a new process makes collides
 * with what an earlier one made; one Conversation row per chat, shared by the
 * host, the plugin and the outbox. On PGlite the "second process" is a second
 * host on the same client (PGlite is one session); on a Postgres server
 * (TEST_DATABASE_URL, npm run test:db) it has its own connection pool.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { onPostgresServer, openTestDatabase } from '../../../test/support/database';
import type { ChannelSender, InboundChannelMessage } from '../channels/types';
import { ensureBusiness } from '../catalog/business';
import { loadFixture } from '../catalog/fixture';
import { fullSync } from '../catalog/sync';
import { createNailItClient } from '../provider/nailit-client';
import { startSimulator, type Simulator } from '../provider/simulator';
import { connectDatabase } from '../store/connect';
import type { Database } from '../store/database';
import { createDatabaseHostStore } from './api/database-store';
import { startHost, type Host } from './host';
import { engineState } from './inspect';
import { startLocal } from './local';
import { counterBot, hostStoreFor, inbound } from './testing';

const NOW = new Date('2026-03-01T06:00:00Z');
const fixture = loadFixture('kuwait-spa');

let db: Database;
/** The second process's connection (its own pool on a Postgres server). */
let other: Database;
let sim: Simulator;

beforeAll(async () => {
  db = await openTestDatabase();
  other = onPostgresServer ? await connectDatabase(db.url, { poolSize: 4 }) : db;
  sim = await startSimulator({ fixture, seed: 1, now: () => NOW });
});

afterAll(async () => {
  await sim?.close();
  if (other && other !== db) await other.close();
  await db?.close();
});

/** A host as one process starts it: nothing in memory from before, only the database. */
async function processOn(database: Database, businessId: string): Promise<Host> {
  return startHost({ bot: counterBot(), botId: 'bot-1', store: createDatabaseHostStore({ prisma: database.prisma, businessId, botId: 'bot-1' }) });
}

describe('the host across restarts and processes', () => {
  test('two restarts: each chat keeps its conversation, user and state; a new chat gets new ids', async () => {
    const businessId = `restart-${Date.now()}`;
    await hostStoreFor(db.prisma, businessId);
    const ids = { conversations: new Set<string>(), messages: new Set<string>() };
    const seen = (t: { conversationId: string; messageId: string; replies: Array<{ messageId: string }> }) => {
      ids.conversations.add(t.conversationId);
      for (const id of [t.messageId, ...t.replies.map((r) => r.messageId)]) {
        expect(ids.messages.has(id), `message id ${id} used twice`).toBe(false);
        ids.messages.add(id);
      }
    };

    let host = await processOn(db, businessId);
    const a1 = await host.handleIncoming(inbound({ text: 'one', chatId: 'A' }));
    seen(a1);
    await host.close();

    host = await processOn(db, businessId);
    const a2 = await host.handleIncoming(inbound({ text: 'two', chatId: 'A' }));
    const b1 = await host.handleIncoming(inbound({ text: 'uno', chatId: 'B' }));
    seen(a2);
    seen(b1);
    await host.close();

    host = await processOn(db, businessId);
    const b2 = await host.handleIncoming(inbound({ text: 'dos', chatId: 'B' }));
    const a3 = await host.handleIncoming(inbound({ text: 'three', chatId: 'A' }));
    seen(b2);
    seen(a3);
    await host.close();

    // the counter lives in the conversation state: it went on across both restarts
    expect([a1, a2, a3].map((t) => t.replies[0]!.text)).toEqual(['1: one', '2: two', '3: three']);
    expect([b1, b2].map((t) => t.replies[0]!.text)).toEqual(['1: uno', '2: dos']);
    expect(new Set([a1, a2, a3].map((t) => t.conversationId)).size).toBe(1);
    expect(new Set([b1, b2].map((t) => t.conversationId)).size).toBe(1);
    expect(a1.conversationId).not.toBe(b1.conversationId);
    const rows = await db.prisma.conversation.findMany({ where: { businessId }, select: { id: true, channel: true, externalId: true } });
    expect(rows.map((r) => [r.channel, r.externalId]).sort()).toEqual([['test', 'A'], ['test', 'B']]);
    expect(await db.prisma.hostUser.count({ where: { businessId } })).toBe(1);
  });

  test('two processes on one database: the same chat is one conversation, other chats never share an id', async () => {
    const businessId = `two-processes-${Date.now()}`;
    await hostStoreFor(db.prisma, businessId);
    const [p1, p2] = await Promise.all([processOn(db, businessId), processOn(other, businessId)]);
    try {
      // both see the chat's first messages at the same moment (e.g. a chat both processes serve)
      const first = await Promise.all([p1.handleIncoming(inbound({ text: 'x', chatId: 'SAME' })), p2.handleIncoming(inbound({ text: 'y', chatId: 'SAME' }))]);
      expect(first[0].conversationId).toBe(first[1].conversationId);
      // each its own customers
      const turns = await Promise.all(
        Array.from({ length: 10 }, (_, i) => (i % 2 ? p1 : p2).handleIncoming(inbound({ text: `hi ${i}`, chatId: `C${i}` }))),
      );
      const convs = turns.map((t) => t.conversationId);
      expect(new Set(convs).size).toBe(10);
      expect(convs).not.toContain(first[0].conversationId);
      expect(turns.map((t) => t.replies[0]!.text)).toEqual(Array.from({ length: 10 }, (_, i) => `1: hi ${i}`));
      // the second process continues a chat the first one began
      const again = await p2.handleIncoming(inbound({ text: 'later', chatId: 'C1' }));
      expect(again.conversationId).toBe(turns[1]!.conversationId);
      expect(again.replies[0]!.text).toBe('2: later');
    } finally {
      await Promise.all([p1.close(), p2.close()]);
    }
    const rows = await db.prisma.conversation.groupBy({ by: ['channel', 'externalId'], where: { businessId }, _count: true });
    expect(rows).toHaveLength(11);
    expect(rows.every((r) => r._count === 1)).toBe(true);
  });

  test('the Bookwell plugin: a customer halfway through a booking continues it after a restart, on one Conversation row', async () => {
    const business = { ...fixture.business, id: `restart-plugin-${Date.now()}` };
    await ensureBusiness(db.prisma, business);
    await fullSync({ prisma: db.prisma, provider: createNailItClient({ baseUrl: sim.url }), businessId: business.id, now: () => NOW, slotDays: 3 });
    const sent: Array<{ chatId: string; text: string }> = [];
    const sender: ChannelSender = { send: async (chatId, text) => void sent.push({ chatId, text }) };
    const start = (database: Database) =>
      startLocal({ db: database, configuration: { business, provider: { baseUrl: sim.url }, booking: { requireEmail: false } }, senders: { test: sender }, now: () => NOW, burstWindowMs: 0 });
    let n = 0;
    const say = async (local: Awaited<ReturnType<typeof start>>, chatId: string, text: string) => {
      const m: InboundChannelMessage = { integration: 'test', externalId: `restart-m${++n}`, chatId, userPhone: chatId, userName: null, botPhoneNumberId: null, kind: 'text', text, sentAt: NOW };
      sent.length = 0;
      await local.pipeline.sink(m);
      await local.pipeline.idle();
      return sent.map((s) => s.text);
    };
    const NOURA = '+96599000111';

    let local = await start(db);
    expect((await say(local, NOURA, 'Gel manicure at Avenues please')).join('\n')).toMatch(/Who would you like/);
    await local.close();

    // a restart, then a second process: the chat goes on where it was (no welcome, no branch question)
    local = await start(db);
    const afterRestart = (await say(local, NOURA, 'anyone')).join('\n');
    expect(afterRestart).not.toMatch(/which branch|Welcome/i);
    await local.close();

    local = await start(other);
    // a new customer on the new process is a new conversation, not the earlier one's
    const stranger = (await say(local, '+96599000222', 'hi')).join('\n');
    expect(stranger).toMatch(/branch|Welcome|Hi/i);
    const [nouraConversation] = await local.host.store.listConversations({ integration: 'test', tags: { 'test:chatId': NOURA } });
    const state = await engineState(local.host.store, nouraConversation!.id);
    expect(state?.slots).toMatchObject({ location: 'LOC-AV' });
    await local.close();

    const rows = await db.prisma.conversation.findMany({ where: { businessId: business.id }, select: { id: true, channel: true, externalId: true, customer: { select: { phone: true } } } });
    expect(rows.map((r) => [r.channel, r.externalId, r.customer?.phone]).sort()).toEqual([
      ['test', '+96599000111', '+96599000111'],
      ['test', '+96599000222', '+96599000222'],
    ]);
    expect(rows.find((r) => r.externalId === NOURA)!.id).toBe(nouraConversation!.id);
    // the replies hang on the same row
    expect(await db.prisma.outboundMessage.count({ where: { businessId: business.id, conversationId: { notIn: rows.map((r) => r.id) } } })).toBe(0);
  });
});
