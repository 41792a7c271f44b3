import { describe, expect, it } from 'vitest';
import { encodeProfile, profilePhone } from './profile';

describe('customer profile for the Chat API', () => {
  it('carries the number and name, and reads the number back', () => {
    const profile = encodeProfile({ channel: 'whatsapp', phone: '+96599887766', name: 'Noura' });
    expect(JSON.parse(profile)).toEqual({ channel: 'whatsapp', phone: '+96599887766', name: 'Noura' });
    expect(profilePhone(profile)).toBe('+96599887766');
  });

  it('leaves out what is unknown and clips very long names', () => {
    expect(JSON.parse(encodeProfile({ channel: 'whatsapp', phone: null, name: null }))).toEqual({ channel: 'whatsapp' });
    expect(JSON.parse(encodeProfile({ channel: 'whatsapp', phone: null, name: 'x'.repeat(300) })).name).toHaveLength(100);
  });

  it('finds no number in anything else', () => {
    for (const other of [undefined, null, '', 'gold member', '[]', 'null', '{"phone":123}', '{"phone":"96599887766"}']) expect(profilePhone(other)).toBeNull();
  });
});
