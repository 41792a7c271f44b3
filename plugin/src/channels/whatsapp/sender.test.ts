import { beforeEach, describe, expect, test } from 'vitest';
import { createWhatsAppSender } from './sender';
import { FakeWhatsApp, type FakeWaClient } from './testing/fake-client';
import { virtualClock, type VirtualClock } from './testing/fake-pipeline';
import { recordingLogger, type RecordingLogger } from './testing/logger';

let world: FakeWhatsApp;
let client: FakeWaClient | null;
let clock: VirtualClock;
let logger: RecordingLogger;

beforeEach(async () => {
  world = new FakeWhatsApp();
  client = world.createClient();
  await client.initialize();
  clock = virtualClock();
  logger = recordingLogger();
});

const sender = (options = {}) =>
  createWhatsAppSender({ client: () => client, chatIdFor: (phone) => `${phone.slice(1)}@c.us`, logger, sleep: clock.sleep, now: clock.now, options });

describe('WhatsApp sender', () => {
  test('sends Markdown as WhatsApp formatting to the customer’s chat', async () => {
    await sender().send('+96599887766', '**Gel Manicure** at ~~Salmiya~~ Avenues');
    expect(world.sent).toEqual([{ chatId: '96599887766@c.us', text: '*Gel Manicure* at ~Salmiya~ Avenues' }]);
  });

  test('a long reply is split into parts, sent in order, spaced by the per-chat gap', async () => {
    const text = 'Our Avenues branch is open from 10am to 10pm every day. '.repeat(30);
    await sender({ maxLength: 400, minGapMs: 1000 }).send('+96599887766', text);
    // 56-character sentences: 7 fit in 400, so 30 make 5 parts.
    expect(world.sent.length).toBe(5);
    expect(world.sent.every((m) => m.text.length <= 400 && m.text.endsWith('day.'))).toBe(true);
    expect(world.sent.map((m) => m.text).join(' ')).toBe(text.trim());
    expect(clock.sleeps).toEqual(Array(world.sent.length - 1).fill(1000));
  });

  test('replies to one chat never interleave; other chats are not held back', async () => {
    const s = sender({ maxLength: 20, minGapMs: 500 });
    await Promise.all([s.send('+96599887766', 'One. Two. Three. Four.'), s.send('+96599887766', 'Five.'), s.send('+14155550123', 'Hello.')]);
    const a = world.sent.filter((m) => m.chatId === '96599887766@c.us').map((m) => m.text);
    expect(a).toEqual(['One. Two. Three.', 'Four.', 'Five.']);
    expect(world.sent.filter((m) => m.chatId === '14155550123@c.us')).toHaveLength(1);
  });

  test('a failed send is retried with backoff and logged', async () => {
    world.failSends = 2;
    await sender({ retries: 3, retryBackoffMs: 200, minGapMs: 0 }).send('+96599887766', 'Booked!');
    expect(world.sent).toEqual([{ chatId: '96599887766@c.us', text: 'Booked!' }]);
    expect(clock.sleeps).toEqual([200, 400]);
    expect(logger.lines.filter((l) => l.level === 'warn').map((l) => l.message)).toEqual(['send failed, retrying', 'send failed, retrying']);
  });

  test('when retries run out the error is logged and thrown to the pipeline', async () => {
    client = null;
    await expect(sender({ retries: 2, retryBackoffMs: 100 }).send('+96599887766', 'Booked!')).rejects.toThrow(/not connected/);
    expect(logger.lines.at(-1)).toMatchObject({ level: 'error', message: 'send failed', data: { chatId: '+96599887766', part: '1/1' } });
  });

  test('typing indicator on and off; a failure is only logged', async () => {
    const s = sender();
    await s.typing?.('+96599887766', true);
    await s.typing?.('+96599887766', false);
    expect(world.typing).toEqual([
      { chatId: '96599887766@c.us', on: true },
      { chatId: '96599887766@c.us', on: false },
    ]);
    await client?.destroy();
    await expect(s.typing?.('+96599887766', true)).resolves.toBeUndefined();
    expect(logger.lines.at(-1)?.message).toBe('typing indicator failed');
  });
});
