/**
 * npm run bench:harness — scenario-suite throughput the way `bookwell test`
 * runs it: vitest's worker processes, each with its own target (the real
 * plugin on the local host, its own PGlite or Postgres database and catalog
 * templates, the provider simulator over HTTP).
 *
 * For each worker setting, the suite with every scenario run `runs` times
 * (vitest repeats, so the work per worker stays as vitest spreads the files).
 * Prints, per setting: wall time, start-up (until the first scenario ended:
 * workers, databases, templates), scenarios/s over the whole run and after
 * start-up, set-up share (open / scenario time), per-scenario tenant time
 * (median, p90), the real time the scenario clock skipped (fault waits that
 * would otherwise be slept), and any scenario that did not pass. Figures are
 * printed, never asserted; on a shared machine run it twice.
 *
 *   npx tsx bench/harness.ts [runs=5] [workers=1,2] [paths...]
 *   TEST_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres npm run bench:harness   (Postgres: a database per worker)
 */
import type { Reporter, TestCase } from 'vitest/node';
import { runScenarioSuite } from '../harness/runner/cli';
import type { ScenarioResult } from '../harness/runner/result';
import { DEFAULT_SCENARIO_DIR } from '../harness/runner/vitest-config';

const runs = Math.max(1, Number(process.argv[2] ?? 5));
const workerSettings = (process.argv[3] ?? '1,2').split(',').map(Number).filter((n) => n >= 1);
const paths = process.argv.length > 4 ? process.argv.slice(4) : [DEFAULT_SCENARIO_DIR];

const pct = (xs: number[], p: number) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] : NaN);
const sum = (xs: number[]) => xs.reduce((n, x) => n + x, 0);

/** Collects every attempt and when the main process heard of its test. */
class Collect implements Reporter {
  attempts: ScenarioResult[] = [];
  ends: number[] = [];
  onTestCaseResult(test: TestCase): void {
    this.ends.push(performance.now());
    this.attempts.push(...(test.meta().scenario?.attempts ?? []));
  }
}

async function bench(workers: number): Promise<string> {
  const collect = new Collect();
  const started = performance.now();
  await runScenarioSuite({ paths, workers, repeat: runs, retry: 0, reporters: [collect] });
  const wall = (performance.now() - started) / 1000;
  const { attempts } = collect;
  const n = attempts.length;
  // start-up: until the first test (all its runs) ended; the rate after it counts the attempts of the later tests
  const firstEnd = (Math.min(...collect.ends) - started) / 1000;
  const firstRuns = Math.min(runs, n);
  const open = sum(attempts.map((a) => a.timings.openMs ?? 0));
  const tenant = attempts.map((a) => a.timings.tenantMs).filter((x): x is number => x !== undefined);
  const skipped = sum(attempts.map((a) => a.timings.skippedMs ?? 0)) / 1000;
  const forced = sum(attempts.map((a) => a.timings.forcedClockAdvances ?? 0));
  const failing = new Map<string, number>();
  for (const a of attempts) if (a.status !== 'passed') failing.set(a.name, (failing.get(a.name) ?? 0) + 1);
  const lines = [
    `workers ${workers}: ${n} scenario runs (${n / runs} scenarios ×${runs}) in ${wall.toFixed(1)} s → ${(n / wall).toFixed(1)} scenarios/s; ` +
      `after start-up (${firstEnd.toFixed(1)} s) ${((n - firstRuns) / (wall - firstEnd)).toFixed(1)} scenarios/s; ` +
      `set-up ${((100 * open) / sum(attempts.map((a) => a.durationMs))).toFixed(0)}% of scenario time; ` +
      `tenant ${pct(tenant, 50)?.toFixed(1)} ms median, ${pct(tenant, 90)?.toFixed(1)} ms p90; ` +
      `clock skipped ${skipped.toFixed(1)} s (${forced} forced advances, ${forced * 2} s slept); ${n - sum([...failing.values()])}/${n} passed`,
  ];
  if (failing.size) lines.push(`  not passing: ${[...failing].map(([name, k]) => `${name} ×${k}`).join('; ')}`.slice(0, 1500));
  return lines.join('\n');
}

const rows: string[] = [];
for (const workers of workerSettings) {
  const row = await bench(workers);
  console.log(row);
  rows.push(row);
}
console.log(`\nsuite ${paths.join(' ')}, each scenario ×${runs}, ${process.env.TEST_DATABASE_URL ? 'Postgres (TEST_DATABASE_URL), a database per worker' : 'PGlite per worker'}\n${rows.join('\n')}`);
process.exit(0);
