/**
 * Diffs what the provider returned against our rows for one scope and says
 * what to write: inserts, content updates, deactivations (rows gone upstream
 * are never deleted: bookings point at them), reactivations, and unchanged rows
 * whose freshness stamp needs extending.
 */
export interface ExistingRow {
  id: string;
  externalId: string;
  active: boolean;
  validUntil: Date;
}

export interface Plan<T, R extends ExistingRow> {
  create: T[];
  /** Content changed, or the row was inactive and is back. */
  update: Array<{ row: R; item: T }>;
  deactivate: R[];
  /** Unchanged and active, but past half its life. */
  confirm: R[];
}

export function reconcile<T, R extends ExistingRow>(args: {
  existing: R[];
  incoming: T[];
  key: (item: T) => string;
  same: (row: R, item: T) => boolean;
  /** Rows whose validUntil is before this get their stamp extended. */
  confirmBefore: Date;
}): Plan<T, R> {
  const plan: Plan<T, R> = { create: [], update: [], deactivate: [], confirm: [] };
  const byKey = new Map(args.existing.map((r) => [r.externalId, r]));
  const seen = new Set<string>();
  for (const item of args.incoming) {
    const k = args.key(item);
    if (seen.has(k)) continue; // the provider listed it twice: first one wins
    seen.add(k);
    const row = byKey.get(k);
    if (!row) plan.create.push(item);
    else if (!row.active || !args.same(row, item)) plan.update.push({ row, item });
    else if (row.validUntil < args.confirmBefore) plan.confirm.push(row);
  }
  for (const row of args.existing) if (row.active && !seen.has(row.externalId)) plan.deactivate.push(row);
  return plan;
}

export const planWrites = (p: Plan<unknown, ExistingRow>): number => p.create.length + p.update.length + p.deactivate.length;
