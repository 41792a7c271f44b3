/**
 * Writes every provider call to ProviderCall for the admin view. The caller
 * never waits on it: calls are gathered and written together in one INSERT,
 * when `flush()` is called (a turn flushes at its end, so a yes's three calls
 * are one statement) or at the latest WRITE_AFTER_MS after the first call
 * gathered. `flush()` resolves when everything gathered so far is written
 * (tests, shutdown). A failed write is logged, never thrown into a booking.
 */
import { randomUUID } from 'node:crypto';
import type { ProviderCallRecord, ProviderCallRecorder } from '../provider/port';
import type { Db } from './database';
import { prismaSql, type Sql } from './sql';

const WRITE_AFTER_MS = 200;

export function createProviderCallLog(prisma: Db, businessId: string, onError: (err: unknown) => void = () => undefined, sql: Sql = prismaSql(prisma)) {
  let gathered: ProviderCallRecord[] = [];
  let timer: ReturnType<typeof setTimeout> | null = null;
  let pending = Promise.resolve();

  const write = (): Promise<void> => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (!gathered.length) return pending;
    const batch = gathered;
    gathered = [];
    const rows = batch.map((c) => ({
      id: randomUUID(), endpoint: c.endpoint, startedAt: c.startedAt.toISOString(), durationMs: Math.round(c.durationMs), outcome: c.outcome,
      errorKind: c.errorKind ?? null, status: c.status ?? null, message: c.message?.slice(0, 500) ?? null, attempt: c.attempt,
    }));
    pending = pending
      .then(() =>
        sql.query({
          name: 'bookwell_provider_calls',
          text: `INSERT INTO "ProviderCall" (id, "businessId", endpoint, "startedAt", "durationMs", outcome, "errorKind", status, message, attempt)
            SELECT r.id, $1, r.endpoint, r."startedAt"::timestamp, r."durationMs", r.outcome, r."errorKind", r.status, r.message, r.attempt
            FROM json_to_recordset($2::json) AS r(id text, endpoint text, "startedAt" text, "durationMs" int, outcome text, "errorKind" text, status int, message text, attempt int)`,
          values: [businessId, JSON.stringify(rows)],
        }),
      )
      .then(() => undefined, onError);
    return pending;
  };

  const record: ProviderCallRecorder = (c: ProviderCallRecord) => {
    gathered.push(c);
    timer ??= setTimeout(() => void write(), WRITE_AFTER_MS);
  };
  return { record, flush: write };
}
