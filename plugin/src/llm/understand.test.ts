import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { fixtureToSnapshot, loadFixture } from '../catalog/fixture';
import { createChatModel } from './client';
import { startFakeLlm, type FakeLlmServer } from './fake-server';
import { createLlmUnderstanding } from './understand';
import type { LlmCallRecord, LlmTurnContext } from './types';

const snapshot = fixtureToSnapshot(loadFixture('kuwait-spa'));
const ctx: LlmTurnContext = {
  now: new Date('2026-03-01T06:00:00Z'),
  expecting: 'services',
  language: 'en',
  chosen: { location: 'LOC-AV', services: [], staff: null, date: null, time: null },
  snapshot,
  conversationId: 'conv-1',
};
const nothing = { intent: null, location: null, services: [], staff: null, date: null, time: null, partOfDay: null, name: null, yesNo: null, choice: null, answer: null };

let fake: FakeLlmServer;
beforeAll(async () => {
  fake = await startFakeLlm();
});
afterAll(() => fake.close());

function setup(timeoutMs = 2000) {
  const calls: LlmCallRecord[] = [];
  const settings = { mode: 'fallback' as const, model: 'fake-mini', systemPrompt: 'Be kind.', businessFacts: 'Free parking in the mall basement.' };
  const model = createChatModel({ baseUrl: fake.url, model: 'fake-mini', apiKey: 'k', timeoutMs });
  return { calls, llm: createLlmUnderstanding({ settings, model, record: (c) => void calls.push(c) }) };
}

describe('LLM understanding through @langchain/openai against the fake endpoint', () => {
  test('a tool call becomes an Extraction; unknown ids are dropped; usage is recorded', async () => {
    fake.script(() => ({ tool: { arguments: { ...nothing, services: ['SVC-102', 'SVC-999'], staff: 'STF-77', time: '17:00', date: '2026-03-02' } }, usage: { prompt_tokens: 900, completion_tokens: 40 } }));
    const { llm, calls } = setup();
    const r = await llm.understand('the shiny nails thing tmrw at 5 pls', ctx);
    expect(r?.extraction).toMatchObject({ services: ['SVC-102'], staff: null, date: '2026-03-02', time: '17:00' });
    expect(calls).toEqual([expect.objectContaining({ ok: true, promptTokens: 900, completionTokens: 40, conversationId: 'conv-1', purpose: 'understand' })]);
    const req = fake.requests.at(-1)!;
    expect(req.tools?.[0]?.function.name).toBe('extract');
    // function calling, not the json_schema response format that Kimi, DeepSeek and vLLM reject
    expect(req.response_format).toBeUndefined();
    expect(JSON.stringify(req.messages)).toContain('SVC-102: Gel Manicure / مانيكير جل');
  });

  test('phone and e-mail never reach the model', async () => {
    fake.script(() => ({ tool: { arguments: nothing } }));
    const { llm } = setup();
    await llm.understand('call me on +965 9988 7766 or ٩٩٨٨٧٧٦٦, mail sara.a@example.com, on 2026-03-05', ctx);
    const sent = JSON.stringify(fake.requests.at(-1)!.messages);
    expect(sent).not.toMatch(/9988|7766|sara\.a|example\.com/);
    expect(sent).toContain('[phone]');
    expect(sent).toContain('[email]');
    expect(sent).toContain('2026-03-05');
  });

  test('HTTP errors, timeouts, malformed bodies and refusals give null and are logged', async () => {
    const cases: Array<[() => import('./fake-server').FakeReply, string]> = [
      [() => ({ status: 400, body: { error: { message: 'bad request' } } }), 'http_400'],
      [() => ({ hang: true }), 'timeout'],
      [() => ({ content: "I can't help with that." }), 'refusal'],
      [() => ({ tool: { arguments: '{"services": "not json' } }), 'invalid_output'],
    ];
    for (const [reply, failure] of cases) {
      fake.script(reply);
      const { llm, calls } = setup(600);
      expect(await llm.understand('hmm', ctx)).toBeNull();
      expect(calls.at(-1)).toMatchObject({ ok: false, failure });
    }
  });

  test('one retry at most on a server error', async () => {
    const before = fake.requests.length;
    fake.script(() => ({ status: 500 }));
    const { llm, calls } = setup();
    expect(await llm.understand('hmm', ctx)).toBeNull();
    expect(fake.requests.length - before).toBe(2);
    expect(calls.at(-1)?.failure).toBe('http_500');
  });

  test('a free answer passes the guard; one naming a price or a booking does not', async () => {
    fake.script(() => ({ tool: { arguments: { ...nothing, answer: 'Yes, there is free parking in the mall basement.' } } }));
    expect(await setup().llm.understand('do you have parking?', ctx)).toMatchObject({ answer: 'Yes, there is free parking in the mall basement.', guarded: false });
    fake.script(() => ({ tool: { arguments: { ...nothing, answer: 'Parking is 2 KWD, and I have booked you at 5pm.' } } }));
    expect(await setup().llm.understand('do you have parking?', ctx)).toMatchObject({ answer: null, guarded: true });
  });
});
