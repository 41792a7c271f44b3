/**
 * Trends counted per day on the business's clock (Kuwait, UTC+3), from rows
 * written at chosen instants on both sides of local midnight: a day is the
 * owner's day, not UTC's.
 */
import { describe, expect, it } from 'vitest';
import { useHarness, tenant } from '../../../booking/testing';
import { trendsBody } from './view';
import { gatherTrends } from './queries';

const h = useHarness();
/** Noon in Kuwait on 3 March 2026. */
const NOON = new Date('2026-03-03T09:00:00Z');
const at = (iso: string) => new Date(iso);

describe('trends', () => {
  it('buckets bookings, cancellations, chats, handoffs and provider calls by local day; LLM usage from its port', async () => {
    const t = await tenant(h);
    const { prisma } = h.db;
    const businessId = t.businessId;
    const booking = (key: string, createdAt: Date, status = 'confirmed', conversationId: string | null = null) =>
      prisma.booking.create({ data: { businessId, idempotencyKey: `${businessId}:${key}`, status, locationExternalId: 'LOC-AV', providerOrderId: `NI-${key}`, conversationId, createdAt, updatedAt: createdAt } });
    const conversation = await t.conversation('+96599001010');
    await booking('a', at('2026-03-01T20:30:00Z')); // 23:30 on 1 March in Kuwait
    await booking('b', at('2026-03-01T21:30:00Z'), 'confirmed', conversation); // 00:30 on 2 March
    await booking('c', at('2026-03-02T10:00:00Z'), 'cancelled'); // made and cancelled on 2 March
    await prisma.booking.create({ data: { businessId, idempotencyKey: `${businessId}:failed`, status: 'failed', locationExternalId: 'LOC-AV', createdAt: at('2026-03-02T10:00:00Z') } }); // no order: not a booking made
    const inbound = (id: string, chatId: string, receivedAt: Date) =>
      prisma.inboundMessage.create({ data: { businessId, channel: 'whatsapp', externalId: `${businessId}-${id}`, text: 'hi', payload: { chatId }, receivedAt } });
    await inbound('1', '+96599001010', at('2026-03-01T21:10:00Z'));
    await inbound('2', '+96599001010', at('2026-03-01T21:20:00Z'));
    await inbound('3', '+96599001011', at('2026-03-02T08:00:00Z'));
    await inbound('4', '+96599001011', at('2026-03-01T20:59:00Z')); // 23:59 on 1 March
    await prisma.eventLog.create({ data: { businessId, at: at('2026-03-02T22:00:00Z'), level: 'warn', kind: 'handoff_requested', message: 'x', data: { conversationId: conversation } } });
    const call = (startedAt: Date, outcome: string) => prisma.providerCall.create({ data: { businessId, endpoint: 'GetItemsByDate', startedAt, durationMs: 5, outcome } });
    await call(at('2026-03-02T06:00:00Z'), 'ok');
    await call(at('2026-03-02T06:01:00Z'), 'error');
    await call(at('2026-03-02T21:01:00Z'), 'error'); // 00:01 on 3 March

    const ports = { prisma, businessId, now: () => NOON };
    const trends = await gatherTrends(ports, 'Asia/Kuwait', 7);
    const last3 = (xs: number[]) => xs.slice(-3);
    expect(trends.days.slice(-3)).toEqual(['2026-03-01', '2026-03-02', '2026-03-03']);
    expect(last3(trends.bookings)).toEqual([1, 2, 0]);
    expect(last3(trends.cancelled)).toEqual([0, 1, 0]);
    expect(last3(trends.chats)).toEqual([1, 2, 0]);
    expect(last3(trends.chatsBooked)).toEqual([0, 1, 0]);
    expect(last3(trends.handoffs)).toEqual([0, 0, 1]);
    expect(last3(trends.providerCalls)).toEqual([0, 2, 1]);
    expect(last3(trends.providerFailures)).toEqual([0, 1, 1]);
    expect(trends.llm).toBeNull();
    // the whole range is counted; older days are zero
    expect(trends.bookings.slice(0, 4)).toEqual([0, 0, 0, 0]);

    const withLlm = await gatherTrends({ ...ports, llmUsage: { perDay: async () => [{ day: '2026-03-02', calls: 12, tokens: 3400 }] } }, 'Asia/Kuwait', 7);
    expect(last3(withLlm.llm!.calls)).toEqual([0, 12, 0]);
    const page = trendsBody(withLlm, 7).value;
    expect(page).toMatch(/<figure id="llm-tokens"[^]*<tr><td>2026-03-02<\/td><td>3400<\/td><\/tr>/);
    expect(page).toContain('<b>3</b>bookings made');
  });
});
