/**
 * What the conversation reads from the catalog. The DB-backed implementation
 * (`queries.ts`) reads only our copy of the catalog and runs the just-in-time
 * refresh when rows are past `validUntil`; it never calls the provider for a
 * plain lookup in the middle of a chat. Tests may pass an in-memory one.
 * One instance serves one business (tenant).
 */
import type { CatalogSnapshot, FreeWindow } from './types';

export interface CatalogQueries {
  /** Active locations, services and staff. */
  snapshot(): Promise<CatalogSnapshot>;
  /** Free windows overlapping [from, to), optionally of one staff member. */
  freeWindows(q: { locationId: string; from: Date; to: Date; staffId?: string }): Promise<FreeWindow[]>;
  /**
   * Re-reads one location's free windows of these dates from the provider, after our own booking, cancel
   * or move changed them (or the provider refused a time): other customers are then offered them as they
   * are now. Optional: a copy nobody else books from needs none.
   */
  refreshDays?(q: { locationId: string; dates: string[] }): Promise<void>;
}
