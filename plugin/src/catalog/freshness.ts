/**
 * How long synced rows stay valid, and when a sync re-confirms them. A row is
 * written when its content changes; an unchanged row only gets its stamp
 * extended once it is past half its life, so a re-run right after a sync
 * writes nothing, and the scheduled refreshes keep rows from going stale.
 */
import type { Db } from '../store/database';

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

/**
 * Whether a process starting up must sync before it chats: there is no
 * catalog yet, or it is past `validUntil` (a chat would wait for the
 * just-in-time refresh). A fresh one is left to the schedule.
 */
export async function catalogNeedsSync(prisma: Db, businessId: string, now: Date): Promise<boolean> {
  const [active, stale] = await Promise.all([
    prisma.location.count({ where: { businessId, active: true } }),
    prisma.location.count({ where: { businessId, active: true, validUntil: { lt: now } } }),
  ]);
  return active === 0 || stale > 0;
}

export function validUntil(now: Date, ttlMs: number): Date {
  return new Date(now.getTime() + ttlMs);
}

/** Stamps older than this are extended by a sync that finds the row unchanged. */
export function confirmBefore(now: Date, ttlMs: number): Date {
  return new Date(now.getTime() + ttlMs / 2);
}
