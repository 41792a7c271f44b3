/** The real target, opened twice in one process (an editor's test run): each keeps its own catalog templates. */
import { describe, expect, test } from 'vitest';
import { executeScenario } from '../runner/execute';
import { loadScenarioFile } from '../runner/load';
import { createTarget } from './index';

const SCENARIO = 'harness/scenarios/single-service/en-gel-manicure.scenario.yaml';

describe('createTarget', () => {
  test('a second target after the first is closed still seeds each scenario with its catalog', async () => {
    const [scenario] = loadScenarioFile(SCENARIO).scenarios;
    for (let round = 1; round <= 2; round++) {
      const target = await createTarget();
      try {
        const result = await executeScenario(scenario, target);
        expect({ round, status: result.status, failures: result.failures }).toEqual({ round, status: 'passed', failures: [] });
      } finally {
        await target.close?.();
      }
    }
  }, 180_000);
});
