/**
 * Phone numbers in a message → E.164, parsed by libphonenumber-js (full
 * metadata, so invalid numbers are rejected rather than guessed) with the
 * business country as default region.
 */
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { asciiDigits } from './normalize';

/** Runs of digits with the separators people type: "+965 9988-7766", "(55) 1234 5678". */
const CANDIDATE = /(?:\+|00)?\d[\d\s\-().]{5,20}\d/g;

export interface PhoneHit {
  phone: string;
  start: number;
  end: number;
}

/** Mexican mobiles were written "+52 1 …" until 2019; the "1" is no longer dialled. */
function dropMexicanMobileOne(digits: string): string {
  return /^\+521\d{10}$/.test(digits) ? `+52${digits.slice(4)}` : digits;
}

export function findPhone(text: string, country: string): PhoneHit | null {
  const s = asciiDigits(text);
  CANDIDATE.lastIndex = 0;
  for (let m = CANDIDATE.exec(s); m; m = CANDIDATE.exec(s)) {
    const raw = m[0];
    if (/^\d{4}-\d{2}-\d{2}/.test(raw) || /\d{1,2}\/\d{1,2}/.test(raw)) continue; // dates, not phones
    let digits = raw.replace(/[\s\-().]/g, '');
    if (digits.startsWith('00')) digits = `+${digits.slice(2)}`;
    const bare = digits.replace(/^\+/, '');
    if (bare.length < 7 || bare.length > 15) continue;
    digits = dropMexicanMobileOne(digits);
    const parsed = parsePhoneNumberFromString(digits, country.toUpperCase() as CountryCode);
    if (parsed?.isValid()) return { phone: parsed.number, start: m.index, end: m.index + raw.length };
  }
  return null;
}
