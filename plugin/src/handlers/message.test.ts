import { describe, expect, it } from 'vitest';
import { encodeProfile } from '../channels/botpress-cloud/profile';
import { channelPhone } from './message';

describe('channelPhone', () => {
  it('reads the userPhone conversation tag first, with or without the integration prefix', () => {
    expect(channelPhone({ 'whatsapp:userPhone': '+96599887766' }, { 'whatsapp:userId': '+96511111111' })).toBe('+96599887766');
    expect(channelPhone({ userPhone: '+96599887766' }, {})).toBe('+96599887766');
  });

  it('falls back to the number in the Chat user profile (a Cloud bot fed by the bridge through the Chat API)', () => {
    const profile = encodeProfile({ channel: 'whatsapp', phone: '+96599887766', name: 'Noura' });
    expect(channelPhone({ 'chat:owner': 'user_1' }, { 'chat:profile': profile, 'chat:fid': 'user_1' })).toBe('+96599887766');
  });

  it('ignores profiles of other Chat API clients, then falls back to the userId tag', () => {
    expect(channelPhone({}, { 'chat:profile': 'vip customer' })).toBeNull();
    expect(channelPhone({}, { 'chat:profile': '{"phone":"call me"}', 'whatsapp:userId': '+96599887766' })).toBe('+96599887766');
  });
});
