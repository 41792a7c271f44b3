/** The real target: a scenario leaves its worker's database as it found it; a second target after the first is closed works too. */
import { describe, expect, test } from 'vitest';
import { executeScenario, targetGiven } from '../runner/execute';
import { loadScenarioFile } from '../runner/load';
import { createTarget } from './index';
import { dumpDatabase } from './testing/dump';
import { openWorkerDatabase } from './database';

// existing bookings, a cancellation and a new booking: the provider's log, the plugin's conversation, slot refreshes
const SCENARIO = 'harness/scenarios/manage/en-cancel-only-then-book.scenario.yaml';

describe('createTarget', () => {
  test('a scenario (bookings made, cancelled, slots refreshed) leaves the database as it found it, and runs again the same', { timeout: 180_000 }, async () => {
    const db = await openWorkerDatabase();
    const [scenario] = loadScenarioFile(SCENARIO).scenarios;
    const target = await createTarget({ db });
    try {
      await target.prepare!([targetGiven(scenario)]);
      const before = await dumpDatabase(db);
      for (let round = 1; round <= 2; round++) {
        const result = await executeScenario(scenario, target);
        expect({ round, status: result.status, failures: result.failures }).toEqual({ round, status: 'passed', failures: [] });
        expect(await dumpDatabase(db)).toEqual(before);
      }
    } finally {
      await target.close?.();
    }
  });

  test('a second target after the first is closed still prepares and runs its scenarios', { timeout: 180_000 }, async () => {
    const [scenario] = loadScenarioFile('harness/scenarios/single-service/en-gel-manicure.scenario.yaml').scenarios;
    for (let round = 1; round <= 2; round++) {
      const target = await createTarget();
      try {
        const result = await executeScenario(scenario, target);
        expect({ round, status: result.status, failures: result.failures }).toEqual({ round, status: 'passed', failures: [] });
      } finally {
        await target.close?.();
      }
    }
  });
});
