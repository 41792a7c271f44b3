/**
 * Logs carry no customer's phone, chat id, email, name or message text: the
 * scrubbing itself, then a whole scripted booking over the WhatsApp bridge
 * (fake whatsapp-web.js client, the real bot on the local host, the simulator
 * over HTTP) with failed sends, an unknown `@lid` sender, a reconnect and a
 * provider outage, every line captured at pino's destination.
 */
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it, test } from 'vitest';
import { openTestDatabase } from '../../../test/support/database';
import { ensureBusiness } from '../catalog/business';
import { loadFixture } from '../catalog/fixture';
import { fullSync } from '../catalog/sync';
import { startWhatsAppBridge, type WhatsAppBridge } from '../channels/whatsapp/bridge';
import { FakeWhatsApp, rawMessage } from '../channels/whatsapp/testing/fake-client';
import { startLocal, type Local } from '../host/local';
import { createNailItClient } from '../provider/nailit-client';
import { startSimulator, type Simulator } from '../provider/simulator';
import type { Database } from '../store/database';
import { createLog, lineStream, loggerFor, rootLog, scrub, setRootLog } from './log';

function capture() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  return { lines, destination, text: () => lines.join('\n') };
}

describe('scrubbing', () => {
  it('masks numbers, chat ids and emails inside strings; keeps order numbers, URLs and counts', () => {
    expect(scrub('send to +96599000444@c.us failed')).toBe('send to [chat] failed');
    expect(scrub('false_96599000444@c.us_3EB0AB')).toBe('false_[chat]_3EB0AB');
    expect(scrub('120363025246125486@g.us and 2837465@lid')).toBe('[chat] and [chat]');
    expect(scrub('call +965 9900 0444 or 96599000444, mail noura.s+x@example.com.kw')).toBe('call [phone] or [phone], mail [email]');
    expect(scrub('order NI-000123 at http://127.0.0.1:4010/pay/NI-000123, 3 of 4 after 250 ms')).toBe('order NI-000123 at http://127.0.0.1:4010/pay/NI-000123, 3 of 4 after 250 ms');
  });

  it('censors personal fields by name, at any depth, and the message and error text', () => {
    const out = capture();
    const log = createLog({ destination: out.destination, format: 'json' });
    const l = loggerFor('whatsapp', log);
    l.warn('send failed', { chatId: '+96599000444@c.us', part: '1/2', error: 'Evaluation failed for 96599000444@c.us' });
    l.info('customer +96599000444 wrote', { data: { phone: '+96599000444', name: 'Noura Saleh', text: 'my email is noura@example.com', n: 3 } });
    log.error({ err: new Error('fetch failed for noura@example.com') }, 'boom');
    const [a, b, c] = out.lines.map((line) => JSON.parse(line));
    expect(a).toMatchObject({ scope: 'whatsapp', msg: 'send failed', chatId: '[redacted]', part: '1/2', error: 'Evaluation failed for [chat]' });
    expect(b).toMatchObject({ msg: 'customer [phone] wrote', data: { phone: '[redacted]', name: '[redacted]', text: '[redacted]', n: 3 } });
    expect(c.err.message).toBe('fetch failed for [email]');
    expect(out.text()).not.toMatch(/96599000444|noura|Noura/);
  });

  it('BOOKWELL_LOG_LEVEL and BOOKWELL_LOG_FORMAT are checked, naming the variable', () => {
    const saved = { ...process.env };
    try {
      process.env.BOOKWELL_LOG_LEVEL = 'verbose';
      expect(() => createLog({ destination: capture().destination })).toThrow(/environment variable BOOKWELL_LOG_LEVEL: "verbose" is not a level/);
      process.env.BOOKWELL_LOG_LEVEL = 'warn';
      process.env.BOOKWELL_LOG_FORMAT = 'xml';
      expect(() => createLog({ destination: capture().destination })).toThrow(/BOOKWELL_LOG_FORMAT: "xml"/);
      process.env.BOOKWELL_LOG_FORMAT = 'json';
      const out = capture();
      const log = createLog({ destination: out.destination });
      log.info('hidden');
      log.warn('shown');
      expect(out.lines.map((l) => JSON.parse(l).msg)).toEqual(['shown']);
    } finally {
      process.env = saved;
    }
  });

  it('writes `scope: message {fields}` lines for people', () => {
    const out = capture();
    loggerFor('bridge', createLog({ destination: lineStream(out.destination) })).warn('send failed', { chatId: '+96599000444@c.us', part: '1/2' });
    expect(out.lines).toEqual(['bridge: send failed {"chatId":"[redacted]","part":"1/2"}']);
  });
});

