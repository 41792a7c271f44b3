/**
 * `bookwell test`: the command as a function of parsed options and a target,
 * plus `registerTestCommand` for cli/commands/test.ts (the lead's), which
 * passes the real target factory.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Command } from 'commander';
import { REPORTERS, renderReport, type ReporterName } from './report';
import { runPaths } from './run';
import type { ScenarioTarget } from './target';

export const DEFAULT_SCENARIO_DIR = 'harness/scenarios';

export interface TestCommandOptions {
  paths?: string[];
  grep?: string;
  /** Comma-separated or repeated; "!tag" excludes. */
  tags?: string | string[];
  bail?: boolean;
  workers?: number | string;
  repeat?: number | string;
  reporter?: string;
  /** Write the report there (the terminal still gets the pretty one). */
  out?: string;
  /** Force colours on/off (default: detect). */
  color?: boolean;
}

export interface CommandIO {
  write(text: string): void;
}

/** Runs the suite and returns the exit code: 0 when everything passed. */
export async function runTestCommand(opts: TestCommandOptions, target: ScenarioTarget, io: CommandIO = { write: (t) => process.stdout.write(t) }): Promise<number> {
  const reporter = (opts.reporter ?? 'pretty') as ReporterName;
  if (!REPORTERS.includes(reporter)) throw new Error(`--reporter: expected one of ${REPORTERS.join(', ')}, got "${opts.reporter}"`);
  const report = await runPaths(opts.paths?.length ? opts.paths : [DEFAULT_SCENARIO_DIR], target, {
    grep: opts.grep,
    tags: (Array.isArray(opts.tags) ? opts.tags : [opts.tags ?? '']).flatMap((t) => t.split(',')).map((t) => t.trim()).filter(Boolean),
    bail: opts.bail,
    workers: positiveInt('--workers', opts.workers, 1),
    repeat: positiveInt('--repeat', opts.repeat, 1),
  });
  if (opts.out) {
    mkdirSync(dirname(opts.out), { recursive: true });
    writeFileSync(opts.out, renderReport(reporter, report, { color: false }));
    io.write(renderReport('pretty', report, { color: opts.color }));
  } else io.write(renderReport(reporter, report, { color: opts.color }));
  return report.failed > 0 ? 1 : 0;
}

function positiveInt(flag: string, value: number | string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${flag}: expected a whole number ≥ 1, got "${value}"`);
  return n;
}

/** Adds `bookwell test` to a commander program; `createTarget` is called once per run. */
export function registerTestCommand(program: Command, createTarget: () => ScenarioTarget | Promise<ScenarioTarget>): void {
  program
    .command('test')
    .description('Run conversation scenarios (*.scenario.yaml) through the plugin and check expectations and invariants')
    .argument('[paths...]', `scenario files or folders (default: ${DEFAULT_SCENARIO_DIR})`)
    .option('--grep <pattern>', 'only scenarios whose name or file matches (regex, case-insensitive)')
    .option('--tags <tags>', 'only scenarios with any of these comma-separated tags; !tag excludes')
    .option('--bail', 'start no new scenario after the first failure')
    .option('--workers <n>', 'scenarios run in parallel', '1')
    .option('--repeat <n>', 'run each scenario n times and report pass rates (flaky detection)', '1')
    .option('--reporter <name>', `${REPORTERS.join(' | ')}`, 'pretty')
    .option('--out <file>', 'write the report to a file (the terminal still shows the pretty report)')
    .action(async (paths: string[], opts: Omit<TestCommandOptions, 'paths'>) => {
      const target = await createTarget();
      try {
        process.exitCode = await runTestCommand({ ...opts, paths }, target);
      } finally {
        await target.close?.();
      }
    });
}
