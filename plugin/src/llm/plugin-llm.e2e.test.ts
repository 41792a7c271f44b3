/**
 * The model inside the real bot handler on the local host: the plugin
 * configuration's `llm` section drives it, each call's tokens land in LlmCall
 * for the conversation and then the booking it led to, and a failure is an
 * `llm_failed` event while the customer gets the rules' reply.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openTestDatabase } from '../../../test/support/database';
import type { ChannelSender, InboundChannelMessage } from '../channels/types';
import { ensureBusiness } from '../catalog/business';
import { loadFixture } from '../catalog/fixture';
import { fullSync } from '../catalog/sync';
import { startLocal, type Local } from '../host/local';
import { createNailItClient } from '../provider/nailit-client';
import { startSimulator, type Simulator } from '../provider/simulator';
import type { Database } from '../store/database';
import { LLM_FAILED } from './calls';
import { startFakeLlm, type FakeLlmServer } from './fake-server';

const NOW = new Date('2026-03-01T06:00:00Z');
const fixture = loadFixture('kuwait-spa');
const business = { ...fixture.business, id: 'plugin-llm-e2e' };
const nothing = { intent: null, location: null, services: [], staff: null, date: null, time: null, partOfDay: null, name: null, yesNo: null, choice: null, answer: null };

let db: Database;
let sim: Simulator;
let fake: FakeLlmServer;
let local: Local;
const sent: Array<{ chatId: string; text: string }> = [];
const sender: ChannelSender = { send: async (chatId, text) => void sent.push({ chatId, text }) };

beforeAll(async () => {
  db = await openTestDatabase();
  sim = await startSimulator({ fixture, seed: 1, now: () => NOW });
  fake = await startFakeLlm((req) => {
    const text = String(req.messages.at(-1)?.content ?? '');
    if (text.includes('shiny')) return { tool: { arguments: { ...nothing, services: ['SVC-102'] } }, usage: { prompt_tokens: 1000, completion_tokens: 30 } };
    return { status: 500 };
  });
  await ensureBusiness(db.prisma, business);
  await fullSync({ prisma: db.prisma, provider: createNailItClient({ baseUrl: sim.url }), businessId: business.id, now: () => NOW, slotDays: 3 });
  local = await startLocal({
    db,
    configuration: { business, provider: { baseUrl: sim.url }, booking: { requireEmail: false }, llm: { baseUrl: fake.url, model: 'fake-mini', apiKey: 'k', mode: 'fallback', timeoutMs: 2000 } },
    senders: { test: sender },
    now: () => NOW,
    burstWindowMs: 0,
  });
});

afterAll(async () => {
  await local?.close();
  await fake?.close();
  await sim?.close();
  await db?.close();
});

let n = 0;
const say = async (chatId: string, text: string) => {
  const before = sent.length;
  const msg: InboundChannelMessage = { integration: 'test', externalId: `llm-m${++n}`, chatId, userPhone: chatId, userName: null, botPhoneNumberId: null, kind: 'text', text, sentAt: NOW };
  await local.pipeline.sink(msg);
  await local.pipeline.idle();
  return sent.slice(before).map((s) => s.text).join('\n');
};

describe('LLM through bot.handler', () => {
  test('the model fills what the rules miss; its tokens belong to the conversation, then to the booking; a failure is logged and unnoticed', async () => {
    const chat = '+96599880101';
    await say(chat, 'Hi, I want to book at the Avenues');
    expect(await say(chat, 'the shiny long-lasting nails thing')).toMatch(/Gel Manicure/);
    // the endpoint fails on this one: the rules answer, as without a model
    expect(await say(chat, 'hmm whatever works, surprise me')).toMatch(/I need someone who does Gel Manicure/);
    await say(chat, 'anyone');
    await say(chat, 'tomorrow at 5pm');
    await say(chat, 'Fatima');
    expect(await say(chat, 'yes')).toMatch(/pay/i);

    const calls = await db.prisma.llmCall.findMany({ where: { businessId: business.id }, orderBy: { at: 'asc' } });
    expect(calls.map((c) => [c.ok, c.failure, c.promptTokens, c.completionTokens])).toEqual([
      [true, null, 1000, 30],
      [false, 'http_500', 0, 0],
    ]);
    const booking = await db.prisma.booking.findFirstOrThrow({ where: { businessId: business.id, status: 'confirmed' } });
    expect(new Set(calls.map((c) => c.conversationId))).toEqual(new Set([booking.conversationId]));
    expect(calls.every((c) => c.bookingId === booking.id)).toBe(true);
    expect(await db.prisma.eventLog.count({ where: { businessId: business.id, kind: LLM_FAILED } })).toBe(1);
  });
});
