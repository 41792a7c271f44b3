/**
 * Table-driven understanding cases. Each case lists only what differs from
 * "nothing found"; the test fills the rest with null / [] and compares the
 * whole output of the CLI line function. Add a row to extend coverage.
 */
import type { Expecting, Extraction } from '../types';

/** The full output compared per case: the Extraction itself, but `leftover` (no reading; the CLI line does not print it). */
export type ExpectedOutput = Omit<Extraction, 'leftover'>;

export interface UnderstandCase {
  text: string;
  /** Default: kuwait-spa for en/ar, mexico-barber for es. */
  catalog?: 'kuwait-spa' | 'mexico-barber';
  expecting?: Expecting;
  offeredChoices?: number;
  /** Language defaults to the table's language. */
  expect: Partial<ExpectedOutput>;
}

/** Frozen clock for every table: Sunday 1 March 2026, 09:00 in Kuwait. */
export const NOW = '2026-03-01T09:00:00+03:00';
