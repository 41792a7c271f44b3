/**
 * Cloud mode end to end: a fake whatsapp-web.js client → the bridge → the
 * inbound pipeline on a real database → the forwarder → the real
 * @botpress/chat client over HTTP → a fake Chat API on 127.0.0.1 whose bot
 * answers; replies come back over the Chat API's event stream → the outbox
 * → the bridge → the WhatsApp chat.
 */
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { openTestDatabase } from '../../../../test/support/database';
import { createPrismaPipelineStore } from '../../host/pipeline/prisma-store';
import type { Database } from '../../store/database';
import type { ChannelSender, InboundChannelMessage } from '../types';
import { startWhatsAppBridge, type WhatsAppBridge } from '../whatsapp/bridge';
import { mediaReply } from '../whatsapp/normalize';
import { FakeWhatsApp, rawMessage } from '../whatsapp/testing/fake-client';
import { recordingLogger, type RecordingLogger } from '../whatsapp/testing/logger';
import { createChatApi } from './chat-api';
import { createPrismaLinkStore, type ChatLink } from './links';
import { profilePhone } from './profile';
import { startCloud, type Cloud, type CloudOptions } from './start';
import { startFakeChatApi, type FakeChatApi } from './testing/fake-chat-api';

const NOURA = '96599887766@c.us';
const FAST: CloudOptions['forwarder'] = { retry: { retries: 2, initialMs: 1, maxMs: 2 }, session: { backoff: { initialMs: 1, maxMs: 5 } }, replyTimeoutMs: 5_000 };
const NOURA_PHONE = '+96599887766';
const PROFILE_KEY = { secret: 'cloud-e2e-profile-secret', botId: 'bot_cloud_e2e' };

let db: Database;
let fake: FakeChatApi;

beforeAll(async () => {
  db = await openTestDatabase();
  fake = await startFakeChatApi();
});

afterAll(async () => {
  await fake?.close();
  await db?.close();
});

const running: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const stop of running.splice(0).reverse()) await stop();
  fake.bot = ({ text }) => [`echo: ${text}`];
});

let tenants = 0;

/** The bridge and Cloud mode on one business; `restart()` stops both and starts them again on the same database and phone. */
async function start(over: Partial<CloudOptions> = {}) {
  const businessId = `cloud-e2e-${++tenants}`;
  await db.prisma.business.create({ data: { id: businessId, name: 'Spa', country: 'KW', currency: 'KWD', timezone: 'Asia/Kuwait', languages: ['en'] } });
  const world = new FakeWhatsApp();
  const logger = recordingLogger();
  const s = { world, logger, businessId, cloud: undefined as unknown as Cloud, bridge: undefined as unknown as WhatsAppBridge };

  const up = async () => {
    // the pipeline replies through the bridge, which needs the pipeline's sink first
    const sender: ChannelSender = { send: (chat, text) => s.bridge.sender.send(chat, text), typing: (chat, on) => s.bridge.sender.typing!(chat, on) };
    s.cloud = await startCloud({
      prisma: db.prisma,
      businessId,
      webhookId: fake.webhookId,
      chatUrl: fake.url,
      senders: { whatsapp: sender },
      logger,
      burstWindowMs: 0,
      forwarder: FAST,
      outboxRetry: { retries: 1, initialMs: 1, maxMs: 1 },
      profileKey: PROFILE_KEY,
      ...over,
    });
    s.bridge = startWhatsAppBridge({ createClient: world.createClient, sink: s.cloud.pipeline.sink, logger, sender: { minGapMs: 0, retries: 0 }, backoff: { initialMs: 1 } });
    await s.bridge.ready();
    await s.cloud.resume();
  };
  const down = async () => {
    await s.bridge.stop();
    await s.cloud.close();
  };
  await up();
  running.push(down);
  return {
    world,
    logger,
    businessId,
    get cloud() {
      return s.cloud;
    },
    /** Stops everything, runs `meanwhile`, starts again on the same database and phone. */
    async restart(meanwhile?: () => Promise<void>) {
      await down();
      await meanwhile?.();
      await up();
    },
    /** Noura writes; resolves with what the chat received once the turn is done (the bot's first reply delivered). */
    async say(body: string, opts: { times?: number; type?: string } = {}) {
      const before = world.sent.length;
      world.receive(rawMessage({ from: NOURA, body, name: 'Noura', type: opts.type }), opts.times ?? 1);
      await settle();
      return world.sent.slice(before).map((m) => m.text);
    },
    settle,
    link: () => linkOf(businessId),
  };

  async function settle() {
    await s.bridge.idle();
    await s.cloud.pipeline.idle();
    await s.cloud.forwarder.idle();
  }
}

