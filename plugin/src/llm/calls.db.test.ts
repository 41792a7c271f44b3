import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openTestDatabase } from '../../../test/support/database';
import { ensureBusiness } from '../catalog/business';
import { fixtureToSnapshot, loadFixture } from '../catalog/fixture';
import type { Database } from '../store/database';
import { attachCallsToBooking, createLlmCallLog, LLM_FAILED, llmUsageSource } from './calls';

let db: Database;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(() => db.close());

const business = fixtureToSnapshot(loadFixture('kuwait-spa')).business;

describe('LLM usage log', () => {
  test('calls are stored per conversation, failures logged as llm_failed, tokens charted per local day, calls given to the booking they led to', async () => {
    const businessId = `llm-calls-${process.pid}`;
    const { prisma } = db;
    await ensureBusiness(prisma, { ...business, id: businessId });
    let now = new Date('2026-03-01T20:30:00Z'); // 23:30 in Kuwait
    const log = createLlmCallLog(prisma, businessId, () => now);
    const call = { conversationId: 'conv-1', purpose: 'understand' as const, model: 'gpt-4o-mini', latencyMs: 300 };
    await log.record({ ...call, ok: true, failure: null, promptTokens: 900, completionTokens: 40 });
    now = new Date('2026-03-01T21:30:00Z'); // 00:30 on 2 March
    await log.record({ ...call, ok: false, failure: 'timeout', promptTokens: 0, completionTokens: 0, detail: 'Request timed out.' });
    await log.record({ ...call, conversationId: 'conv-2', ok: true, failure: null, promptTokens: 1000, completionTokens: 60 });

    const events = await prisma.eventLog.findMany({ where: { businessId, kind: LLM_FAILED } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ level: 'warn', message: expect.stringMatching(/timeout.*rules answered/) });

    const days = await llmUsageSource(prisma, businessId).perDay({ from: new Date('2026-02-28T21:00:00Z'), to: new Date('2026-03-02T21:00:00Z'), timezone: 'Asia/Kuwait' });
    expect(days).toEqual([
      { day: '2026-03-01', calls: 1, tokens: 940 },
      { day: '2026-03-02', calls: 2, tokens: 1060 },
    ]);

    await attachCallsToBooking(prisma, { conversationId: 'conv-1', bookingId: 'b-1' });
    await log.record({ ...call, ok: true, failure: null, promptTokens: 5, completionTokens: 5 });
    await attachCallsToBooking(prisma, { conversationId: 'conv-1', bookingId: 'b-2' });
    const per = await prisma.llmCall.groupBy({ by: ['bookingId'], where: { businessId, conversationId: 'conv-1' }, _count: true });
    expect(Object.fromEntries(per.map((p) => [p.bookingId, p._count]))).toEqual({ 'b-1': 2, 'b-2': 1 });
  });
});
