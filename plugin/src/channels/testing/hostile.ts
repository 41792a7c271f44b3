/**
 * Hostile customer messages for tests and the bench, from a seeded
 * generator: NUL bytes, lone UTF-16 surrogates (high, low, swapped pairs),
 * C0/C1 controls, bidi overrides, zero-width and non-characters, emoji with
 * modifiers, combining marks, quotes and backslashes, SQL and HTML, mixed
 * with ordinary booking words in the three languages.
 */
import fc from 'fast-check';
import type { InboundChannelMessage } from '../types';

const PIECES = [
  '\u0000', '\u0000\u0000', '\uD800', '\uDBFF', '\uDC00', '\uDFFF', '\uDE00\uD83D', '\uD83D', '\u0007', '\u001b[31m', '\u0085', '\u009f',
  '\u202E', '\u2066', '\u200B', '\u200F', '\uFEFF', '\uFFFE', '\uFFFF', 'e\u0301\u0301\u0301', '🙂', '👩🏽‍💻', '🇰🇼',
  '"', '\\', '\\u0000', '\\ud800', "'); DROP TABLE \"Booking\";--", '<script>alert(1)</script>', '${x}', '{{name}}', '\r\n', '\t', '   ',
  'Hi', 'gel manicure', 'at Avenues', 'tomorrow at 5pm', 'with Sara', 'yes', 'no', 'my bookings', 'cancel my booking', 'Fatima Ali',
  'fatima@example.com', '+96599887766', 'ابي مانيكير جل', 'باجر ٥ العصر', 'نعم', 'quiero un corte mañana', 'sí',
];

/** Any UTF-16 code unit, lone surrogates included (fast-check's own string units never split a pair). */
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));

export const hostileText: fc.Arbitrary<string> = fc
  .array(fc.oneof({ arbitrary: fc.constantFrom(...PIECES), weight: 3 }, { arbitrary: fc.string({ unit: codeUnit, maxLength: 8 }), weight: 1 }), { maxLength: 10 })
  .map((parts) => parts.join(' '));

/** `n` hostile messages in chats of up to `perChat`, the same for the same seed. */
export function hostileMessages(n: number, opts: { seed: number; integration?: string; perChat?: number }): InboundChannelMessage[] {
  const perChat = opts.perChat ?? 10;
  const texts = fc.sample(hostileText, { seed: opts.seed, numRuns: n });
  const names = fc.sample(fc.option(hostileText, { nil: null }), { seed: opts.seed + 1, numRuns: Math.ceil(n / perChat) });
  const t0 = Date.UTC(2026, 2, 1, 6, 0, 0);
  return texts.map((text, i) => {
    const chat = Math.floor(i / perChat);
    const phone = `+9655${String(chat).padStart(7, '0')}`;
    return {
      integration: opts.integration ?? 'hostile',
      // a channel's ids are text too: some carry a NUL or half a surrogate pair
      externalId: i % 97 === 0 ? `m${i}\u0000\uD800` : `m${i}`,
      chatId: phone,
      userPhone: phone,
      userName: names[chat],
      botPhoneNumberId: null,
      kind: 'text',
      text,
      sentAt: new Date(t0 + i * 1000),
    };
  });
}

/** True when Postgres (text and jsonb) and JSON can take `s` as it is. */
export const isStorable = (s: string) => !s.includes('\u0000') && !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);
