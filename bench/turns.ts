/**
 * npm run bench:turns — turns/s and p50/p99 per turn through the whole local
 * host with the real plugin: pipeline → bot.handler → emulated Botpress API →
 * engine on the DB copy → outbox. 1, 50 and 200 concurrent conversations, each
 * a customer who waits for the reply before writing again. Embedded PGlite;
 * also the Postgres server when BENCH_POSTGRES_URL is set (a fresh database is
 * created there and dropped after).
 *   npx tsx bench/turns.ts [conversations...]
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { ChannelSender } from '../plugin/src/channels/types';
import { ensureBusiness } from '../plugin/src/catalog/business';
import { loadFixture } from '../plugin/src/catalog/fixture';
import { fullSync } from '../plugin/src/catalog/sync';
import { startLocal } from '../plugin/src/host/local';
import { createNailItClient } from '../plugin/src/provider/nailit-client';
import { startSimulator } from '../plugin/src/provider/simulator';
import { openDatabase, type Database } from '../plugin/src/store/database';

const NOW = new Date('2026-03-01T06:00:00Z');
const SCRIPT = ['Hi, I would like a gel manicure at the Avenues tomorrow', 'anyone is fine', '4:30pm', 'Fatima Ali', 'fatima@example.com'];
const sizes = process.argv.slice(2).map(Number).filter(Boolean);
const CONVERSATIONS = sizes.length ? sizes : [1, 50, 200];

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

async function run(db: Database, label: string) {
  const fixture = loadFixture('kuwait-spa');
  const sim = await startSimulator({ fixture, seed: 1, now: () => NOW });
  const business = { ...fixture.business, id: `bench-turns-${randomBytes(3).toString('hex')}` };
  await ensureBusiness(db.prisma, business);
  await fullSync({ prisma: db.prisma, provider: createNailItClient({ baseUrl: sim.url }), businessId: business.id, now: () => NOW, slotDays: 3 });
  const waiting = new Map<string, () => void>();
  const sender: ChannelSender = { send: async (chatId) => waiting.get(chatId)?.() };
  const local = await startLocal({
    db, configuration: { business, provider: { kind: 'simulator', baseUrl: sim.url } }, senders: { bench: sender }, now: () => NOW, burstWindowMs: 0, pipelineStore: 'memory',
  });
  try {
    for (const n of CONVERSATIONS) {
      const latencies: number[] = [];
      const started = performance.now();
      await Promise.all(
        Array.from({ length: n }, async (_, c) => {
          const chatId = `+9655${String(n).padStart(3, '0')}${String(c).padStart(4, '0')}`;
          for (const [t, text] of SCRIPT.entries()) {
            const replied = new Promise<void>((resolve) => waiting.set(chatId, resolve));
            const t0 = performance.now();
            await local.pipeline.sink({ integration: 'bench', externalId: `${chatId}-${t}`, chatId, userPhone: chatId, userName: null, botPhoneNumberId: null, kind: 'text', text, sentAt: NOW });
            await replied;
            latencies.push(performance.now() - t0);
          }
        }),
      );
      const seconds = (performance.now() - started) / 1000;
      console.log(
        `${label.padEnd(10)} ${String(n).padStart(4)} conversations: ${String(latencies.length).padStart(5)} turns in ${seconds.toFixed(1)} s = ${(latencies.length / seconds).toFixed(1)} turns/s; ` +
          `p50 ${pct(latencies, 50).toFixed(0)} ms, p99 ${pct(latencies, 99).toFixed(0)} ms`,
      );
    }
  } finally {
    await local.close();
    await sim.close();
  }
}

const embedded = await openDatabase({ dataDir: null });
try {
  await run(embedded, 'PGlite');
} finally {
  await embedded.close();
}

const server = process.env.BENCH_POSTGRES_URL;
if (server) {
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
