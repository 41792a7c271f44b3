/**
 * When the model is asked: nothing found, a vague question, or content words the rules left over; and
 * how its reading joins the rules'. The last tests drive the engine with the real rule extractor and the
 * real @langchain/openai client against the fake endpoint, counting calls.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { fixtureToSnapshot, loadFixture } from '../catalog/fixture';
import { chat, memoryCatalog, noBookings, NOW } from '../conversation/testing';
import type { EngineDeps } from '../conversation/engine';
import { createRuleExtractor } from '../understanding';
import { emptyExtraction } from '../understanding/types';
import { createChatModel } from './client';
import { startFakeLlm, type FakeLlmServer } from './fake-server';
import { mergeExtractions, nothingFound, unexplained } from './merge';
import type { LlmCallRecord } from './types';
import { createLlmUnderstanding } from './understand';

describe('unexplained', () => {
  test('nothing found, or a question with only a vague intent, is unexplained', () => {
    expect(unexplained(emptyExtraction(), 'hmm')).toBe(true);
    expect(unexplained({ ...emptyExtraction(), intent: 'book' }, 'do you have parking?')).toBe(true);
    expect(unexplained({ ...emptyExtraction(), intent: 'book' }, 'I want to book')).toBe(false);
  });

  test('content words left over make a message unexplained even when the rules read part of it', () => {
    const read = { ...emptyExtraction(), intent: 'book' as const, services: ['SVC-102'], location: 'LOC-AV' };
    expect(unexplained(read, 'gel manicure at the avenues')).toBe(false);
    expect(unexplained({ ...read, leftover: ['safe', 'pregnant'] }, 'gel manicure at the avenues, is it safe when pregnant')).toBe(true);
  });

  test('words left over are no finding, and the model never supplies them', () => {
    expect(nothingFound({ ...emptyExtraction(), leftover: ['parking'] })).toBe(true);
    const merged = mergeExtractions({ ...emptyExtraction(), leftover: ['shiny'] }, { ...emptyExtraction(), services: ['SVC-102'], leftover: ['x'] }, 'services');
    expect(merged.services).toEqual(['SVC-102']);
    expect(merged.leftover).toEqual(['shiny']);
  });
});

describe('the rule extractor reports the words it left over', () => {
  const extract = createRuleExtractor(fixtureToSnapshot(loadFixture('kuwait-spa')));
  const now = new Date(NOW);
  test.each([
    ['Hi, I want to book a gel manicure at the Avenues tomorrow at 5pm please', []],
    ['yes please book it 👍', []],
    ['whoever is free, thanks!', []],
    ['My name is Dana Al-Sabah', []],
    ['ابي احجز مانيكير جل باجر الساعة ٥ بالافنيوز', []],
    ['هلا والله، الغيه لو سمحتي', []],
    ['quiero un corte mañana a las 5 porfa', []],
    ['q onda, tienen algo apartado pal viernes?', []],
    ['the shiny long-lasting nails thing', ['shiny']],
    ['gel manicure at the avenues, is it safe when pregnant?', ['safe', 'pregnant']],
    ['فيه مواقف سيارات عندكم؟', ['مواقف', 'سيارات']],
    ['hacen descuento a estudiantes?', ['descuento', 'estudiantes']],
  ])('%s → %j', (text, leftover) => {
    expect(extract(text, { now }).leftover).toEqual(leftover);
  });
});

describe('engine in fallback mode, with the fake endpoint', () => {
  let fake: FakeLlmServer;
  beforeAll(async () => {
    fake = await startFakeLlm();
  });
  afterAll(() => fake.close());

  const nothing = { intent: null, location: null, services: [], staff: null, date: null, time: null, partOfDay: null, name: null, yesNo: null, choice: null, answer: null };

  async function engine() {
    const catalog = memoryCatalog('kuwait-spa');
    const calls: LlmCallRecord[] = [];
    fake.script(() => ({ tool: { arguments: nothing } }));
    const llm = createLlmUnderstanding({
      settings: { mode: 'fallback', model: 'fake-mini', systemPrompt: '', businessFacts: '' },
      model: createChatModel({ baseUrl: fake.url, model: 'fake-mini', apiKey: 'k', timeoutMs: 2000 }),
      record: (c) => void calls.push(c),
    });
    const d: EngineDeps = { catalog, bookings: noBookings, extract: createRuleExtractor(await catalog.snapshot()), now: () => NOW, llm, requiredFields: { email: false } };
    return { c: chat(d, { channelPhone: '+96599887766' }), calls };
  }

  test('a fully explained message makes no call', async () => {
    const { c, calls } = await engine();
    await c.say('Hi, I want to book a gel manicure at the Avenues tomorrow at 5pm');
    expect(calls).toHaveLength(0);
  });

  test('a message the rules read in part, with an unknown content word left over, makes exactly one call', async () => {
    const { c, calls } = await engine();
    const r = await c.say('gel manicure at the Avenues, is it safe when pregnant?');
    expect(calls).toHaveLength(1);
    // the rules' reading stands: the model filled nothing
    expect(r.state.slots.services.map((i) => i.serviceId)).toEqual(['SVC-102']);
    expect(r.state.slots.location).toBe('LOC-AV');
  });
});
