/**
 * The statement budget of a turn through the local host, as `bookwell dev`
 * runs it (inbound pipeline on the database store → bot.handler → emulated
 * Botpress API → the real plugin → outbox), on a real database: every
 * statement the process sends is counted at pg's query(), whichever async
 * context it runs in (the API's requests are not in the turn's).
 *
 * Mid-conversation the host's part is seven statements, each written once in
 * host/sql.ts and none through Prisma: the inbound row, the customer's message
 * as Botpress records it (user, conversation, message, event; the
 * conversation's states read ahead, so the bot's get-or-set of its state costs
 * none), the state's set, the bot's reply with its conversation, the outbox's
 * row and its outcome, the inbound row's handled mark. The plugin's own part
 * has its budget in store/sql.test.ts (at most 3 mid-turn).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookableChoices } from '../../../test/support/bookable';
import { openTestDatabase } from '../../../test/support/database';
import { logSql } from '../../../test/support/sql-counter';
import type { ChannelSender } from '../channels/types';
import { ensureBusiness } from '../catalog/business';
import { loadFixture } from '../catalog/fixture';
import { fullSync } from '../catalog/sync';
import { createNailItClient } from '../provider/nailit-client';
import { startSimulator, type Simulator } from '../provider/simulator';
import type { Database } from '../store/database';
import { startLocal, type Local } from './local';

const NOW = new Date('2026-03-01T06:00:00Z');
const fixture = loadFixture('kuwait-spa');
const business = { ...fixture.business, id: `host-budget-${process.pid}` };
const sql = logSql();

let db: Database;
let sim: Simulator;
let local: Local;
let replied: () => void = () => undefined;
const sent: string[] = [];

beforeAll(async () => {
  db = await openTestDatabase();
  sim = await startSimulator({ fixture, seed: 1, now: () => NOW });
  await ensureBusiness(db.prisma, business);
  await fullSync({ prisma: db.prisma, provider: createNailItClient({ baseUrl: sim.url }), businessId: business.id, now: () => NOW, slotDays: 3 });
  const sender: ChannelSender = {
    send: async (_chatId, text) => {
      sent.push(text);
      replied();
    },
  };
  local = await startLocal({ db, configuration: { business, provider: { baseUrl: sim.url } }, senders: { test: sender }, now: () => NOW, burstWindowMs: 0 });
});
afterAll(async () => {
  await local?.close();
  await sim?.close();
  await db?.close();
});

/** One customer message through the pipeline, until its reply is out and the pipeline idle: the statements it cost. */
async function turn(text: string, n: number): Promise<string[]> {
  sql.take();
  const reply = new Promise<void>((resolve) => (replied = resolve));
  await local.pipeline.sink({ integration: 'test', externalId: `budget-${n}`, chatId: '+96550002222', userPhone: '+96550002222', userName: null, botPhoneNumberId: null, kind: 'text', text, sentAt: NOW });
  await reply;
  await local.pipeline.idle();
  return sql.take();
}

const HOST_TABLES = /"(HostUser|HostState|HostMessage|HostEvent|InboundMessage|OutboundMessage)"/;
const kinds = (statements: string[]) =>
  statements.filter((s) => HOST_TABLES.test(s)).map((s) => {
    const flat = s.replace(/\s+/g, ' ');
    if (/INSERT INTO "InboundMessage"/.test(flat)) return 'inbound';
    if (/UPDATE "InboundMessage"/.test(flat)) return 'inbound handled';
    if (/INSERT INTO "HostUser"/.test(flat)) return 'incoming';
    if (/INSERT INTO "HostState".*WHERE NOT EXISTS/.test(flat)) return 'state get-or-set';
    if (/INSERT INTO "HostState"/.test(flat)) return 'state set';
    if (/INSERT INTO "HostMessage"/.test(flat)) return 'reply';
    if (/INSERT INTO "OutboundMessage"/.test(flat)) return 'outbound';
    if (/UPDATE "OutboundMessage"/.test(flat)) return 'outbound sent';
    return flat.slice(0, 80);
  });

describe('a turn through the local host on the database', () => {
  it('mid-conversation: seven statements of the host, none through Prisma, and the plugin within its own three', async () => {
    const [choice] = await bookableChoices(db, { businessId: business.id, n: 1, now: NOW, days: 2 });
    expect(choice).toBeDefined();
    const first = await turn(`Hi, I would like a ${choice!.service} at ${choice!.location}`, 0);
    expect(sent).toHaveLength(1);
    // first contact makes the rows in the same statements (the outbox also finds the chat's row once); no state to read ahead yet
    expect(kinds(first)).toEqual(['inbound', 'incoming', 'state get-or-set', 'state set', 'reply', 'outbound', 'outbound sent', 'inbound handled']);

    for (const [n, text] of [choice!.staff, choice!.when, 'Layla Hassan'].entries()) {
      const statements = await turn(text, n + 1);
      expect(sent).toHaveLength(n + 2);
      expect(kinds(statements)).toEqual(['inbound', 'incoming', 'state set', 'reply', 'outbound', 'outbound sent', 'inbound handled']);
      // Prisma writes "public"."Table": none of the host's statements goes through it, and no transaction wraps them
      expect(statements.filter((s) => HOST_TABLES.test(s) && s.includes('"public".'))).toEqual([]);
      expect(statements.filter((s) => /^\s*(BEGIN|COMMIT)\b/i.test(s))).toEqual([]);
      expect(statements.length).toBeLessThanOrEqual(7 + 3);
    }
  });
});
