import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { cleanInbound, storableText } from './clean';
import { hostileMessages, hostileText, isStorable } from './testing/hostile';

describe('text at the inbound boundary', () => {
  test('comes out storable (no NUL, no lone surrogate), survives JSON, and a second cleaning changes nothing', () => {
    fc.assert(
      fc.property(hostileText, (raw) => {
        const s = storableText(raw);
        expect(isStorable(s)).toBe(true);
        expect(JSON.parse(JSON.stringify(s))).toBe(s);
        expect(storableText(s)).toBe(s);
      }),
      { numRuns: 2000, seed: 11 },
    );
  });

  test('keeps what was storable exactly as sent: emoji, Arabic, controls other than NUL, whole surrogate pairs', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (s) => {
        fc.pre(!s.includes('\u0000'));
        expect(storableText(s)).toBe(s);
      }),
      { numRuns: 1000, seed: 12 },
    );
    expect(storableText('a\u0000b\uD800c\uDC00d\uDE00\uD83De 🙂 ابي')).toBe('ab\uFFFDc\uFFFDd\uFFFD\uFFFDe 🙂 ابي');
  });

  test('cleans every string a channel hands over, ids and name included', () => {
    const [m] = hostileMessages(1, { seed: 3 });
    const dirty = { ...m, externalId: 'wamid\u0000.1', chatId: '+965\uD800', userPhone: '+965\u0000', userName: 'Noura\uDC00', botPhoneNumberId: '\u0000', text: 'hi\u0000' };
    expect(cleanInbound(dirty)).toEqual({ ...dirty, externalId: 'wamid.1', chatId: '+965\uFFFD', userPhone: '+965', userName: 'Noura\uFFFD', botPhoneNumberId: '', text: 'hi' });
  });
});
