/**
 * JUnit XML for CI: one <testsuite> per scenario file, one <testcase> per
 * scenario; a failure carries the first failing turn and its YAML location.
 */
import { displayFile, formatLoc } from '../positions';
import type { RunReport, ScenarioSummary } from '../run';

export function junitReport(report: RunReport): string {
  const byFile = new Map<string, ScenarioSummary[]>();
  for (const s of report.scenarios) byFile.set(s.file, [...(byFile.get(s.file) ?? []), s]);
  const suites: string[] = [];
  for (const [file, scenarios] of byFile) {
    const failures = scenarios.filter((s) => s.status !== 'passed').length;
    const time = seconds(scenarios.reduce((n, s) => n + s.attempts.reduce((m, a) => m + a.durationMs, 0), 0));
    suites.push(`  <testsuite name="${esc(displayFile(file))}" tests="${scenarios.length}" failures="${failures}" errors="0" time="${time}">`);
    for (const s of scenarios) suites.push(testcase(s));
    suites.push('  </testsuite>');
  }
  for (const e of report.loadErrors) {
    suites.push(`  <testsuite name="${esc(displayFile(e.file))}" tests="1" failures="0" errors="1">`);
    suites.push(`    <testcase classname="${esc(displayFile(e.file))}" name="(load)" file="${esc(displayFile(e.file))}" line="${e.at.line}">`);
    suites.push(`      <error message="${esc(e.message)}" type="load"/>`, '    </testcase>', '  </testsuite>');
  }
  const total = report.scenarios.length + report.loadErrors.length;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="bookwell scenarios" tests="${total}" failures="${report.failed - report.loadErrors.length}" errors="${report.loadErrors.length}" time="${seconds(report.durationMs)}">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}

function testcase(s: ScenarioSummary): string {
  const time = seconds(s.attempts.reduce((n, a) => n + a.durationMs, 0) / s.attempts.length);
  const open = `    <testcase classname="${esc(displayFile(s.file))}" name="${esc(s.name)}" file="${esc(displayFile(s.file))}" line="${s.at.line}" time="${time}"`;
  const failed = s.attempts.find((a) => a.status === 'failed');
  if (!failed) return `${open}/>`;
  const first = failed.failures[0];
  const message = `${s.status === 'flaky' ? `flaky (${Math.round(s.passRate * 100)}% passed): ` : ''}${first.name}: ${first.message}`;
  const body = failed.failures.map((f) => `${formatLoc(f.at)}: ${f.name}: ${f.message}`).join('\n');
  const transcript = failed.transcript
    .map((t, i) => `${i === failed.failedTurn ? '>' : ' '} ${t.customer}: ${t.text}\n${(t.observation?.replies ?? []).map((r) => `    bot: ${r}`).join('\n')}`)
    .join('\n');
  return `${open}>\n      <failure message="${esc(message)}" type="${first.kind}">${esc(body)}</failure>\n      <system-out>${esc(transcript)}</system-out>\n    </testcase>`;
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(3);
}

/** XML 1.0 allows no control characters besides tab/newline/return, even escaped. */
function esc(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}
