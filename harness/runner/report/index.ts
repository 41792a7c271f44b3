/** Reporter by name, as the CLI's --reporter spells it. */
import type { RunReport } from '../run';
import { jsonReport } from './json';
import { junitReport } from './junit';
import { prettyReport, type PrettyOptions } from './pretty';

export const REPORTERS = ['pretty', 'junit', 'json'] as const;
export type ReporterName = (typeof REPORTERS)[number];

export function renderReport(name: ReporterName, report: RunReport, opts: PrettyOptions = {}): string {
  return name === 'junit' ? junitReport(report) : name === 'json' ? jsonReport(report) : prettyReport(report, opts);
}

export { jsonReport, junitReport, prettyReport };
