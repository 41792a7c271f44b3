/** The real target, opened twice in one process (bench:harness, an editor's test run): each keeps its own catalog templates. */
import { describe, expect, test } from 'vitest';
import { runPaths } from '../runner/run';
import { createTarget } from './index';

const SCENARIO = 'harness/scenarios/single-service/en-gel-manicure.scenario.yaml';

describe('createTarget', () => {
  test('a second target after the first is closed still seeds each scenario with its catalog', async () => {
    for (let round = 1; round <= 2; round++) {
      const target = await createTarget();
      try {
        const report = await runPaths([SCENARIO], target);
        expect({ round, passed: report.passed, failed: report.failed }).toEqual({ round, passed: 1, failed: 0 });
      } finally {
        await target.close?.();
      }
    }
  }, 60_000);
});
