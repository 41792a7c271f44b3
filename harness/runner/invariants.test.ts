import { describe, expect, test } from 'vitest';
import { executeScenario } from './execute';
import { checkInvariants } from './invariants';
import { detectLanguage } from './language';
import type { TurnObservation } from './target';
import { createFakeTarget, type Defect } from './testing/fake-target';
import { HAPPY_CHAT, loadOne, scenario } from './testing/helpers';

const run = (defects: Defect[], relax = '', chat = HAPPY_CHAT) => executeScenario(loadOne(scenario(chat, relax)), createFakeTarget({ defects }));

const obs = (o: Partial<TurnObservation>): TurnObservation => ({
  replies: ['Which branch would you like?'], asked: 'location', filled: [], changed: [], invalidated: [], answerFailedValidation: false, outcome: 'asked',
  state: {}, language: 'en', handoff: false, paymentLink: null, liveCatalogCalls: 0, ordersCreated: 0, confirmedByYes: false, ...o,
});

describe('invariants, checked on every turn', () => {
  test('the fake bot passes them all when it behaves', async () => {
    const r = await run([]);
    expect(r.failures).toEqual([]);
    expect(r.status).toBe('passed');
  });

  test.each([
    ['reask-filled', 'no-question-for-filled-slot', /asked for "staff", which is already filled/, 2],
    ['repeat-question', 'no-repeated-question', /asked for "staff" twice in a row/, 2],
    ['live-catalog', 'no-live-catalog-call', /1 live provider catalog call\(s\) during the turn/, 1],
    ['book-without-yes', 'no-booking-without-yes', /1 provider order\(s\) created without an explicit yes/, 4],
    ['wrong-language', 'reply-language', /reply is in en, the customer writes es/, 1],
    ['duplicate-message', 'no-empty-or-duplicate-message', /reply 2 repeats reply 1/, 1],
    ['empty-message', 'no-empty-or-duplicate-message', /reply 2 is empty/, 1],
  ] as const)('a bot with defect %s breaks %s, with a clear message at the failing turn', async (defect, invariant, message, turn) => {
    const chat = defect === 'wrong-language' ? HAPPY_CHAT.replace('gel manicure', 'manicura gel') : HAPPY_CHAT;
    const r = await executeScenario(loadOne(scenario(chat).replace('language: en', defect === 'wrong-language' ? 'language: es' : 'language: en')), createFakeTarget({ defects: [defect] }));
    expect(r.status).toBe('failed');
    expect(r.failedTurn).toBe(turn - 1);
    const failure = r.failures.find((f) => f.name === invariant);
    expect(failure, JSON.stringify(r.failures)).toMatchObject({ kind: 'invariant', message: expect.stringMatching(message), at: r.transcript[turn - 1].at });
  });

  test('relax switches one invariant off, and the run records how often it would have fired', async () => {
    const r = await run(['live-catalog'], 'relax: [no-live-catalog-call]\n');
    expect(r.status).toBe('passed');
    expect(r.relax).toEqual([{ invariant: 'no-live-catalog-call', hits: 5 }]);
    expect(r.transcript[0].relaxed).toEqual([expect.objectContaining({ invariant: 'no-live-catalog-call' })]);
  });

  test('relaxing one invariant leaves the others on', async () => {
    const r = await run(['live-catalog', 'duplicate-message'], 'relax: [no-live-catalog-call]\n');
    expect(r.failures.map((f) => f.name)).toEqual(['no-empty-or-duplicate-message']);
  });

  test('a re-ask is allowed after a failed answer, an invalidation or an interruption; a new summary after a change', () => {
    const previous = obs({ asked: 'time', replies: ['What day and time suit you?'] });
    const again = (o: Partial<TurnObservation>) => checkInvariants({ observation: obs({ asked: 'time', replies: ['Pick one: 5 PM or 6 PM?'], ...o }), previous, language: 'en' });
    expect(again({}).map((v) => v.invariant)).toEqual(['no-repeated-question']);
    expect(again({ answerFailedValidation: true })).toEqual([]);
    expect(again({ invalidated: ['time', 'staff'] })).toEqual([]);
    expect(again({ outcome: 'answered_interruption' })).toEqual([]);
    const summary = obs({ asked: 'confirm', replies: ['Shall I book it?'] });
    const confirmAgain = (changed: string[]) => checkInvariants({ observation: obs({ asked: 'confirm', replies: ['Shall I book it at 6 PM?'], changed }), previous: summary, language: 'en' });
    expect(confirmAgain([]).map((v) => v.invariant)).toEqual(['no-repeated-question']);
    expect(confirmAgain(['time'])).toEqual([]);
  });

  test('the same message as the previous turn counts as a duplicate, unless the pending question is repeated after an interruption', () => {
    const previous = obs({ replies: ['Which branch would you like?'] });
    const check = (outcome: string) => checkInvariants({ observation: obs({ replies: ['Which branch would you like?'], outcome, answerFailedValidation: true }), previous, language: 'en' });
    expect(check('invalid_input').map((v) => v.message)).toEqual([expect.stringMatching(/same message as the previous turn/)]);
    expect(check('answered_interruption')).toEqual([]);
  });
});

describe('reply language detection', () => {
  test.each([
    ['What name should I put the booking under?', 'en'],
    ['¿A nombre de quién hago la reserva?', 'es'],
    ['Perfecto, te espero mañana a las 5 de la tarde con Sara.', 'es'],
    ['منو تبين لـ مانيكير جل: سارة أو ماريا؟', 'ar'],
    ['اخترت لين الحين: Gel Manicure في The Avenues', 'ar'],
    ['Sara', null],
    ['https://pay.example/o1', null],
    ['+96599887766 · KWD 10.000', null],
    ['1. The Avenues\n2. Marina Mall', null],
  ])('%s → %s', (text, lang) => {
    expect(detectLanguage(text)).toBe(lang);
  });
});
