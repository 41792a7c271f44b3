/**
 * Writes scenario.schema.json and partial.schema.json from the zod schema
 * (VS Code's YAML extension validates and completes scenario files with them).
 * Run: npx tsx harness/runner/generate-schema.ts. A test fails when the
 * committed files are stale.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { partialSchema, scenarioSchema } from './schema';

export const SCHEMA_FILES = {
  scenario: fileURLToPath(new URL('./scenario.schema.json', import.meta.url)),
  partial: fileURLToPath(new URL('./partial.schema.json', import.meta.url)),
};

function render(schema: z.ZodType, title: string): string {
  // draft-07: what the YAML language server understands best; io input: defaulted keys are optional to write.
  const json = z.toJSONSchema(schema, { target: 'draft-07', io: 'input' });
  return JSON.stringify({ ...json, title }, null, 2) + '\n';
}

export function renderSchemas(): Record<keyof typeof SCHEMA_FILES, string> {
  return { scenario: render(scenarioSchema, 'Bookwell scenario'), partial: render(partialSchema, 'Bookwell partial chat') };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const rendered = renderSchemas();
  for (const key of Object.keys(SCHEMA_FILES) as Array<keyof typeof SCHEMA_FILES>) {
    writeFileSync(SCHEMA_FILES[key], rendered[key]);
    console.log(`wrote ${SCHEMA_FILES[key]}`);
  }
}
