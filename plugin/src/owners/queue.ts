/**
 * What the owners are told goes through one queue in the database: an
 * OwnerMessage row per owner number under a key naming what it is about
 * ("booking:<id>", "schedule:<location>:<date>"), unique, so a happening
 * noticed twice, or by two processes, is queued once. One more row per key,
 * number EVENT_ROW, is the claim for the `ownerNotification` Botpress event:
 * whoever inserts it emits the event. `flushOwnerMessages` sends what is
 * pending, each row claimed (pending → sending) before its send, retried, then
 * marked sent, or failed and logged.
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../store/database';
import { prismaSql, type Sql } from '../store/sql';
import { retry, type RetryPolicy } from '../runtime/retry';
import type { Clock } from '../runtime/clock';

export type OwnerNoticeKind = 'booking' | 'cancellation' | 'reschedule' | 'handoff' | 'schedule';
export const EVENT_ROW = 'event';
export const OWNER_RETRY: RetryPolicy = { retries: 3, initialMs: 500, maxMs: 4000 };

/** The ownerNotification event: the text as the owners get it, for a builder's own channel or template. */
export interface OwnerNotification {
  businessId: string;
  kind: OwnerNoticeKind;
  key: string;
  text: string;
  numbers: string[];
  bookingId: string | null;
  locationId: string | null;
  /** A schedule's local date "YYYY-MM-DD". */
  date: string | null;
}

export interface QueueDeps {
  prisma: Db;
  /** The queue's insert on the database's pool (one statement); default: through `prisma`. */
  sql?: Sql;
  businessId: string;
  numbers: string[];
  now: () => Date;
  emit(payload: OwnerNotification): Promise<void>;
}

/** Queues one notice for every owner number; false when it was queued before (by this or another process). */
export async function queueOwnerNotice(deps: QueueDeps, n: Omit<OwnerNotification, 'businessId' | 'numbers'>): Promise<boolean> {
  // the event row and, only when it is new, one pending row per number, in one statement; ON CONFLICT DO NOTHING:
  // the loser learns it from the event row not made, with no failed statement
  const { rows } = await (deps.sql ?? prismaSql(deps.prisma)).query<{ queued: number }>({
    name: 'bookwell_queue_owner_notice',
    text: `WITH ev AS (
        INSERT INTO "OwnerMessage" (id, "businessId", key, kind, number, text, status, attempts, "createdAt")
        VALUES ($1, $2, $3, $4, $5, $6, 'event', 0, $7::timestamp)
        ON CONFLICT ("businessId", key, number) DO NOTHING RETURNING id
      ), pending AS (
        INSERT INTO "OwnerMessage" (id, "businessId", key, kind, number, text, status, attempts, "createdAt")
        SELECT n.id, $2, $3, $4, n.number, $6, 'pending', 0, $7::timestamp FROM json_to_recordset($8::json) AS n(id text, number text)
        WHERE EXISTS (SELECT 1 FROM ev)
        ON CONFLICT ("businessId", key, number) DO NOTHING RETURNING id
      )
      SELECT (SELECT count(*) FROM ev)::int AS queued`,
    values: [randomUUID(), deps.businessId, n.key, n.kind, EVENT_ROW, n.text, deps.now().toISOString(), JSON.stringify(deps.numbers.map((number) => ({ id: randomUUID(), number })))],
  });
  if (!rows[0]?.queued) return false;
  await deps.emit({ ...n, businessId: deps.businessId, numbers: deps.numbers }).catch(() => undefined);
  return true;
}

export interface FlushDeps {
  prisma: Db;
  businessId: string;
  now: () => Date;
  /** Sends a text to an owner number through the owners' channel. */
  send(number: string, text: string): Promise<void>;
  retry?: RetryPolicy;
  clock?: Clock;
}

/** Sends every pending owner message once; returns how many went out. */
export async function flushOwnerMessages(deps: FlushDeps): Promise<number> {
  const pending = await deps.prisma.ownerMessage.findMany({
    where: { businessId: deps.businessId, status: 'pending' },
    orderBy: [{ createdAt: 'asc' }, { key: 'asc' }],
    select: { id: true, number: true, text: true },
  });
  let sent = 0;
  for (const m of pending) {
    // the claim: of two processes flushing at once, one moves it to sending
    const { count } = await deps.prisma.ownerMessage.updateMany({ where: { id: m.id, status: 'pending' }, data: { status: 'sending' } });
    if (count === 0) continue;
    let attempts = 0;
    try {
      await retry(
        async () => {
          attempts++;
          await deps.send(m.number, m.text);
        },
        { ...(deps.retry ?? OWNER_RETRY), clock: deps.clock },
      );
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      await deps.prisma.ownerMessage.update({ where: { id: m.id }, data: { status: 'failed', attempts, lastError: message.slice(0, 500) } });
      await deps.prisma.eventLog
        .create({ data: { businessId: deps.businessId, at: deps.now(), level: 'error', kind: 'owner_message_failed', message: `owner message to ${m.number} not sent after ${attempts} attempts: ${message}`, data: { ownerMessageId: m.id } } })
        .catch(() => undefined);
      continue;
    }
    await deps.prisma.ownerMessage.update({ where: { id: m.id }, data: { status: 'sent', attempts, sentAt: deps.now() } });
    sent++;
  }
  return sent;
}
