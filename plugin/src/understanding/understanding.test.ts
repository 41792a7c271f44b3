/**
 * The tables in cases/ run through the same line function as `bookwell
 * understand`; each row is compared on the whole output.
 */
import { describe, expect, test } from 'vitest';
import { fixtureToSnapshot, loadFixture } from '../catalog/fixture';
import { AR_CASES } from './cases/ar';
import { EN_CASES } from './cases/en';
import { ES_CASES } from './cases/es';
import { type ExpectedOutput, NOW, type UnderstandCase } from './cases/types';
import { createRuleExtractor, type RuleExtractor } from './index';
import { understandLine } from './understand-lines';

const extractors: Record<string, RuleExtractor> = {
  'kuwait-spa': createRuleExtractor(fixtureToSnapshot(loadFixture('kuwait-spa'))),
  'mexico-barber': createRuleExtractor(fixtureToSnapshot(loadFixture('mexico-barber'))),
};
const now = new Date(NOW);

const nothing = (language: ExpectedOutput['language']): ExpectedOutput => ({
  intent: null, language, location: null, services: [], staff: null, staffFor: [], date: null, time: null,
  name: null, phone: null, email: null, yesNo: null, choice: null, alsoAsks: [], serviceEdit: null, removeServices: [], partOfDay: null, same: [],
});

function run(c: UnderstandCase, catalog: string) {
  const line = JSON.stringify({ id: 1, text: c.text, expecting: c.expecting, offeredChoices: c.offeredChoices });
  const out = JSON.parse(understandLine(line, 1, extractors[c.catalog ?? catalog], { now, all: true })!);
  delete out.id;
  return out;
}

const tables: Array<[string, 'en' | 'ar' | 'es', string, UnderstandCase[]]> = [
  ['English (kuwait-spa)', 'en', 'kuwait-spa', EN_CASES],
  ['Arabic (kuwait-spa)', 'ar', 'kuwait-spa', AR_CASES],
  ['Spanish (mexico-barber)', 'es', 'mexico-barber', ES_CASES],
];

describe.each(tables)('%s', (_title, language, catalog, cases) => {
  test.each(cases.map((c) => [c.text + (c.expecting ? ` [expecting ${c.expecting}]` : '') + (c.offeredChoices ? ` [${c.offeredChoices} offered]` : ''), c] as const))(
    '%s',
    (_name, c) => {
      expect(run(c, catalog)).toEqual({ ...nothing(language), ...c.expect });
    },
  );
});

test('each language table has at least 60 utterances', () => {
  expect(EN_CASES.length).toBeGreaterThanOrEqual(60);
  expect(AR_CASES.length).toBeGreaterThanOrEqual(60);
  expect(ES_CASES.length).toBeGreaterThanOrEqual(60);
});
