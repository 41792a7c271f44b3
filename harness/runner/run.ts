/**
 * Runs many scenarios: filtering (--grep, --tags), concurrency (workers),
 * --bail, and --repeat N with per-scenario pass rates for flaky detection.
 */
import pLimit from 'p-limit';
import { coverageOf, type Coverage } from './coverage';
import { executeScenario } from './execute';
import { findScenarioFiles, loadScenarioFile, type LoadError, type LoadedFile, type LoadedScenario } from './load';
import type { SourceLoc } from './positions';
import type { ScenarioResult } from './result';
import type { ScenarioTarget } from './target';

export interface RunOptions {
  /** Scenarios run at once (default 1). */
  workers?: number;
  /** Regular expression (case-insensitive) or substring matched against the scenario name and file. */
  grep?: string;
  /** Run scenarios having any of these tags; "!tag" excludes. */
  tags?: string[];
  /** Start no new scenario after the first failure. */
  bail?: boolean;
  /** Run each scenario N times (flaky detection). */
  repeat?: number;
  stepTimeoutMs?: number;
  /** Called as each attempt finishes (progress output). */
  onResult?: (r: ScenarioResult) => void;
}

export interface ScenarioSummary {
  id: string;
  name: string;
  file: string;
  at: SourceLoc;
  tags: string[];
  /** passed: every attempt passed; failed: none did; flaky: some did. */
  status: 'passed' | 'failed' | 'flaky';
  passRate: number;
  attempts: ScenarioResult[];
}

export interface RunReport {
  scenarios: ScenarioSummary[];
  loadErrors: LoadError[];
  /** Scenarios not started because of --bail. */
  skipped: number;
  passed: number;
  /** Failed + flaky scenarios + files that did not load. */
  failed: number;
  flaky: number;
  repeat: number;
  coverage: Coverage;
  durationMs: number;
}

export function selectScenarios(files: LoadedFile[], opts: Pick<RunOptions, 'grep' | 'tags'>): LoadedScenario[] {
  const grep = opts.grep ? toRegExp(opts.grep) : null;
  const want = (opts.tags ?? []).filter((t) => !t.startsWith('!'));
  const exclude = (opts.tags ?? []).filter((t) => t.startsWith('!')).map((t) => t.slice(1));
  return files
    .flatMap((f) => f.scenarios)
    .filter((s) => !grep || grep.test(s.name) || grep.test(s.file))
    .filter((s) => (!want.length || want.some((t) => s.tags.includes(t))) && !exclude.some((t) => s.tags.includes(t)));
}

function toRegExp(text: string): RegExp {
  try {
    return new RegExp(text, 'i');
  } catch {
    return new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i');
  }
}

export async function runPaths(paths: string[], target: ScenarioTarget, opts: RunOptions = {}): Promise<RunReport> {
  return runScenarios(findScenarioFiles(paths).map((f) => loadScenarioFile(f)), target, opts);
}

export async function runScenarios(files: LoadedFile[], target: ScenarioTarget, opts: RunOptions = {}): Promise<RunReport> {
  const started = performance.now();
  const repeat = Math.max(1, opts.repeat ?? 1);
  const limit = pLimit(Math.max(1, opts.workers ?? 1));
  const selected = selectScenarios(files, opts);
  const loadErrors = files.flatMap((f) => f.errors);
  let stop = opts.bail === true && loadErrors.length > 0;
  const attempts = await Promise.all(
    selected.flatMap((s) =>
      Array.from({ length: repeat }, () =>
        limit(async () => {
          if (stop) return null;
          const r = await executeScenario(s, target, { stepTimeoutMs: opts.stepTimeoutMs });
          if (r.status === 'failed' && opts.bail) stop = true;
          opts.onResult?.(r);
          return r;
        }),
      ),
    ),
  );
  const scenarios: ScenarioSummary[] = [];
  selected.forEach((s, i) => {
    const done = attempts.slice(i * repeat, (i + 1) * repeat).filter((r): r is ScenarioResult => r !== null);
    if (!done.length) return;
    const passes = done.filter((r) => r.status === 'passed').length;
    const status = passes === done.length ? 'passed' : passes === 0 ? 'failed' : 'flaky';
    scenarios.push({ id: s.id, name: s.name, file: s.file, at: s.at, tags: s.tags, status, passRate: passes / done.length, attempts: done });
  });
  const count = (st: ScenarioSummary['status']) => scenarios.filter((s) => s.status === st).length;
  return {
    scenarios,
    loadErrors,
    skipped: selected.length - scenarios.length,
    passed: count('passed'),
    failed: count('failed') + count('flaky') + loadErrors.length,
    flaky: count('flaky'),
    repeat,
    coverage: coverageOf(scenarios.flatMap((s) => s.attempts)),
    durationMs: Math.round(performance.now() - started),
  };
}
