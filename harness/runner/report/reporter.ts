/**
 * `bookwell test`'s own vitest reporter: a line per scenario as it finishes,
 * each failure's transcript with the failing turn marked, pass rates under
 * --repeat, the coverage of the conversation's transitions over the whole run
 * (every worker's scenarios), and `N passed, N failed`. It reads the attempts
 * the bridge keeps in each test's meta; JUnit and JSON are vitest's own.
 */
import type { Reporter, SerializedError, TestCase, TestModule, TestRunEndReason, Vitest } from 'vitest/node';
import type { ScenarioResult } from '../result';
import { prettyError, prettyScenario, prettySummary, summarize, type PrettyOptions, type SuiteReport, type TestError } from './pretty';

export interface ScenarioReporterOptions extends PrettyOptions {
  /** Runs per scenario asked for (`--repeat`), for the pass-rate table. */
  repeat?: number;
  /** Where the report goes; default: vitest's output stream. */
  write?: (text: string) => void;
}

export class ScenarioReporter implements Reporter {
  private write: (text: string) => void;

  constructor(private readonly opts: ScenarioReporterOptions = {}) {
    this.write = opts.write ?? ((text) => process.stdout.write(text));
  }

  onInit(vitest: Vitest): void {
    if (!this.opts.write) this.write = (text) => vitest.logger.outputStream.write(text);
  }

  onTestCaseResult(test: TestCase): void {
    const attempts = attemptsOf(test);
    if (attempts.length) this.write(`${prettyScenario(summarize(attempts), this.opts)}\n`);
    else if (test.result().state === 'failed') this.write(prettyError(errorOf(test), this.opts));
  }

  onTestRunEnd(modules: ReadonlyArray<TestModule>, unhandled: ReadonlyArray<SerializedError>, reason: TestRunEndReason): void {
    const report: SuiteReport = { scenarios: [], errors: [], stopped: reason === 'interrupted', repeat: this.opts.repeat ?? 1 };
    // a module that failed outside its tests (it did not transform, a worker crashed) and errors outside any test
    for (const m of modules) for (const e of m.errors()) report.errors.push({ name: m.moduleId, at: { file: m.moduleId, line: 1, col: 1 }, message: `${e.message}\n${e.stack ?? ''}` });
    for (const e of unhandled) report.errors.push({ name: 'unhandled error', at: { file: '(run)', line: 1, col: 1 }, message: e.stack ?? e.message });
    for (const e of report.errors.slice()) this.write(prettyError(e, this.opts));
    for (const test of modules.flatMap((m) => [...m.children.allTests()])) {
      const attempts = attemptsOf(test);
      const state = test.result().state;
      if (attempts.length) report.scenarios.push(summarize(attempts));
      else if (state === 'failed') report.errors.push(errorOf(test));
    }
    this.write(prettySummary(report, this.opts));
  }
}

const attemptsOf = (test: TestCase): ScenarioResult[] => test.meta().scenario?.attempts ?? [];

function errorOf(test: TestCase): TestError {
  const result = test.result();
  const message = result.state === 'failed' ? result.errors.map((e) => e.message).join('\n') : 'failed';
  return { name: test.name, at: { file: test.module.moduleId, line: test.location?.line ?? 1, col: test.location?.column ?? 1 }, message };
}
