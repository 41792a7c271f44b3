/** Checks `expect:` against the world after the chat. */
import type { ExpectationFailure } from './expectations';
import type { LoadedScenario } from './load';
import { show } from './match';
import type { Expect } from './schema';
import type { ObservedBooking, WorldObservation } from './target';

type ExpectedBooking = NonNullable<Expect['bookings']>[number];

export function checkExpect(s: LoadedScenario, world: WorldObservation, questionsPerCustomer: Record<string, number>): ExpectationFailure[] {
  const e = s.expect;
  if (!e) return [];
  const out: ExpectationFailure[] = [];
  const fail = (key: string, message: string, expected: unknown, actual: unknown) =>
    out.push({ name: `expect.${key.replace(/\[\d+\]$/, '')}`, message, expected, actual, at: s.expectAt[key] ?? s.expectAt[key.replace(/\[\d+\]$/, '')] ?? s.at });

  if (e.bookings) {
    const { unmatched, extra } = matchBookings(e.bookings, world.bookings, (key) => s.customers[key]?.phone ?? key);
    for (const i of unmatched) fail(`bookings[${i}]`, `no booking matches ${show(e.bookings[i])}`, e.bookings[i], world.bookings.map(describeBooking));
    if (!unmatched.length && extra.length) fail('bookings', `${extra.length} unexpected booking(s): ${extra.map(describeBooking).join('; ')}`, e.bookings, world.bookings.map(describeBooking));
  }
  if (e.providerOrders !== undefined && world.providerOrders !== e.providerOrders)
    fail('providerOrders', `expected ${e.providerOrders} provider order(s), the provider holds ${world.providerOrders}`, e.providerOrders, world.providerOrders);
  const calls = world.providerCalls.map((c) => c.endpoint);
  const pc = e.providerCalls;
  if (pc?.allowed) {
    const bad = [...new Set(calls.filter((c) => !pc.allowed!.includes(c as never)))];
    if (bad.length) fail('providerCalls', `calls to endpoints not allowed: ${bad.join(', ')}`, pc.allowed, calls);
  }
  if (pc?.forbidden) {
    const bad = [...new Set(calls.filter((c) => pc.forbidden!.includes(c as never)))];
    if (bad.length) fail('providerCalls', `calls to forbidden endpoints: ${bad.join(', ')}`, pc.forbidden, calls);
  }
  for (const [endpoint, n] of Object.entries(pc?.counts ?? {})) {
    const got = calls.filter((c) => c === endpoint).length;
    if (got !== n) fail('providerCalls', `expected ${n} call(s) to ${endpoint}, got ${got}`, n, got);
  }
  const emitted = world.events.map((ev) => ev.name);
  for (const name of e.events ?? []) if (!emitted.includes(name)) fail('events', `event ${name} was not emitted`, name, emitted);
  if (e.maxQuestions !== undefined)
    for (const [customer, n] of Object.entries(questionsPerCustomer))
      if (n > e.maxQuestions) fail('maxQuestions', `${customer} was asked ${n} questions, at most ${e.maxQuestions} allowed`, e.maxQuestions, n);
  return out;
}

function describeBooking(b: ObservedBooking): string {
  return `${b.service} at ${b.location}${b.staff ? ` with ${b.staff}` : ''}, ${b.start}, ${b.status}`;
}

function nameMatches(expected: string, name: string | null | undefined, id: string | null | undefined): boolean {
  const e = expected.toLowerCase();
  return (!!name && name.toLowerCase().includes(e)) || (!!id && id.toLowerCase() === e);
}

function bookingMatches(e: ExpectedBooking, b: ObservedBooking, phoneOf: (key: string) => string): boolean {
  return (
    (!e.service || nameMatches(e.service, b.service, b.serviceId)) &&
    (!e.location || nameMatches(e.location, b.location, b.locationId)) &&
    (!e.staff || nameMatches(e.staff, b.staff, b.staffId)) &&
    (!e.start || b.start.startsWith(e.start.replace(' ', 'T'))) &&
    (!e.status || b.status === e.status) &&
    (!e.customer || b.customer === phoneOf(e.customer))
  );
}

/** Each expected booking needs its own actual booking; small lists, so plain backtracking. */
function matchBookings(expected: ExpectedBooking[], actual: ObservedBooking[], phoneOf: (key: string) => string): { unmatched: number[]; extra: ObservedBooking[] } {
  const used = new Set<number>();
  const assign = (i: number): boolean => {
    if (i === expected.length) return true;
    for (let j = 0; j < actual.length; j++) {
      if (used.has(j) || !bookingMatches(expected[i], actual[j], phoneOf)) continue;
      used.add(j);
      if (assign(i + 1)) return true;
      used.delete(j);
    }
    return false;
  };
  if (assign(0)) return { unmatched: [], extra: actual.filter((_, j) => !used.has(j)) };
  const unmatched = expected.map((_, i) => i).filter((i) => !actual.some((b) => bookingMatches(expected[i], b, phoneOf)));
  return { unmatched: unmatched.length ? unmatched : [expected.length - 1], extra: [] };
}
