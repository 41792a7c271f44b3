/** `bookwell test` end to end: vitest runs a small suite against the fake bot in its workers. */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, test } from 'vitest';
import { runTestCommand, type TestCommandOptions } from './cli';
import { HAPPY_CHAT, scenario } from './testing/helpers';

const FAKE = fileURLToPath(new URL('./testing/fake-target.ts', import.meta.url));

/** A folder with two passing scenarios, one failing one and one broken file. */
function suite(): string {
  const dir = mkdtempSync(join(tmpdir(), 'bookwell-cli-'));
  mkdirSync(join(dir, 'booking'));
  writeFileSync(join(dir, 'booking/ok.scenario.yaml'), `${scenario(HAPPY_CHAT, '', 'Books a gel manicure')}\n---\n${scenario('  - user: gel\n    bot: { asks: location }\n', '', 'Asks for the branch').replace('[fake]', '[fake, quick]')}`);
  writeFileSync(join(dir, 'booking/wrong.scenario.yaml'), scenario('  - user: gel\n    bot: { asks: location }\n  - user: Avenues\n    bot: { asks: time, says: "<&\\"escape me\\">" }\n', '', 'Expects the wrong question').replace('[fake]', '[fake, quick]'));
  writeFileSync(join(dir, 'broken.scenario.yaml'), 'scenario: Broken\nchat: [\n');
  return dir;
}

async function run(opts: TestCommandOptions): Promise<{ code: number; out: string }> {
  let out = '';
  const code = await runTestCommand({ target: FAKE, color: false, write: (text) => void (out += text), ...opts });
  return { code, out };
}

afterEach(() => {
  delete process.env.BOOKWELL_FAKE_TARGET;
});

