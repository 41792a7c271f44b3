/**
 * Scenario-suite throughput: the whole suite (harness/scenarios) replicated
 * ×N through the REAL target (plugin on the local host, PGlite or
 * DATABASE_URL, provider simulator over HTTP), with 1 and with 2 workers.
 * Prints scenarios/s, turns/s and the pass count for each worker setting.
 *
 * Bounded: each worker setting runs replica after replica and starts no new
 * replica once its time budget is spent (the replicas done so far are
 * reported). Each setting runs in its own child process with a fresh target,
 * so the settings stay independent (no warm caches carried over).
 *
 * Run: npx tsx bench/harness.ts [replicas=10] [workers=1,2] [budgetSeconds=900] [paths...]
 *   (npm run bench:harness)
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { createTarget } from '../harness/target';
import { DEFAULT_SCENARIO_DIR } from '../harness/runner/cli';
import { findScenarioFiles, loadScenarioFile } from '../harness/runner/load';
import type { ScenarioResult } from '../harness/runner/result';
import { runScenarios } from '../harness/runner/run';

const replicas = Math.max(1, Number(process.argv[2] ?? 10));
const workerSettings = (process.argv[3] ?? '1,2').split(',').map(Number).filter((n) => n >= 1);
const budgetMs = Math.max(1, Number(process.argv[4] ?? 900)) * 1000;
const paths = process.argv.length > 5 ? process.argv.slice(5) : [DEFAULT_SCENARIO_DIR];

/** Customer turns of one run: every step that delivered a message (user, duplicate, out-of-order, each simultaneous message). */
const turnsOf = (r: ScenarioResult) => r.transcript.filter((t) => t.kind !== 'restart' && t.kind !== 'advanceClock').length;

const CHILD = 'BENCH_HARNESS_WORKERS';

/** Parent: one child process per worker setting, then the summary table. */
function parent() {
  const tsx = createRequire(import.meta.url).resolve('tsx/cli');
  const self = fileURLToPath(import.meta.url);
  const rows: string[] = [];
  for (const workers of workerSettings) {
    const res = spawnSync(process.execPath, [tsx, self, ...process.argv.slice(2)], {
      env: { ...process.env, [CHILD]: String(workers) },
      stdio: ['ignore', 'pipe', 'inherit'],
      encoding: 'utf8',
      timeout: budgetMs + 10 * 60_000,
    });
    process.stdout.write(res.stdout ?? '');
    const row = (res.stdout ?? '').split('\n').find((l) => l.startsWith(`workers ${workers}:`));
    rows.push(row ?? `workers ${workers}: no result (exit ${res.status ?? res.signal})`);
  }
  console.log(`\n${rows.join('\n')}`);
}

async function child(workers: number) {
  const files = findScenarioFiles(paths).map((f) => loadScenarioFile(f));
  const loadErrors = files.flatMap((f) => f.errors);
  const perReplica = files.reduce((n, f) => n + f.scenarios.length, 0);
  if (loadErrors.length) for (const e of loadErrors) console.error(`load error: ${e.at.file}:${e.at.line}:${e.at.col}: ${e.message}`);
  console.log(`suite: ${perReplica} scenarios in ${files.length} files, ×${replicas} replicas, ${workers} worker(s), budget ${budgetMs / 1000}s`);
  {
    const target = await createTarget();
    try {
      // warm-up: one scenario, so database creation and module loading are not timed
      const first = files.find((f) => f.scenarios.length);
      if (first) await runScenarios([{ ...first, scenarios: first.scenarios.slice(0, 1) }], target, { workers: 1 });

      let scenarios = 0;
      let passed = 0;
      let turns = 0;
      let done = 0;
      const failing = new Map<string, number>();
      let firstFailure: string | null = null;
      const started = performance.now();
      for (let i = 0; i < replicas; i++) {
        if (performance.now() - started > budgetMs) break;
        const report = await runScenarios(files, target, {
          workers,
          onResult: (r) => {
            scenarios++;
            turns += turnsOf(r);
            if (r.status === 'passed') passed++;
            else {
              failing.set(r.name, (failing.get(r.name) ?? 0) + 1);
              firstFailure ??= `${r.name}: ${r.failures[0]?.message ?? '?'}`;
            }
          },
        });
        void report;
        done++;
        process.stdout.write(`  workers ${workers}: replica ${done}/${replicas} (${((performance.now() - started) / 1000).toFixed(1)}s)\n`);
      }
      const secs = (performance.now() - started) / 1000;
      const row =
        `workers ${workers}: ${scenarios} scenarios (${done}/${replicas} replicas${done < replicas ? ', budget hit' : ''}), ${turns} turns in ${secs.toFixed(1)}s → ` +
        `${(scenarios / secs).toFixed(1)} scenarios/s, ${(turns / secs).toFixed(1)} turns/s, ${passed}/${scenarios} passed`;
      console.log(row);
      if (failing.size) {
        console.log(`  not passing (${failing.size} scenarios): ${[...failing].map(([n, c]) => `${n} ×${c}`).join('; ')}`.slice(0, 1500));
        console.log(`  first failure: ${firstFailure}`.slice(0, 600));
      }
    } finally {
      await target.close?.();
    }
  }
}

const childWorkers = process.env[CHILD];
(childWorkers ? child(Number(childWorkers)) : Promise.resolve(parent())).then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
