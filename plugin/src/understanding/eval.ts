/**
 * `bookwell understand --eval <file>`: the rule extractor against a labelled
 * corpus (corpus/README.md describes the lines). Per field it counts what the
 * extractor said and what the label says, for precision and recall; per
 * language (and split) how many messages came out exactly as labelled; and
 * it keeps the misses, field by field, for reading.
 */
import { z } from 'zod';
import { fixtureToSnapshot, loadFixture } from '../catalog/fixture';
import { createRuleExtractor, type RuleExtractor } from './index';
import { normalize } from './normalize';
import { EXPECTING, type Extraction, emptyExtraction } from './types';

const LANGUAGES = ['en', 'ar', 'es'] as const;

const expectSchema = z
  .object({
    intent: z.string().nullable(),
    alsoAsks: z.array(z.string()),
    language: z.enum(LANGUAGES).nullable(),
    location: z.string().nullable(),
    services: z.array(z.string()),
    serviceEdit: z.string().nullable(),
    removeServices: z.array(z.string()),
    staff: z.string().nullable(),
    staffFor: z.array(z.object({ service: z.string(), staff: z.string() })),
    date: z.string().nullable(),
    time: z.string().nullable(),
    partOfDay: z.string().nullable(),
    same: z.array(z.string()),
    name: z.string().nullable(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    yesNo: z.string().nullable(),
    choice: z.number().int().nullable(),
  })
  .partial()
  .strict();

export const corpusLine = z.strictObject({
  id: z.union([z.string(), z.number()]),
  /** The customer's language: exact match is reported per language. */
  lang: z.enum(LANGUAGES),
  /** `tuned`: rules were written against it; `heldout`: never looked at while tuning. */
  split: z.enum(['tuned', 'heldout']).default('tuned'),
  /** Issue 12's classes this message covers (1–8), for reading only. */
  class: z.array(z.number().int()).default([]),
  text: z.string(),
  catalog: z.string().min(1),
  now: z.string().refine((v) => !Number.isNaN(Date.parse(v)), 'an ISO date-time with offset'),
  expecting: z.enum(EXPECTING).nullish(),
  offeredChoices: z.number().int().nonnegative().nullish(),
  currentServices: z.array(z.string()).nullish(),
  currentTime: z.string().regex(/^\d\d:\d\d$/).nullish(),
  /** Fields left out are expected empty (null or []), except `language`, compared only when given. */
  expect: expectSchema,
});
export type CorpusLine = z.output<typeof corpusLine>;

type Field = keyof Extraction;
/** Labelled fields: `leftover` is what no rule explained, a signal for the LLM fallback, not a reading to label. */
export const FIELDS: readonly Field[] = (Object.keys(emptyExtraction()) as Field[]).filter((f) => f !== 'leftover');
const ORDERED: ReadonlySet<Field> = new Set(['services']);

/** Comparable items of one field's value: one per list entry, none for null. */
function items(field: Field, value: unknown): string[] {
  if (value === null || value === undefined) return [];
  if (field === 'staffFor') return (value as Extraction['staffFor']).map((p) => `${p.service}:${p.staff}`);
  if (Array.isArray(value)) return value.map(String);
  if (field === 'name') return [normalize(String(value))]; // names compare without case or accents of typing
  return [String(value)];
}

function same(field: Field, a: string[], b: string[]): boolean {
  if (a.length !== b.length) return false;
  if (ORDERED.has(field)) return a.every((x, i) => x === b[i]);
  const sorted = (xs: string[]) => [...xs].sort().join('\u0000');
  return sorted(a) === sorted(b);
}

export interface Miss {
  id: string | number;
  lang: string;
  split: string;
  text: string;
  context: string;
  fields: Array<{ field: Field; expected: unknown; got: unknown }>;
}

export interface FieldScore {
  field: Field;
  /** Items the extractor gave / the labels hold / both agree on. */
  predicted: number;
  expected: number;
  correct: number;
}

export interface EvalReport {
  /** Per "lang" and "lang/split": messages, exactly right. */
  exact: Map<string, { total: number; exact: number }>;
  fields: FieldScore[];
  misses: Miss[];
  errors: string[];
}

export interface EvalOptions {
  /** Only lines of this split. */
  split?: 'tuned' | 'heldout';
  /** Only lines in this language. */
  lang?: string;
}

/** Extractors per catalog, built once. */
function extractorCache() {
  const cache = new Map<string, RuleExtractor>();
  return (catalog: string) => {
    let hit = cache.get(catalog);
    if (!hit) {
      hit = createRuleExtractor(fixtureToSnapshot(loadFixture(catalog)));
      cache.set(catalog, hit);
    }
    return hit;
  };
}

/** Evaluate JSON lines; a bad line is an error naming its line number, and the rest still count. */
export function evaluate(lines: Iterable<string>, opts: EvalOptions = {}): EvalReport {
  const report: EvalReport = { exact: new Map(), fields: FIELDS.map((field) => ({ field, predicted: 0, expected: 0, correct: 0 })), misses: [], errors: [] };
  const extractorFor = extractorCache();
  let n = 0;
  for (const raw of lines) {
    n++;
    if (!raw.trim()) continue;
    let line: CorpusLine;
    try {
      const parsed = corpusLine.safeParse(JSON.parse(raw));
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        report.errors.push(`line ${n}: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
        continue;
      }
      line = parsed.data;
    } catch {
      report.errors.push(`line ${n}: not valid JSON`);
      continue;
    }
    if (opts.split && line.split !== opts.split) continue;
    if (opts.lang && line.lang !== opts.lang) continue;
    let got: Extraction;
    try {
      got = extractorFor(line.catalog)(line.text, {
        now: new Date(line.now),
        expecting: line.expecting ?? null,
        offeredChoices: line.offeredChoices ?? undefined,
        currentServices: line.currentServices ?? undefined,
        currentTime: line.currentTime ?? null,
      });
    } catch (e) {
      report.errors.push(`line ${n} (${line.id}): ${(e as Error).message}`);
      continue;
    }
    const expected = { ...emptyExtraction(), ...line.expect } as Extraction;
    const wrong: Miss['fields'] = [];
    for (const score of report.fields) {
      const { field } = score;
      if (field === 'language' && !('language' in line.expect)) continue;
      const want = items(field, expected[field]);
      const have = items(field, got[field]);
      score.expected += want.length;
      score.predicted += have.length;
      const left = [...want];
      for (const h of have) {
        const k = left.indexOf(h);
        if (k >= 0) {
          score.correct++;
          left.splice(k, 1);
        }
      }
      if (!same(field, want, have)) wrong.push({ field, expected: expected[field], got: got[field] });
    }
    for (const key of [line.lang, `${line.lang}/${line.split}`]) {
      const tally = report.exact.get(key) ?? { total: 0, exact: 0 };
      tally.total++;
      if (!wrong.length) tally.exact++;
      report.exact.set(key, tally);
    }
    if (wrong.length) report.misses.push({ id: line.id, lang: line.lang, split: line.split, text: line.text, context: contextOf(line), fields: wrong });
  }
  return report;
}

function contextOf(line: CorpusLine): string {
  const parts: string[] = [];
  if (line.expecting) parts.push(`expecting ${line.expecting}`);
  if (line.offeredChoices) parts.push(`${line.offeredChoices} offered`);
  if (line.currentServices?.length) parts.push(`chosen ${line.currentServices.join('+')}`);
  if (line.currentTime) parts.push(`time ${line.currentTime}`);
  return parts.join(', ');
}

const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(1)}%` : '—');

/** The report as text: exact match per language and split, precision/recall per field, then up to `maxMisses` misses. */
export function formatReport(r: EvalReport, maxMisses = Infinity): string {
  const out: string[] = ['exact match (every field as labelled):'];
  for (const [key, { total, exact }] of [...r.exact].sort(([a], [b]) => a.localeCompare(b))) {
    out.push(`  ${key.padEnd(12)} ${pct(exact, total).padStart(6)}  (${exact}/${total})`);
  }
  out.push('', 'per field          precision   recall   (said / labelled / agreed)');
  for (const f of r.fields) {
    if (!f.expected && !f.predicted) continue;
    out.push(`  ${f.field.padEnd(16)} ${pct(f.correct, f.predicted).padStart(9)} ${pct(f.correct, f.expected).padStart(8)}   (${f.predicted} / ${f.expected} / ${f.correct})`);
  }
  if (r.misses.length) {
    out.push('', `misses (${r.misses.length}${r.misses.length > maxMisses ? `, first ${maxMisses}` : ''}):`);
    for (const m of r.misses.slice(0, maxMisses)) {
      out.push(`  ${m.id} [${m.lang}/${m.split}${m.context ? `; ${m.context}` : ''}] ${JSON.stringify(m.text)}`);
      for (const f of m.fields) out.push(`      ${f.field}: expected ${JSON.stringify(f.expected)}, got ${JSON.stringify(f.got)}`);
    }
  }
  if (r.errors.length) out.push('', `errors (${r.errors.length}):`, ...r.errors.map((e) => `  ${e}`));
  return out.join('\n');
}