async function linkOf(businessId: string): Promise<ChatLink | undefined> {
  const row = await db.prisma.conversation.findUnique({ where: { businessId_channel_externalId: { businessId, channel: 'whatsapp', externalId: NOURA_PHONE } } });
  return (row?.state as { botpressChat?: Record<string, ChatLink> } | undefined)?.botpressChat?.[fake.webhookId];
}

/** Waits (on loopback only) until `check` holds. */
async function until(check: () => boolean, what: string, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

const userMessages = (conversationId: string) => fake.messages.filter((m) => m.conversationId === conversationId && m.userId !== 'bot_fake');
const errorLines = (logger: RecordingLogger) => logger.lines.filter((l) => l.level === 'error').map((l) => `${l.message} ${JSON.stringify(l.data)}`);

describe('WhatsApp → Botpress Cloud bot (Chat API)', () => {
  test('a message reaches the bot as the customer, with phone and name, and its reply comes back once, with typing meanwhile', async () => {
    const s = await start();
    expect(await s.say('Hi, gel manicure tomorrow at 5pm')).toEqual(['echo: Hi, gel manicure tomorrow at 5pm']);

    const link = (await s.link())!;
    const user = fake.users.get(link.userId)!;
    expect(user.name).toBe('Noura');
    expect(profilePhone(user.profile, PROFILE_KEY, new Date())).toBe(NOURA_PHONE);
    const [sent] = userMessages(link.conversationId!);
    expect(sent!.payload).toEqual({ type: 'text', text: 'Hi, gel manicure tomorrow at 5pm' });
    expect(sent!.metadata).toMatchObject({ channel: 'whatsapp', userPhone: NOURA_PHONE, userName: 'Noura', messageId: expect.stringContaining(NOURA) });

    expect(s.world.typing).toEqual([
      { chatId: NOURA, on: true },
      { chatId: NOURA, on: false },
    ]);
    const inbound = await db.prisma.inboundMessage.findMany({ where: { businessId: s.businessId } });
    expect(inbound.map((m) => m.status)).toEqual(['handled']);
    const outbound = await db.prisma.outboundMessage.findMany({ where: { businessId: s.businessId } });
    expect(outbound.map((m) => [m.text, m.status])).toEqual([['echo: Hi, gel manicure tomorrow at 5pm', 'sent']]);
    expect(errorLines(s.logger)).toEqual([]);
  });

  test('the same WhatsApp message delivered twice is forwarded, and answered, once', async () => {
    const s = await start();
    expect(await s.say('hello', { times: 2 })).toEqual(['echo: hello']);
    // the bridge's catch-up after a reconnect hands the same message over again
    s.world.disconnect();
    await s.settle();
    await s.settle();
    expect(s.world.sent.map((m) => m.text)).toEqual(['echo: hello']);
    expect(userMessages((await s.link())!.conversationId!)).toHaveLength(1);
  });

  test("the bot's replies to one message arrive in order, each once", async () => {
    const s = await start();
    fake.bot = ({ text }) => (text === 'menu' ? ['Our services:', { type: 'choice', text: 'Which one?', options: [{ label: 'Manicure', value: 'mani' }, { label: 'Pedicure', value: 'pedi' }] }, 'Reply with one'] : []);
    await s.say('menu');
    await until(() => s.world.sent.length >= 3, 'three replies');
    await s.settle();
    expect(s.world.sent.map((m) => m.text)).toEqual(['Our services:', 'Which one?\n\n• Manicure\n• Pedicure', 'Reply with one']);
  });

  test('a restart keeps the Chat user and conversation, and delivers what the bot said meanwhile, once', async () => {
    const s = await start();
    await s.say('first');
    const before = (await s.link())!;
    const users = fake.users.size;
    const conversations = fake.conversations.size;

    await s.restart();
    fake.say(before.conversationId!, 'Your booking is confirmed'); // nobody listens now
    expect(await s.say('second')).toEqual(['Your booking is confirmed', 'echo: second']);

    const after = (await s.link())!;
    expect([after.userId, after.conversationId]).toEqual([before.userId, before.conversationId]);
    expect([fake.users.size, fake.conversations.size]).toEqual([users, conversations]);
    expect(userMessages(after.conversationId!).map((m) => m.payload)).toEqual([
      { type: 'text', text: 'first' },
      { type: 'text', text: 'second' },
    ]);
    expect(s.world.sent.map((m) => m.text)).toEqual(['echo: first', 'Your booking is confirmed', 'echo: second']);
  });

  test('a slow bot does not hold the chat: typing stops after the wait, and the late reply is delivered when it comes', async () => {
    const s = await start({ forwarder: { ...FAST, replyTimeoutMs: 20 } });
    fake.bot = () => [];
    expect(await s.say('anyone there?')).toEqual([]);
    expect(s.world.typing.map((t) => t.on)).toEqual([true, false]);
    expect(s.logger.lines).toContainEqual(expect.objectContaining({ level: 'info', message: 'no reply from the Botpress bot yet; it is delivered when it comes' }));
    expect((await db.prisma.inboundMessage.findFirstOrThrow({ where: { businessId: s.businessId } })).status).toBe('handled');
    fake.say((await s.link())!.conversationId!, 'Sorry for the wait!');
    await until(() => s.world.sent.length === 1, 'the late reply');
    expect(s.world.sent.map((m) => m.text)).toEqual(['Sorry for the wait!']);
  });

  test('a turn that reached the bot just before a crash is not sent again after the restart; its reply is delivered', async () => {
    const s = await start();
    await s.say('first');
    const link = (await s.link())!;
    const crashed: InboundChannelMessage = {
      integration: 'whatsapp',
      externalId: `false_${NOURA}_3EB0CRASHED`,
      chatId: NOURA_PHONE,
      userPhone: NOURA_PHONE,
      userName: 'Noura',
      botPhoneNumberId: '+96522000000',
      kind: 'text',
      text: 'crashed turn',
      sentAt: new Date(),
    };
    await s.restart(async () => {
      // what the dead process left: the message stored, sent to the bot, not marked handled
      await createPrismaPipelineStore({ prisma: db.prisma, businessId: s.businessId }).saveInbound(crashed, new Date());
      await createChatApi({ webhookId: fake.webhookId, baseUrl: fake.url }).createMessage(link.userKey, link.conversationId!, crashed.text, { messageId: crashed.externalId });
      await until(() => fake.messages.some((m) => m.payload.type === 'text' && m.payload.text === 'echo: crashed turn'), 'the bot to answer');
    });
    await s.settle();
    expect(userMessages(link.conversationId!).map((m) => m.payload)).toEqual([
      { type: 'text', text: 'first' },
      { type: 'text', text: 'crashed turn' },
    ]);
    expect(s.world.sent.map((m) => m.text)).toEqual(['echo: first', 'echo: crashed turn']);
    expect((await db.prisma.inboundMessage.findMany({ where: { businessId: s.businessId } })).map((m) => m.status)).toEqual(['handled', 'handled']);
  });

  test('a burst of messages goes to the bot as one message', async () => {
    const s = await start({ burstWindowMs: 50 });
    s.world.receive(rawMessage({ from: NOURA, body: 'Hi', name: 'Noura' }));
    s.world.receive(rawMessage({ from: NOURA, body: 'gel manicure please', name: 'Noura' }));
    await until(() => s.world.sent.length === 1, 'the reply');
    await s.settle();
    expect(s.world.sent.map((m) => m.text)).toEqual(['echo: Hi\ngel manicure please']);
  });

  test('a broken event stream is reopened, and a reply sent while it was down is delivered once', async () => {
    const s = await start();
    await s.say('hi');
    const { conversationId } = (await s.link())!;
    fake.dropStreams();
    fake.say(conversationId!, 'Are you still there?');
    await until(() => s.world.sent.length === 2, 'the missed reply');
    await until(() => fake.openStreams() === 1, 'the stream to reopen');
    expect(await s.say('yes')).toEqual(['echo: yes']);
    expect(s.world.sent.map((m) => m.text)).toEqual(['echo: hi', 'Are you still there?', 'echo: yes']);
    expect(s.logger.lines.map((l) => l.message)).toContain('Botpress Chat stream reconnected');
  });

  test('a stream refused when reopened (503) is reopened by a fresh listen; replies flow again and no stray stream is left open', async () => {
    const s = await start();
    await s.say('hi');
    const { conversationId } = (await s.link())!;
    const listens = () => fake.calls.filter((c) => c.operation === 'listenConversation').length;
    const before = listens();
    fake.fail('listenConversation', 2, 503);
    fake.dropStreams();
    fake.say(conversationId!, 'Are you still there?');
    await until(() => s.world.sent.length === 2, 'the missed reply');
    expect(await s.say('yes')).toEqual(['echo: yes']);
    expect(s.world.sent.map((m) => m.text)).toEqual(['echo: hi', 'Are you still there?', 'echo: yes']);
    const failures = s.logger.lines.filter((l) => l.message === 'Botpress Chat stream reconnect failed, retrying');
    expect(failures.map((l) => l.data?.error)).toEqual([expect.stringContaining('listenConversation failed (503): Service Unavailable'), expect.stringContaining('(503)')]);
    // @botpress/chat's EventSource of a refused listen retries by itself after 1 s: it must have been closed
    await new Promise((r) => setTimeout(r, 1_300));
    expect(fake.openStreams()).toBe(1);
    expect(listens() - before).toBe(3);
  });

  test('a reply the outbox gave up on (WhatsApp down) is not lost: it goes out, in order, before the next turn', async () => {
    const s = await start();
    await s.say('hi');
    fake.bot = ({ text }) => (text === 'book it' ? ['Booked ✅', 'See you tomorrow'] : [`echo: ${text}`]);
    s.world.failSends = 2; // the first reply and the outbox's one retry
    expect(await s.say('book it')).toEqual([]);
    await s.settle();
    const failed = await db.prisma.outboundMessage.findMany({ where: { businessId: s.businessId, status: 'failed' } });
    expect(failed.map((m) => m.text)).toEqual(['Booked ✅']);
    expect(s.logger.lines).toContainEqual(expect.objectContaining({ level: 'warn', message: 'bot reply not sent to the chat; sent again with the next catch-up' }));

    expect(await s.say('thanks')).toEqual(['Booked ✅', 'See you tomorrow', 'echo: thanks']);
    await s.restart();
    expect(await s.say('bye')).toEqual(['echo: bye']); // nothing sent twice after a restart either
    expect(s.world.sent.map((m) => m.text)).toEqual(['echo: hi', 'Booked ✅', 'See you tomorrow', 'echo: thanks', 'echo: bye']);
  });

  test('without a profile secret the number goes unsigned, and the start warns that the bot will ask for it', async () => {
    const s = await start({ profileKey: undefined });
    await s.say('hi');
    const profile = fake.users.get((await s.link())!.userId)!.profile;
    expect(JSON.parse(profile!)).toEqual({ channel: 'whatsapp', phone: NOURA_PHONE, name: 'Noura' });
    expect(profilePhone(profile, PROFILE_KEY, new Date())).toBeNull();
    expect(s.logger.lines).toContainEqual(expect.objectContaining({ level: 'warn', message: expect.stringContaining('asks customers for their number') }));
  });

  test('a Chat API 500 is retried and the turn goes through', async () => {
    const s = await start();
    const sends = () => fake.calls.filter((c) => c.operation === 'createMessage').length;
    const before = sends();
    fake.fail('createMessage', 1, 500);
    expect(await s.say('hello')).toEqual(['echo: hello']);
    expect(sends() - before).toBe(2);
    expect(s.logger.lines).toContainEqual(expect.objectContaining({ level: 'warn', message: 'Botpress Chat API call failed, retrying' }));
    expect((await db.prisma.inboundMessage.findFirstOrThrow({ where: { businessId: s.businessId } })).status).toBe('handled');
  });

  test('a Chat API that keeps failing marks the message failed with a clear error; the chat recovers with the next message', async () => {
    const s = await start();
    fake.fail('createUser', 3, 500);
    expect(await s.say('hello')).toEqual([]);

    const stored = await db.prisma.inboundMessage.findFirstOrThrow({ where: { businessId: s.businessId } });
    expect([stored.status, stored.text]).toEqual(['failed', 'hello']);
    const events = await db.prisma.eventLog.findMany({ where: { businessId: s.businessId, kind: 'inbound.failed' } });
    expect(events.map((e) => e.message)).toEqual(['Botpress Chat API createUser failed (500): Internal: injected failure of createUser']);
    expect(errorLines(s.logger)).toEqual([expect.stringMatching(/^message not forwarded to the Botpress bot; marked failed .*createUser failed \(500\)/)]);

    expect(await s.say('hello again')).toEqual(['echo: hello again']);
  });

  test('a user key the Chat API no longer accepts is replaced by a new Chat user', async () => {
    const s = await start();
    await s.say('hi');
    const old = (await s.link())!;
    fake.users.delete(old.userId); // e.g. the Chat integration was reinstalled
    expect(await s.say('still me')).toEqual(['echo: still me']);
    const renewed = (await s.link())!;
    expect(renewed.userId).not.toBe(old.userId);
    expect(s.logger.lines).toContainEqual(expect.objectContaining({ level: 'warn', message: 'Botpress Chat user no longer accepted; creating a new one' }));
    expect(profilePhone(fake.users.get(renewed.userId)!.profile, PROFILE_KEY, new Date())).toBe(NOURA_PHONE);
  });

  test('the profile is signed again once it is an hour old, before the message goes to the bot, so the bot never sees an expired one', async () => {
    let now = new Date('2026-03-01T06:00:00Z');
    const s = await start({ now: () => now });
    await s.say('hi');
    const userId = (await s.link())!.userId;
    const first = fake.users.get(userId)!.profile;
    const updates = () => fake.calls.filter((c) => c.operation === 'updateUser').length;
    const before = updates();

    now = new Date('2026-03-01T06:30:00Z');
    await s.say('still here');
    expect(updates()).toBe(before); // fresh enough: no call
    now = new Date('2026-03-02T09:00:00Z'); // a day later: the first signature has expired
    expect(profilePhone(first, PROFILE_KEY, now)).toBeNull();
    await s.say('back again');
    expect(updates()).toBe(before + 1);
    const renewed = fake.users.get(userId)!.profile;
    expect(profilePhone(renewed, PROFILE_KEY, now)).toBe(NOURA_PHONE);
    // the bot had the renewed profile when the message arrived
    const [last] = fake.messages.filter((m) => m.userId === userId).slice(-1);
    expect(last.payload).toMatchObject({ text: 'back again' });
  });

  test('voice notes, images and stickers get the polite text-only answer and are not forwarded', async () => {
    const s = await start();
    const before = fake.messages.length;
    expect(await s.say('', { type: 'ptt' })).toEqual([mediaReply('ar')]);
    expect(fake.messages.length).toBe(before);
    expect((await db.prisma.inboundMessage.findFirstOrThrow({ where: { businessId: s.businessId } })).status).toBe('handled');
  });

  test('a wrong webhook id stops the start with a clear error', async () => {
    await expect(start({ webhookId: 'wh_unknown' })).rejects.toThrow(/hello failed \(404\).*check --botpress-webhook-id/);
  });
});

describe('Chat links on the database', () => {
  test("live in the chat's Conversation row, per webhook id, beside whatever else its state holds", async () => {
    const businessId = `cloud-links-${++tenants}`;
    await db.prisma.business.create({ data: { id: businessId, name: 'Spa', country: 'KW', currency: 'KWD', timezone: 'Asia/Kuwait', languages: ['en'] } });
    const key = { integration: 'whatsapp', chatId: NOURA_PHONE };
    const where = { businessId_channel_externalId: { businessId, channel: 'whatsapp', externalId: NOURA_PHONE } };
    await db.prisma.conversation.create({ data: { businessId, channel: 'whatsapp', externalId: NOURA_PHONE, state: { note: 'kept' } } });
    const one = createPrismaLinkStore({ prisma: db.prisma, businessId, webhookId: 'wh_one' });
    const two = createPrismaLinkStore({ prisma: db.prisma, businessId, webhookId: 'wh_two' });
    const link: ChatLink = { userId: 'u1', userKey: 'k1', conversationId: 'c1', name: 'Noura', profile: '{}', lastReply: { createdAt: '2026-03-01T06:00:00.001Z', ids: ['m1'] } };

    expect(await one.get(key)).toBeNull();
    await Promise.all([one.save(key, link), two.save(key, { ...link, userId: 'u2' })]); // racing writers: both kept
    expect(await one.get(key)).toEqual(link);
    expect((await two.get(key))!.userId).toBe('u2');
    await one.remove(key);
    expect(await one.get(key)).toBeNull();

    const row = await db.prisma.conversation.findUniqueOrThrow({ where });
    expect(row.state).toEqual({ note: 'kept', botpressChat: { wh_two: { ...link, userId: 'u2' } } });
    expect(row.version).toBe(3);
  });
});
