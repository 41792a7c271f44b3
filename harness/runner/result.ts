/** What a scenario run produces; the reporters read only this. */
import type { Violation } from './invariants';
import type { LoadedStep } from './load';
import type { SourceLoc } from './positions';
import type { InvariantName } from './schema';
import type { TurnObservation } from './target';

export interface Failure {
  kind: 'expectation' | 'invariant' | 'expect' | 'error';
  /** `bot.asks`, `expect.bookings`, an invariant name, or `error`. */
  name: string;
  message: string;
  expected?: unknown;
  actual?: unknown;
  /** The YAML node to look at. */
  at: SourceLoc;
}

export interface TranscriptTurn {
  at: SourceLoc;
  /** Customer key; shown when the scenario has several. */
  customer: string;
  kind: LoadedStep['kind'];
  /** What the customer sent, or a description of the special step. */
  text: string;
  observation?: TurnObservation;
  failures: Failure[];
  /** Invariant hits a `relax:` switched off. */
  relaxed: Violation[];
}

export interface ScenarioResult {
  id: string;
  name: string;
  file: string;
  at: SourceLoc;
  tags: string[];
  status: 'passed' | 'failed';
  failures: Failure[];
  /** Index into transcript of the first failing turn; null when the chat passed (or it failed after the chat). */
  failedTurn: number | null;
  transcript: TranscriptTurn[];
  relax: Array<{ invariant: InvariantName; hits: number }>;
  /** "asked→asked" pairs per customer, in order ("start" first, "none" when nothing was asked). */
  transitions: string[];
  outcomes: string[];
  durationMs: number;
  /** Where the time went: `openMs` (set-up), `closeMs`, and what the target measured of its set-up (e.g. `tenantMs`). */
  timings: Record<string, number>;
}
