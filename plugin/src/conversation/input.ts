/**
 * Cleaning of raw customer text before extraction: invisible and control
 * characters go, over-long messages are cut, and messages with nothing to
 * read (empty, emoji only) or that try to instruct the bot are flagged.
 */

/** Longer messages are cut here (and the customer is told). */
export const MAX_INPUT_CHARS = 1000;

export interface CleanInput {
  text: string;
  truncated: boolean;
  /** Nothing a booking could use: empty, emoji/punctuation only, or an instruction aimed at the bot. */
  unreadable: boolean;
}

// C0/C1 controls except tab and newline, bidi overrides/isolates/marks, zero-width characters.
const INVISIBLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;
const READABLE = /[\p{L}\p{N}]/u;

const INJECTION = [
  /\b(ignore|disregard|forget)\b.{0,40}\b(previous|prior|above|all|your)\b.{0,20}\b(instructions?|rules|prompts?)\b/i,
  /\b(system prompt|you are now|act as|jailbreak|developer mode)\b/i,
  /\bignora\w*\b.{0,40}\b(instrucciones|reglas)\b/i,
  /(تجاهل|انس).{0,40}(التعليمات|الأوامر|القواعد)/,
];

export function cleanInput(raw: string): CleanInput {
  let text = (raw ?? '').normalize('NFC').replace(INVISIBLE, '').replace(/[ \t]+/g, ' ').trim();
  const chars = [...text];
  const truncated = chars.length > MAX_INPUT_CHARS;
  if (truncated) text = chars.slice(0, MAX_INPUT_CHARS).join('');
  const unreadable = !READABLE.test(text) || INJECTION.some((re) => re.test(text));
  return { text, truncated, unreadable };
}
