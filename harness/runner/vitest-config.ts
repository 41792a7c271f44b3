/**
 * How vitest runs scenarios, in one place for vitest.config.ts (npm test,
 * VS Code) and `bookwell test`: worker processes, each with its own target
 * (database, catalog templates), scenario files spread across them; no module
 * isolation between files of a worker, so the target is built once per worker.
 * Scenario tags are vitest tags; they are read from the files, because vitest
 * refuses a `--tags-filter` naming a tag its configuration does not define.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { TestTagDefinition } from 'vitest/config';
import { findScenarioFiles } from './load';
import { scenarioEntries } from './vite-plugin';

export const DEFAULT_SCENARIO_DIR = 'harness/scenarios';

export const SCENARIO_TEST_OPTIONS = {
  pool: 'forks',
  isolate: false,
  // the real target's worker databases on a Postgres server are dropped at the end of the run
  globalSetup: fileURLToPath(new URL('../target/global-setup.ts', import.meta.url)),
  // a new tag in a file is fine before the configuration is reloaded (an editor's long-running vitest)
  strictTags: false,
  testTimeout: 30_000,
  hookTimeout: 60_000,
} as const;

/** Every tag used by the scenario files under `paths`, as vitest tag definitions. */
export function scenarioTags(paths: string[]): TestTagDefinition[] {
  const tags = new Set<string>();
  for (const file of findScenarioFiles(paths)) {
    let source = '';
    try {
      source = readFileSync(file, 'utf8');
    } catch {
      // a path that does not exist: vitest says so
    }
    for (const e of scenarioEntries(source)) for (const t of e.tags) tags.add(t);
  }
  return [...tags].sort().map((name) => ({ name, description: 'scenario tag' }));
}

/** `--tags en,!races` (any of the named, none of the excluded) as a vitest tags expression. */
export function tagsExpression(tags: string[]): string | undefined {
  const want = tags.filter((t) => !t.startsWith('!'));
  const not = tags.filter((t) => t.startsWith('!')).map((t) => `!${t.slice(1)}`);
  const parts = [...(want.length ? [`(${want.join(' || ')})`] : []), ...not];
  return parts.length ? parts.join(' && ') : undefined;
}
