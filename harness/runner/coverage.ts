/** State-machine transitions (asked→asked) and outcomes exercised by a run. */
import type { ScenarioResult } from './result';

/** The booking flow's question order (DESIGN.md): the happy path coverage is measured against. */
const SLOT_CHAIN = ['start', 'location', 'services', 'staff', 'time', 'name', 'email', 'confirm', 'none'] as const;

export interface Coverage {
  transitions: Record<string, number>;
  outcomes: Record<string, number>;
  /** Steps of the happy path (each slot to the next) no scenario went through. */
  missingForward: string[];
}

export function coverageOf(results: ScenarioResult[]): Coverage {
  const transitions: Record<string, number> = {};
  const outcomes: Record<string, number> = {};
  for (const r of results) {
    for (const t of r.transitions) transitions[t] = (transitions[t] ?? 0) + 1;
    for (const o of r.outcomes) outcomes[o] = (outcomes[o] ?? 0) + 1;
  }
  const forward = SLOT_CHAIN.slice(1).map((to, i) => `${SLOT_CHAIN[i]}→${to}`);
  return { transitions: sortByCount(transitions), outcomes: sortByCount(outcomes), missingForward: forward.filter((t) => !transitions[t]) };
}

function sortByCount(counts: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(counts).sort(([a, x], [b, y]) => y - x || a.localeCompare(b)));
}