describe('the logs of a whole run over WhatsApp', () => {
  const NOW = new Date('2026-03-01T06:00:00Z');
  const PHONE = '96599887766';
  const NOURA = `${PHONE}@c.us`;
  const EMAIL = 'noura.saleh@example.com';
  const fixture = loadFixture('kuwait-spa');
  const business = { ...fixture.business, id: 'log-redaction-e2e' };
  const out = capture();
  const previous = rootLog();

  let db: Database;
  let sim: Simulator;
  let local: Local;
  let world: FakeWhatsApp;
  let bridge: WhatsAppBridge;

  beforeAll(async () => {
    // every line of the process in this run: the root logger and the bridge's
    const log = createLog({ destination: out.destination, format: 'json', level: 'debug' });
    setRootLog(log);
    db = await openTestDatabase();
    sim = await startSimulator({ fixture, seed: 1, now: () => NOW });
    await ensureBusiness(db.prisma, business);
    await fullSync({ prisma: db.prisma, provider: createNailItClient({ baseUrl: sim.url }), businessId: business.id, now: () => NOW, slotDays: 3 });
    world = new FakeWhatsApp();
    world.linked = true;
    let sender: WhatsAppBridge['sender'] | undefined;
    local = await startLocal({
      db,
      configuration: { business, provider: { baseUrl: sim.url }, booking: { requireEmail: true } },
      senders: { whatsapp: { send: (chat, text) => sender!.send(chat, text), typing: (chat, on) => sender!.typing!(chat, on) } },
      now: () => NOW,
      burstWindowMs: 0,
    });
    bridge = startWhatsAppBridge({ createClient: world.createClient, sink: local.pipeline.sink, logger: loggerFor('whatsapp'), sender: { minGapMs: 0, retries: 1, retryBackoffMs: 1 } });
    sender = bridge.sender;
  });

  afterAll(async () => {
    await bridge?.stop();
    await local?.close();
    await sim?.close();
    await db?.close();
    setRootLog(previous);
  });

  async function say(body: string, from = NOURA) {
    world.receive(rawMessage({ from, body, name: 'Noura Saleh' }));
    for (let i = 0; i < 3; i++) {
      await bridge.idle();
      await local.pipeline.idle();
    }
  }

  test('a booking with failed sends, an unknown sender and a reconnect logs no phone, chat id, email or name', async () => {
    await bridge.idle();
    world.failSends = 3; // the first reply fails twice (logged with its chat), then goes
    await say('Hi, gel manicure at Avenues tomorrow at 5pm with Sara please');
    await say('Noura Saleh');
    await say(EMAIL);
    await say('yes');
    expect(sim.ledger.orders()).toHaveLength(1);
    // a sender WhatsApp gives no number for
    await say('hello', '2837465502@lid');
    world.disconnect();
    await bridge.idle();
    world.failSends = 10; // every attempt of this reply fails: "send failed" with its chat
    await say('my bookings');

    const text = out.text();
    expect(out.lines.length).toBeGreaterThan(3); // something was logged
    expect(text).toMatch(/send failed/);
    for (const secret of [PHONE, '+965 9988 7766', EMAIL, 'Noura', 'noura', '2837465502', 'gel manicure at Avenues']) expect(text).not.toContain(secret);
  });
});
