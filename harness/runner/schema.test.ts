import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { renderSchemas, SCHEMA_FILES } from './generate-schema';
import { findScenarioFiles, loadScenarioFile } from './load';
import { scenarioSchema } from './schema';

describe('scenario JSON schema', () => {
  test('the committed schema files match the zod schema (run: npx tsx harness/runner/generate-schema.ts)', () => {
    const rendered = renderSchemas();
    for (const key of Object.keys(SCHEMA_FILES) as Array<keyof typeof SCHEMA_FILES>) expect(readFileSync(SCHEMA_FILES[key], 'utf8'), `${key} schema is stale`).toBe(rendered[key]);
  });

  test('descriptions flow into the JSON schema (VS Code hover)', () => {
    const json = JSON.parse(renderSchemas().scenario);
    expect(json.properties.scenario.description).toMatch(/test name/);
    expect(json.properties.given.properties.faults.description).toMatch(/fault schedule/);
    expect(JSON.stringify(json)).toContain('no-repeated-question');
  });

  test('VS Code maps the schema onto scenario files', () => {
    const settings = JSON.parse(readFileSync(fileURLToPath(new URL('../../.vscode/settings.json', import.meta.url)), 'utf8'));
    expect(settings['yaml.schemas']['./harness/runner/scenario.schema.json']).toContain('harness/scenarios/**/*.scenario.yaml');
  });

  test('every example scenario in harness/scenarios loads', () => {
    const files = findScenarioFiles([fileURLToPath(new URL('../scenarios', import.meta.url))]);
    expect(files.length).toBeGreaterThanOrEqual(3);
    for (const f of files) expect(loadScenarioFile(f).errors.map((e) => e.message)).toEqual([]);
  });

  test('defaults apply: tags, faults, relax', () => {
    const s = scenarioSchema.parse({ scenario: 'x', given: { catalog: 'kuwait-spa', now: '2026-03-01T09:00+03:00', customer: { phone: '+96599887766' } }, chat: [] });
    expect(s).toMatchObject({ tags: [], relax: [], given: { faults: [], existingBookings: [], config: {}, customer: { language: 'en' } } });
  });
});
