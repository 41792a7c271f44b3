import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest';
import { createNailItClient, type NailItClientOptions } from './nailit-client';
import { retry } from '../runtime/retry';
import { ProviderError, type OrderRequest, type ProviderCallRecord, type ProviderSlot } from './port';
import { type Simulator, startSimulator } from './simulator';

const NOW = new Date('2026-03-01T09:00:00+03:00');
let sim: Simulator;
let records: ProviderCallRecord[];

beforeAll(async () => {
  sim = await startSimulator({ fixture: 'kuwait-spa', now: () => NOW });
});
afterAll(() => sim.close());
beforeEach(() => {
  sim.reset();
  records = [];
});

const makeClient = (opts: Partial<NailItClientOptions> = {}) =>
  createNailItClient({
    baseUrl: sim.url,
    timeoutMs: 300,
    recorder: (r) => records.push(r),
    ...opts,
  });

/** A clock whose waits are recorded and pass at once. */
function fakeClock() {
  let t = NOW.getTime();
  const sleeps: number[] = [];
  return { sleeps, now: () => t, sleep: async (ms: number) => void (sleeps.push(ms), (t += ms)) };
}
const transient = (e: unknown) => e instanceof ProviderError && e.transient;

const failure = (p: Promise<unknown>) => p.then(() => expect.fail('expected a ProviderError')).catch((e: ProviderError) => e);

async function freeSlot(): Promise<ProviderSlot> {
  const slots = await createNailItClient({ baseUrl: sim.url }).getItemsByDate({ locationId: 'LOC-AV', date: '2026-03-02', staffId: 'STF-01' });
  return slots.find((s) => Date.parse(s.end) - Date.parse(s.start) >= 45 * 60_000)!;
}
const orderAt = (slot: ProviderSlot, key = 'key-1'): OrderRequest => ({
  idempotencyKey: key,
  locationId: 'LOC-AV',
  customer: { name: 'Hanan', phone: '+96599887766' },
  items: [{ serviceId: 'SVC-102', staffId: slot.staffId, start: slot.start }],
});

describe('one attempt per call; retrying is the caller\'s', () => {
  test('a transient error comes back at once, recorded as one attempt', async () => {
    sim.faults.set({ endpoint: 'GetLocations', kind: 'error', status: 503, times: 2 });
    expect(await failure(makeClient({ timeoutMs: 5000 }).getLocations())).toMatchObject({ kind: 'http', status: 503, transient: true });
    expect(sim.calls().GetLocations).toBe(1);
    expect(records.map((r) => [r.endpoint, r.attempt, r.outcome])).toEqual([['GetLocations', 1, 'error']]);
  });

  test('inside retry() every attempt is recorded with its number, the waits on the caller\'s clock', async () => {
    sim.faults.set({ endpoint: 'GetLocations', kind: 'error', status: 503, times: 2 });
    const clock = fakeClock();
    const client = makeClient({ timeoutMs: 5000 });
    const locations = await retry(() => client.getLocations(), { retries: 2, initialMs: 250, maxMs: 1000, clock, retryable: transient });
    expect(locations).toHaveLength(4);
    expect(clock.sleeps).toEqual([250, 500]);
    expect(records.map((r) => [r.endpoint, r.attempt, r.outcome, r.errorKind, r.status])).toEqual([
      ['GetLocations', 1, 'error', 'http', 503],
      ['GetLocations', 2, 'error', 'http', 503],
      ['GetLocations', 3, 'ok', undefined, 200],
    ]);
    expect(records[0].startedAt).toBeInstanceOf(Date);
    expect(records[0].durationMs).toBeGreaterThanOrEqual(0);
  });

  test('the timeout runs on the injected clock', async () => {
    sim.faults.set({ endpoint: 'GetLocations', kind: 'timeout', call: 1 });
    // a clock whose timeout fires at once: no wall time is spent waiting for an answer that never comes
    const instant = { now: () => NOW.getTime(), sleep: async (_ms: number, o?: { signal?: AbortSignal }) => void (o?.signal?.aborted) };
    const started = performance.now();
    expect(await failure(makeClient({ timeoutMs: 60_000, clock: instant }).getLocations())).toMatchObject({ kind: 'timeout' });
    expect(performance.now() - started).toBeLessThan(30_000);
  });

  test('a missing order is null, asked once', async () => {
    expect(await makeClient().getOrder({ orderId: 'NI-404' })).toBeNull();
    expect(sim.calls().GetOrder).toBe(1);
  });
});

