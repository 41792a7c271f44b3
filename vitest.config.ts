import { defineConfig } from 'vitest/config';
import { scenarioPlugin } from './harness/runner/vite-plugin';

export default defineConfig({
  // each *.scenario.yaml becomes a test file whose tests are its scenarios, by name (VS Code Test Explorer)
  plugins: [scenarioPlugin()],
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['plugin/**/*.test.ts', 'harness/**/*.test.ts', 'cli/**/*.test.ts', 'test/**/*.test.ts'] },
      },
      {
        // scenarios share one database and catalog template per worker (each runs in its own tenant),
        // so their files are not isolated from each other
        extends: true,
        test: { name: 'scenarios', include: ['harness/scenarios/**/*.scenario.yaml'], isolate: false },
      },
    ],
  },
});
