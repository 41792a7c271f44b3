/**
 * The live re-check at "yes": our slot copy may be minutes old, so each item
 * is checked against the provider's current free windows of its staff member
 * before anything is stored or ordered. One GetItemsByDate per staff and date.
 */
import type { ProviderSlot } from '../provider/port';
import { localDate, type ResolvedRequest } from './request';
import { type RunCtx, withRetry } from './retry';

/** Index of the first item that no longer fits, or -1 when all do. */
export async function recheckLive(ctx: RunCtx, r: ResolvedRequest): Promise<number> {
  const { provider } = ctx.deps;
  const queries = new Map<string, { date: string; staffId: string }>();
  for (const i of r.items) {
    const date = localDate(i.start, r.location.timezone);
    queries.set(`${i.staffId}|${date}`, { date, staffId: i.staffId });
  }
  const windows: ProviderSlot[] = [];
  // Sequential: a handful of calls at most, and the retry notes stay in order.
  for (const q of queries.values()) {
    const got = await withRetry(ctx, 'GetItemsByDate', () => provider.getItemsByDate({ locationId: r.location.externalId, ...q }));
    windows.push(...got);
  }
  return r.items.findIndex(
    (i) => !windows.some((w) => w.staffId === i.staffId && Date.parse(w.start) <= i.start.getTime() && i.end.getTime() <= Date.parse(w.end)),
  );
}
