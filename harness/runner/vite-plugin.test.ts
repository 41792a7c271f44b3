import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';
import { HAPPY_CHAT, scenario } from './testing/helpers';
import { scenarioPlugin, transformScenario } from './vite-plugin';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const here = (f: string) => fileURLToPath(new URL(f, import.meta.url));
const TWO = `# two scenarios in one file\n${scenario(HAPPY_CHAT, '', 'Books a gel manicure')}---\n${scenario('  - user: gel\n    bot: { asks: time }\n', '', "Fails on purpose, it's asked for the branch")}`;

describe('vite plugin for *.scenario.yaml', () => {
  test('turns a scenario file into literal describe/test calls', () => {
    const { code, map } = transformScenario(TWO, '/repo/harness/scenarios/x.scenario.yaml');
    expect(code).toContain(`describe("/repo/harness/scenarios/x.scenario.yaml", () => {`);
    expect(code).toContain(`const scenarios = scenarioFile("/repo/harness/scenarios/x.scenario.yaml");`);
    expect(code).toContain(`test("Books a gel manicure", { tags: ["fake"], repeats: REPEATS }, (ctx) => scenarios.run(ctx, "Books a gel manicure"));`);
    expect(code).toContain(`test("Fails on purpose, it's asked for the branch", { tags: ["fake"], `);
    expect(map).toMatchObject({ version: 3, sources: ['/repo/harness/scenarios/x.scenario.yaml'], sourcesContent: [TWO] });
    // line 5 (describe) → YAML line 1; line 6 → line 2 (first `scenario:`); line 7 → line 20 (second)
    expect(map.mappings).toBe(';;;;AAAA;AACA,EAAA;AAkBA,EAAA;');
  });

  test('only *.scenario.yaml files are transformed, and a broken file still yields a (failing) test', () => {
    const plugin = scenarioPlugin();
    const transform = plugin.transform as (code: string, id: string) => ReturnType<typeof transformScenario> | null;
    expect(transform('x: 1', '/repo/config.yaml')).toBeNull();
    expect(transform('scenario: [', '/repo/a.scenario.yaml?v=1')?.code).toContain('test("(cannot load /repo/a.scenario.yaml)"');
  });

  test('vitest list --staticParse shows every scenario by name on its YAML line, and vitest runs them through the bridge', { timeout: 60_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bookwell-vite-'));
    writeFileSync(join(dir, 'two.scenario.yaml'), TWO);
    writeFileSync(join(dir, 'setup.ts'), `import { useTarget } from ${JSON.stringify(here('./vitest-bridge.ts'))};\nimport { createFakeTarget } from ${JSON.stringify(here('./testing/fake-target.ts'))};\nuseTarget(() => createFakeTarget());\n`);
    // A plain object: vitest/config would not resolve from a temp folder.
    writeFileSync(
      join(dir, 'vitest.config.mjs'),
      `import { scenarioPlugin } from ${JSON.stringify(here('./vite-plugin.ts'))};\nimport { SCENARIO_TEST_OPTIONS } from ${JSON.stringify(here('./vitest-config.ts'))};\n` +
        `export default { root: ${JSON.stringify(dir)}, plugins: [scenarioPlugin()], test: { ...SCENARIO_TEST_OPTIONS, include: ['**/*.scenario.yaml'], setupFiles: ['./setup.ts'] } };\n`,
    );
    const vitest = (args: string[]) =>
      promisify(execFile)(join(ROOT, 'node_modules/.bin/vitest'), [...args, '--config', join(dir, 'vitest.config.mjs')], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' } }).catch((e: { stdout: string }) => e);

    const listed = JSON.parse((await vitest(['list', '--staticParse', '--json'])).stdout);
    expect(listed.map((t: { name: string; location: { line: number } }) => [t.name.split(' > ').at(-1), t.location.line])).toEqual([
      ['Books a gel manicure', 2],
      ["Fails on purpose, it's asked for the branch", 20],
    ]);

    const ran = JSON.parse((await vitest(['run', '--reporter=json'])).stdout);
    const results = ran.testResults[0].assertionResults;
    expect(results.map((r: { title: string; status: string }) => [r.title, r.status])).toEqual([
      ['Books a gel manicure', 'passed'],
      ["Fails on purpose, it's asked for the branch", 'failed'],
    ]);
    expect(results[0].tags).toEqual(['fake']);
    expect(results[1].failureMessages[0]).toMatch(/bot\.asks: expected the bot to ask for "time", it asked for "location"/);
    expect(results[1].failureMessages[0]).toContain(`${join(dir, 'two.scenario.yaml')}:28:12`);
  });
});
