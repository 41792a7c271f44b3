/**
 * Terminal report: one line per passing scenario; for a failure, the
 * transcript up to the first failing turn (marked), expected vs actual, and
 * the `file:line:col` of the YAML step, which VS Code's terminal links.
 * Coverage comes next and the last line is exactly `N passed, N failed`.
 */
import { Chalk, type ChalkInstance } from 'chalk';
import { coverageOf } from '../coverage';
import { formatLoc, type SourceLoc } from '../positions';
import type { Failure, ScenarioResult, TranscriptTurn } from '../result';
import { formatCoverage } from './coverage';

export interface PrettyOptions {
  /** Default: chalk's detection of the terminal. */
  color?: boolean;
}

/** One scenario over all its attempts in a run (repeats, retries). */
export interface ScenarioSummary {
  name: string;
  at: SourceLoc;
  /** passed: every attempt passed; failed: none did; flaky: some did. */
  status: 'passed' | 'failed' | 'flaky';
  passRate: number;
  attempts: ScenarioResult[];
}

/** A test that failed without a scenario result: a file that did not load, a test timeout, a broken target. */
export interface TestError {
  name: string;
  at: SourceLoc;
  message: string;
}

export interface SuiteReport {
  scenarios: ScenarioSummary[];
  errors: TestError[];
  /** The run was stopped before every scenario ran (--bail). */
  stopped: boolean;
  /** Runs per scenario asked for (--repeat). */
  repeat: number;
}

export function summarize(attempts: ScenarioResult[]): ScenarioSummary {
  const passes = attempts.filter((a) => a.status === 'passed').length;
  const status = passes === attempts.length ? 'passed' : passes === 0 ? 'failed' : 'flaky';
  return { name: attempts[0].name, at: attempts[0].at, status, passRate: passes / attempts.length, attempts };
}

const chalk = (opts: PrettyOptions) => (opts.color === undefined ? new Chalk() : new Chalk({ level: opts.color ? 1 : 0 }));

/** The line (or block, for a failure) printed as a scenario finishes. */
export function prettyScenario(s: ScenarioSummary, opts: PrettyOptions = {}): string {
  return scenarioBlock(s, chalk(opts)).join('\n');
}

export function prettyError(e: TestError, opts: PrettyOptions = {}): string {
  const c = chalk(opts);
  return [`${c.red('✗')} ${c.bold(e.name)}`, `    ${formatLoc(e.at)}`, ...e.message.split('\n').map((l) => `    ${l}`), ''].join('\n');
}

/** After the run: pass rates (--repeat), coverage, and the closing `N passed, N failed`. */
export function prettySummary(report: SuiteReport, opts: PrettyOptions = {}): string {
  const c = chalk(opts);
  const out: string[] = [];
  if (report.repeat > 1) {
    out.push('', c.bold(`Pass rates (--repeat ${report.repeat}):`));
    for (const s of report.scenarios) out.push(`  ${rate(s, c)}  ${s.name}`);
  }
  out.push('', formatCoverage(coverageOf(report.scenarios.flatMap((s) => s.attempts)), c), '');
  const flaky = report.scenarios.filter((s) => s.status === 'flaky').length;
  const passed = report.scenarios.filter((s) => s.status === 'passed').length;
  if (flaky) out.push(c.yellow(`${flaky} flaky`));
  if (report.stopped) out.push(c.dim('stopped at the first failure (--bail): the scenarios after it did not run'));
  out.push(`${passed} passed, ${report.scenarios.length - passed + report.errors.length} failed`);
  return out.join('\n') + '\n';
}

function rate(s: ScenarioSummary, c: ChalkInstance): string {
  const pct = `${Math.round(s.passRate * 100)}%`.padStart(4);
  const ok = s.attempts.filter((a) => a.status === 'passed').length;
  const text = `${pct} (${ok}/${s.attempts.length})`;
  return s.status === 'passed' ? c.green(text) : s.status === 'flaky' ? c.yellow(text) : c.red(text);
}

function scenarioBlock(s: ScenarioSummary, c: ChalkInstance): string[] {
  const first = s.attempts.find((a) => a.status === 'failed');
  const ms = Math.round(s.attempts.reduce((n, a) => n + a.durationMs, 0) / s.attempts.length);
  const relaxed = s.attempts[0].relax.map((r) => `${r.invariant}${r.hits ? ` (would have fired ${r.hits}×)` : ''}`);
  const relaxLine = relaxed.length ? [c.yellow(`    relaxed: ${relaxed.join(', ')}`)] : [];
  if (!first) return [`${c.green('✓')} ${s.name} ${c.dim(`${ms} ms`)}`, ...relaxLine];
  const passed = s.attempts.length - s.attempts.filter((a) => a.status === 'failed').length;
  const head = s.status === 'flaky' ? `${c.yellow('~')} ${s.name} ${c.yellow(`flaky: passed ${passed}/${s.attempts.length}`)}` : `${c.red('✗')} ${c.bold(s.name)}`;
  return [head, `    ${formatLoc(s.at)}`, ...relaxLine, ...failureDetail(first, c), ''];
}

function failureDetail(r: ScenarioResult, c: ChalkInstance): string[] {
  const out = r.transcript.flatMap((t, i) => turnLines(t, i, i === r.failedTurn, c));
  const after = r.failures.filter((f) => !r.transcript.some((t) => t.failures.includes(f)));
  if (after.length) out.push(c.bold('    after the chat:'), ...after.flatMap((f) => failureLines(f, c)));
  return out;
}

function turnLines(t: TranscriptTurn, i: number, failing: boolean, c: ChalkInstance): string[] {
  const mark = failing ? c.red('  ▶ ') : '    ';
  const who = t.customer === 'main' ? 'customer' : t.customer;
  const lines = [`${mark}${c.dim(String(i + 1).padStart(2))} ${c.cyan(`${who}:`)} ${t.text}`];
  for (const reply of t.observation?.replies ?? []) lines.push(...indent(reply, `       ${c.magenta('bot:')} `, '            '));
  if (t.observation && !t.observation.replies.length) lines.push(c.dim('       bot: (nothing)'));
  if (t.observation?.asked) lines.push(c.dim(`            asks: ${t.observation.asked}`));
  for (const v of t.relaxed) lines.push(c.yellow(`       relaxed ${v.invariant}: ${v.message}`));
  for (const f of t.failures) lines.push(...failureLines(f, c));
  return lines;
}

function failureLines(f: Failure, c: ChalkInstance): string[] {
  const label = f.kind === 'invariant' ? `invariant ${f.name}` : f.name;
  const lines = [`       ${c.red(`✗ ${label}:`)} ${f.message}`];
  if (f.expected !== undefined && f.kind !== 'invariant') {
    lines.push(`           ${c.green('expected:')} ${JSON.stringify(f.expected)}`);
    lines.push(`           ${c.red('actual:  ')} ${JSON.stringify(f.actual)}`);
  }
  lines.push(`           ${c.dim('at')} ${formatLoc(f.at)}`);
  return lines;
}

function indent(text: string, first: string, rest: string): string[] {
  return text.split('\n').map((l, i) => (i === 0 ? first : rest) + l);
}
