import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runTestCommand } from './cli';
import { jsonReport, junitReport, prettyReport } from './report';
import { runPaths } from './run';
import type { ScenarioTarget } from './target';
import { createFakeTarget } from './testing/fake-target';
import { HAPPY_CHAT, scenario } from './testing/helpers';

/** A folder with two passing scenarios, one failing one and one broken file. */
function suite(): string {
  const dir = mkdtempSync(join(tmpdir(), 'bookwell-run-'));
  mkdirSync(join(dir, 'booking'));
  writeFileSync(join(dir, 'booking/ok.scenario.yaml'), `${scenario(HAPPY_CHAT, '', 'Books a gel manicure')}\n---\n${scenario('  - user: gel\n    bot: { asks: location }\n', '', 'Asks for the branch').replace('[fake]', '[fake, quick]')}`);
  writeFileSync(join(dir, 'booking/wrong.scenario.yaml'), scenario('  - user: gel\n    bot: { asks: location }\n  - user: Avenues\n    bot: { asks: time, says: "<&\\"escape me\\">" }\n', '', 'Expects the wrong question').replace('[fake]', '[fake, quick]'));
  writeFileSync(join(dir, 'broken.scenario.yaml'), 'scenario: Broken\nchat: [\n');
  return dir;
}

/** Fails every other run: a flaky system. */
function flakyTarget(): ScenarioTarget {
  let n = 0;
  return { open: (given, ctx) => createFakeTarget({ defects: n++ % 2 ? ['live-catalog'] : [] }).open(given, ctx) };
}

describe('running a suite', () => {
  test('all files run in parallel; a broken file is reported and the others still run', async () => {
    const report = await runPaths([suite()], createFakeTarget(), { workers: 3 });
    expect(report.scenarios.map((s) => [s.name, s.status])).toEqual([
      ['Books a gel manicure', 'passed'],
      ['Asks for the branch', 'passed'],
      ['Expects the wrong question', 'failed'],
    ]);
    expect(report.loadErrors.map((e) => e.message)).toEqual([expect.stringMatching(/broken\.scenario\.yaml:3:1: YAML syntax: /)]);
    expect([report.passed, report.failed]).toEqual([2, 2]);
  });

  test('--grep and --tags select scenarios', async () => {
    const dir = suite();
    const names = async (opts: { grep?: string; tags?: string[] }) => (await runPaths([join(dir, 'booking')], createFakeTarget(), opts)).scenarios.map((s) => s.name);
    expect(await names({ grep: 'gel manicure' })).toEqual(['Books a gel manicure']);
    expect(await names({ grep: 'wrong\\.scenario' })).toEqual(['Expects the wrong question']);
    expect(await names({ tags: ['quick'] })).toEqual(['Asks for the branch', 'Expects the wrong question']);
    expect(await names({ tags: ['fake', '!quick'] })).toEqual(['Books a gel manicure']);
  });

  test('--bail starts nothing after the first failure', async () => {
    const dir = suite();
    writeFileSync(join(dir, 'booking/a-first.scenario.yaml'), readFileSync(join(dir, 'booking/wrong.scenario.yaml')));
    const report = await runPaths([join(dir, 'booking')], createFakeTarget(), { bail: true, workers: 1 });
    expect(report.scenarios.map((s) => s.status)).toEqual(['failed']);
    expect(report.skipped).toBe(3);
  });

  test('--repeat gives per-scenario pass rates and finds flaky scenarios', async () => {
    const dir = suite();
    const report = await runPaths([join(dir, 'booking/ok.scenario.yaml')], flakyTarget(), { repeat: 4, grep: 'gel' });
    expect(report.scenarios).toEqual([expect.objectContaining({ status: 'flaky', passRate: 0.5 })]);
    expect(report.scenarios[0].attempts).toHaveLength(4);
    expect([report.passed, report.failed, report.flaky]).toEqual([0, 1, 1]);
    const pretty = prettyReport(report, { color: false });
    expect(pretty).toContain('Pass rates (--repeat 4):');
    expect(pretty).toMatch(/ 50% \(2\/4\)\s+Books a gel manicure/);
    expect(pretty).toMatch(/^1 flaky$/m);
  });
});

