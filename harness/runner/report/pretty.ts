/**
 * Terminal report: one line per passing scenario; for a failure, the
 * transcript up to the first failing turn (marked), expected vs actual, and
 * the `file:line:col` of the YAML step, which VS Code's terminal links.
 * Coverage comes next and the last line is exactly `N passed, N failed`.
 */
import { Chalk, type ChalkInstance } from 'chalk';
import { formatLoc } from '../positions';
import type { Failure, ScenarioResult, TranscriptTurn } from '../result';
import type { RunReport, ScenarioSummary } from '../run';
import { formatCoverage } from './coverage';

export interface PrettyOptions {
  /** Default: chalk's detection of the terminal. */
  color?: boolean;
}

export function prettyReport(report: RunReport, opts: PrettyOptions = {}): string {
  const c = opts.color === undefined ? new Chalk() : new Chalk({ level: opts.color ? 1 : 0 });
  const out: string[] = [];
  for (const e of report.loadErrors) out.push(`${c.red('✗')} ${c.red('cannot load')} ${e.message}`);
  for (const s of report.scenarios) out.push(...scenarioBlock(s, report.repeat, c));
  if (report.repeat > 1) {
    out.push('', c.bold(`Pass rates (--repeat ${report.repeat}):`));
    for (const s of report.scenarios) out.push(`  ${rate(s, c)}  ${s.name}`);
  }
  if (out.at(-1) !== '') out.push('');
  out.push(formatCoverage(report.coverage, c), '');
  if (report.flaky) out.push(c.yellow(`${report.flaky} flaky`));
  if (report.skipped) out.push(c.dim(`${report.skipped} skipped (--bail)`));
  out.push(`${report.passed} passed, ${report.failed} failed`);
  return out.join('\n') + '\n';
}

/** One scenario's block (the vitest bridge puts it in the failure message). */
export function prettyScenario(s: ScenarioSummary, opts: PrettyOptions = {}): string {
  const c = opts.color === undefined ? new Chalk() : new Chalk({ level: opts.color ? 1 : 0 });
  return scenarioBlock(s, s.attempts.length, c).join('\n');
}

function rate(s: ScenarioSummary, c: ChalkInstance): string {
  const pct = `${Math.round(s.passRate * 100)}%`.padStart(4);
  const ok = s.attempts.filter((a) => a.status === 'passed').length;
  const text = `${pct} (${ok}/${s.attempts.length})`;
  return s.status === 'passed' ? c.green(text) : s.status === 'flaky' ? c.yellow(text) : c.red(text);
}

function scenarioBlock(s: ScenarioSummary, repeat: number, c: ChalkInstance): string[] {
  const first = s.attempts.find((a) => a.status === 'failed');
  const ms = Math.round(s.attempts.reduce((n, a) => n + a.durationMs, 0) / s.attempts.length);
  const relaxed = s.attempts[0].relax.map((r) => `${r.invariant}${r.hits ? ` (would have fired ${r.hits}×)` : ''}`);
  const relaxLine = relaxed.length ? [c.yellow(`    relaxed: ${relaxed.join(', ')}`)] : [];
  if (!first) return [`${c.green('✓')} ${s.name} ${c.dim(`${ms} ms`)}`, ...relaxLine];
  const head = s.status === 'flaky' ? `${c.yellow('~')} ${s.name} ${c.yellow(`flaky: passed ${s.attempts.length - s.attempts.filter((a) => a.status === 'failed').length}/${repeat}`)}` : `${c.red('✗')} ${c.bold(s.name)}`;
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
