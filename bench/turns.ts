/**
 * npm run bench:turns — turns/s, latency and SQL per turn through the whole
 * local host with the real plugin, as `bookwell dev` runs it: inbound pipeline
 * on the database store → bot.handler → emulated Botpress API → plugin on the
 * DB copy → outbox. Every conversation books: service and place, staff, a
 * free date and time (each conversation its own), name, email, then "yes" —
 * and the bench checks that every one ended with a confirmed booking.
 *
 * The conversations run truly at once (the pipeline handles as many chats at a
 * time as there are conversations), each customer waiting for the reply before
 * writing again. The five answers run first, then every "yes": SQL statements
 * are counted at pg's query() for the whole process (test/support/sql-counter.ts),
 * so `sqlPerYesTurn` is exact (the yeses' phase alone) and `sqlPerTurn` the
 * average over all six turns.
 *
 * Each chat must get exactly its seven replies (one per answer, two for the
 * yes): a chat that gets more or fewer is reported, since its turns would then
 * be timed against the wrong reply.
 *
 * Then, one conversation at a time, the same script "through the host" (time
 * and SQL per mid-conversation turn and per "yes", every statement of the
 * process counted) and "plugin work": the plugin's message handler alone
 * (Botpress states kept in memory, as Botpress Cloud holds them): time, SQL
 * and provider time per mid-conversation turn and per "yes". The difference of
 * the two mid-turns is what the host costs a turn (pipeline, emulated API,
 * Botpress's records, outbox).
 *
 * Databases: embedded PGlite (in memory); also a Postgres server when
 * BENCH_POSTGRES_URL is set (a fresh database is created there and dropped after).
 *   npx tsx bench/turns.ts [--json] [--only=pglite|postgres] [conversations...]      (default 1 50 200)
 * --json: one object per line {db, conversations, turnsPerSecond, p50Ms, p99Ms, sqlPerTurn, sqlPerYesTurn}.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { bookableChoices, type Choice } from '../test/support/bookable';
import { countSql, measure } from '../test/support/sql-counter';
import type { ChannelSender } from '../plugin/src/channels/types';
import { ensureBusiness } from '../plugin/src/catalog/business';
import { loadFixture } from '../plugin/src/catalog/fixture';
import { fullSync } from '../plugin/src/catalog/sync';
import { startLocal } from '../plugin/src/host/local';
import { createNailItClient } from '../plugin/src/provider/nailit-client';
import { startSimulator } from '../plugin/src/provider/simulator';
import { openDatabase, type Database } from '../plugin/src/store/database';
import { pluginTurn } from './support/plugin-turn';

const counter = countSql();
const json = process.argv.includes('--json');
const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
const sizes = process.argv.slice(2).filter((a) => !a.startsWith('--')).map(Number).filter(Boolean);
const CONVERSATIONS = sizes.length ? sizes : [1, 50, 200];
/** Conversations of the plugin-work phase, one at a time. */
const PLUGIN_CONVERSATIONS = 20;
const NOW = new Date('2026-03-01T06:00:00Z');
/** Services customers ask for by name; each staff member books the first of these she performs. */

const pct = (xs: number[], p: number) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] : NaN);
const log = (line: string) => (json ? process.stderr : process.stdout).write(`${line}\n`);


/** One chat's six messages; the last is the yes. */
const script = (b: Choice, i: number) => [
  `Hi, I would like a ${b.service} at ${b.location}`,
  b.staff,
  b.when,
  'Layla Hassan',
  `layla${i}@example.com`,
  'yes',
];

