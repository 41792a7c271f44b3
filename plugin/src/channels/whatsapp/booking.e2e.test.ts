/**
 * A whole booking over WhatsApp: a fake whatsapp-web.js client (the library's
 * own Message structures) → the bridge → the inbound pipeline → the real bot
 * handler with the Bookwell plugin on the local host → the provider simulator
 * over HTTP, on a real database. Nothing here needs a phone or a browser.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openTestDatabase } from '../../../../test/support/database';
import { ensureBusiness } from '../../catalog/business';
import { loadFixture } from '../../catalog/fixture';
import { fullSync } from '../../catalog/sync';
import { startLocal, type Local } from '../../host/local';
import { createNailItClient } from '../../provider/nailit-client';
import { startSimulator, type Simulator } from '../../provider/simulator';
import type { Database } from '../../store/database';
import { startWhatsAppBridge, type WhatsAppBridge } from './bridge';
import { FakeWhatsApp, rawMessage } from './testing/fake-client';
import { recordingLogger } from './testing/logger';

const NOW = new Date('2026-03-01T06:00:00Z'); // Sunday 09:00 in Kuwait
const NOURA = '96599887766@c.us';
const fixture = loadFixture('kuwait-spa');
const business = { ...fixture.business, id: 'whatsapp-e2e' };

let db: Database;
let sim: Simulator;
let local: Local;
let world: FakeWhatsApp;
let bridge: WhatsAppBridge;

beforeAll(async () => {
  db = await openTestDatabase();
  sim = await startSimulator({ fixture, seed: 1, now: () => NOW });
  await ensureBusiness(db.prisma, business);
  await fullSync({ prisma: db.prisma, provider: createNailItClient({ baseUrl: sim.url }), businessId: business.id, now: () => NOW, slotDays: 3 });
  world = new FakeWhatsApp();
  world.linked = true;
  let sender: WhatsAppBridge['sender'] | undefined;
  local = await startLocal({
    db,
    configuration: { business, provider: { baseUrl: sim.url }, booking: { requireEmail: false } },
    senders: { whatsapp: { send: (chat, text) => sender!.send(chat, text), typing: (chat, on) => sender!.typing!(chat, on) } },
    now: () => NOW,
    burstWindowMs: 0,
  });
  bridge = startWhatsAppBridge({ createClient: world.createClient, sink: local.pipeline.sink, logger: recordingLogger(), sender: { minGapMs: 0, retries: 0 } });
  sender = bridge.sender;
});

afterAll(async () => {
  await bridge?.stop();
  await local?.close();
  await sim?.close();
  await db?.close();
});

async function say(body: string, times = 1) {
  const before = world.sent.length;
  world.receive(rawMessage({ from: NOURA, body, name: 'Noura' }), times);
  for (let i = 0; i < 3; i++) {
    await bridge.idle();
    await local.pipeline.idle();
  }
  return world.sent.slice(before).map((m) => m.text);
}

describe('booking over the WhatsApp bridge', () => {
  test('books with the number WhatsApp gives, answers each message once, sends the payment link', async () => {
    await bridge.idle();
    const first = await say('Hi, gel manicure at Avenues tomorrow at 5pm with Sara please', 2); // delivered twice
    expect(first).toHaveLength(1);
    expect(first[0]).toContain('Gel Manicure');
    expect(first[0]).toMatch(/name/i);
    // the WhatsApp profile name is offered; the phone is never asked
    expect(await say('Noura Saleh')).toEqual([expect.stringContaining('Shall I book it?')]);
    const summary = world.sent.at(-1)!.text;
    expect(summary).toContain('+96599887766');
    const booked = await say('yes');
    expect(booked.join('\n')).toMatch(/\/pay\/NI-\d+/);
    expect(sim.ledger.orders()).toHaveLength(1);
    expect(sim.ledger.orders()[0]).toMatchObject({ status: 'confirmed' });
    const rows = await db.prisma.booking.findMany({ where: { businessId: business.id }, include: { customer: true } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: 'confirmed', customer: { phone: '+96599887766' } });
    expect(world.sent.every((m) => m.chatId === NOURA)).toBe(true);
  });

  test('a photo gets a polite text-only answer in the customer language, and nothing else changes', async () => {
    const before = world.sent.length;
    world.receive(rawMessage({ from: NOURA, type: 'image', name: 'Noura' }));
    for (let i = 0; i < 3; i++) {
      await bridge.idle();
      await local.pipeline.idle();
    }
    expect(world.sent.slice(before).map((m) => m.text)).toEqual(['Sorry, I can only read text messages. Please type what you would like.']);
    expect(sim.ledger.orders()).toHaveLength(1);
  });
});
