/**
 * The plugin inside a real Botpress bot handler on the local host: actions as
 * a bot builder or an LLM agent calls them, exactly-once and ordered handling
 * of one chat's messages, the sync schedule run once however many ticks, and a
 * bad configuration refused with the field named.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openTestDatabase } from '../../../test/support/database';
import type { ChannelSender, InboundChannelMessage } from '../channels/types';
import { ensureBusiness } from '../catalog/business';
import { loadFixture } from '../catalog/fixture';
import { fullSync } from '../catalog/sync';
import { createNailItClient } from '../provider/nailit-client';
import { startSimulator, type Simulator } from '../provider/simulator';
import type { Database } from '../store/database';
import { bookingOut } from '../handlers/booking-view';
import { engineState } from './inspect';
import { startLocal, type Local } from './local';
import { createPrismaPipelineStore } from './pipeline/prisma-store';

const NOW = new Date('2026-03-01T06:00:00Z');
const fixture = loadFixture('kuwait-spa');
const business = { ...fixture.business, id: 'plugin-e2e' };
const PHONE = '+96599887766';

let db: Database;
let sim: Simulator;
let local: Local;
const sent: Array<{ chatId: string; text: string }> = [];
const sender: ChannelSender = { send: async (chatId, text) => void sent.push({ chatId, text }) };

beforeAll(async () => {
  db = await openTestDatabase();
  sim = await startSimulator({ fixture, seed: 1, now: () => NOW });
  await ensureBusiness(db.prisma, business);
  await fullSync({ prisma: db.prisma, provider: createNailItClient({ baseUrl: sim.url }), businessId: business.id, now: () => NOW, slotDays: 3 });
  local = await startLocal({
    db,
    configuration: { business, provider: { baseUrl: sim.url }, booking: { requireEmail: false } },
    senders: { test: sender },
    now: () => NOW,
    burstWindowMs: 0,
  });
});

afterAll(async () => {
  await local?.close();
  await sim?.close();
  await db?.close();
});

const action = (name: string, input: unknown) => local.host.invoke('action_triggered', `bookwell#${name}`, { type: `bookwell#${name}`, input }) as Promise<{ output: any }>;

let n = 0;
const message = (chatId: string, text: string, externalId = `m${++n}`): InboundChannelMessage => ({
  integration: 'test', externalId, chatId, userPhone: chatId, userName: null, botPhoneNumberId: null, kind: 'text', text, sentAt: NOW,
});

describe('actions through bot.handler', () => {
  test('listServices, findAvailability, createBooking (idempotent), listBookings, cancelBooking', async () => {
    const { output: services } = await action('listServices', { locationId: 'LOC-HT' });
    expect(services.services.map((s: { id: string }) => s.id)).toContain('SVC-102');
    expect(services.services.every((s: { locationIds: string[] }) => s.locationIds.includes('LOC-HT'))).toBe(true);

    // a staff member who does not perform the service is a clear error, not an empty answer
    await expect(action('findAvailability', { locationId: 'LOC-HT', serviceId: 'SVC-102', staffId: 'STF-13' })).rejects.toThrow(/400/);
    const { output: free } = await action('findAvailability', { locationId: 'LOC-HT', serviceId: 'SVC-102', staffId: 'STF-12', from: '2026-03-02T06:00:00Z', limit: 3 });
    expect(free.starts).toHaveLength(3);
    const start = free.starts[0].start as string;

    const input = {
      idempotencyKey: 'agent-booking-0001',
      locationId: 'LOC-HT',
      items: [{ serviceId: 'SVC-102', staffId: 'STF-12', start }],
      customer: { name: 'Mona', phone: '+96555511122' },
    };
    const { output: booked } = await action('createBooking', input);
    expect(booked.outcome).toBe('booked');
    expect(booked.booking).toMatchObject({ status: 'confirmed', location: 'LOC-HT', items: [{ service: 'SVC-102', staff: 'STF-12', start }] });
    expect(booked.booking.paymentLink).toMatch(/\/pay\/NI-/);
    const again = (await action('createBooking', input)).output;
    expect(again.outcome).toBe('already_booked');
    expect(sim.ledger.orders().filter((o) => o.idempotencyKey.endsWith('agent-booking-0001'))).toHaveLength(1);

    const { output: mine } = await action('listBookings', { phone: '+96555511122' });
    expect(mine.bookings.map((b: { id: string }) => b.id)).toEqual([booked.booking.id]);

    const { output: cancelled } = await action('cancelBooking', { bookingId: booked.booking.id });
    expect(cancelled).toMatchObject({ outcome: 'cancelled', booking: { status: 'cancelled' } });
    expect(sim.ledger.get({ orderId: booked.booking.providerOrderId })?.status).toBe('cancelled');
    expect((await action('listBookings', { phone: '+96555511122' })).output.bookings).toEqual([]);

    // a booking is read only within its business: another business's id is not found
    expect(await bookingOut(db.prisma, business.id, booked.booking.id)).toMatchObject({ id: booked.booking.id });
    expect(await bookingOut(db.prisma, 'another-business', booked.booking.id)).toBeNull();
  });
});

describe('the sync schedule through bot.handler', () => {
  const tick = async () => {
    const event = await local.host.store.createEvent({
      type: 'bookwell#syncTick', payload: {}, conversationId: null, userId: null, messageId: null, status: 'pending', failureReason: null,
    } as never);
    return local.host.invoke('event_received', 'bookwell#syncTick', { event });
  };
  const runs = (kind: string) => db.prisma.syncRun.count({ where: { businessId: business.id, kind } });

  test('two bots ticking at the same moment run each due job once between them, and a later tick of the same time nothing', async () => {
    const [slots, full] = [await runs('slots'), await runs('full')];
    // never run by the schedule: both jobs are due
    await Promise.all([tick(), tick()]);
    expect([await runs('slots'), await runs('full')]).toEqual([slots + 1, full + 1]);
    await tick();
    expect([await runs('slots'), await runs('full')]).toEqual([slots + 1, full + 1]);
  });
});

describe('customer messages through the pipeline and bot.handler', () => {
  test('a message delivered twice, even at once, is handled once', async () => {
    const before = sent.length;
    const m = message('+96511100001', 'Hi, I would like a gel manicure at the Avenues');
    const results = await Promise.all([local.pipeline.sink(m), local.pipeline.sink(m), local.pipeline.sink({ ...m })]);
    await local.pipeline.idle();
    expect(results.filter((r) => !r.duplicate)).toHaveLength(1);
    expect(sent.slice(before)).toHaveLength(1);
  });

  test('a photo gets "text only, please"; once a person has the chat, not even that', async () => {
    const chat = '+96511100005';
    const photo = () => ({ ...message(chat, ''), kind: 'media' as const });
    const replies = async (m: InboundChannelMessage) => {
      const before = sent.length;
      await local.pipeline.sink(m);
      await local.pipeline.idle();
      return sent.slice(before).filter((r) => r.chatId === chat).map((r) => r.text);
    };
    expect(await replies(photo())).toHaveLength(1);
    expect(await replies(message(chat, 'talk to a human'))).toHaveLength(1);
    expect(await replies(photo())).toEqual([]);
  });

  test("one chat's messages are handled in arrival order, each seeing the state the previous one left", async () => {
    const chat = '+96511100002';
    const before = sent.length;
    await local.pipeline.sink(message(chat, 'Gel manicure at Marina Mall tomorrow at 4:30pm'));
    await local.pipeline.sink(message(chat, 'anyone'));
    await local.pipeline.sink(message(chat, 'Huda Ali'));
    await local.pipeline.idle();
    const replies = sent.slice(before).filter((r) => r.chatId === chat).map((r) => r.text);
    expect(replies).toHaveLength(3);
    expect(replies[0]).toMatch(/Who would you like/);
    expect(replies[1]).toMatch(/What name/);
    expect(replies[2]).toMatch(/Shall I book it\?/);
    const [conversation] = await local.host.store.listConversations({ integration: 'test', tags: { 'test:chatId': chat } });
    expect((await engineState(local.host.store, conversation.id))?.slots).toMatchObject({ location: 'LOC-MM', name: 'Huda Ali', phone: chat });
  });
});

describe('restart', () => {
  test('replies an earlier process left unsent wait for resume(), which the caller runs once its channel can send', async () => {
    await ensureBusiness(db.prisma, { ...business, id: 'plugin-e2e-restart' });
    const pipelineStore = createPrismaPipelineStore({ prisma: db.prisma, businessId: 'plugin-e2e-restart' });
    await pipelineStore.saveOutbound({ integration: 'test', chatId: '+96511100009', text: 'Booked! (owed from before the restart)' }, NOW);
    const outbox: Array<{ chatId: string; text: string }> = [];
    const later = await startLocal({
      db,
      configuration: { business: { ...business, id: 'plugin-e2e-restart' }, provider: { baseUrl: sim.url } },
      senders: { test: { send: async (chatId, text) => void outbox.push({ chatId, text }) } },
      now: () => NOW,
    });
    try {
      expect(outbox).toEqual([]);
      await later.resume();
      expect(outbox).toEqual([{ chatId: '+96511100009', text: 'Booked! (owed from before the restart)' }]);
    } finally {
      await later.close();
    }
  });
});

describe('configuration', () => {
  test('a bad configuration is refused before anything runs, naming each wrong field', async () => {
    await expect(
      startLocal({ db, configuration: { business: { ...business, country: 'KWT', languages: ['fr' as 'en'] } }, senders: {} }),
    ).rejects.toThrow(/bookwell configuration: business\.country: .*; business\.languages\.0/);
  });

  test('a handler given a bad configuration fails with the field named, not a crash of the host', async () => {
    const bad = await import('./local-bot').then((m) => m.createLocalBot({ business: { ...business, currency: 'DINAR' } }));
    const [{ startHost }, { hostStoreFor }] = await Promise.all([import('./host'), import('./testing')]);
    const host = await startHost({ bot: bad, botId: 'bad-config', store: await hostStoreFor(db.prisma) });
    try {
      await expect(host.handleIncoming(message('+96511100003', 'hi'))).rejects.toThrow(/bot event_received message_created failed \(400\)/);
    } finally {
      await host.close();
    }
  });
});
