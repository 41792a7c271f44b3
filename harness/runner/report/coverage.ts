/** The coverage section: which question-to-question transitions and outcomes the run went through. */
import type { ChalkInstance } from 'chalk';
import type { Coverage } from '../coverage';

export function formatCoverage(cov: Coverage, c: ChalkInstance): string {
  const transitions = Object.entries(cov.transitions);
  const outcomes = Object.entries(cov.outcomes);
  const lines = [c.bold(`Coverage: ${transitions.length} transitions, ${outcomes.length} outcomes exercised`)];
  lines.push(...columns(transitions.map(([t, n]) => `${t} ${c.dim(`×${n}`)}`)));
  if (outcomes.length) lines.push(`  outcomes: ${outcomes.map(([o, n]) => `${o} ${c.dim(`×${n}`)}`).join(', ')}`);
  if (cov.missingForward.length) lines.push(c.yellow(`  not exercised: ${cov.missingForward.join(', ')}`));
  return lines.join('\n');
}

function columns(items: string[], perLine = 4): string[] {
  const rows: string[] = [];
  for (let i = 0; i < items.length; i += perLine) rows.push(`  ${items.slice(i, i + perLine).join('   ')}`);
  return rows;
}
