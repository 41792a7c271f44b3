/**
 * npm run bench:hostile — hostile customer messages (NUL bytes, lone
 * surrogates, controls, bidi, emoji, SQL; plugin/src/channels/testing/hostile.ts)
 * the whole way: inbound pipeline with its database store → local host →
 * bot handler → plugin → outbox. Prints how many were stored, handled and
 * answered, and turns/s. 20,000 by default, 50 chats at once, each waiting
 * for the reply before its next message. Embedded PGlite, or DATABASE_URL.
 *   npx tsx bench/hostile.ts [messages]
 */
import type { ChannelSender, InboundChannelMessage } from '../plugin/src/channels/types';
import { cleanInbound } from '../plugin/src/channels/clean';
import { hostileMessages } from '../plugin/src/channels/testing/hostile';
import { ensureBusiness } from '../plugin/src/catalog/business';
import { loadFixture } from '../plugin/src/catalog/fixture';
import { fullSync } from '../plugin/src/catalog/sync';
import { startLocal } from '../plugin/src/host/local';
import { createNailItClient } from '../plugin/src/provider/nailit-client';
import { startSimulator } from '../plugin/src/provider/simulator';
import { openDatabase } from '../plugin/src/store/database';

const NOW = new Date('2026-03-01T06:00:00Z');
const COUNT = Number(process.argv[2] ?? 20_000);
const PER_CHAT = 20;

const db = await openDatabase({ url: process.env.DATABASE_URL ?? null, dataDir: null });
const fixture = loadFixture('kuwait-spa');
const sim = await startSimulator({ fixture, seed: 1, now: () => NOW });
const business = { ...fixture.business, id: `bench-hostile-${Date.now().toString(36)}` };
try {
  await ensureBusiness(db.prisma, business);
  await fullSync({ prisma: db.prisma, provider: createNailItClient({ baseUrl: sim.url }), businessId: business.id, now: () => NOW, slotDays: 2 });
  const answered = new Map<string, number>();
  const waiting = new Map<string, () => void>();
  const sender: ChannelSender = {
    async send(chatId) {
      answered.set(chatId, (answered.get(chatId) ?? 0) + 1);
      waiting.get(chatId)?.();
    },
  };
  const local = await startLocal({
    db,
    // with handoff on, a chat goes quiet after three unreadable messages (a person has it)
    configuration: { business, provider: { baseUrl: sim.url }, handoff: { enabled: false } },
    senders: { hostile: sender },
    now: () => NOW,
    burstWindowMs: 0,
  });
  const messages = hostileMessages(COUNT, { seed: 20261203, perChat: PER_CHAT });
  const chats = new Map<string, InboundChannelMessage[]>();
  for (const m of messages) chats.set(m.chatId, [...(chats.get(m.chatId) ?? []), m]);
  const queue = [...chats.values()];
  let unanswered = 0;
  const started = performance.now();
  try {
    await Promise.all(
      Array.from({ length: 50 }, async () => {
        for (let chat = queue.shift(); chat; chat = queue.shift()) {
          for (const m of chat) {
            const replied = new Promise<boolean>((resolve) => {
              waiting.set(m.chatId, () => resolve(true));
              // a turn that sends nothing is counted, not waited for forever
              void local.pipeline.sink(m).then(() => local.pipeline.idle()).then(() => resolve(false));
            });
            if (!(await replied)) unanswered++;
          }
        }
      }),
    );
    await local.pipeline.idle();
  } finally {
    await local.close();
  }
  const seconds = (performance.now() - started) / 1000;
  const rows = await db.prisma.inboundMessage.groupBy({ by: ['status'], where: { businessId: business.id }, _count: true });
  const status = Object.fromEntries(rows.map((r) => [r.status, r._count]));
  const dirty = messages.filter((m) => JSON.stringify(cleanInbound(m)) !== JSON.stringify(m)).length;
  console.log(`${COUNT} hostile messages (${dirty} with a NUL or lone surrogate), ${chats.size} chats: ${seconds.toFixed(1)} s, ${(COUNT / seconds).toFixed(1)} turns/s`);
  console.log(`stored: ${Object.values(status).reduce((a, b) => a + b, 0)} (${JSON.stringify(status)}); answered: ${COUNT - unanswered}; unanswered: ${unanswered}`);
} finally {
  await sim.close();
  await db.close();
}
