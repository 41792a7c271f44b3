/**
 * The `bookwell understand` loop, without stdin/stdout: JSON lines
 * {"id","text"} in, one JSON line out per input. A bad line yields an
 * {"id","error"} line naming the line number and processing continues.
 */
import { z } from 'zod';
import { EXPECTING, type Extraction } from './types';
import type { RuleExtractor } from './index';

const inputLine = z.object({
  id: z.union([z.string(), z.number()]),
  text: z.string(),
  /** Optional conversation context, so a line can replay an answer to a question. */
  expecting: z.enum(EXPECTING).nullish(),
  offeredChoices: z.number().int().nonnegative().nullish(),
});

export interface UnderstandLinesOptions {
  now: Date;
  /** Also print staffFor, language, yesNo and choice. */
  all?: boolean;
}

/** One output object for one Extraction, in the documented field order. */
export function toOutput(id: string | number, x: Extraction, all = false): Record<string, unknown> {
  const out: Record<string, unknown> = {
    id,
    intent: x.intent,
    location: x.location,
    services: x.services,
    staff: x.staff,
    date: x.date,
    time: x.time,
    name: x.name,
    phone: x.phone,
    email: x.email,
  };
  if (all) {
    Object.assign(out, {
      staffFor: x.staffFor,
      language: x.language,
      yesNo: x.yesNo,
      choice: x.choice,
      alsoAsks: x.alsoAsks,
      serviceEdit: x.serviceEdit,
      removeServices: x.removeServices,
      partOfDay: x.partOfDay,
      same: x.same,
    });
  }
  return out;
}

/** Process one input line (1-based number for errors). Blank lines give null (skipped). */
export function understandLine(line: string, lineNo: number, extract: RuleExtractor, opts: UnderstandLinesOptions): string | null {
  if (!line.trim()) return null;
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    return JSON.stringify({ id: null, error: `line ${lineNo}: not valid JSON` });
  }
  const parsed = inputLine.safeParse(json);
  if (!parsed.success) {
    const id = typeof json === 'object' && json && 'id' in json ? (json as { id: unknown }).id : null;
    const issue = parsed.error.issues[0];
    return JSON.stringify({ id: typeof id === 'string' || typeof id === 'number' ? id : null, error: `line ${lineNo}: ${issue.path.join('.') || '(root)'}: ${issue.message}` });
  }
  const { id, text, expecting, offeredChoices } = parsed.data;
  try {
    const x = extract(text, { now: opts.now, expecting: expecting ?? null, offeredChoices: offeredChoices ?? undefined });
    return JSON.stringify(toOutput(id, x, opts.all));
  } catch (e) {
    return JSON.stringify({ id, error: `line ${lineNo}: ${(e as Error).message}` });
  }
}

/** Every line of `lines` through the extractor, in order. */
export async function* understandLines(lines: AsyncIterable<string> | Iterable<string>, extract: RuleExtractor, opts: UnderstandLinesOptions): AsyncGenerator<string> {
  let n = 0;
  for await (const line of lines) {
    n++;
    const out = understandLine(line, n, extract, opts);
    if (out !== null) yield out;
  }
}
