/**
 * Vite plugin: each `*.scenario.yaml` becomes a test module with literal
 * `describe('<file>', () => { test('<scenario>', { tags: [...] }, ...) })`
 * calls and a source map from each test to its `scenario:` line. Vitest's VS
 * Code extension finds tests statically (`vitest list --staticParse`), so this
 * is what makes every scenario show up by name, with its tags, and its run
 * icon on its YAML line. The tests run through vitest-bridge.ts.
 */
import { fileURLToPath } from 'node:url';
// vite is not a direct dependency; vitest re-exports its Plugin type.
import type { Plugin } from 'vitest/config';
import { isMap, isScalar, isSeq, LineCounter, parseAllDocuments, type YAMLMap } from 'yaml';
import { displayFile } from './positions';
import { encodeMappings, type LineMapping } from './sourcemap';

const BRIDGE = fileURLToPath(new URL('./vitest-bridge.ts', import.meta.url));
const SCENARIO_FILE = /\.scenario\.yaml$/;

interface Entry {
  name: string;
  tags: string[];
  /** 0-based. */
  line: number;
  col: number;
}

/** Scenario names and positions, without validating: a broken scenario still gets a test, which then fails with the load error. */
export function scenarioEntries(source: string): Entry[] {
  const lines = new LineCounter();
  const docs = parseAllDocuments(source, { lineCounter: lines });
  if (!Array.isArray(docs) || docs.some((d) => d.errors.length)) return [];
  return docs.flatMap((doc, i) => {
    if (!isMap(doc.contents)) return doc.contents === null ? [] : [{ name: `(document ${i + 1})`, tags: [], line: 0, col: 0 }];
    const entry = (key: string) => (doc.contents as YAMLMap).items.find((p) => isScalar(p.key) && p.key.value === key);
    const pair = entry('scenario');
    const offset = (pair?.key as { range?: number[] } | undefined)?.range?.[0] ?? doc.contents.range[0];
    const { line, col } = lines.linePos(offset);
    const value = isScalar(pair?.value) ? String(pair.value.value) : `(document ${i + 1})`;
    const tags = entry('tags')?.value;
    return [{ name: value, tags: isSeq(tags) ? tags.items.filter(isScalar).map((t) => String(t.value)) : [], line: line - 1, col: col - 1 }];
  });
}

export function transformScenario(source: string, file: string): { code: string; map: { version: 3; sources: string[]; sourcesContent: string[]; names: string[]; mappings: string } } {
  let entries = scenarioEntries(source);
  if (!entries.length) entries = [{ name: `(cannot load ${displayFile(file)})`, tags: [], line: 0, col: 0 }];
  const code: string[] = [];
  const map: Array<LineMapping | null> = [];
  const emit = (text: string, source: LineMapping['source'] | null) => {
    code.push(text);
    const indent = text.length - text.trimStart().length;
    map.push(source ? { columns: indent ? [0, indent] : [0], source } : null);
  };
  emit(`import { beforeAll, describe, test } from 'vitest';`, null);
  emit(`import { scenarioFile, REPEATS } from ${JSON.stringify(BRIDGE)};`, null);
  emit(`const scenarios = scenarioFile(${JSON.stringify(file)});`, null);
  // the worker's target and the file's catalog templates are made before the first test, under the hook timeout
  emit(`beforeAll(() => scenarios.prepare());`, null);
  emit(`describe(${JSON.stringify(displayFile(file))}, () => {`, { line: 0, col: 0 });
  for (const e of entries) emit(`  test(${JSON.stringify(e.name)}, { tags: ${JSON.stringify(e.tags)}, repeats: REPEATS }, (ctx) => scenarios.run(ctx, ${JSON.stringify(e.name)}));`, { line: e.line, col: e.col });
  emit(`});`, null);
  return { code: code.join('\n') + '\n', map: { version: 3, sources: [file], sourcesContent: [source], names: [], mappings: encodeMappings(map) } };
}

export function scenarioPlugin(): Plugin {
  return {
    name: 'bookwell-scenarios',
    enforce: 'pre',
    transform(source, id) {
      const file = id.split('?')[0];
      return SCENARIO_FILE.test(file) ? transformScenario(source, file) : null;
    },
  };
}
