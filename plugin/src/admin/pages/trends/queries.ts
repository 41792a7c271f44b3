/**
 * Figures per business-local day over the last N days, counted in the
 * database (a month of provider calls is far too many rows to fetch):
 * bookings made, chats (customers who wrote) against chats that booked,
 * handoffs, provider calls and failures, and — from the LLM layer's port when
 * there is one — LLM calls and tokens. Timestamps are stored in UTC
 * (`timestamp` without zone), hence `AT TIME ZONE 'UTC'` before the business's zone.
 */
import { DateTime } from 'luxon';
import { Prisma } from '../../../../../generated/prisma/client';
import type { AdminPorts } from '../../ports';
import { HANDOFF_REQUESTED } from '../chats/queries';

export const RANGES = [7, 14, 30, 90] as const;
export type RangeDays = (typeof RANGES)[number];

export interface Trends {
  days: string[];
  bookings: number[];
  cancelled: number[];
  chats: number[];
  chatsBooked: number[];
  handoffs: number[];
  providerCalls: number[];
  providerFailures: number[];
  /** null: no LLM usage is recorded by this process's LLM layer. */
  llm: { calls: number[]; tokens: number[] } | null;
}

/** The last `n` local days, today included, oldest first. */
export function lastDays(now: Date, zone: string, n: number): string[] {
  const today = DateTime.fromJSDate(now, { zone }).startOf('day');
  return Array.from({ length: n }, (_, i) => today.minus({ days: n - 1 - i }).toISODate()!);
}

type DayCount = { day: string; n: number };

export async function gatherTrends(ports: AdminPorts, zone: string, n: RangeDays): Promise<Trends> {
  const { prisma, businessId } = ports;
  const days = lastDays(ports.now(), zone, n);
  const from = DateTime.fromISO(days[0]!, { zone }).toJSDate();
  const to = DateTime.fromISO(days[days.length - 1]!, { zone }).plus({ days: 1 }).toJSDate();
  const day = (column: string) => Prisma.raw(`to_char(("${column}" AT TIME ZONE 'UTC') AT TIME ZONE `);
  const local = (column: string) => Prisma.sql`${day(column)}${zone}, 'YYYY-MM-DD')`;
  const count = (rows: DayCount[]) => days.map((d) => rows.find((r) => r.day === d)?.n ?? 0);

  const [made, cancelled, chats, booked, handoffs, calls, llm] = await Promise.all([
    // an order was made: confirmed then, cancelled or moved later
    prisma.$queryRaw<DayCount[]>`SELECT ${local('createdAt')} AS day, count(*)::int AS n FROM "Booking"
      WHERE "businessId" = ${businessId} AND "providerOrderId" IS NOT NULL AND "createdAt" >= ${from} AND "createdAt" < ${to} GROUP BY 1`,
    prisma.$queryRaw<DayCount[]>`SELECT ${local('updatedAt')} AS day, count(*)::int AS n FROM "Booking"
      WHERE "businessId" = ${businessId} AND status = 'cancelled' AND "updatedAt" >= ${from} AND "updatedAt" < ${to} GROUP BY 1`,
    // a chat is a channel chat a customer wrote in that day
    prisma.$queryRaw<DayCount[]>`SELECT day, count(DISTINCT chat)::int AS n FROM (
        SELECT ${local('receivedAt')} AS day, channel || ':' || coalesce(payload->>'chatId', "externalId") AS chat FROM "InboundMessage"
        WHERE "businessId" = ${businessId} AND "receivedAt" >= ${from} AND "receivedAt" < ${to}) m GROUP BY day`,
    prisma.$queryRaw<DayCount[]>`SELECT ${local('createdAt')} AS day, count(DISTINCT "conversationId")::int AS n FROM "Booking"
      WHERE "businessId" = ${businessId} AND "providerOrderId" IS NOT NULL AND "conversationId" IS NOT NULL AND "createdAt" >= ${from} AND "createdAt" < ${to} GROUP BY 1`,
    prisma.$queryRaw<DayCount[]>`SELECT ${local('at')} AS day, count(*)::int AS n FROM "EventLog"
      WHERE "businessId" = ${businessId} AND kind = ${HANDOFF_REQUESTED} AND "at" >= ${from} AND "at" < ${to} GROUP BY 1`,
    prisma.$queryRaw<Array<DayCount & { failed: number }>>`SELECT ${local('startedAt')} AS day, count(*)::int AS n, (count(*) FILTER (WHERE outcome = 'error'))::int AS failed
      FROM "ProviderCall" WHERE "businessId" = ${businessId} AND "startedAt" >= ${from} AND "startedAt" < ${to} GROUP BY 1`,
    ports.llmUsage?.perDay({ from, to, timezone: zone }) ?? null,
  ]);
  return {
    days,
    bookings: count(made),
    cancelled: count(cancelled),
    chats: count(chats),
    chatsBooked: count(booked),
    handoffs: count(handoffs),
    providerCalls: count(calls),
    providerFailures: days.map((d) => calls.find((r) => r.day === d)?.failed ?? 0),
    llm: llm && {
      calls: days.map((d) => llm.find((r) => r.day === d)?.calls ?? 0),
      tokens: days.map((d) => llm.find((r) => r.day === d)?.tokens ?? 0),
    },
  };
}
