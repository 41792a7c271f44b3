/**
 * Owner messages on one database shared by two runtimes (as two processes on
 * one Postgres under `npm run test:db`): the new-booking notice and each
 * branch's morning schedule reach each owner number once, however many ticks
 * run at once, and again none after a restart; a send that keeps failing is
 * marked failed and logged.
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
import { flushOwnerMessages, queueOwnerNotice } from './queue';

const fixture = loadFixture('kuwait-spa');
const business = { ...fixture.business, id: 'owners-db' };
const OWNERS = ['+96550000001', '+96550000002'];
let now = new Date('2026-03-01T06:00:00Z'); // 09:00 in Kuwait
const clock = () => now;

let db: Database;
let sim: Simulator;
const sent: Array<{ by: string; chatId: string; text: string }> = [];
const sender = (by: string): ChannelSender => ({ send: async (chatId, text) => void sent.push({ by, chatId, text }) });
let a: Local;
let b: Local;

const start = (by: string) =>
  startLocal({
    db,
    configuration: { business, provider: { baseUrl: sim.url }, booking: { requireEmail: false }, owners: { numbers: OWNERS, integration: 'test' } },
    senders: { test: sender(by) },
    now: clock,
    burstWindowMs: 0,
  });

let n = 0;
const say = async (local: Local, chatId: string, text: string) => {
  const m: InboundChannelMessage = { integration: 'test', externalId: `m${++n}`, chatId, userPhone: chatId, userName: null, botPhoneNumberId: null, kind: 'text', text, sentAt: now };
  await local.pipeline.sink(m);
  await local.pipeline.idle();
};
const toOwners = (re: RegExp) => sent.filter((s) => OWNERS.includes(s.chatId) && re.test(s.text));

beforeAll(async () => {
  db = await openTestDatabase();
  sim = await startSimulator({ fixture, seed: 1, now: clock });
  await ensureBusiness(db.prisma, business);
  await fullSync({ prisma: db.prisma, provider: createNailItClient({ baseUrl: sim.url }), businessId: business.id, now: clock, slotDays: 3 });
  a = await start('a');
  b = await start('b');
});

afterAll(async () => {
  await a?.close();
  await b?.close();
  await sim?.close();
  await db?.close();
});

describe('owner messages on one database, two runtimes', () => {
  test('a new booking is told to each owner number once, while both runtimes tick', async () => {
    await say(a, '+96599000201', 'Hi, gel manicure at Avenues tomorrow at 5pm with Sara please');
    await say(b, '+96599000201', 'Amal');
    await say(a, '+96599000201', 'yes');
    // the turn sent it already; both runtimes' ticks find nothing left to send
    await Promise.all([a.tick(), b.tick(), a.tick()]);
    expect(toOwners(/^New booking: Gel Manicure with Sara at The Avenues/).map((s) => s.chatId).sort()).toEqual(OWNERS);
  });

  test('the morning schedule: once per branch and number, across concurrent ticks and a restart', async () => {
    now = new Date('2026-03-02T04:59:00Z'); // 07:59: not yet
    await Promise.all([a.tick(), b.tick()]);
    expect(toOwners(/bookings\n/)).toEqual([]);
    now = new Date('2026-03-02T05:00:00Z'); // 08:00
    await Promise.all([a.tick(), b.tick(), a.tick(), b.tick()]);
    await a.close();
    a = await start('a');
    now = new Date('2026-03-02T07:00:00Z');
    await Promise.all([a.tick(), b.tick()]);
    const schedules = toOwners(/^The Avenues, Monday, March 2: 1 bookings\nSara:\n {2}5:00 PM Gel Manicure — Amal \+96599000201$/);
    expect(schedules.map((s) => s.chatId).sort()).toEqual(OWNERS);
    // branches without bookings that day send nothing
    expect(toOwners(/bookings\n/)).toHaveLength(2);
    const events = (await a.host.store.listEvents()).filter((e) => e.type === 'bookwell#ownerNotification');
    expect(events.map((e) => (e.payload as { kind: string }).kind).filter((k) => k === 'booking')).toHaveLength(1);
  });

  test('a send that keeps failing is retried, then marked failed and logged, and not sent again', async () => {
    const deps = { prisma: db.prisma, businessId: business.id, numbers: ['+96550000009'], now: clock, emit: async () => undefined };
    expect(await queueOwnerNotice(deps, { kind: 'handoff', key: 'handoff:test', text: 'help', bookingId: null, locationId: null, date: null })).toBe(true);
    expect(await queueOwnerNotice(deps, { kind: 'handoff', key: 'handoff:test', text: 'help', bookingId: null, locationId: null, date: null })).toBe(false);
    let attempts = 0;
    const flush = () =>
      flushOwnerMessages({ prisma: db.prisma, businessId: business.id, now: clock, retry: { retries: 2, initialMs: 1, maxMs: 1 }, send: async () => void (attempts++, (() => { throw new Error('down'); })()) });
    expect(await flush()).toBe(0);
    expect(await flush()).toBe(0);
    expect(attempts).toBe(3);
    expect(await db.prisma.ownerMessage.findFirst({ where: { businessId: business.id, key: 'handoff:test', number: '+96550000009' } })).toMatchObject({ status: 'failed', attempts: 3, lastError: 'down' });
    expect(await db.prisma.eventLog.count({ where: { businessId: business.id, kind: 'owner_message_failed' } })).toBe(1);
  });
});
