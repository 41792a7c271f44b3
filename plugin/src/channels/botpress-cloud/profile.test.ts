import { describe, expect, it } from 'vitest';
import { encodeProfile, PROFILE_MAX_AGE_MS, PROFILE_RESIGN_AFTER_MS, profilePhone, profileUpToDate, signProfile, type ProfileKey } from './profile';

const KEY: ProfileKey = { secret: 'a-secret-shared-with-the-plugin', botId: 'bot_pearl_spa' };
const NOW = new Date('2026-03-01T06:00:00Z');
const IAT = NOW.getTime() / 1000;
const NOURA = { channel: 'whatsapp', phone: '+96599887766', name: 'Noura' };
const later = (ms: number) => new Date(NOW.getTime() + ms);
/** A signed profile with one field changed after signing. */
const tampered = (over: Record<string, unknown>) => JSON.stringify({ ...JSON.parse(encodeProfile(NOURA, KEY, NOW)), ...over });

describe('customer profile for the Chat API', () => {
  it('carries the number and name, signed for one bot at one time; reads the number back with the same key', () => {
    const profile = encodeProfile(NOURA, KEY, NOW);
    const sig = signProfile({ phone: '+96599887766', name: 'Noura', iat: IAT }, KEY);
    expect(JSON.parse(profile)).toEqual({ channel: 'whatsapp', phone: '+96599887766', name: 'Noura', iat: IAT, sig });
    expect(sig).toMatch(/^[0-9a-f]{64}$/);
    expect(profilePhone(profile, KEY, NOW)).toBe('+96599887766');
  });

  it('leaves out what is unknown and clips very long names (signing the clipped one)', () => {
    expect(JSON.parse(encodeProfile({ channel: 'whatsapp', phone: null, name: null }, KEY, NOW))).toEqual({ channel: 'whatsapp' });
    const long = encodeProfile({ ...NOURA, name: 'x'.repeat(300) }, KEY, NOW);
    expect(JSON.parse(long).name).toHaveLength(100);
    expect(profilePhone(long, KEY, NOW)).toBe('+96599887766');
    expect(profilePhone(encodeProfile({ ...NOURA, name: null }, KEY, NOW), KEY, NOW)).toBe('+96599887766');
  });

  it('trusts no number without the key, unsigned, signed with another secret, or for another bot sharing the secret', () => {
    const signed = encodeProfile(NOURA, KEY, NOW);
    expect(profilePhone(signed, undefined, NOW)).toBeNull();
    expect(profilePhone(signed, { ...KEY, secret: '' }, NOW)).toBeNull();
    expect(profilePhone(signed, { ...KEY, botId: '' }, NOW)).toBeNull();
    expect(profilePhone(signed, { ...KEY, secret: 'another-secret-entirely' }, NOW)).toBeNull();
    // replayed to another bot that shares the secret
    expect(profilePhone(signed, { ...KEY, botId: 'bot_other_salon' }, NOW)).toBeNull();
    expect(profilePhone(encodeProfile(NOURA), KEY, NOW)).toBeNull();
  });

  it('trusts nothing changed after signing: the number, the name or the issue time', () => {
    // what anyone with the webhook id could write: someone else's number with a signature they cannot compute
    expect(profilePhone(tampered({ phone: '+96511111111' }), KEY, NOW)).toBeNull();
    expect(profilePhone(tampered({ name: 'Somebody else' }), KEY, NOW)).toBeNull();
    expect(profilePhone(tampered({ name: undefined }), KEY, NOW)).toBeNull();
    expect(profilePhone(tampered({ iat: IAT + 60 }), KEY, NOW)).toBeNull();
  });

  it('accepts only the exact encoding: 64 lowercase hex digits, an integer issue time', () => {
    const sig = signProfile({ phone: NOURA.phone, name: NOURA.name, iat: IAT }, KEY);
    expect(profilePhone(tampered({ sig }), KEY, NOW)).toBe(NOURA.phone);
    for (const bad of [sig.toUpperCase(), `${sig}zz`, `${sig}00`, `${sig} `, ` ${sig}`, sig.slice(0, 62), `${sig.slice(0, 63)}g`, '', 'abc', 'zz'.repeat(32), 42, null]) {
      expect(profilePhone(tampered({ sig: bad }), KEY, NOW), String(bad)).toBeNull();
    }
    for (const iat of [String(IAT), IAT + 0.5, null, undefined, Number.NaN]) expect(profilePhone(tampered({ iat }), KEY, NOW), String(iat)).toBeNull();
    for (const name of [42, ['Noura'], 'y'.repeat(101)]) expect(profilePhone(tampered({ name }), KEY, NOW), String(name)).toBeNull();
  });

  it('expires: trusted for a day after it was signed, and not from far in the future', () => {
    const signed = encodeProfile(NOURA, KEY, NOW);
    expect(profilePhone(signed, KEY, later(PROFILE_MAX_AGE_MS))).toBe(NOURA.phone);
    expect(profilePhone(signed, KEY, later(PROFILE_MAX_AGE_MS + 1000))).toBeNull();
    // a little clock skew between the bridge and Botpress is fine; an issue time an hour ahead is not
    expect(profilePhone(signed, KEY, later(-60_000))).toBe(NOURA.phone);
    expect(profilePhone(signed, KEY, later(-60 * 60_000))).toBeNull();
  });

  it('finds no number in anything else', () => {
    for (const other of [undefined, null, '', 'gold member', '[]', 'null', '"x"', '{"phone":123}', '{"phone":"96599887766"}', `${encodeProfile(NOURA, KEY, NOW)}x`]) {
      expect(profilePhone(other, KEY, NOW)).toBeNull();
    }
  });

  it('tells the bridge when to write the profile again: another name or number, another key, or a signature an hour old', () => {
    const signed = encodeProfile(NOURA, KEY, NOW);
    expect(profileUpToDate(signed, NOURA, KEY, later(PROFILE_RESIGN_AFTER_MS - 1000))).toBe(true);
    expect(profileUpToDate(signed, NOURA, KEY, later(PROFILE_RESIGN_AFTER_MS))).toBe(false);
    expect(profileUpToDate(signed, { ...NOURA, name: 'Noura A.' }, KEY, NOW)).toBe(false);
    expect(profileUpToDate(signed, { ...NOURA, phone: '+96511111111' }, KEY, NOW)).toBe(false);
    expect(profileUpToDate(signed, NOURA, { ...KEY, secret: 'a-new-secret-after-rotation' }, NOW)).toBe(false);
    expect(profileUpToDate(signed, NOURA, { ...KEY, botId: 'bot_other' }, NOW)).toBe(false);
    // unsigned: up to date as long as it is unsigned and says the same
    expect(profileUpToDate(encodeProfile(NOURA), NOURA, undefined, later(PROFILE_MAX_AGE_MS * 2))).toBe(true);
    expect(profileUpToDate(signed, NOURA, undefined, NOW)).toBe(false);
    expect(profileUpToDate('{}', NOURA, KEY, NOW)).toBe(false);
  });
});