describe('reporters', () => {
  test('pretty: transcript with the failing turn marked, expected vs actual, YAML location, coverage, summary line', async () => {
    const dir = suite();
    const out = prettyReport(await runPaths([dir], createFakeTarget()), { color: false });
    expect(out).toMatch(/^✓ Books a gel manicure \d+ ms$/m);
    expect(out).toMatch(/^✗ Expects the wrong question$/m);
    expect(out).toContain('  ▶  2 customer: Avenues');
    expect(out).toContain('✗ bot.asks: expected the bot to ask for "time", it asked for "staff"');
    expect(out).toContain('expected: "time"');
    expect(out).toContain('actual:   "staff"');
    expect(out).toMatch(new RegExp(`at ${dir}/booking/wrong\\.scenario\\.yaml:11:12$`, 'm'));
    expect(out).toMatch(/cannot load .*broken\.scenario\.yaml:3:1/);
    expect(out).toMatch(/^Coverage: \d+ transitions, \d+ outcomes exercised$/m);
    expect(out).toContain('start→staff');
    expect(out).toMatch(/not exercised: .*staff→time/);
    expect(out.trimEnd().split('\n').at(-1)).toBe('2 passed, 2 failed');
  });

  test('junit: well-formed XML with a testcase per scenario and failure details', async () => {
    const xml = junitReport(await runPaths([suite()], createFakeTarget()));
    expect(wellFormed(xml)).toBe(true);
    expect(xml.match(/<testcase /g)).toHaveLength(4);
    expect(xml).toMatch(/<testcase classname="[^"]*wrong\.scenario\.yaml" name="Expects the wrong question" file="[^"]*" line="1" time="[\d.]+">\s*<failure message="bot.asks: /);
    expect(xml).toContain('&lt;&amp;\\&quot;escape me\\&quot;&gt;');
    expect(xml).toMatch(/<error message="[^"]*broken\.scenario\.yaml:3:1: YAML syntax/);
    expect(xml).toMatch(/<testsuites name="bookwell scenarios" tests="4" failures="1" errors="1"/);
  });

  test('json: parses, with links as file:line:col', async () => {
    const parsed = JSON.parse(jsonReport(await runPaths([suite()], createFakeTarget())));
    expect(parsed).toMatchObject({ passed: 2, failed: 2 });
    expect(parsed.scenarios[2].attempts[0].failures[0].at.link).toMatch(/wrong\.scenario\.yaml:11:12$/);
  });
});

describe('bookwell test', () => {
  test('runs the suite, prints the report, writes --out, returns the exit code', async () => {
    const dir = suite();
    let printed = '';
    const out = join(dir, 'reports/junit.xml');
    const code = await runTestCommand({ paths: [join(dir, 'booking')], reporter: 'junit', out, workers: '2', tags: 'fake', color: false }, createFakeTarget(), { write: (t) => (printed += t) });
    expect(code).toBe(1);
    expect(printed).toMatch(/^2 passed, 1 failed$/m);
    expect(wellFormed(readFileSync(out, 'utf8'))).toBe(true);
    const passing = await runTestCommand({ paths: [join(dir, 'booking')], grep: 'gel', reporter: 'json' }, createFakeTarget(), { write: () => {} });
    expect(passing).toBe(0);
  });

  test('bad options are refused with the flag name', async () => {
    await expect(runTestCommand({ workers: 'many' }, createFakeTarget())).rejects.toThrow('--workers: expected a whole number ≥ 1, got "many"');
    await expect(runTestCommand({ reporter: 'tap' }, createFakeTarget())).rejects.toThrow('--reporter: expected one of pretty, junit, json, got "tap"');
  });
});

/** Enough of an XML well-formedness check for our output: declaration, balanced tags, no raw & or < in text. */
function wellFormed(xml: string): boolean {
  const body = xml.replace(/^<\?xml [^?]*\?>\s*/, '');
  const stack: string[] = [];
  for (const m of body.matchAll(/<(\/?)([A-Za-z][\w-]*)((?:\s+[\w-]+="[^"<]*")*)\s*(\/?)>|([^<]+)/g)) {
    const [, close, name, , selfClose, text] = m;
    if (text !== undefined) {
      if (/&(?!amp;|lt;|gt;|quot;|apos;)/.test(text)) return false;
      continue;
    }
    if (close) {
      if (stack.pop() !== name) return false;
    } else if (!selfClose) stack.push(name);
  }
  const consumed = [...body.matchAll(/<(\/?)([A-Za-z][\w-]*)((?:\s+[\w-]+="[^"<]*")*)\s*(\/?)>|([^<]+)/g)].map((m) => m[0]).join('');
  return stack.length === 0 && consumed === body;
}
