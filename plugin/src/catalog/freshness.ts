/**
 * How long synced rows stay valid, and when a sync re-confirms them. A row is
 * written when its content changes; an unchanged row only gets its stamp
 * extended once it is past half its life, so a re-run right after a sync
 * writes nothing, and the scheduled refreshes keep rows from going stale.
 */
export interface FreshnessPolicy {
  /** Locations, services, staff and their links. */
  catalogTtlMs: number;
  /** Free windows. */
  slotTtlMs: number;
}

export const DEFAULT_FRESHNESS: FreshnessPolicy = {
  catalogTtlMs: 36 * 60 * 60 * 1000, // a nightly full sync keeps it fresh with margin
  slotTtlMs: 60 * 60 * 1000, // the slot refresh runs every 15–30 minutes
};

export function validUntil(now: Date, ttlMs: number): Date {
  return new Date(now.getTime() + ttlMs);
}

/** Stamps older than this are extended by a sync that finds the row unchanged. */
export function confirmBefore(now: Date, ttlMs: number): Date {
  return new Date(now.getTime() + ttlMs / 2);
}
