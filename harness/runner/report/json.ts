/** Machine-readable report: the whole RunReport, locations as `file:line:col` strings too. */
import { formatLoc } from '../positions';
import type { RunReport } from '../run';

export function jsonReport(report: RunReport): string {
  return JSON.stringify(report, (key, value) => (key === 'at' && value && typeof value === 'object' ? { ...value, link: formatLoc(value) } : value), 2) + '\n';
}
