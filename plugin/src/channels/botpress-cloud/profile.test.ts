import { describe, expect, it } from 'vitest';
import { encodeProfile, profilePhone, signPhone } from './profile';

const SECRET = 'a-secret-shared-with-the-plugin';

describe('customer profile for the Chat API', () => {
  it('carries the number, signed, and the name; reads the number back with the same secret', () => {
    const profile = encodeProfile({ channel: 'whatsapp', phone: '+96599887766', name: 'Noura' }, SECRET);
    expect(JSON.parse(profile)).toEqual({ channel: 'whatsapp', phone: '+96599887766', sig: signPhone('+96599887766', SECRET), name: 'Noura' });
    expect(signPhone('+96599887766', SECRET)).toMatch(/^[0-9a-f]{64}$/);
    expect(profilePhone(profile, SECRET)).toBe('+96599887766');
  });

  it('leaves out what is unknown and clips very long names', () => {
    expect(JSON.parse(encodeProfile({ channel: 'whatsapp', phone: null, name: null }, SECRET))).toEqual({ channel: 'whatsapp' });
    expect(JSON.parse(encodeProfile({ channel: 'whatsapp', phone: null, name: 'x'.repeat(300) })).name).toHaveLength(100);
  });

  it('trusts no number without the secret, unsigned, signed with another secret, or changed after signing', () => {
    const signed = encodeProfile({ channel: 'whatsapp', phone: '+96599887766', name: 'Noura' }, SECRET);
    expect(profilePhone(signed, undefined)).toBeNull();
    expect(profilePhone(signed, '')).toBeNull();
    expect(profilePhone(signed, 'another-secret-entirely')).toBeNull();
    expect(profilePhone(encodeProfile({ channel: 'whatsapp', phone: '+96599887766', name: 'Noura' }), SECRET)).toBeNull();
    // what anyone with the webhook id could write: someone else's number with a signature they cannot compute
    const forged = { ...JSON.parse(signed), phone: '+96511111111' };
    expect(profilePhone(JSON.stringify(forged), SECRET)).toBeNull();
    for (const sig of ['', 'abc', 'zz'.repeat(32), signPhone('+96599887766', SECRET).slice(0, 62)]) {
      expect(profilePhone(JSON.stringify({ phone: '+96599887766', sig }), SECRET)).toBeNull();
    }
  });

  it('finds no number in anything else', () => {
    for (const other of [undefined, null, '', 'gold member', '[]', 'null', '{"phone":123}', '{"phone":"96599887766"}']) expect(profilePhone(other, SECRET)).toBeNull();
  });
});
