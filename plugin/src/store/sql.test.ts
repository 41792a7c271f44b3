/**
 * The turn's statement budget, through the plugin's message handler on a real
 * database: a mid-conversation turn reads its rows in one statement (plus one
 * for free windows when it looks at times) and stamps its activity, all plain
 * SQL (no Prisma operation); the Customer and Conversation rows are written on
 * first contact only; a "yes" books in at most 11 statements, every one plain
 * SQL; slot writes leave the catalog version (the snapshot's key) alone,
 * catalog writes bump it.
 * Statements are counted at pg's query() (test/support/sql-counter.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookableChoices } from '../../../test/support/bookable';
import { countSql, measure } from '../../../test/support/sql-counter';
import { pluginTurn } from '../../../bench/support/plugin-turn';
import { ensureBusiness } from '../catalog/business';
import { fullSync, refreshSlots, type SyncDeps } from '../catalog/sync';
import { NOW, fixture, startHarness, type Harness } from '../booking/testing';
import { createNailItClient } from '../provider/nailit-client';
import { forgetDatabase, registerDatabase } from './registry';
import { readTurnRow, sqlOf } from './sql';

countSql();
let h: Harness;
const businessId = `sql-budget-${process.pid}`;
let sync: SyncDeps;

beforeAll(async () => {
  h = await startHarness();
  registerDatabase(h.db);
  await ensureBusiness(h.db.prisma, { ...fixture.business, id: businessId });
  sync = { prisma: h.db.prisma, provider: createNailItClient({ baseUrl: h.sim.url }), businessId, now: () => NOW, slotDays: 3 };
  expect((await fullSync(sync)).status).toBe('ok');
});
afterAll(async () => {
  forgetDatabase(h.db);
  await h.close();
});

const version = async () => (await readTurnRow(sqlOf(h.db), { businessId, conversationExternalId: '', now: NOW })).catalogVersion;

describe('a turn on the database', () => {
  it('reads in one statement mid-conversation (one more when it checks a time) and stamps its activity; writes the customer and conversation rows on first contact only', async () => {
    const chat = pluginTurn({ business: { ...fixture.business, id: businessId }, provider: { baseUrl: h.sim.url }, databaseUrl: h.db.url }, { conversationId: 'budget-1', phone: '+96550001111', now: NOW });
    const first = await measure(() => chat.say('Hi, I would like a Gel Manicure at Avenues'), { keep: true });
    expect(first.tally.statements!.filter((s) => /INSERT INTO "(Customer|Conversation)"/.test(s))).toHaveLength(1);
    const rows = await h.db.prisma.conversation.findMany({ where: { businessId }, select: { customer: { select: { phone: true } } } });
    expect(rows).toEqual([{ customer: { phone: '+96550001111' } }]);

    const anyone = await measure(() => chat.say('anyone'), { keep: true });
    // the turn's one read (its last activity included) and the follow-up's activity stamp (followup/activity.ts)
    expect(anyone.tally.sql).toBeLessThanOrEqual(2);
    const time = await measure(() => chat.say('March 3 at 2pm'), { keep: true });
    expect(time.tally.sql).toBeLessThanOrEqual(3);
    const name = await measure(() => chat.say('Layla Hassan'), { keep: true });
    expect(name.tally.sql).toBeLessThanOrEqual(2);
    const writes = [...anyone.tally.statements!, ...time.tally.statements!, ...name.tally.statements!].filter((s) => /^\s*(INSERT|UPDATE|DELETE)/i.test(s));
    expect(writes.every((s) => /^\s*UPDATE "public"."Conversation"|^\s*UPDATE "Conversation"/i.test(s))).toBe(true);
    expect(writes.filter((s) => /(Customer)/.test(s))).toEqual([]);
    // none through Prisma (its statements name "public"."Table"): each Prisma operation costs about a millisecond
    expect([...anyone.tally.statements!, ...time.tally.statements!, ...name.tally.statements!].filter((s) => s.includes('"public".'))).toEqual([]);
  });

  it('books at "yes" in at most 11 statements, none through Prisma: the pending booking before the order, its confirmation, the owners\' notice, the day refreshed, the calls logged', async () => {
    const [choice] = await bookableChoices(h.db, { businessId, n: 1, now: NOW, days: 2 });
    const chat = pluginTurn({ business: { ...fixture.business, id: businessId }, provider: { baseUrl: h.sim.url }, databaseUrl: h.db.url }, { conversationId: 'budget-yes', phone: '+96550002222', now: NOW });
    for (const text of [`Hi, I would like a ${choice.service} at ${choice.location}`, choice.staff, choice.when, 'Layla Hassan', 'layla@example.com']) await chat.say(text);
    const yes = await measure(() => chat.say('yes'), { keep: true });
    expect(yes.value.join('\n')).toContain('/pay/');
    expect(yes.tally.sql).toBeLessThanOrEqual(11);
    expect(yes.tally.statements!.filter((s) => s.includes('"public".'))).toEqual([]);
    const booking = await h.db.prisma.booking.findFirstOrThrow({ where: { businessId, customer: { phone: '+96550002222' } }, include: { items: true } });
    expect(booking).toMatchObject({ status: 'confirmed', noticeDue: false, items: [expect.objectContaining({ staffId: expect.any(String) })] });
    expect(await h.db.prisma.providerCall.count({ where: { businessId, endpoint: 'AddOrder' } })).toBe(1);
  });

  it('slot writes leave the catalog version alone; a catalog change bumps it', async () => {
    const before = await version();
    await refreshSlots(sync);
    await h.db.prisma.slot.updateMany({ where: { businessId }, data: { validUntil: NOW } });
    await refreshSlots({ ...sync, now: () => new Date(NOW.getTime() + 1000) });
    expect(await version()).toBe(before);

    await h.db.prisma.service.updateMany({ where: { businessId, externalId: fixture.services[0].id }, data: { name: 'Renamed' } });
    await fullSync(sync);
    expect(await version()).toBe(before + 1);
    await ensureBusiness(h.db.prisma, { ...fixture.business, id: businessId });
    expect(await version()).toBe(before + 1);
    await ensureBusiness(h.db.prisma, { ...fixture.business, id: businessId, name: 'Another name' });
    expect(await version()).toBe(before + 2);
  });
});
