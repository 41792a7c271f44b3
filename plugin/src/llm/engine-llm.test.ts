/**
 * The engine with a model beside its rules: the real rule extractor, the real
 * @langchain/openai client, and the fake endpoint on loopback.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { chat, memoryCatalog, noBookings, NOW } from '../conversation/testing';
import type { EngineDeps } from '../conversation/engine';
import { createRuleExtractor } from '../understanding';
import { createChatModel } from './client';
import { startFakeLlm, type FakeLlmServer, type FakeReply } from './fake-server';
import type { LlmCallRecord } from './types';
import { createLlmUnderstanding } from './understand';

const nothing = { intent: null, location: null, services: [], staff: null, date: null, time: null, partOfDay: null, name: null, yesNo: null, choice: null, answer: null };

let fake: FakeLlmServer;
beforeAll(async () => {
  fake = await startFakeLlm();
});
afterAll(() => fake.close());

async function deps(mode: 'fallback' | 'always', reply: (text: string) => FakeReply, timeoutMs = 2000) {
  const catalog = memoryCatalog('kuwait-spa');
  const calls: LlmCallRecord[] = [];
  fake.script((req) => reply(String(req.messages.at(-1)?.content ?? '').split('"""')[1] ?? ''));
  const llm = createLlmUnderstanding({
    settings: { mode, model: 'fake-mini', systemPrompt: 'Be kind.', businessFacts: 'Free parking in the basement.' },
    model: createChatModel({ baseUrl: fake.url, model: 'fake-mini', apiKey: 'k', timeoutMs }),
    record: (c) => void calls.push(c),
  });
  const d: EngineDeps = { catalog, bookings: noBookings, extract: createRuleExtractor(await catalog.snapshot()), now: () => NOW, llm, requiredFields: { email: false } };
  return { d, calls };
}

describe('engine with an LLM in fallback mode', () => {
  test('the rules read the message: no call; they miss: one call, and the model fills the slot', async () => {
    const { d, calls } = await deps('fallback', (text) => (text.includes('shiny') ? { tool: { arguments: { ...nothing, services: ['SVC-102'] } } } : { tool: { arguments: nothing } }));
    const c = chat(d, { channelPhone: '+96599887766' });
    await c.say('Hi, I want to book at the Avenues');
    expect(calls).toHaveLength(0);
    expect(c.turns.at(-1)?.asked).toBe('services');
    const r = await c.say('the shiny long-lasting nails thing');
    expect(calls).toHaveLength(1);
    expect(r.state.slots.services.map((i) => i.serviceId)).toEqual(['SVC-102']);
    expect(r.asked).toBe('staff');
  });

  test('an id not in the catalog is dropped: the question is asked again, as after any failed answer', async () => {
    const { d } = await deps('fallback', () => ({ tool: { arguments: { ...nothing, services: ['SVC-404'], location: 'LOC-XX' } } }));
    const c = chat(d);
    await c.say('Hi, I want to book at the Avenues');
    const r = await c.say('the shiny long-lasting nails thing');
    expect(r.state.slots.services).toEqual([]);
    expect(r.state.slots.location).toBe('LOC-AV');
    expect(r.asked).toBe('services');
  });

  test('a timeout is invisible to the customer: the rules answer, the failure is logged', async () => {
    const { d, calls } = await deps('fallback', () => ({ hang: true }), 500);
    const c = chat(d);
    await c.say('Hi, I want to book at the Avenues');
    const r = await c.say('the shiny long-lasting nails thing');
    expect(r.asked).toBe('services');
    expect(calls.at(-1)).toMatchObject({ ok: false, failure: 'timeout' });
  });

  test('a free question is answered, then the pending question comes back; a guarded answer becomes "I will ask the team"', async () => {
    const { d } = await deps('fallback', (text) =>
      text.includes('parking')
        ? { tool: { arguments: { ...nothing, answer: 'Yes, there is free parking in the basement.' } } }
        : { tool: { arguments: { ...nothing, answer: 'Sure, I have booked you for 3pm, it costs 99 KWD.' } } },
    );
    const c = chat(d);
    await c.say('Hi, I want to book at the Avenues');
    const r = await c.say('do you have parking?');
    expect(r.replies[0]).toMatch(/free parking in the basement[\s\S]*What would you like to book/);
    expect(r.outcome).toBe('answered_interruption');
    const g = await c.say('is gel safe in pregnancy?');
    expect(g.replies[0]).toMatch(/I'll ask the team[\s\S]*talk to a person[\s\S]*What would you like to book/);
    expect(g.replies[0]).not.toMatch(/99|3pm|booked you/);
  });
});

describe('engine with an LLM in always mode', () => {
  test('one call per message, even when the rules read it; the rules win where both read something', async () => {
    const { d, calls } = await deps('always', () => ({ tool: { arguments: { ...nothing, location: 'LOC-MM' } } }));
    const c = chat(d);
    const r = await c.say('Hi, I want to book at the Avenues');
    expect(calls).toHaveLength(1);
    expect(r.state.slots.location).toBe('LOC-AV');
  });
});

describe('engine without an LLM', () => {
  test('a question beyond the catalog gets the polite "I\'ll ask the team" and the pending question, not a failed answer', async () => {
    const catalog = memoryCatalog('kuwait-spa');
    const d: EngineDeps = { catalog, bookings: noBookings, extract: createRuleExtractor(await catalog.snapshot()), now: () => NOW, requiredFields: { email: false } };
    const c = chat(d);
    await c.say('Hi, I want to book at the Avenues');
    const r = await c.say('do you have parking?');
    expect(r.replies[0]).toMatch(/I'll ask the team[\s\S]*What would you like to book/);
    expect(r.outcome).toBe('answered_interruption');
    expect(r.state.failures).toEqual({});
  });
});
