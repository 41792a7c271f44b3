import { describe, expect, it } from 'vitest';
import { encodeProfile } from '../channels/botpress-cloud/profile';
import { channelPhone } from './message';

const SECRET = 'a-secret-shared-with-the-bridge';

describe('channelPhone', () => {
  it('reads the userPhone conversation tag first, with or without the integration prefix', () => {
    expect(channelPhone({ 'whatsapp:userPhone': '+96599887766' }, { 'whatsapp:userId': '+96511111111' })).toBe('+96599887766');
    expect(channelPhone({ userPhone: '+96599887766' }, {})).toBe('+96599887766');
  });

  it('falls back to the number in the Chat user profile when signed with the configured secret (a Cloud bot fed by the bridge through the Chat API)', () => {
    const profile = encodeProfile({ channel: 'whatsapp', phone: '+96599887766', name: 'Noura' }, SECRET);
    expect(channelPhone({ 'chat:owner': 'user_1' }, { 'chat:profile': profile, 'chat:fid': 'user_1' }, SECRET)).toBe('+96599887766');
  });

  it('ignores a profile number it cannot verify: no secret configured, unsigned, or signed with another secret', () => {
    const signed = encodeProfile({ channel: 'whatsapp', phone: '+96599887766', name: 'Noura' }, SECRET);
    const unsigned = encodeProfile({ channel: 'whatsapp', phone: '+96599887766', name: 'Noura' });
    const otherSecret = encodeProfile({ channel: 'whatsapp', phone: '+96599887766', name: 'Noura' }, 'someone-elses-secret');
    expect(channelPhone({}, { 'chat:profile': signed })).toBeNull();
    expect(channelPhone({}, { 'chat:profile': unsigned }, SECRET)).toBeNull();
    expect(channelPhone({}, { 'chat:profile': otherSecret }, SECRET)).toBeNull();
  });

  it('ignores profiles of other Chat API clients, then falls back to the userId tag', () => {
    expect(channelPhone({}, { 'chat:profile': 'vip customer' }, SECRET)).toBeNull();
    expect(channelPhone({}, { 'chat:profile': '{"phone":"call me"}', 'whatsapp:userId': '+96599887766' }, SECRET)).toBe('+96599887766');
  });
});
