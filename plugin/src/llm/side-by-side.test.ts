import { afterAll, beforeAll, expect, test } from 'vitest';
import { fixtureToSnapshot, loadFixture } from '../catalog/fixture';
import { createRuleExtractor } from '../understanding';
import { createChatModel } from './client';
import { startFakeLlm, type FakeLlmServer } from './fake-server';
import { sideBySideLine } from './side-by-side';
import { createLlmUnderstanding } from './understand';

const snapshot = fixtureToSnapshot(loadFixture('kuwait-spa'));
const nothing = { intent: null, location: null, services: [], staff: null, date: null, time: null, partOfDay: null, name: null, yesNo: null, choice: null, answer: null };
let fake: FakeLlmServer;
beforeAll(async () => {
  fake = await startFakeLlm(() => ({ tool: { arguments: { ...nothing, services: ['SVC-102'], location: 'LOC-AV' } } }));
});
afterAll(() => fake.close());

test('bookwell understand --llm prints the rules and the model side by side, with the fields that differ', async () => {
  let failure: string | null = null;
  const llm = createLlmUnderstanding({
    settings: { mode: 'always', model: 'm', systemPrompt: '', businessFacts: '' },
    model: createChatModel({ baseUrl: fake.url, model: 'm', apiKey: 'k', timeoutMs: 2000 }),
    record: (c) => void (failure = c.failure),
  });
  const out = await sideBySideLine('{"id":"a1","text":"the shiny nails thing at the avenues, call +96599887766"}', 1, createRuleExtractor(snapshot), llm, { now: new Date('2026-03-01T06:00:00Z'), snapshot, lastFailure: () => failure });
  const line = JSON.parse(out!);
  expect(line).toMatchObject({ id: 'a1', rules: { location: 'LOC-AV', services: [], phone: '+96599887766' }, llm: { location: 'LOC-AV', services: ['SVC-102'] }, differs: ['services'] });
  expect(line.llm.phone).toBeUndefined();
  fake.script(() => ({ status: 503 }));
  expect(JSON.parse((await sideBySideLine('{"id":2,"text":"hm"}', 2, createRuleExtractor(snapshot), llm, { now: new Date(), snapshot, lastFailure: () => failure }))!)).toMatchObject({ id: 2, llm: null, error: 'http_503' });
});