describe('bookwell test (vitest runs the scenarios)', () => {
  test('pretty: a line per scenario, the failing turn marked with its YAML location, a broken file, coverage, the summary; exit code 1', { timeout: 60_000 }, async () => {
    const dir = suite();
    const { code, out } = await run({ paths: [dir], workers: 2 });
    expect(code).toBe(1);
    expect(out).toMatch(/^✓ Books a gel manicure \d+ ms$/m);
    expect(out).toMatch(/^✓ Asks for the branch \d+ ms$/m);
    expect(out).toMatch(/^✗ Expects the wrong question$/m);
    expect(out).toContain('  ▶  2 customer: Avenues');
    expect(out).toContain('✗ bot.asks: expected the bot to ask for "time", it asked for "staff"');
    expect(out).toContain('expected: "time"');
    expect(out).toMatch(new RegExp(`at ${dir}/booking/wrong\\.scenario\\.yaml:11:12$`, 'm'));
    expect(out).toMatch(/✗ \(cannot load .*broken\.scenario\.yaml\)[\s\S]*broken\.scenario\.yaml:3:1: YAML syntax/);
    expect(out).toMatch(/^Coverage: \d+ transitions, \d+ outcomes exercised$/m);
    expect(out).toContain('start→staff');
    expect(out.trimEnd().split('\n').at(-1)).toBe('2 passed, 2 failed');
  });

  test('--grep (name or file, any case) and --tags (any of, !excluded) select scenarios; a clean run exits 0', { timeout: 90_000 }, async () => {
    const dir = join(suite(), 'booking');
    const names = async (opts: TestCommandOptions) => [...(await run({ paths: [dir], ...opts })).out.matchAll(/^[✓✗] (.+?)(?: \d+ ms)?$/gm)].map((m) => m[1]).sort();
    expect(await names({ grep: 'GEL manicure' })).toEqual(['Books a gel manicure']);
    expect(await names({ grep: 'wrong\\.scenario' })).toEqual(['Expects the wrong question']);
    expect(await names({ tags: 'quick' })).toEqual(['Asks for the branch', 'Expects the wrong question']);
    expect(await names({ tags: ['fake', '!quick'] })).toEqual(['Books a gel manicure']);
    expect((await run({ paths: [dir], grep: 'gel' })).code).toBe(0);
  });

  test('--bail stops at the first failure, and says so', { timeout: 60_000 }, async () => {
    const dir = join(suite(), 'booking');
    writeFileSync(join(dir, 'a-first.scenario.yaml'), readFileSync(join(dir, 'wrong.scenario.yaml')));
    const { code, out } = await run({ paths: [dir], bail: true });
    expect(code).toBe(1);
    // two files fail, whichever order vitest picks: the run stops at the first of them
    expect(out.match(/^✗ Expects the wrong question$/gm)).toHaveLength(1);
    expect(out).toMatch(/^stopped at the first failure \(--bail\): the scenarios after it did not run$/m);
  });

  test('--repeat gives per-scenario pass rates and finds flaky scenarios', { timeout: 60_000 }, async () => {
    process.env.BOOKWELL_FAKE_TARGET = 'flaky';
    const { code, out } = await run({ paths: [join(suite(), 'booking/ok.scenario.yaml')], grep: 'gel', repeat: 4 });
    expect(code).toBe(1);
    expect(out).toContain('Pass rates (--repeat 4):');
    expect(out).toMatch(/ 50% \(2\/4\)\s+Books a gel manicure/);
    expect(out).toMatch(/^1 flaky$/m);
    expect(out.trimEnd().split('\n').at(-1)).toBe('0 passed, 1 failed');
  });

  test('--retry runs a failing scenario again; passing on the second run is flaky, not failed', { timeout: 60_000 }, async () => {
    process.env.BOOKWELL_FAKE_TARGET = 'flaky';
    // the flaky target passes the first run: start it at a failing one with a scenario before it
    const { code, out } = await run({ paths: [join(suite(), 'booking/ok.scenario.yaml')], retry: 1 });
    expect(code).toBe(0);
    expect(out).toMatch(/~ Asks for the branch flaky: passed 1\/2/);
  });

  test('junit: vitest\'s JUnit XML, a testcase per scenario, the failure at its YAML step; the terminal still gets the pretty report', { timeout: 60_000 }, async () => {
    const dir = suite();
    const file = join(dir, 'reports/junit.xml');
    const { code, out } = await run({ paths: [join(dir, 'booking')], reporter: 'junit', out: file });
    expect(code).toBe(1);
    expect(out.trimEnd().split('\n').at(-1)).toBe('2 passed, 1 failed');
    const xml = readFileSync(file, 'utf8');
    expect(xml.match(/<testcase /g)).toHaveLength(3);
    expect(xml).toMatch(/<testsuites name="bookwell scenarios" tests="3" failures="1"/);
    expect(xml).toMatch(/<testcase classname="[^"]*wrong\.scenario\.yaml" file="[^"]*wrong\.scenario\.yaml" name="[^"]*Expects the wrong question"[^>]*>\s*<failure message="[^"]*wrong\.scenario\.yaml:11:12: bot\.asks: expected the bot to ask for &quot;time&quot;/);
    expect(xml).toContain('&lt;&amp;\\&quot;escape me\\&quot;&gt;');
  });

  test('json: vitest\'s JSON report carries every attempt with its transcript in the test\'s meta', { timeout: 60_000 }, async () => {
    const dir = suite();
    const file = join(dir, 'report.json');
    await run({ paths: [join(dir, 'booking/wrong.scenario.yaml')], reporter: 'json', out: file });
    const report = JSON.parse(readFileSync(file, 'utf8'));
    const t = report.testResults[0].assertionResults[0];
    expect(t).toMatchObject({ title: 'Expects the wrong question', status: 'failed', tags: ['fake', 'quick'] });
    expect(t.meta.scenario.attempts[0].transcript.map((x: { text: string }) => x.text)).toEqual(['gel', 'Avenues']);
    expect(t.meta.scenario.attempts[0].failures[0].at).toMatchObject({ line: 11, col: 12 });
  });

  test('bad options are refused with the flag name', async () => {
    await expect(runTestCommand({ workers: 'many' })).rejects.toThrow('--workers: expected a whole number ≥ 1, got "many"');
    await expect(runTestCommand({ reporter: 'tap' })).rejects.toThrow('--reporter: expected one of pretty, junit, json, got "tap"');
    await expect(runTestCommand({ retry: '-1' })).rejects.toThrow('--retry: expected a whole number ≥ 0, got "-1"');
  });
});
