import { describe, expect, test } from 'vitest';
import { languageForPhone, mediaReply, normalizeMessage, toE164, type NormalizeContext } from './normalize';
import { FakeWhatsApp, rawMessage } from './testing/fake-client';

const world = new FakeWhatsApp();
const build = (fields: Parameters<typeof rawMessage>[0]) => world.receive(rawMessage(fields));
const ctx: NormalizeContext = {
  botPhone: '+96522000000',
  phoneIdOfLid: async (lid) => (lid === '184467440737095@lid' ? '96599887766@c.us' : null),
  now: () => new Date('2026-03-01T06:00:00Z'),
};

describe('normalizeMessage', () => {
  test('a text message takes the InboundChannelMessage shape', async () => {
    const msg = build({ from: '96599887766@c.us', body: 'Gel manicure tomorrow 5pm', name: 'Noura', t: 1_772_352_000 });
    expect(await normalizeMessage(msg, ctx)).toEqual({
      integration: 'whatsapp',
      externalId: msg.id._serialized,
      chatId: '+96599887766',
      userPhone: '+96599887766',
      userName: 'Noura',
      botPhoneNumberId: '+96522000000',
      kind: 'text',
      text: 'Gel manicure tomorrow 5pm',
      sentAt: new Date(1_772_352_000_000),
    });
  });

  test('own messages, groups, status updates, broadcasts and channels are ignored', async () => {
    const ignored = [
      build({ from: '96599887766@c.us', body: 'sent from the phone', fromMe: true }),
      build({ from: '120363025246125486@g.us', body: 'hi group', author: '96599887766@c.us' }),
      build({ from: 'status@broadcast', body: 'my status', author: '96599887766@c.us' }),
      build({ from: '1700000000@broadcast', body: 'broadcast list' }),
      build({ from: '120363144038483540@newsletter', body: 'channel post' }),
      build({ from: '96599887766@c.us', type: 'e2e_notification' }),
      build({ from: '96599887766@c.us', type: 'revoked' }),
    ];
    for (const msg of ignored) expect(await normalizeMessage(msg, ctx)).toBeNull();
  });

  test('an @lid sender is mapped to its phone number; unknown lids are skipped', async () => {
    const known = await normalizeMessage(build({ from: '184467440737095@lid', body: 'hola' }), ctx);
    expect(known).toMatchObject({ chatId: '+96599887766', userPhone: '+96599887766' });
    expect(await normalizeMessage(build({ from: '999999999999999@lid', body: 'hola' }), ctx)).toBeNull();
  });

  test('media becomes a kind with empty text, captions included', async () => {
    const cases: Array<[string, string]> = [
      ['ptt', 'voice'],
      ['audio', 'voice'],
      ['image', 'media'],
      ['video', 'media'],
      ['document', 'media'],
      ['sticker', 'sticker'],
      ['location', 'location'],
      ['vcard', 'other'],
    ];
    for (const [type, kind] of cases) {
      const m = await normalizeMessage(build({ from: '96599887766@c.us', type, body: 'a caption' }), ctx);
      expect(m, type).toMatchObject({ kind, text: '' });
    }
  });

  test('a button or list reply is text', async () => {
    expect(await normalizeMessage(build({ from: '96599887766@c.us', type: 'list_response', body: 'Avenues' }), ctx)).toMatchObject({ kind: 'text', text: 'Avenues' });
  });

  test('no profile name → userName null; no timestamp → now', async () => {
    const m = await normalizeMessage(build({ from: '96599887766@c.us', body: 'hi', t: 0 }), ctx);
    expect(m).toMatchObject({ userName: null, sentAt: ctx.now() });
  });
});

describe('toE164', () => {
  test('Mexican mobiles lose WhatsApp’s legacy 1: +521… → +52…', () => {
    expect(toE164('5215512345678@c.us')).toBe('+525512345678');
    expect(toE164('525512345678@c.us')).toBe('+525512345678');
  });

  test('device suffixes and other countries', () => {
    expect(toE164('96599887766:12@c.us')).toBe('+96599887766');
    expect(toE164('14155550123')).toBe('+14155550123');
    expect(toE164('123@c.us')).toBeNull();
  });
});

describe('mediaReply', () => {
  test('says in en/ar/es that only text is understood', () => {
    expect(mediaReply('en')).toMatch(/only read text/);
    expect(mediaReply('es')).toMatch(/mensajes de texto/);
    expect(mediaReply('ar')).toMatch(/النصية/);
  });

  test('the language is guessed from the number before any text', () => {
    expect(languageForPhone('+525512345678')).toBe('es');
    expect(languageForPhone('+96599887766')).toBe('ar');
    expect(languageForPhone('+14155550123')).toBe('en');
    expect(languageForPhone(null)).toBe('en');
  });
});
