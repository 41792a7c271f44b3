/**
 * What the model never sees: the customer's phone number and e-mail address.
 * Stricter than the extractors on purpose: anything that looks like an
 * address, and any run of seven or more digits that is not a date, is
 * replaced, valid or not (a mistyped number is still the customer's).
 */
import { asciiDigits } from '../understanding/normalize';

const EMAIL_LIKE = /[^\s@]*@[^\s@]+/gu;
const DIGIT_RUN = /(?:\+|00)?\d[\d\s\-().]{5,}\d/g;
const DATE_LIKE = /^\d{4}-\d{1,2}-\d{1,2}$|^\d{1,2}[./-]\d{1,2}[./-]\d{2,4}$/;

export function redactContact(text: string): string {
  // Arabic-Indic digits become ASCII first, so "٩٩٨٨٧٧٦٦" is caught like "99887766"
  return asciiDigits(text)
    .replace(EMAIL_LIKE, '[email]')
    .replace(DIGIT_RUN, (run) => (run.replace(/\D/g, '').length >= 7 && !DATE_LIKE.test(run.trim()) ? '[phone]' : run));
}
