/**
 * E-mail addresses. A loose pattern finds candidates in free text; zod's
 * e-mail check (a maintained regex) decides validity.
 */
import { z } from 'zod';

const CANDIDATE = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;
const emailSchema = z.email();

export interface EmailHit {
  email: string;
  start: number;
  end: number;
}

export function findEmail(text: string): EmailHit | null {
  CANDIDATE.lastIndex = 0;
  for (let m = CANDIDATE.exec(text); m; m = CANDIDATE.exec(text)) {
    const email = m[0].replace(/^[._%+-]+/, '').toLowerCase();
    if (emailSchema.safeParse(email).success) return { email, start: m.index, end: m.index + m[0].length };
  }
  return null;
}
