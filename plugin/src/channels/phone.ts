/** A channel's way of writing a customer's number, made E.164: what the plugin and the bridge both read. */
import { parsePhoneNumberFromString } from 'libphonenumber-js';

/**
 * A WhatsApp user id (`96599887766@c.us`, `96599887766:3@c.us`) or bare
 * digits (Meta's integration), with or without `+` → E.164. Mexican mobiles
 * keep WhatsApp's legacy `521` prefix; the number people dial (and the
 * provider stores) is `+52` + 10 digits.
 */
export function toE164(widOrDigits: string): string | null {
  // every message of a chat brings its number again: parsed once (libphonenumber's parse costs a tenth of a millisecond)
  const known = seen.get(widOrDigits);
  if (known !== undefined) return known;
  const e164 = parseE164(widOrDigits);
  if (seen.size >= SEEN_KEPT) seen.delete(seen.keys().next().value!);
  seen.set(widOrDigits, e164);
  return e164;
}

const seen = new Map<string, string | null>();
const SEEN_KEPT = 10_000;

function parseE164(widOrDigits: string): string | null {
  let digits = widOrDigits.split('@')[0].split(':')[0].replace(/\D/g, '');
  if (/^521\d{10}$/.test(digits)) digits = `52${digits.slice(3)}`;
  if (digits.length < 7 || digits.length > 15) return null;
  return parsePhoneNumberFromString(`+${digits}`)?.number ?? null;
}
