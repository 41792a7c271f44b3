import { describe, expect, it } from 'vitest';
import { onPostgresServer } from '../../../test/support/database';
import { confirmBooking } from './confirm';
import { freeSlot, request, useHarness, tenant } from './testing';

const h = useHarness();

describe(`race for one slot (${onPostgresServer ? 'Postgres server' : 'PGlite'})`, () => {
  it('20 conversations confirm the same slot at once: one order, 19 slot-taken recoveries', async () => {
    const t = await tenant(h);
    const slot = await freeSlot(t, { locationId: 'LOC-AV', serviceId: 'SVC-102', date: '2026-03-02', staffId: 'STF-01', after: '12:00' });
    const customers = Array.from({ length: 20 }, (_, i) => `+9655000${String(i).padStart(4, '0')}`);
    const conversations = await Promise.all(customers.map((phone) => t.conversation(phone)));

    const results = await Promise.all(
      customers.map((phone, i) =>
        confirmBooking(request({ conversationId: conversations[i], items: [{ serviceId: 'SVC-102', ...slot }], confirmationId: 'yes-1' }, phone), t.deps),
      ),
    );

    expect(results.filter((r) => r.kind === 'booked')).toHaveLength(1);
    const taken = results.filter((r) => r.kind === 'slot_taken');
    expect(taken).toHaveLength(19);
    for (const r of taken) {
      expect(r.alternatives).toHaveLength(3);
      expect(r.alternatives.map((d) => d.getTime())).not.toContain(slot.start.getTime());
    }
    // the 19 were offered the same alternatives: one fresh view of the slot
    expect(new Set(taken.map((r) => r.alternatives.map((d) => d.toISOString()).join()))).toHaveProperty('size', 1);

    const onSlot = h.sim.ledger.orders().filter((o) => o.items.some((i) => i.staffId === 'STF-01' && i.start === slot.start.toISOString()));
    expect(onSlot).toHaveLength(1);
    expect(h.sim.ledger.orders()).toHaveLength(1);

    const rows = await t.deps.prisma.booking.groupBy({ by: ['status'], where: { businessId: t.businessId }, _count: true });
    const byStatus = Object.fromEntries(rows.map((r) => [r.status, r._count]));
    // the ones that lost at the live re-check never stored a booking; the rest stored one and it failed
    expect(byStatus.confirmed).toBe(1);
    expect(byStatus.pending).toBeUndefined();
    expect((byStatus.failed ?? 0) + (await t.deps.prisma.eventLog.count({ where: { businessId: t.businessId, kind: 'booking_slot_taken', data: { path: ['stage'], equals: 'recheck' } } }))).toBe(19);
    expect(t.events.filter((e) => e.name === 'bookingConfirmed')).toHaveLength(1);
  });
});
