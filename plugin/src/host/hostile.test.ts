/**
 * Hostile text at the inbound boundary (NUL bytes, lone surrogates, controls,
 * bidi, emoji, SQL, ...): every message is stored and answered. 20,000 from a
 * seeded generator are cleaned at the boundary and stored in InboundMessage,
 * 2,000 of them answered by the conversation engine; 120 go the whole way
 * through the inbound pipeline, the local host and the plugin.
 * `npm run bench:hostile` sends all 20,000 the whole way (minutes, not CI).
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openTestDatabase } from '../../../test/support/database';
import { cleanInbound } from '../channels/clean';
import { hostileMessages, isStorable } from '../channels/testing/hostile';
import type { ChannelSender, InboundChannelMessage } from '../channels/types';
import { ensureBusiness } from '../catalog/business';
import { loadFixture } from '../catalog/fixture';
import { fullSync } from '../catalog/sync';
import { handleTurn } from '../conversation/engine';
import type { ConversationState } from '../conversation/state';
import { memoryCatalog, noBookings, NOW } from '../conversation/testing';
import { createNailItClient } from '../provider/nailit-client';
import { startSimulator, type Simulator } from '../provider/simulator';
import type { Database } from '../store/database';
import { createRuleExtractor } from '../understanding/index';
import { startLocal } from './local';
import { inboundRow } from './pipeline/prisma-store';

const fixture = loadFixture('kuwait-spa');
let db: Database;
let sim: Simulator;

beforeAll(async () => {
  db = await openTestDatabase();
  sim = await startSimulator({ fixture, seed: 1, now: () => NOW });
});
afterAll(async () => {
  await sim?.close();
  await db?.close();
});

function byChat(messages: InboundChannelMessage[]): InboundChannelMessage[][] {
  const chats = new Map<string, InboundChannelMessage[]>();
  for (const m of messages) chats.set(m.chatId, [...(chats.get(m.chatId) ?? []), m]);
  return [...chats.values()];
}

describe('hostile messages', () => {
  test('20,000 cleaned at the inbound boundary: each stored (InboundMessage text and payload); every tenth answered by the engine', async () => {
    const businessId = 'hostile-bulk';
    await ensureBusiness(db.prisma, { ...fixture.business, id: businessId });
    const raw = hostileMessages(20_000, { seed: 20261203 });
    // what used to make the insert throw: a NUL or a lone surrogate in the text, the name or the id
    expect(raw.filter((m) => ![m.text, m.userName ?? '', m.externalId].every(isStorable)).length).toBeGreaterThan(10_000);
    const messages = raw.map(cleanInbound);

    // stored: the rows the pipeline writes (inboundRow), in one statement per 5,000 (one insert each takes minutes on PGlite)
    for (let i = 0; i < messages.length; i += 5_000) {
      const rows = messages.slice(i, i + 5_000).map((m) => inboundRow(businessId, m, NOW));
      const col = <K extends keyof (typeof rows)[number]>(k: K) => rows.map((r) => r[k]);
      await db.prisma.$executeRaw`
        INSERT INTO "InboundMessage" (id, "businessId", channel, "externalId", text, payload, "receivedAt")
        SELECT id, ${businessId}, channel, "externalId", text, payload::jsonb, ${NOW}
        FROM unnest(${col('id')}::text[], ${col('channel')}::text[], ${col('externalId')}::text[], ${col('text')}::text[], ${rows.map((r) => JSON.stringify(r.payload))}::text[])
          AS t(id, channel, "externalId", text, payload)`;
    }
    const rows = await db.prisma.inboundMessage.findMany({ where: { businessId }, select: { externalId: true, text: true, payload: true } });
    expect(rows).toHaveLength(20_000);
    const stored = new Map(rows.map((r) => [r.externalId, r]));
    for (const m of messages) {
      const row = stored.get(m.externalId)!;
      expect(row.text).toBe(m.text);
      expect((row.payload as { userName: string | null }).userName).toBe(m.userName);
    }

    // answered: one chat in ten, every turn (the engine costs about a millisecond a turn; bench:hostile answers all 20,000
    // the whole way): each gets one reply with something in it, and the state stays storable
    const catalog = memoryCatalog('kuwait-spa');
    const deps = { catalog, bookings: noBookings, extract: createRuleExtractor(catalog.snapshotValue), now: () => NOW };
    let answered = 0;
    for (const chat of byChat(messages).filter((_, i) => i % 10 === 0)) {
      let state: ConversationState | null = null;
      for (const m of chat) {
        const r = await handleTurn(state, { text: m.text, channelPhone: m.userPhone, profileName: m.userName }, deps);
        expect(r.replies).toHaveLength(1);
        expect(r.replies[0].trim()).not.toBe('');
        state = r.state;
        answered++;
      }
      expect(isStorable(JSON.stringify(state))).toBe(true);
    }
    expect(answered).toBe(2_000);
  }, 120_000);

  test('through the inbound pipeline, the local host and the plugin: each stored and answered, none failed', async () => {
    const business = { ...fixture.business, id: 'hostile-host' };
    await ensureBusiness(db.prisma, business);
    await fullSync({ prisma: db.prisma, provider: createNailItClient({ baseUrl: sim.url }), businessId: business.id, now: () => NOW, slotDays: 2 });
    const replies = new Map<string, string[]>();
    const waiting = new Map<string, () => void>();
    const sender: ChannelSender = {
      async send(chatId, text) {
        replies.set(chatId, [...(replies.get(chatId) ?? []), text]);
        waiting.get(chatId)?.();
      },
    };
    const local = await startLocal({
      db,
      // a person would be offered after three unreadable messages and the bot would go quiet: here it keeps answering
      configuration: { business, provider: { baseUrl: sim.url }, handoff: { enabled: false } },
      senders: { hostile: sender },
      now: () => NOW,
      burstWindowMs: 0,
      });
    const messages = hostileMessages(120, { seed: 7, perChat: 10 });
    try {
      // chats in parallel; in each, the next message once the last one was answered
      await Promise.all(
        byChat(messages).map(async (chat) => {
          for (const m of chat) {
            const answered = new Promise<void>((resolve) => waiting.set(m.chatId, resolve));
            expect(await local.pipeline.sink(m)).toEqual({ duplicate: false });
            await answered;
          }
        }),
      );
      await local.pipeline.idle();
      // straight to the host, without our pipeline in front: the host cleans what it stores, as the plugin does on Botpress Cloud
      const direct = { ...messages[0], externalId: 'direct-1', chatId: '+96550000999', userPhone: '+96550000999', userName: 'No\u0000ura\uD800', text: 'hi\u0000 \uDC00gel manicure' };
      const answered = new Promise<void>((resolve) => waiting.set(direct.chatId, resolve));
      await local.host.handleIncoming(direct);
      await answered;
      const customer = await db.prisma.customer.findUniqueOrThrow({ where: { businessId_phone: { businessId: business.id, phone: direct.userPhone } } });
      expect(customer.name).toBe('Noura\uFFFD');
    } finally {
      await local.close();
    }
    const rows = await db.prisma.inboundMessage.findMany({ where: { businessId: business.id }, select: { externalId: true, text: true, status: true } });
    expect(rows).toHaveLength(messages.length);
    expect(rows.filter((r) => r.status !== 'handled')).toEqual([]);
    const byId = new Map(rows.map((r) => [r.externalId, r.text]));
    for (const m of messages) expect(byId.get(cleanInbound(m).externalId)).toBe(cleanInbound(m).text);
    for (const chat of byChat(messages)) expect(replies.get(chat[0].chatId)!.length).toBeGreaterThanOrEqual(chat.length);
    expect(await db.prisma.eventLog.count({ where: { businessId: business.id, kind: 'inbound.failed' } })).toBe(0);
  }, 180_000);
});