describe('faults map to ProviderError kinds', () => {
  test('timeout on AddOrder: the caller gets "timeout", the order exists and is found by key', async () => {
    sim.faults.set({ endpoint: 'AddOrder', kind: 'timeout', call: 1 });
    const err = await failure(makeClient().addOrder(orderAt(await freeSlot(), 'lost-answer')));
    expect(err).toMatchObject({ kind: 'timeout', endpoint: 'AddOrder', transient: true });
    const found = await makeClient().getOrder({ idempotencyKey: 'lost-answer' });
    expect(found).toMatchObject({ orderId: 'NI-000001', status: 'confirmed' });
    expect(sim.calls().AddOrder).toBe(1);
  });

  test('latency beyond the timeout is a timeout; a read then succeeds on retry', async () => {
    sim.faults.set({ endpoint: 'GetLocationStaff', kind: 'latency', ms: 2000, call: 1 });
    const client = makeClient();
    expect(await retry(() => client.getLocationStaff('LOC-AV'), { retries: 1, initialMs: 1, maxMs: 1, clock: fakeClock(), retryable: transient })).toHaveLength(5);
    expect(records.map((r) => r.errorKind ?? r.outcome)).toEqual(['timeout', 'ok']);
  });

  test('latency within the timeout only slows the answer', async () => {
    sim.faults.set({ endpoint: 'GetLocations', kind: 'latency', ms: 30 });
    expect(await makeClient().getLocations()).toHaveLength(4);
    expect(records[0].durationMs).toBeGreaterThanOrEqual(25);
  });

  test('a malformed body is a typed "malformed" error and is not retried', async () => {
    sim.faults.set({ endpoint: 'GetLocationServices', kind: 'malformed' });
    const err = await failure(makeClient().getLocationServices('LOC-AV'));
    expect(err).toMatchObject({ kind: 'malformed', name: 'ProviderError' });
    expect(err.message).toMatch(/malformed response \(not JSON\)/);
    expect(sim.calls().GetLocationServices).toBe(1);
  });

  test('a body of the wrong shape is "malformed" and names the field', async () => {
    const fakeFetch = async () =>
      new Response(JSON.stringify({ Status: 200, Code: 'OK', Message: 'OK', Data: { Locations: [{ LocationId: 7 }] } }), { status: 200 });
    const err = await failure(makeClient({ fetch: fakeFetch }).getLocations());
    expect(err).toMatchObject({ kind: 'malformed' });
    expect(err.message).toContain('Data.Locations.0.LocationId');
  });

  test('an HTML error page is an http error, not malformed', async () => {
    const fakeFetch = async () => new Response('<html>Bad gateway</html>', { status: 502 });
    const err = await failure(makeClient({ fetch: fakeFetch }).getLocations());
    expect(err).toMatchObject({ kind: 'http', status: 502 });
  });

  test('slot_taken on AddOrder: 409 slot_taken, and the slot stays gone', async () => {
    const slot = await freeSlot();
    sim.faults.set({ endpoint: 'AddOrder', kind: 'slot_taken', call: 1 });
    const err = await failure(makeClient().addOrder(orderAt(slot)));
    expect(err).toMatchObject({ kind: 'slot_taken', status: 409 });
    expect(sim.ledger.orders()).toHaveLength(0);
    const after = await makeClient().getItemsByDate({ locationId: 'LOC-AV', date: '2026-03-02', staffId: 'STF-01' });
    expect(after.some((s) => s.start <= slot.start && slot.start < s.end)).toBe(false);
    expect(await failure(makeClient().addOrder(orderAt(slot, 'retry-key')))).toMatchObject({ kind: 'slot_taken' });
  });

  test('slot_taken on GetItemsByDate: the named slot is taken before the answer', async () => {
    const slot = await freeSlot();
    sim.faults.set({ endpoint: 'GetItemsByDate', kind: 'slot_taken', call: 1, slot: { staffId: 'STF-01', start: slot.start, durationMin: 45 } });
    const after = await makeClient().getItemsByDate({ locationId: 'LOC-AV', date: '2026-03-02', staffId: 'STF-01' });
    expect(after.some((s) => s.start <= slot.start && slot.start < s.end)).toBe(false);
  });

  test('connection refused is a network error', async () => {
    const gone = await startSimulator({ fixture: 'kuwait-spa', now: () => NOW });
    await gone.close();
    const err = await failure(makeClient({ baseUrl: gone.url }).getLocations());
    expect(err).toMatchObject({ kind: 'network' });
  });

  test('fault schedules: `call` picks one call, `times` a run of calls', async () => {
    sim.faults.set({ endpoint: 'GetLocations', kind: 'error', status: 500, call: 2, times: 2 });
    const client = makeClient();
    const outcomes = [];
    for (let i = 0; i < 4; i++) outcomes.push(await client.getLocations().then(() => 'ok', (e: ProviderError) => e.kind));
    expect(outcomes).toEqual(['ok', 'http', 'http', 'ok']);
  });
});

