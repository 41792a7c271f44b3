import { defineConfig } from 'vitest/config';
import { scenarioPlugin } from './harness/runner/vite-plugin';
import { DEFAULT_SCENARIO_DIR, SCENARIO_TEST_OPTIONS, scenarioTags } from './harness/runner/vitest-config';

export default defineConfig({
  // each *.scenario.yaml becomes a test file whose tests are its scenarios, by name (VS Code Test Explorer)
  plugins: [scenarioPlugin()],
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // scenario tags are vitest tags: `vitest --project scenarios --tags-filter 'en && !races'`
    tags: scenarioTags([DEFAULT_SCENARIO_DIR]),
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['plugin/**/*.test.ts', 'harness/**/*.test.ts', 'cli/**/*.test.ts', 'test/**/*.test.ts'] },
      },
      {
        // each worker process builds one target (database, catalog templates) and runs its share of the files in it
        extends: true,
        test: { name: 'scenarios', include: [`${DEFAULT_SCENARIO_DIR}/**/*.scenario.yaml`], ...SCENARIO_TEST_OPTIONS },
      },
    ],
  },
});
