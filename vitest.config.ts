import { defineConfig } from 'vitest/config';
import { scenarioPlugin } from './harness/runner/vite-plugin';

export default defineConfig({
  // each *.scenario.yaml becomes a test file whose tests are its scenarios, by name (VS Code Test Explorer)
  plugins: [scenarioPlugin()],
  test: {
    include: ['plugin/**/*.test.ts', 'harness/**/*.test.ts', 'cli/**/*.test.ts', 'test/**/*.test.ts', 'harness/scenarios/**/*.scenario.yaml'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
