import { describe, expect, test } from 'vitest';
import type { InboundChannelMessage } from '../types';
import { startWhatsAppBridge } from './bridge';
import { languageForPhone, mediaReply } from './normalize';
import { FakeWhatsApp, rawMessage } from './testing/fake-client';
import { createFakePipeline, virtualClock, type Bot } from './testing/fake-pipeline';
import { recordingLogger } from './testing/logger';

const NOURA = '96599887766@c.us';

/** A scripted booking conversation, answering in Markdown like the plugin's templates. */
function bookingBot(): Bot {
  const step = new Map<string, number>();
  const script = [
    (m: InboundChannelMessage) => `Hi ${m.userName}! Which **service** would you like, and at which branch?`,
    () => 'Which *day and time* suits you?',
    () => '## Your booking\n**Gel Manicure** at Avenues, tomorrow at 5pm. Shall I book it?',
    () => 'Booked ✅ [Pay here](https://pay.example/o/1)',
  ];
  return (m) => {
    if (m.kind !== 'text') return null;
    const i = step.get(m.chatId) ?? 0;
    step.set(m.chatId, i + 1);
    return script[i]?.(m) ?? null;
  };
}

const echoBot: Bot = (m) => (m.kind === 'text' ? `you said: ${m.text}` : null);

function setup(options: { bot?: Bot; linked?: boolean; answerMedia?: boolean } = {}) {
  const world = new FakeWhatsApp();
  world.linked = options.linked ?? true;
  const clock = virtualClock();
  const logger = recordingLogger();
  const qrs: Array<{ qr: string; state: string; statusQr: string | null }> = [];
  const pipeline = createFakePipeline(options.bot ?? echoBot);
  const bridge = startWhatsAppBridge({
    createClient: world.createClient,
    sink: pipeline.sink,
    logger,
    now: clock.now,
    sleep: clock.sleep,
    backoff: { initialMs: 1000, maxMs: 8000, factor: 2 },
    onQr: (qr) => qrs.push({ qr, state: bridge.status().state, statusQr: bridge.status().qr }),
    mediaReply: options.answerMedia ? (m) => mediaReply(languageForPhone(m.userPhone)) : undefined,
    sender: { minGapMs: 0 },
  });
  pipeline.attach(bridge.sender);
  const settle = async () => {
    for (let i = 0; i < 3; i++) {
      await bridge.idle();
      await pipeline.idle();
    }
  };
  return { world, clock, logger, qrs, pipeline, bridge, settle };
}