async function run(db: Database, label: string) {
  const fixture = loadFixture('kuwait-spa');
  const sim = await startSimulator({ fixture, seed: 1, now: () => NOW });
  const business = { ...fixture.business, id: `bench-turns-${randomBytes(3).toString('hex')}` };
  await ensureBusiness(db.prisma, business);
  await fullSync({ prisma: db.prisma, provider: createNailItClient({ baseUrl: sim.url }), businessId: business.id, now: () => NOW, slotDays: 14 });
  const total = CONVERSATIONS.reduce((a, b) => a + b, 0) + 2 * PLUGIN_CONVERSATIONS;
  const pool = await bookableChoices(db, { businessId: business.id, n: total, now: NOW, days: 13 });
  if (pool.length < total) throw new Error(`only ${pool.length} distinct bookable times for ${total} conversations`);
  let next = 0;

  // a chat's turn is over when its replies are in: one per message, two for the yes (the "booking it now" line, then the outcome)
  const waiting = new Map<string, { left: number; resolve: () => void }>();
  const replies = new Map<string, number>();
  const sender: ChannelSender = {
    send: async (chatId) => {
      replies.set(chatId, (replies.get(chatId) ?? 0) + 1);
      const w = waiting.get(chatId);
      if (w && --w.left === 0) w.resolve();
    },
  };
  const configuration = { business, provider: { baseUrl: sim.url } };
  const local = await startLocal({
    db, configuration, senders: { bench: sender }, now: () => NOW, burstWindowMs: 0,
    // every conversation at once (a pipeline that takes fewer would make "200 concurrent" a lie)
    concurrency: Math.max(...CONVERSATIONS),
  });
  try {
    for (const n of CONVERSATIONS) {
      const chats = Array.from({ length: n }, (_, c) => ({ chatId: `+9655${String(n).padStart(3, '0')}${String(c).padStart(4, '0')}`, lines: script(pool[next++], c) }));
      const latencies: number[] = [];
      const byKind = { mid: [] as number[], yes: [] as number[] };
      const say = async (chatId: string, t: number, text: string) => {
        const replied = new Promise<void>((resolve, reject) => {
          // a safety net, not a measure: on a loaded machine 200 chats' yeses can take over a minute
          const timer = setTimeout(() => reject(new Error(`${chatId} turn ${t + 1} got no reply within 10 minutes`)), 600_000);
          waiting.set(chatId, { left: t === 5 ? 2 : 1, resolve: () => (clearTimeout(timer), resolve()) });
        });
        const t0 = performance.now();
        await local.pipeline.sink({ integration: 'bench', externalId: `${chatId}-${t}`, chatId, userPhone: chatId, userName: null, botPhoneNumberId: null, kind: 'text', text, sentAt: NOW });
        await replied;
        const ms = performance.now() - t0;
        latencies.push(ms);
        (t === 5 ? byKind.yes : byKind.mid).push(ms);
      };
      const sql0 = counter.total();
      const started = performance.now();
      await Promise.all(chats.map(async (c) => {
        for (let t = 0; t < 5; t++) await say(c.chatId, t, c.lines[t]);
      }));
      // the last answers' handled marks belong to their turns, not to the yeses
      await local.pipeline.idle();
      const sql1 = counter.total();
      await Promise.all(chats.map((c) => say(c.chatId, 5, c.lines[5])));
      await local.pipeline.idle();
      const sql2 = counter.total();
      const seconds = (performance.now() - started) / 1000;
      const booked = await db.prisma.booking.count({ where: { businessId: business.id, status: 'confirmed', customer: { phone: { in: chats.map((c) => c.chatId) } } } });
      const figures = {
        db: label,
        conversations: n,
        turnsPerSecond: Number((latencies.length / seconds).toFixed(1)),
        p50Ms: Number(pct(latencies, 50).toFixed(1)),
        p99Ms: Number(pct(latencies, 99).toFixed(1)),
        sqlPerTurn: Number(((sql2 - sql0) / latencies.length).toFixed(1)),
        sqlPerYesTurn: Number(((sql2 - sql1) / n).toFixed(1)),
      };
      if (json) console.log(JSON.stringify(figures));
      else {
        log(
          `${label.padEnd(8)} ${String(n).padStart(4)} conversations: ${String(latencies.length).padStart(5)} turns in ${seconds.toFixed(1)} s = ${figures.turnsPerSecond} turns/s; ` +
            `p50 ${figures.p50Ms} ms, p99 ${figures.p99Ms} ms (mid-turn p50 ${pct(byKind.mid, 50).toFixed(1)} ms, yes p50 ${pct(byKind.yes, 50).toFixed(1)} ms); ` +
            `SQL ${figures.sqlPerTurn}/turn, ${figures.sqlPerYesTurn}/yes; booked ${booked}/${n}`,
        );
      }
      if (booked !== n) log(`${label} ${n} conversations: only ${booked} of ${n} booked — these figures are not of booking chats`);
      const offScript = chats.filter((c) => replies.get(c.chatId) !== 7);
      if (offScript.length) log(`${label} ${n} conversations: ${offScript.length} chats did not get exactly 7 replies — their turns were timed against the wrong reply`);
    }

    // through the host, one conversation at a time: what a turn costs end to end, every statement counted
    const host = { mid: { ms: [] as number[], sql: [] as number[] }, yes: { ms: [] as number[], sql: [] as number[] } };
    for (let c = 0; c < PLUGIN_CONVERSATIONS; c++) {
      const chatId = `+9657${String(c).padStart(7, '0')}`;
      const lines = script(pool[next++], c);
      for (let t = 0; t < 6; t++) {
        const replied = new Promise<void>((resolve) => waiting.set(chatId, { left: t === 5 ? 2 : 1, resolve }));
        const sql0 = counter.total();
        const t0 = performance.now();
        await local.pipeline.sink({ integration: 'bench', externalId: `${chatId}-${t}`, chatId, userPhone: chatId, userName: null, botPhoneNumberId: null, kind: 'text', text: lines[t], sentAt: NOW });
        await replied;
        await local.pipeline.idle();
        const ms = performance.now() - t0;
        const into = t === 5 ? host.yes : t > 0 ? host.mid : null;
        into?.ms.push(ms);
        into?.sql.push(counter.total() - sql0);
      }
    }
    log(
      `${label.padEnd(8)} through the host, ${PLUGIN_CONVERSATIONS} conversations one at a time: mid-turn p50 ${pct(host.mid.ms, 50).toFixed(2)} ms, ${pct(host.mid.sql, 50)} SQL (max ${Math.max(...host.mid.sql)}); ` +
        `yes p50 ${pct(host.yes.ms, 50).toFixed(2)} ms, ${pct(host.yes.sql, 50)} SQL (max ${Math.max(...host.yes.sql)})`,
    );

    // the plugin's message handler alone, one turn at a time
    const mid = { ms: [] as number[], sql: [] as number[] };
    const yes = { ms: [] as number[], sql: [] as number[], provider: [] as number[] };
    let booked = 0;
    for (let c = 0; c < PLUGIN_CONVERSATIONS; c++) {
      const phone = `+9656${String(c).padStart(7, '0')}`;
      const lines = script(pool[next++], c);
      const chat = pluginTurn({ ...configuration, databaseUrl: db.url }, { conversationId: `bench-plugin-${c}`, phone, now: NOW });
      for (const [t, text] of lines.entries()) {
        const { value, tally, ms } = await measure(() => chat.say(text));
        if (t === 5) {
          yes.ms.push(ms - tally.fetchMs);
          yes.sql.push(tally.sql);
          yes.provider.push(tally.fetchMs);
          if (value.some((r) => r.includes('/pay/'))) booked++;
        } else if (t > 0) {
          // the first turn builds the conversation's rows: not a mid-conversation turn
          mid.ms.push(ms);
          mid.sql.push(tally.sql);
        }
      }
    }
    log(
      `${label.padEnd(8)} plugin work, ${PLUGIN_CONVERSATIONS} conversations one at a time: mid-turn p50 ${pct(mid.ms, 50).toFixed(2)} ms, ${pct(mid.sql, 50)} SQL (max ${Math.max(...mid.sql)}); ` +
        `yes p50 ${pct(yes.ms, 50).toFixed(2)} ms + provider ${pct(yes.provider, 50).toFixed(2)} ms, ${pct(yes.sql, 50)} SQL (max ${Math.max(...yes.sql)}); booked ${booked}/${PLUGIN_CONVERSATIONS}`,
    );
  } finally {
    await local.close();
    await sim.close();
  }
}

if (only !== 'postgres') {
  const embedded = await openDatabase({ dataDir: null });
  try {
    await run(embedded, 'PGlite');
  } finally {
    await embedded.close();
  }
}

const server = process.env.BENCH_POSTGRES_URL;
if (server && only !== 'pglite') {
  const name = `bookwell_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  const db = await openDatabase({ url: url.toString() });
  try {
    await run(db, 'Postgres');
  } finally {
    await db.close();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}
