/**
 * The LLM usage log: one LlmCall row per model call (tokens from the
 * endpoint's usage, per conversation, later per booking), and an `llm_failed`
 * event for each failure so the owner sees it on the admin page. A failed
 * write is swallowed: usage bookkeeping never breaks a customer's turn.
 */
import { Prisma } from '../../../generated/prisma/client';
import type { Db } from '../store/database';
import type { LlmCallRecord, LlmCallSink } from './types';

export const LLM_FAILED = 'llm_failed';

export function createLlmCallLog(prisma: Db, businessId: string, now: () => Date): { record: LlmCallSink } {
  return {
    async record(c: LlmCallRecord) {
      const at = now();
      try {
        await prisma.llmCall.create({
          data: {
            businessId, at, conversationId: c.conversationId, purpose: c.purpose, model: c.model, ok: c.ok, failure: c.failure,
            promptTokens: c.promptTokens, completionTokens: c.completionTokens, latencyMs: c.latencyMs,
          },
        });
        if (!c.ok) {
          await prisma.eventLog.create({
            data: {
              businessId, at, level: 'warn', kind: LLM_FAILED,
              message: `LLM call failed (${c.failure}) with ${c.model}; the rules answered instead${c.detail ? `: ${c.detail.slice(0, 200)}` : ''}`,
              data: { conversationId: c.conversationId, failure: c.failure, latencyMs: c.latencyMs },
            },
          });
        }
      } catch {
        // bookkeeping only
      }
    },
  };
}

/** The calls a conversation made up to its booking now belong to that booking (those not already given to an earlier one). */
export async function attachCallsToBooking(prisma: Db, q: { conversationId: string; bookingId: string }): Promise<void> {
  await prisma.llmCall.updateMany({ where: { conversationId: q.conversationId, bookingId: null }, data: { bookingId: q.bookingId } });
}

/** Calls and tokens per local day, for the owner console's trends page. */
export function llmUsageSource(prisma: Db, businessId: string) {
  return {
    async perDay(q: { from: Date; to: Date; timezone: string }): Promise<Array<{ day: string; calls: number; tokens: number }>> {
      const day = Prisma.sql`to_char(("at" AT TIME ZONE 'UTC') AT TIME ZONE ${q.timezone}, 'YYYY-MM-DD')`;
      return prisma.$queryRaw<Array<{ day: string; calls: number; tokens: number }>>`SELECT ${day} AS day, count(*)::int AS calls,
        coalesce(sum("promptTokens" + "completionTokens"), 0)::int AS tokens
        FROM "LlmCall" WHERE "businessId" = ${businessId} AND "at" >= ${q.from} AND "at" < ${q.to} GROUP BY 1 ORDER BY 1`;
    },
  };
}
