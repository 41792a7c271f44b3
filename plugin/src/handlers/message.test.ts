import { describe, expect, it } from 'vitest';
import { encodeProfile } from '../channels/botpress-cloud/profile';
import type { HandlerContext } from './context';
import { channelPhone, handleMessage, type StoredConversation } from './message';

const SECRET = 'a-secret-shared-with-the-bridge';
const KEY = { secret: SECRET, botId: 'bot_pearl_spa' };
const NOW = new Date('2026-03-01T06:00:00Z');
const VERIFY = { key: KEY, now: NOW };

describe('channelPhone', () => {
  it('reads the userPhone conversation tag first, with or without the integration prefix', () => {
    expect(channelPhone({ 'whatsapp:userPhone': '+96599887766' }, { 'whatsapp:userId': '+96511111111' })).toBe('+96599887766');
    expect(channelPhone({ userPhone: '+96599887766' }, {})).toBe('+96599887766');
  });

  it('falls back to the number in the Chat user profile when signed with the configured secret (a Cloud bot fed by the bridge through the Chat API)', () => {
    const profile = encodeProfile({ channel: 'whatsapp', phone: '+96599887766', name: 'Noura' }, KEY, NOW);
    expect(channelPhone({ 'chat:owner': 'user_1' }, { 'chat:profile': profile, 'chat:fid': 'user_1' }, VERIFY)).toBe('+96599887766');
  });

  it('ignores a profile number it cannot verify: no secret configured, unsigned, signed with another secret or for another bot, expired', () => {
    const noura = { channel: 'whatsapp', phone: '+96599887766', name: 'Noura' };
    const signed = encodeProfile(noura, KEY, NOW);
    expect(channelPhone({}, { 'chat:profile': signed })).toBeNull();
    expect(channelPhone({}, { 'chat:profile': signed }, { key: null, now: NOW })).toBeNull();
    expect(channelPhone({}, { 'chat:profile': encodeProfile(noura) }, VERIFY)).toBeNull();
    expect(channelPhone({}, { 'chat:profile': encodeProfile(noura, { ...KEY, secret: 'someone-elses-secret' }, NOW) }, VERIFY)).toBeNull();
    expect(channelPhone({}, { 'chat:profile': encodeProfile(noura, { ...KEY, botId: 'bot_other' }, NOW) }, VERIFY)).toBeNull();
    expect(channelPhone({}, { 'chat:profile': signed }, { key: KEY, now: new Date('2026-03-03T06:00:00Z') })).toBeNull();
  });

  it('ignores profiles of other Chat API clients', () => {
    expect(channelPhone({}, { 'chat:profile': 'vip customer' }, VERIFY)).toBeNull();
    expect(channelPhone({}, { 'chat:profile': '{"phone":"call me"}' }, VERIFY)).toBeNull();
  });

  it('takes no number from anything the channel does not assert: a user id, a chat id, a tag that is not a number', () => {
    // the local host tags the user with the chat id when the channel has no phone (terminal, web chat)
    expect(channelPhone({ 'terminal:chatId': 'terminal' }, { 'terminal:userId': 'terminal' }, VERIFY)).toBeNull();
    expect(channelPhone({}, { 'whatsapp:userId': '+96599887766' }, VERIFY)).toBeNull();
    expect(channelPhone({ 'whatsapp:userPhone': 'call me maybe 99887766' }, {})).toBeNull();
  });

  it('gives the number in E.164 whether the channel writes +digits or digits (Meta), Mexican 521 included', () => {
    expect(channelPhone({ 'whatsapp:userPhone': '96599887766' }, {})).toBe('+96599887766');
    expect(channelPhone({ 'whatsapp:userPhone': '5215512345678' }, {})).toBe('+525512345678');
  });
});

describe('handleMessage, a message handled again', () => {
  it('after a crash between saving the state and sending: the replies its turn recorded, not a turn against the state it produced', async () => {
    const stored: StoredConversation = { engine: { phase: 'confirmed' }, lastOutcome: 'confirmed', turn: { messageId: 'msg-yes', replies: ['Booking it now…', 'Booked! Pay here: http://x/pay/NI-1'] } };
    const sent: string[] = [];
    // nothing past the state is reached: no catalog, no engine, no booking service
    const ctx = { config: { channels: { chatProfileSecret: null } }, services: {} } as unknown as HandlerContext;
    const ports = {
      state: { getOrSet: async () => stored, set: async () => expect.unreachable('a second turn saved a state') },
      send: async (text: string) => void sent.push(text),
      conversationTags: { 'whatsapp:userPhone': '+96599887766' },
      userTags: {},
      userName: null,
      botId: 'bot',
      now: () => NOW,
    };
    await handleMessage({ id: 'msg-yes', conversationId: 'conv-1', type: 'text', payload: { text: 'yes' }, tags: {} }, ctx, ports);
    expect(sent).toEqual(['Booking it now…', 'Booked! Pay here: http://x/pay/NI-1']);
  });
});
