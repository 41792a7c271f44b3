/**
 * Reminders on one database shared by two runtimes (two local hosts, as two
 * processes would run them against one Postgres under `npm run test:db`;
 * Botpress's records are in that database too, so both see every chat):
 * ticking at once, each reminder is claimed and sent once, also after one of
 * them restarts. And a send that keeps failing is retried, then marked failed
 * and logged, never sent again by a later tick.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openTestDatabase } from '../../../test/support/database';
import type { ChannelSender, InboundChannelMessage } from '../channels/types';
import { ensureBusiness } from '../catalog/business';
import { loadFixture } from '../catalog/fixture';
import { fullSync } from '../catalog/sync';
import { startLocal, type Local, type LocalOptions } from '../host/local';
import { createNailItClient } from '../provider/nailit-client';
import { startSimulator, type Simulator } from '../provider/simulator';
import type { Database } from '../store/database';
import { runReminders } from './job';
import { reminderPolicy } from './schedule';
import { parseConfiguration } from '../config/parse';

const fixture = loadFixture('kuwait-spa');
const business = { ...fixture.business, id: 'reminders-db' };
let now = new Date('2026-03-01T06:00:00Z'); // 09:00 in Kuwait
const clock = () => now;

let db: Database;
let sim: Simulator;
const sent: Array<{ by: string; chatId: string; text: string }> = [];
const sender = (by: string): ChannelSender => ({ send: async (chatId, text) => void sent.push({ by, chatId, text }) });
const configuration = { business, booking: { requireEmail: false } };
let a: Local;
let b: Local;

const start = (by: string) =>
  startLocal({ db, configuration: { ...configuration, provider: { baseUrl: sim.url } }, senders: { test: sender(by) }, now: clock, burstWindowMs: 0 } satisfies LocalOptions);

let n = 0;
const say = async (local: Local, chatId: string, text: string) => {
  const m: InboundChannelMessage = { integration: 'test', externalId: `m${++n}`, chatId, userPhone: chatId, userName: null, botPhoneNumberId: null, kind: 'text', text, sentAt: now };
  await local.pipeline.sink(m);
  await local.pipeline.idle();
};

beforeAll(async () => {
  db = await openTestDatabase();
  sim = await startSimulator({ fixture, seed: 1, now: clock });
  await ensureBusiness(db.prisma, business);
  await fullSync({ prisma: db.prisma, provider: createNailItClient({ baseUrl: sim.url }), businessId: business.id, now: clock, slotDays: 3 });
  a = await start('a');
  b = await start('b');
  // one booking per chat, for tomorrow 17:00 and 16:00
  for (const [chat, time] of [['+96599000101', '5pm'], ['+96599000102', '4pm']] as const) {
    await say(a, chat, `Hi, gel manicure at Avenues tomorrow at ${time} with Sara please`);
    await say(b, chat, 'Amal');
    await say(a, chat, 'yes');
  }
});

afterAll(async () => {
  await a?.close();
  await b?.close();
  await sim?.close();
  await db?.close();
});

const reminders = () => sent.filter((s) => /a reminder of your booking/.test(s.text));

describe('reminders on one database, two runtimes', () => {
  test('both ticking at once, again and again: each reminder goes out once; after a restart still once', async () => {
    expect(await db.prisma.booking.count({ where: { businessId: business.id, status: 'confirmed' } }), JSON.stringify(sent, null, 1)).toBe(2);
    now = new Date('2026-03-01T13:00:00Z'); // 16:00: a day before the second
    await Promise.all([a.tick(), b.tick(), a.tick(), b.tick()]);
    expect(reminders().map((r) => r.chatId)).toEqual(['+96599000102']);

    now = new Date('2026-03-01T14:00:00Z'); // 17:00: a day before the first
    await a.close();
    a = await start('a');
    await Promise.all([a.tick(), b.tick(), a.tick()]);
    expect(reminders().map((r) => r.chatId).sort()).toEqual(['+96599000101', '+96599000102']);

    now = new Date('2026-03-02T11:00:00Z'); // 14:00 next day: two hours before the second
    await Promise.all([b.tick(), a.tick()]);
    await Promise.all([b.tick(), a.tick()]);
    expect(reminders()).toHaveLength(3);
    const rows = await db.prisma.reminder.findMany({ where: { businessId: business.id }, orderBy: { dueAt: 'asc' } });
    expect(rows.map((r) => [r.offsetMinutes, r.status, r.attempts])).toEqual([[1440, 'sent', 1], [1440, 'sent', 1], [120, 'sent', 1]]);
    const due = (await a.host.store.listEvents()).filter((e) => e.type === 'bookwell#reminderDue');
    expect(due).toHaveLength(3);
    expect(due[0]!.payload).toMatchObject({ businessId: business.id, customerPhone: '+96599000102', language: 'en', hoursBefore: 24, location: 'The Avenues', services: [{ service: 'Gel Manicure', staff: 'Sara' }] });
  });

  test('a send that keeps failing is retried, then marked failed and logged; a later tick does not send it again', async () => {
    const config = parseConfiguration({ ...configuration, provider: { baseUrl: sim.url } });
    now = new Date('2026-03-02T12:00:00Z'); // 15:00: two hours before the first
    let attempts = 0;
    const deps = {
      prisma: db.prisma, businessId: business.id, businessName: business.name, defaultLanguage: 'en' as const, policy: reminderPolicy(config), now: clock,
      send: async () => {
        attempts++;
        throw new Error('channel down');
      },
      emitDue: async () => undefined,
      retry: { retries: 2, initialMs: 1, maxMs: 1 },
    };
    expect(await runReminders(deps)).toEqual({ sent: 0, failed: 1, eventOnly: 0 });
    expect(attempts).toBe(3);
    expect(await runReminders(deps)).toEqual({ sent: 0, failed: 0, eventOnly: 0 });
    expect(attempts).toBe(3);
    const row = await db.prisma.reminder.findFirst({ where: { businessId: business.id, offsetMinutes: 120, status: 'failed' } });
    expect(row).toMatchObject({ attempts: 3, lastError: 'channel down' });
    expect(await db.prisma.eventLog.count({ where: { businessId: business.id, kind: 'reminder_failed' } })).toBe(1);
  });
});