describe('WhatsApp bridge', () => {
  test('a full booking chat: each message reaches the pipeline once, replies come back formatted, with typing', async () => {
    const { world, pipeline, bridge, settle } = setup({ bot: bookingBot() });
    await settle();
    expect(bridge.status()).toMatchObject({ state: 'ready', botPhone: '+96522000000' });
    for (const body of ['Hi', 'Gel manicure at Avenues', 'tomorrow 5pm', 'yes']) {
      world.receive(rawMessage({ from: NOURA, body, name: 'Noura' }));
      await settle();
    }
    expect(pipeline.stored.map((m) => [m.chatId, m.userName, m.text, m.botPhoneNumberId])).toEqual([
      ['+96599887766', 'Noura', 'Hi', '+96522000000'],
      ['+96599887766', 'Noura', 'Gel manicure at Avenues', '+96522000000'],
      ['+96599887766', 'Noura', 'tomorrow 5pm', '+96522000000'],
      ['+96599887766', 'Noura', 'yes', '+96522000000'],
    ]);
    expect(world.sent).toEqual([
      { chatId: NOURA, text: 'Hi Noura! Which *service* would you like, and at which branch?' },
      { chatId: NOURA, text: 'Which _day and time_ suits you?' },
      { chatId: NOURA, text: '*Your booking*\n*Gel Manicure* at Avenues, tomorrow at 5pm. Shall I book it?' },
      { chatId: NOURA, text: 'Booked ✅ Pay here (https://pay.example/o/1)' },
    ]);
    expect(world.typing.filter((t) => t.on)).toHaveLength(4);
    expect(world.typing.filter((t) => !t.on)).toHaveLength(4);
  });

  test('the same message emitted as message_create and twice as message → one reply', async () => {
    const { world, pipeline, settle } = setup();
    await settle();
    world.receive(rawMessage({ from: NOURA, body: 'price of pedicure?' }), 2);
    await settle();
    expect(pipeline.stored).toHaveLength(1);
    expect(pipeline.duplicatesDropped).toBe(1);
    expect(world.sent).toEqual([{ chatId: NOURA, text: 'you said: price of pedicure?' }]);
  });

  test('disconnect → a new client with each listener registered once → unread messages caught up once', async () => {
    const { world, clock, pipeline, bridge, logger, settle } = setup();
    await settle();
    world.receive(rawMessage({ from: NOURA, body: 'before' }));
    await settle();

    world.disconnect('NAVIGATION');
    // While the bridge waits out its backoff, customers keep writing: the messages stay unread on the phone.
    world.lids.set('184467440737095@lid', '5215512345678@c.us');
    world.receive(rawMessage({ from: NOURA, body: 'while away 1', t: 1_772_352_100 }));
    world.receive(rawMessage({ from: '184467440737095@lid', body: 'while away 2', t: 1_772_352_200 }));
    await settle();

    expect(world.clients).toHaveLength(2);
    expect(world.clients[0].destroyed).toBe(true);
    expect(world.clients[0].listenerCount('message')).toBe(0);
    for (const event of ['qr', 'authenticated', 'auth_failure', 'ready', 'change_state', 'disconnected', 'message']) {
      expect(world.clients[1].registrations[event], event).toBe(1);
      expect(world.clients[1].listenerCount(event), event).toBe(1);
    }
    expect(world.clients[1].listenerCount('message_create')).toBe(0);
    expect(clock.sleeps).toEqual([1000]);
    expect(bridge.status()).toMatchObject({ state: 'ready', reconnects: 1 });
    expect(pipeline.stored.map((m) => [m.chatId, m.text])).toEqual([
      ['+96599887766', 'before'],
      ['+96599887766', 'while away 1'],
      ['+525512345678', 'while away 2'],
    ]);
    // The @lid customer is answered in the chat they wrote from.
    expect(world.sent.map((m) => m.chatId)).toEqual([NOURA, NOURA, '184467440737095@lid']);
    expect([...world.chats.values()].every((c) => c.unread === 0)).toBe(true);

    // A second reconnect finds nothing unread: nothing is delivered again.
    world.disconnect('CONFLICT');
    await settle();
    expect(world.clients).toHaveLength(3);
    expect(pipeline.stored).toHaveLength(3);
    expect(world.sent).toHaveLength(3);
    expect(logger.lines.filter((l) => l.message === 'caught up on unread messages')).toHaveLength(1);
  });

  test('catch-up re-delivers what the pipeline already has: still one reply', async () => {
    const { world, pipeline, settle } = setup({ bot: () => null });
    await settle();
    // Stored but never answered, so the chat stays unread.
    world.receive(rawMessage({ from: NOURA, body: 'hello' }));
    await settle();
    world.disconnect();
    await settle();
    expect(pipeline.stored).toHaveLength(1);
    expect(pipeline.duplicatesDropped).toBe(1);
    expect(world.chat(NOURA).unread).toBe(0);
  });

  test('Chromium failing to start is retried with growing backoff', async () => {
    const world0 = new FakeWhatsApp();
    world0.failInitialize = 4;
    const clock = virtualClock();
    const bridge = startWhatsAppBridge({
      createClient: world0.createClient,
      sink: async () => ({ duplicate: false }),
      logger: recordingLogger(),
      now: clock.now,
      sleep: clock.sleep,
      backoff: { initialMs: 1000, maxMs: 5000, factor: 2 },
    });
    await bridge.idle();
    expect(clock.sleeps).toEqual([1000, 2000, 4000, 5000]);
    expect(world0.clients.filter((c) => c.destroyed)).toHaveLength(4);
    expect(bridge.status().state).toBe('ready');
  });

  test('group, status, broadcast, channel and own messages are ignored', async () => {
    const { world, pipeline, settle } = setup();
    await settle();
    world.receive(rawMessage({ from: '120363025246125486@g.us', body: 'hi all', author: NOURA }));
    world.receive(rawMessage({ from: 'status@broadcast', body: 'my status', author: NOURA }));
    world.receive(rawMessage({ from: '120363144038483540@newsletter', body: 'news' }));
    world.receive(rawMessage({ from: NOURA, body: 'typed on the phone by the owner', fromMe: true }));
    world.disconnect();
    await settle();
    expect(pipeline.stored).toEqual([]);
    expect(world.sent).toEqual([]);
  });

  test('a voice note, image, sticker and location are answered politely, once each, in the customer’s language', async () => {
    const { world, pipeline, settle } = setup({ answerMedia: true });
    await settle();
    world.receive(rawMessage({ from: NOURA, type: 'ptt' }), 2);
    world.receive(rawMessage({ from: '5215512345678@c.us', type: 'image', body: 'like this' }));
    world.receive(rawMessage({ from: '14155550123@c.us', type: 'sticker' }));
    world.receive(rawMessage({ from: '14155550123@c.us', type: 'location' }));
    await settle();
    expect(pipeline.stored.map((m) => m.kind)).toEqual(['voice', 'media', 'sticker', 'location']);
    expect(world.sent).toEqual([
      { chatId: NOURA, text: mediaReply('ar') },
      { chatId: '5215512345678@c.us', text: mediaReply('es') },
      { chatId: '14155550123@c.us', text: mediaReply('en') },
      { chatId: '14155550123@c.us', text: mediaReply('en') },
    ]);
  });

  test('a sink failure is logged and the chat stays unread for the next catch-up', async () => {
    const world = new FakeWhatsApp();
    const logger = recordingLogger();
    let failing = true;
    const stored: string[] = [];
    const bridge = startWhatsAppBridge({
      createClient: world.createClient,
      sink: async (m) => {
        if (failing) throw new Error('database is down');
        stored.push(m.text);
        return { duplicate: false };
      },
      logger,
      sleep: async () => {},
    });
    await bridge.idle();
    world.disconnect();
    world.receive(rawMessage({ from: NOURA, body: 'anyone there?' }));
    await bridge.idle();
    expect(logger.lines.find((l) => l.level === 'error')).toMatchObject({ message: 'inbound message failed', data: { error: 'database is down' } });
    expect(world.chat(NOURA).unread).toBe(1);
    failing = false;
    world.disconnect();
    await bridge.idle();
    expect(stored).toEqual(['anyone there?']);
  });

  test('QR login: printed, exposed in the status while waiting, cleared once linked', async () => {
    const { qrs, bridge, settle } = setup({ linked: false });
    await settle();
    expect(qrs).toEqual([{ qr: '2@fake-qr-1', state: 'qr', statusQr: '2@fake-qr-1' }]);
    expect(bridge.status()).toMatchObject({ state: 'ready', qr: null });
  });

  test('ready() waits for `ready`, which whatsapp-web.js emits after initialize() resolved (QR scan, chat sync)', async () => {
    const world = new FakeWhatsApp();
    world.holdReady = true;
    const bridge = startWhatsAppBridge({ createClient: world.createClient, sink: async () => ({ duplicate: false }), logger: recordingLogger(), sleep: async () => {}, sender: { retries: 0, minGapMs: 0 } });
    let ready = false;
    void bridge.ready().then(() => (ready = true));
    await bridge.idle(); // initialize() has resolved: what resuming used to wait for
    expect(bridge.status().state).toBe('authenticated');
    expect(ready).toBe(false);
    await expect(bridge.sender.send('+96599887766', 'too early')).rejects.toThrow('WhatsApp is not connected');

    world.becomeReady();
    await bridge.ready();
    await bridge.sender.send('+96599887766', 'now it goes');
    expect(world.sent).toEqual([{ chatId: NOURA, text: 'now it goes' }]);
    // once ready, it stays resolved through reconnects
    world.disconnect();
    await bridge.idle();
    await expect(bridge.ready()).resolves.toBeUndefined();
    await bridge.stop();
    await expect(bridge.ready()).resolves.toBeUndefined();
  });

  test('ready() rejects when the bridge stops before WhatsApp was ready', async () => {
    const world = new FakeWhatsApp();
    world.holdReady = true;
    const bridge = startWhatsAppBridge({ createClient: world.createClient, sink: async () => ({ duplicate: false }), logger: recordingLogger(), sleep: async () => {} });
    await bridge.idle();
    const ready = bridge.ready();
    await bridge.stop();
    await expect(ready).rejects.toThrow('WhatsApp bridge stopped before it was ready');
  });

  test('stop destroys the client and ignores its later events', async () => {
    const { world, pipeline, bridge, settle } = setup();
    await settle();
    await bridge.stop();
    expect(world.clients[0].destroyed).toBe(true);
    expect(bridge.status().state).toBe('stopped');
    world.clients[0].emit('message', world.receive(rawMessage({ from: NOURA, body: 'late' })));
    await settle();
    expect(pipeline.stored).toEqual([]);
  });
});
