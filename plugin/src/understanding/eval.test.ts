/** The corpus scorer: counting, the exact-match rule, bad lines, and the corpus files themselves. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { corpusLine, evaluate, formatReport } from './eval';

const line = (text: string, expect: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ id: text, lang: 'en', text, catalog: 'kuwait-spa', now: '2026-03-01T09:00:00+03:00', expect, ...extra });

describe('evaluate', () => {
  test('a message is exact only when every field is as labelled; fields left out are expected empty', () => {
    const r = evaluate([
      line('gel manicure at avenues', { intent: 'book', services: ['SVC-102'], location: 'LOC-AV' }),
      line('gel manicure at avenues tomorrow', { intent: 'book', services: ['SVC-102'], location: 'LOC-AV' }), // date not labelled: a miss
    ]);
    expect(r.exact.get('en')).toEqual({ total: 2, exact: 1 });
    expect(r.misses).toHaveLength(1);
    expect(r.misses[0].fields).toEqual([{ field: 'date', expected: null, got: '2026-03-02' }]);
    const date = r.fields.find((f) => f.field === 'date')!;
    expect(date).toMatchObject({ predicted: 1, expected: 0, correct: 0 });
    const services = r.fields.find((f) => f.field === 'services')!;
    expect(services).toMatchObject({ predicted: 2, expected: 2, correct: 2 });
  });

  test('language counts only where labelled; splits are reported apart and can be chosen', () => {
    const lines = [
      line('hello', { intent: 'greeting' }, { split: 'tuned' }),
      line('hello', { intent: 'greeting', language: 'es' }, { split: 'heldout' }),
    ];
    const all = evaluate(lines);
    expect(all.exact.get('en/tuned')).toEqual({ total: 1, exact: 1 });
    expect(all.exact.get('en/heldout')).toEqual({ total: 1, exact: 0 });
    expect(evaluate(lines, { split: 'heldout' }).exact.get('en')).toEqual({ total: 1, exact: 0 });
  });

  test('a bad line names its number and the others still count', () => {
    const r = evaluate(['{nope', line('hi', { intent: 'greeting' }), JSON.stringify({ id: 1, lang: 'en', text: 'x' })]);
    expect(r.errors).toEqual(['line 1: not valid JSON', expect.stringMatching(/^line 3: /)]);
    expect(r.exact.get('en')).toEqual({ total: 1, exact: 1 });
    expect(formatReport(r)).toContain('errors (2)');
  });
});

describe('the corpus files', () => {
  for (const lang of ['en', 'ar', 'es'] as const) {
    test(`${lang}: at least 400 valid lines, a quarter held out, every class covered`, () => {
      const file = fileURLToPath(new URL(`./corpus/${lang}.jsonl`, import.meta.url));
      const lines = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim());
      const parsed = lines.map((l) => corpusLine.parse(JSON.parse(l)));
      expect(parsed.length).toBeGreaterThanOrEqual(400);
      expect(parsed.every((l) => l.lang === lang)).toBe(true);
      expect(new Set(parsed.map((l) => l.id)).size).toBe(parsed.length);
      const held = parsed.filter((l) => l.split === 'heldout').length;
      expect(held / parsed.length).toBeGreaterThanOrEqual(0.24);
      expect(new Set(parsed.flatMap((l) => l.class))).toEqual(new Set([1, 2, 3, 4, 5, 6, 7, 8]));
    });
  }
});

test('bookwell understand --eval scores a file and exits non-zero on a bad line', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bookwell-eval-'));
  const file = join(dir, 'mini.jsonl');
  writeFileSync(file, `${line('gel manicure at avenues', { intent: 'book', services: ['SVC-102'], location: 'LOC-AV' })}\n{bad\n`);
  const root = fileURLToPath(new URL('../../..', import.meta.url));
  const res = spawnSync(process.execPath, ['bin/bookwell.mjs', 'understand', '--eval', file], { cwd: root, encoding: 'utf8', timeout: 120_000 });
  expect(res.stdout).toContain('en           100.0%  (1/1)');
  expect(res.stdout).toContain('line 2: not valid JSON');
  expect(res.status).toBe(1);
}, 150_000);
