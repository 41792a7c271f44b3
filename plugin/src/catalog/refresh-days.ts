/**
 * The just-in-time refresh of a few days of one location's free windows: after
 * a booking, cancel or move took or freed a time, and when a chat finds a day
 * past `validUntil`. The same reconciliation as the slot sync (reconcile.ts,
 * write-slots.ts) in plain SQL: one statement reads the location, its staff
 * and the days' rows; the provider is asked once per day; one statement writes
 * every change and the SyncRun row ('jit', written once with its outcome, never
 * left 'running'). Errors go to the EventLog as a sync's do.
 */
import { randomUUID } from 'node:crypto';
import type { Sql } from '../store/sql';
import { confirmBefore, DEFAULT_FRESHNESS, validUntil } from './freshness';
import { reconcile, planWrites } from './reconcile';
import { syncReads, type SyncDeps, type SyncReport } from './sync';
import { slotExternalId } from './write-slots';

interface ScopeRow {
  location: { id: string; externalId: string } | null;
  staff: Array<{ id: string; externalId: string }>;
  slots: Array<{ id: string; externalId: string; date: string; end: number; active: boolean; validUntil: number }>;
}

const iso = (d: Date) => d.toISOString();

export async function refreshDays(deps: SyncDeps & { sql: Sql }, only: { locationExternalId: string; dates: string[] }): Promise<SyncReport> {
  const { sql, businessId } = deps;
  const now = deps.now();
  const started = performance.now();
  const ttl = (deps.freshness ?? DEFAULT_FRESHNESS).slotTtlMs;
  const stamp = { now, validUntil: validUntil(now, ttl), confirmBefore: confirmBefore(now, ttl) };
  const report: SyncReport = { kind: 'jit', status: 'ok', locations: 0, services: 0, staff: 0, slots: 0, rowsWritten: 0, providerCalls: 0, durationMs: 0, errors: [] };
  const reads = syncReads(deps);

  const { rows } = await sql.query<ScopeRow>({
    name: 'bookwell_refresh_scope',
    text: `SELECT json_build_object('id', l.id, 'externalId', l."externalId") AS location,
        (SELECT COALESCE(json_agg(json_build_object('id', p.id, 'externalId', p."externalId")), '[]') FROM "Staff" p WHERE p."businessId" = $1 AND p."locationId" = l.id) AS staff,
        (SELECT COALESCE(json_agg(json_build_object('id', s.id, 'externalId', s."externalId", 'date', s.date, 'end', extract(epoch FROM s."end") * 1000,
            'active', s.active, 'validUntil', extract(epoch FROM s."validUntil") * 1000)), '[]')
          FROM "Slot" s WHERE s."businessId" = $1 AND s."locationId" = l.id AND s.date = ANY($3::text[])) AS slots
      FROM "Location" l WHERE l."businessId" = $1 AND l."externalId" = $2 AND l.active`,
    values: [businessId, only.locationExternalId, only.dates],
  });
  const scope = rows[0];
  const create: Array<{ id: string; externalId: string; staffId: string; date: string; start: string; end: string }> = [];
  const update: Array<{ id: string; end: string }> = [];
  const deactivate: string[] = [];
  const confirm: string[] = [];
  if (scope?.location) {
    const loc = scope.location;
    report.locations = 1;
    const staffIds = new Map(scope.staff.map((p) => [p.externalId, p.id]));
    for (const date of only.dates) {
      try {
        const got = await reads.provider.getItemsByDate({ locationId: loc.externalId, date });
        const unknownStaff = [...new Set(got.filter((w) => !staffIds.has(w.staffId)).map((w) => w.staffId))];
        const windows = got.filter((w) => staffIds.has(w.staffId));
        const existing = scope.slots.filter((s) => s.date === date).map((s) => ({ ...s, validUntil: new Date(Number(s.validUntil)) }));
        const plan = reconcile({
          existing,
          incoming: windows,
          key: (w) => slotExternalId(w.staffId, w.start),
          same: (r, w) => Number(r.end) === new Date(w.end).getTime(),
          confirmBefore: stamp.confirmBefore,
        });
        for (const w of plan.create) create.push({ id: randomUUID(), externalId: slotExternalId(w.staffId, w.start), staffId: staffIds.get(w.staffId)!, date, start: iso(new Date(w.start)), end: iso(new Date(w.end)) });
        for (const { row, item } of plan.update) update.push({ id: row.id, end: iso(new Date(item.end)) });
        deactivate.push(...plan.deactivate.map((r) => r.id));
        confirm.push(...plan.confirm.map((r) => r.id));
        report.rowsWritten += planWrites(plan);
        report.slots += windows.length;
        if (unknownStaff.length) report.errors.push({ scope: `slots ${loc.externalId} ${date}`, message: `unknown staff ${unknownStaff.join(', ')} (run a full sync)` });
      } catch (err) {
        report.errors.push({ scope: `slots ${loc.externalId} ${date}`, message: err instanceof Error ? err.message : String(err) });
      }
    }
  }
  report.providerCalls = reads.calls();
  report.durationMs = Math.round(performance.now() - started);
  report.status = report.errors.length === 0 ? 'ok' : report.rowsWritten > 0 || report.locations > 0 ? 'partial' : 'failed';

  // every change of every day and the run's record, in one statement
  const runId = randomUUID();
  await sql.query({
    name: 'bookwell_refresh_write',
    text: `WITH made AS (
        INSERT INTO "Slot" (id, "businessId", "externalId", "locationId", "staffId", date, start, "end", "lastSyncedAt", "validUntil", active)
        SELECT r.id, $1, r."externalId", $2, r."staffId", r.date, r.start::timestamp, r."end"::timestamp, $3::timestamp, $4::timestamp, true
        FROM json_to_recordset($5::json) AS r(id text, "externalId" text, "staffId" text, date text, start text, "end" text)
        ON CONFLICT ("businessId", "externalId") DO UPDATE SET "end" = EXCLUDED."end", active = true, "lastSyncedAt" = EXCLUDED."lastSyncedAt", "validUntil" = EXCLUDED."validUntil"
        RETURNING 1
      ), changed AS (
        UPDATE "Slot" s SET "end" = r."end"::timestamp, active = true, "lastSyncedAt" = $3::timestamp, "validUntil" = $4::timestamp
        FROM json_to_recordset($6::json) AS r(id text, "end" text) WHERE s.id = r.id
        RETURNING 1
      ), gone AS (
        UPDATE "Slot" SET active = false, "lastSyncedAt" = $3::timestamp WHERE id = ANY($7::text[]) RETURNING 1
      ), kept AS (
        UPDATE "Slot" SET "lastSyncedAt" = $3::timestamp, "validUntil" = $4::timestamp WHERE id = ANY($8::text[]) RETURNING 1
      )
      INSERT INTO "SyncRun" (id, "businessId", kind, status, "startedAt", "finishedAt", "durationMs", locations, services, staff, slots, "rowsWritten", "providerCalls", errors)
      VALUES ($9, $1, 'jit', $10, $3::timestamp, $11::timestamp, $12, $13, 0, 0, $14, $15, $16, $17::jsonb)`,
    values: [
      businessId, scope?.location?.id ?? null, iso(now), iso(stamp.validUntil), JSON.stringify(create), JSON.stringify(update), deactivate, confirm,
      runId, report.status, iso(new Date(now.getTime() + report.durationMs)), report.durationMs, report.locations, report.slots, report.rowsWritten, report.providerCalls,
      JSON.stringify(report.errors),
    ],
  });
  if (report.errors.length) {
    await deps.prisma.eventLog.createMany({
      data: report.errors.map((e) => ({ businessId, at: now, level: 'error', kind: 'sync_error', message: `jit sync, ${e.scope}: ${e.message}`, data: { syncRunId: runId, scope: e.scope } })),
    });
  }
  return report;
}
