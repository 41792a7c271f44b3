import { describe, expect, test } from 'vitest';
import { executeScenario } from './execute';
import type { ScenarioTarget } from './target';
import { createFakeTarget } from './testing/fake-target';
import { HAPPY_CHAT, loadOne, scenario } from './testing/helpers';

const run = (chat: string, tail = '', target: ScenarioTarget = createFakeTarget()) => executeScenario(loadOne(scenario(chat, tail)), target);

describe('executing a scenario', () => {
  test('a passing chat yields a full transcript and the transitions it went through', async () => {
    const r = await run(HAPPY_CHAT, 'expect:\n  bookings: [{ service: Gel Manicure, location: avenues, start: 2026-03-02T17:00, status: confirmed }]\n  providerOrders: 1\n  events: [bookingConfirmed]\n  maxQuestions: 5\n');
    expect(r.status).toBe('passed');
    expect(r.transcript.map((t) => t.text)).toEqual(['gel manicure at Avenues tomorrow at 5pm', 'anyone is fine', 'Fatima Ali', 'fatima@example.com', 'yes']);
    expect(r.transitions).toEqual(['start→staff', 'staff→name', 'name→email', 'email→confirm', 'confirm→none']);
    expect(r.outcomes).toContain('confirmed');
  });

  test('the chat stops at the first failing turn, reporting every failure of that turn with its YAML location', async () => {
    const chat = `  - user: gel manicure at Avenues tomorrow at 5pm
    bot: { asks: staff }
  - user: anyone is fine
    bot:
      asks: time
      says: [Anyone, "/booking/i"]
      notSays: name
      paymentLink: true
  - user: Fatima Ali
`;
    const r = await run(chat);
    expect(r.status).toBe('failed');
    expect(r.failedTurn).toBe(1);
    expect(r.transcript).toHaveLength(2);
    expect(r.failures.map((f) => [f.name, f.at.line, f.at.col])).toEqual([
      ['bot.asks', 12, 7],
      ['bot.says', 13, 7],
      ['bot.says', 13, 7],
      ['bot.notSays', 14, 7],
      ['bot.paymentLink', 15, 7],
    ]);
    expect(r.failures[0]).toMatchObject({ message: 'expected the bot to ask for "time", it asked for "name"', expected: 'time', actual: 'name' });
  });

  test('state subsets, nothing and handoff', async () => {
    const ok = await run(`  - user: gel at Avenues
    bot: { state: { phase: collecting, slots: { location: The Avenues } }, handoff: false }
  - duplicate: true
    bot: { nothing: true }
`);
    expect(ok.failures).toEqual([]);
    const bad = await run(`  - user: gel at Avenues\n    bot: { state: { slots: { location: Marina Mall } }, nothing: true }\n`);
    expect(bad.failures.map((f) => f.message)).toEqual([
      'state differs: slots.location: expected "Marina Mall", got "The Avenues"',
      'expected no reply, got 1',
    ]);
  });

  test('expect: is checked against the world after the chat', async () => {
    const r = await run(
      HAPPY_CHAT,
      `expect:
  bookings: [{ service: Pedicure }]
  providerOrders: 2
  providerCalls: { forbidden: [AddOrder], counts: { AddOrder: 2 } }
  events: [handoffRequested]
  maxQuestions: 3
`,
    );
    expect(r.failedTurn).toBeNull();
    expect(r.failures.map((f) => `${f.kind} ${f.name} ${f.at.line}: ${f.message}`)).toEqual([
      'expect expect.bookings 19: no booking matches {"service":"Pedicure"}',
      'expect expect.providerOrders 20: expected 2 provider order(s), the provider holds 1',
      'expect expect.providerCalls 21: calls to forbidden endpoints: AddOrder',
      'expect expect.providerCalls 21: expected 2 call(s) to AddOrder, got 1',
      'expect expect.events 22: event handoffRequested was not emitted',
      'expect expect.maxQuestions 23: main was asked 4 questions, at most 3 allowed',
    ]);
  });

  test('an unexpected extra booking fails `bookings`', async () => {
    const r = await run(HAPPY_CHAT, 'expect:\n  bookings: []\n');
    expect(r.failures.map((f) => f.message)).toEqual(['1 unexpected booking(s): Gel Manicure at The Avenues, 2026-03-02T17:00, confirmed']);
  });

  test('out-of-order delivery sends the later message first, and bot: sees all replies', async () => {
    const r = await run(`  - outOfOrder: [gel manicure, at Avenues]\n    bot: { says: [Which service, Who would you like] }\n`);
    expect(r.failures).toEqual([]);
    expect(r.transcript.map((t) => t.text)).toEqual(['at Avenues', 'gel manicure']);
  });

  test('simultaneous customers race; anyOrder lets either one win', async () => {
    const src = `scenario: Race
given: { catalog: kuwait-spa, now: "2026-03-01T09:00:00+03:00", faults: [] }
customers:
  amal: { phone: "+96599887766" }
  noura: { phone: "+96555512345" }
chat:
  - simultaneous:
      - { customer: amal, user: "gel at Marina", bot: { says: Marina } }
      - { customer: noura, user: "gel at Avenues", bot: { says: Avenues } }
    anyOrder: ANY
`;
    for (const anyOrder of ['true', 'false']) expect((await executeScenario(loadOne(src.replace('ANY', anyOrder)), createFakeTarget())).failures).toEqual([]);
    const swapped = src.replace('says: Marina', 'says: AVENUES').replace('says: Avenues', 'says: Marina').replace('AVENUES', 'Avenues');
    expect((await executeScenario(loadOne(swapped.replace('ANY', 'true')), createFakeTarget())).failures).toEqual([]);
    expect((await executeScenario(loadOne(swapped.replace('ANY', 'false')), createFakeTarget())).failures).toHaveLength(2);
  });

  test('restart and advanceClock reach the target and show in the transcript', async () => {
    const calls: string[] = [];
    const fake = createFakeTarget();
    const target: ScenarioTarget = {
      async open(given, ctx) {
        const s = await fake.open(given, ctx);
        return { ...s, restart: async () => void calls.push('restart'), advanceClock: async (ms) => void calls.push(`clock ${ms}`) };
      },
    };
    const r = await run(`  - user: hi\n  - restart: true\n  - advanceClock: 1h30m\n  - user: gel\n`, '', target);
    expect(calls).toEqual(['restart', 'clock 5400000']);
    expect(r.transcript.map((t) => t.text)).toEqual(['hi', '(restart the host)', '(clock +1h30m)', 'gel']);
  });

  test('a target that throws or hangs fails the step with a clear error, and the session is closed', async () => {
    let closed = 0;
    const target = (send: () => Promise<never>): ScenarioTarget => ({
      async open(given, ctx) {
        const s = await createFakeTarget().open(given, ctx);
        return { ...s, send, close: async () => void closed++ };
      },
    });
    const thrown = await run(`  - user: hi\n  - user: again\n`, '', target(() => Promise.reject(new Error('database is down'))));
    expect(thrown.failures).toEqual([expect.objectContaining({ kind: 'error', message: 'target error: database is down', at: expect.objectContaining({ line: 8 }) })]);
    expect(thrown.transcript).toHaveLength(1);
    const hung = await executeScenario(loadOne(scenario(`  - user: hi\n`)), target(() => new Promise<never>(() => {})), { stepTimeoutMs: 20 });
    expect(hung.failures[0].message).toBe('target.send did not finish within 20 ms');
    expect(closed).toBe(2);
  });

  test('a duplicate before any message is an error of the scenario', async () => {
    const r = await run(`  - duplicate: true\n`);
    expect(r.failures[0]).toMatchObject({ kind: 'error', message: 'duplicate: this customer has sent nothing yet' });
  });
});
