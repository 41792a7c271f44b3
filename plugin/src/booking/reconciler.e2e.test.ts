/**
 * The outcome-unknown path end to end: the real bot handler with the plugin on
 * the local host, the pipeline and its outbox, the simulator over HTTP with
 * faults. The customer is told the booking is being confirmed; the plugin's
 * scheduled tick (claimed: `bookings` job) settles it and the link reaches the
 * chat once through the outbox.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { openTestDatabase } from '../../../test/support/database';
import { pluginTick } from '../../../cli/schedule';
import type { ChannelSender, InboundChannelMessage } from '../channels/types';
import { ensureBusiness } from '../catalog/business';
import { loadFixture } from '../catalog/fixture';
import { fullSync } from '../catalog/sync';
import { startLocal, type Local } from '../host/local';
import { createNailItClient } from '../provider/nailit-client';
import { startSimulator, type Simulator } from '../provider/simulator';
import type { Database } from '../store/database';

const NOW = new Date('2026-03-01T06:00:00Z');
const fixture = loadFixture('kuwait-spa');
const business = { ...fixture.business, id: 'reconciler-e2e' };
const CHAT = '+96599887766';

let db: Database;
let sim: Simulator;
let local: Local;
let now = NOW;
const sent: Array<{ chatId: string; text: string }> = [];
const sender: ChannelSender = { send: async (chatId, text) => void sent.push({ chatId, text }) };

beforeAll(async () => {
  db = await openTestDatabase();
  sim = await startSimulator({ fixture, seed: 1, now: () => NOW });
  await ensureBusiness(db.prisma, business);
  await fullSync({ prisma: db.prisma, provider: createNailItClient({ baseUrl: sim.url }), businessId: business.id, now: () => NOW, slotDays: 3 });
  local = await startLocal({
    db,
    // a short provider timeout and booking deadline (the unknown outcome costs a few seconds of real time),
    // long enough that a loaded machine does not turn the live re-check into a timeout
    configuration: { business, provider: { baseUrl: sim.url, timeoutMs: 2500 }, booking: { requireEmail: false, deadlineMs: 5000 } },
    senders: { test: sender },
    now: () => now,
    burstWindowMs: 0,
  });
});

afterAll(async () => {
  await local?.close();
  await sim?.close();
  await db?.close();
});

let n = 0;
const say = async (text: string) => {
  const before = sent.length;
  const m: InboundChannelMessage = { integration: 'test', externalId: `m${++n}`, chatId: CHAT, userPhone: CHAT, userName: null, botPhoneNumberId: null, kind: 'text', text, sentAt: NOW };
  await local.pipeline.sink(m);
  await local.pipeline.idle();
  return sent.slice(before).map((s) => s.text).join('\n');
};

/** The next minute, and the plugin's tick as Botpress Cloud (or `bookwell dev`'s croner) sends it. */
const tick = async () => {
  now = new Date(now.getTime() + 60_000);
  const before = sent.length;
  await pluginTick(local.host);
  return sent.slice(before).map((s) => s.text);
};

/** Bookings touched within twice the deadline are left to the confirmation that may still run: make this one older. */
const age = () => db.prisma.$executeRaw`UPDATE "Booking" SET "updatedAt" = now() - interval '1 hour' WHERE "businessId" = ${business.id}`;

test('unknown outcome: told the truth, no handoff; the scheduled reconciler sends the link once through the outbox', async () => {
  await say('Hi, gel manicure at Avenues tomorrow at 5pm please');
  await say('anyone is fine');
  expect(await say('Fatima Ali')).toContain('Shall I book it?');
  sim.faults.set([
    { endpoint: 'AddOrder', kind: 'timeout', call: 1 },
    { endpoint: 'GetOrder', kind: 'error', status: 503 },
  ]);
  const yes = await say('yes');
  expect(yes).toContain("I'm still confirming your booking with the salon. I'll message you here as soon as I know.");
  expect(yes).not.toMatch(/nothing was booked|colleague/i);
  expect(await db.prisma.conversation.count({ where: { businessId: business.id, handoff: true } })).toBe(0);
  expect(sim.ledger.orders()).toHaveLength(1);
  const booking = await db.prisma.booking.findFirstOrThrow({ where: { businessId: business.id } });
  expect(booking).toMatchObject({ status: 'pending', noticeDue: true });

  // (the provider failing for the reconciler too is in outcome.test.ts, the grace in recovery.test.ts)
  sim.faults.clear();
  await age();
  const link = sim.ledger.orders()[0].paymentLink;
  expect(await tick()).toEqual([`Good news: your booking is confirmed. Pay here to secure it: ${link}`]);
  expect(await db.prisma.booking.findUniqueOrThrow({ where: { id: booking.id } })).toMatchObject({ status: 'confirmed', noticeDue: false, paymentLink: link });
  // through the outbox: stored and sent
  expect(await db.prisma.outboundMessage.count({ where: { businessId: business.id, text: { contains: link }, status: 'sent' } })).toBe(1);

  // later ticks, and two at once, send nothing more; with nothing to do the job is not even claimed (no row a minute)
  const claims = () => db.prisma.eventLog.count({ where: { businessId: business.id, kind: 'sync_claimed', data: { path: ['job'], equals: 'bookings' } } });
  const claimed = await claims();
  expect(await tick()).toEqual([]);
  expect(await claims()).toBe(claimed);
  now = new Date(now.getTime() + 60_000);
  await Promise.all([pluginTick(local.host), pluginTick(local.host)]);
  expect(sent.filter((s) => s.text.includes(link))).toHaveLength(1);
  expect(sim.calls().AddOrder).toBe(1);
});
