/**
 * `bookwell test`: a front to vitest, which runs the scenarios (its worker
 * processes, filters, bail, retry and repeats, its JUnit and JSON reporters)
 * with the scenario reporter for transcripts and coverage. Nothing here runs
 * a scenario; vitest-bridge.ts does, inside vitest's workers.
 */
import { statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import type { Command } from 'commander';
import { startVitest, type Reporter } from 'vitest/node';
import { ScenarioReporter } from './report/reporter';
import { scenarioPlugin } from './vite-plugin';
import { DEFAULT_SCENARIO_DIR, SCENARIO_TEST_OPTIONS, scenarioTags, tagsExpression } from './vitest-config';

export const REPORTERS = ['pretty', 'junit', 'json'] as const;

export interface TestCommandOptions {
  paths?: string[];
  grep?: string;
  /** Comma-separated or repeated; "!tag" excludes. */
  tags?: string | string[];
  bail?: boolean;
  workers?: number | string;
  repeat?: number | string;
  retry?: number | string;
  reporter?: string;
  /** Write the report there (the terminal still gets the pretty one). */
  out?: string;
  /** Force colours on/off (default: detect). */
  color?: boolean;
  /** A module exporting createTarget(), instead of harness/target (the front's own tests). */
  target?: string;
  /** Where the pretty report goes (default: stdout). */
  write?: (text: string) => void;
}

export interface SuiteRunOptions {
  paths: string[];
  /** Name (or file) pattern. */
  grep?: RegExp;
  /** Vitest tags expression. */
  tagsFilter?: string;
  workers: number;
  repeat: number;
  retry: number;
  bail?: boolean;
  reporters: Array<Reporter | [string, Record<string, unknown>]>;
  color?: boolean;
  target?: string;
}

/** Runs the scenarios under `paths` in vitest; returns whether any ran and none failed. */
export async function runScenarioSuite(o: SuiteRunOptions): Promise<{ ran: boolean; failed: boolean }> {
  const vitest = await startVitest(
    'test',
    [],
    {
      config: false,
      root: process.cwd(),
      run: true,
      watch: false,
      include: o.paths.map(toInclude),
      ...SCENARIO_TEST_OPTIONS,
      tags: scenarioTags(o.paths),
      tagsFilter: o.tagsFilter ? [o.tagsFilter] : undefined,
      testNamePattern: o.grep,
      maxWorkers: o.workers,
      bail: o.bail ? 1 : undefined,
      retry: o.retry,
      reporters: o.reporters,
      color: o.color,
      provide: { scenarioRepeat: o.repeat, scenarioTarget: o.target ? resolve(o.target) : '' },
    },
    { plugins: [scenarioPlugin()], logLevel: 'warn' },
  );
  const files = vitest.state.getFiles();
  return {
    ran: files.some((f) => f.tasks.length),
    failed: vitest.state.getCountOfFailedTests() > 0 || files.some((f) => f.result?.state === 'fail') || vitest.state.getUnhandledErrors().length > 0,
  };
}

/** `bookwell test` with its flags as given; returns the exit code: 0 when every selected scenario passed. */
export async function runTestCommand(opts: TestCommandOptions): Promise<number> {
  const reporter = opts.reporter ?? 'pretty';
  if (!(REPORTERS as readonly string[]).includes(reporter)) throw new Error(`--reporter: expected one of ${REPORTERS.join(', ')}, got "${opts.reporter}"`);
  const repeat = positiveInt('--repeat', opts.repeat, 1);
  const tags = (Array.isArray(opts.tags) ? opts.tags : [opts.tags ?? '']).flatMap((t) => t.split(',')).map((t) => t.trim()).filter(Boolean);
  const pretty = new ScenarioReporter({ color: opts.color, repeat, write: opts.write });
  const { ran, failed } = await runScenarioSuite({
    paths: opts.paths?.length ? opts.paths : [DEFAULT_SCENARIO_DIR],
    grep: opts.grep ? toRegExp(opts.grep) : undefined,
    tagsFilter: tagsExpression(tags),
    workers: positiveInt('--workers', opts.workers, 1),
    repeat,
    retry: positiveInt('--retry', opts.retry, 0, 0),
    bail: opts.bail,
    reporters: reporter === 'pretty' ? [pretty] : opts.out ? [[reporter, reporterOptions(reporter, opts.out)], pretty] : [[reporter, reporterOptions(reporter)]],
    color: opts.color,
    target: opts.target,
  });
  return ran && !failed ? 0 : 1;
}

function reporterOptions(reporter: string, outputFile?: string): Record<string, unknown> {
  // the JUnit testcase names its YAML file; the failure's stack frame points at the failing step's line
  return reporter === 'junit' ? { outputFile, suiteName: 'bookwell scenarios', addFileAttribute: true } : { outputFile };
}

/** A folder means its scenario files; a file is itself. Relative to the root vitest globs from. */
function toInclude(path: string): string {
  const rel = relative(process.cwd(), resolve(path)) || '.';
  return statSync(path, { throwIfNoEntry: false })?.isDirectory() ? `${rel}/**/*.scenario.yaml` : rel;
}

/** Case-insensitive regular expression, or the text itself when it is not a valid one. */
function toRegExp(text: string): RegExp {
  try {
    return new RegExp(text, 'i');
  } catch {
    return new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i');
  }
}

function positiveInt(flag: string, value: number | string | undefined, fallback: number, min = 1): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new Error(`${flag}: expected a whole number ≥ ${min}, got "${value}"`);
  return n;
}

/** Adds `bookwell test` to a commander program. */
export function registerTestCommand(program: Command): void {
  program
    .command('test')
    .description('Run conversation scenarios (*.scenario.yaml) through the plugin, in vitest, and check expectations and invariants')
    .argument('[paths...]', `scenario files or folders (default: ${DEFAULT_SCENARIO_DIR})`)
    .option('--grep <pattern>', 'only scenarios whose name or file matches (regex, case-insensitive)')
    .option('--tags <tags>', 'only scenarios with any of these comma-separated tags; !tag excludes')
    .option('--bail', 'stop at the first failure')
    .option('--workers <n>', 'worker processes running scenarios in parallel', '1')
    .option('--repeat <n>', 'run each scenario n times and report pass rates (flaky detection)', '1')
    .option('--retry <n>', 'run a failing scenario again up to n times (a pass after a failure shows as flaky)', '0')
    .option('--reporter <name>', `${REPORTERS.join(' | ')}`, 'pretty')
    .option('--out <file>', 'write the junit or json report to a file (the terminal still shows the pretty report)')
    .option('--record', 'scenarios with `given.llm`: send requests with no recording to the real endpoint (BOOKWELL_LLM_BASE_URL, _MODEL, _API_KEY) and save its answers in <name>.llm.json')
    .action(async (paths: string[], opts: Omit<TestCommandOptions, 'paths'> & { record?: boolean }) => {
      // the scenario workers inherit the environment: they record instead of failing on a missing recording
      if (opts.record) process.env.BOOKWELL_LLM_RECORD = '1';
      process.exitCode = await runTestCommand({ ...opts, paths });
    });
}