describe('circuit breaker', () => {
  // cockatiel reads Date.now(); only Date is faked, timers and sockets stay real.
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(NOW);
  });
  afterEach(() => vi.useRealTimers());

  test('opens after N consecutive transient failures, fails fast, then half-opens and closes on success', async () => {
    const client = makeClient({ breaker: { failureThreshold: 3, resetMs: 10_000 } });
    sim.faults.set({ endpoint: 'GetLocations', kind: 'error', status: 503 });
    for (let i = 0; i < 3; i++) expect(await failure(client.getLocations())).toMatchObject({ kind: 'http' });
    expect(await failure(client.getLocations())).toMatchObject({ kind: 'circuit_open' });
    expect(await failure(client.getLocationStaff('LOC-AV'))).toMatchObject({ kind: 'circuit_open' });
    expect(sim.calls().GetLocations).toBe(3);
    expect(sim.calls().GetLocationStaff).toBe(0);
    expect(records.at(-1)).toMatchObject({ outcome: 'error', errorKind: 'circuit_open', endpoint: 'GetLocationStaff' });

    // Half-open probe fails: open again.
    vi.setSystemTime(NOW.getTime() + 10_001);
    expect(await failure(client.getLocations())).toMatchObject({ kind: 'http' });
    expect(await failure(client.getLocations())).toMatchObject({ kind: 'circuit_open' });
    expect(sim.calls().GetLocations).toBe(4);

    // Half-open probe succeeds: closed.
    sim.faults.clear();
    vi.setSystemTime(NOW.getTime() + 20_002);
    expect(await client.getLocations()).toHaveLength(4);
    expect(await client.getLocationStaff('LOC-AV')).toHaveLength(5);
  });

  test('an open breaker stops a retry at once', async () => {
    const client = makeClient({ breaker: { failureThreshold: 2, resetMs: 10_000 } });
    sim.faults.set({ endpoint: 'GetLocations', kind: 'error', status: 503 });
    const clock = fakeClock();
    expect(await failure(retry(() => client.getLocations(), { retries: 5, initialMs: 250, maxMs: 1000, clock, retryable: transient }))).toMatchObject({ kind: 'circuit_open' });
    expect(sim.calls().GetLocations).toBe(2);
    expect(records.map((r) => r.errorKind)).toEqual(['http', 'http', 'circuit_open']);
  });

  test('client errors (4xx, slot taken, malformed) do not open it', async () => {
    const client = makeClient({ breaker: { failureThreshold: 2, resetMs: 10_000 } });
    sim.faults.set({ endpoint: 'GetLocations', kind: 'malformed' });
    for (let i = 0; i < 3; i++) expect(await failure(client.getLocations())).toMatchObject({ kind: 'malformed' });
    for (let i = 0; i < 3; i++) expect(await failure(client.getLocationStaff('LOC-XX'))).toMatchObject({ kind: 'not_found' });
    expect(sim.calls().GetLocations).toBe(3);
  });
});

test('the bearer token is sent when set', async () => {
  const seen: Array<string | null> = [];
  const spy: typeof fetch = async (input, init) => {
    seen.push(new Headers(init?.headers).get('authorization'));
    return fetch(input, init);
  };
  await makeClient({ fetch: spy, token: 'tok' }).getLocations();
  await makeClient({ fetch: spy }).getLocations();
  expect(seen).toEqual(['Bearer tok', null]);
});
