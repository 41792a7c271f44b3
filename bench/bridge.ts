/**
 * npm run bench:bridge — the WhatsApp bridge alone: its inbound throughput
 * with the fake whatsapp-web.js client and a fake pipeline that stores each
 * message id once and answers at once (no database, no bot: turns through the
 * pipeline and the plugin are bench:turns). Traffic: 1,000 chats (Kuwaiti,
 * Mexican `521…` and `@lid` senders), each message emitted 1–3 times
 * (seeded), one disconnect halfway with messages arriving meanwhile (caught up
 * after reconnecting). Prints the figures and the number of duplicate
 * replies, which must be 0.
 * Run: npx tsx bench/bridge.ts [chats] [messagesPerChat] [seed]
 */
import { startWhatsAppBridge } from '../plugin/src/channels/whatsapp/bridge';
import { FakeWhatsApp, rawMessage, type RawMessage } from '../plugin/src/channels/whatsapp/testing/fake-client';
import { createFakePipeline } from '../plugin/src/channels/whatsapp/testing/fake-pipeline';
import type { Logger } from '../plugin/src/channels/whatsapp/logger';

const CHATS = Number(process.argv[2] ?? 1000);
const PER_CHAT = Number(process.argv[3] ?? 20);
const SEED = Number(process.argv[4] ?? 42);

/** mulberry32: a small seeded PRNG, so every run sends the same traffic. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const rand = random(SEED);
const world = new FakeWhatsApp();
const senders = Array.from({ length: CHATS }, (_, i) => {
  if (i % 10 === 1) return `52155${String(10_000_000 + i).slice(-8)}@c.us`;
  if (i % 10 === 2) {
    const lid = `${184_467_440_737_000 + i}@lid`;
    world.lids.set(lid, `9656${String(1_000_000 + i).slice(-7)}@c.us`);
    return lid;
  }
  return `9655${String(1_000_000 + i).slice(-7)}@c.us`;
});

let errors = 0;
const logger: Logger = { info: () => {}, warn: () => {}, error: () => void errors++ };
// Every stored message gets exactly one reply naming it, so a duplicate reply is a repeated text.
const pipeline = createFakePipeline((m) => `re ${m.externalId}`);
const bridge = startWhatsAppBridge({
  createClient: world.createClient,
  sink: pipeline.sink,
  logger,
  sleep: async () => {},
  backoff: { initialMs: 0 },
  sender: { minGapMs: 0 },
});
pipeline.attach(bridge.sender);
await bridge.idle();

let emitted = 0;
let t = 1_772_352_000;
const send = (raw: RawMessage, times: number) => {
  world.receive(raw, times);
  emitted += times;
};

const started = performance.now();
for (let round = 0; round < PER_CHAT; round++) {
  const away = round === Math.floor(PER_CHAT / 2);
  if (away) world.disconnect();
  for (const from of senders) {
    // While disconnected nothing is emitted: the message waits unread for the catch-up.
    send(rawMessage({ from, body: `message ${round}`, name: 'Customer', t: t++ }), away ? 0 : 1 + Math.floor(rand() * 3));
  }
  await bridge.idle();
}
await bridge.idle();
await pipeline.idle();
const ms = performance.now() - started;

const counts = new Map<string, number>();
for (const { chatId, text } of world.sent) counts.set(`${chatId} ${text}`, (counts.get(`${chatId} ${text}`) ?? 0) + 1);
const duplicateReplies = [...counts.values()].reduce((sum, n) => sum + n - 1, 0);
const unique = CHATS * PER_CHAT;

console.log(`${CHATS} chats × ${PER_CHAT} messages = ${unique} messages, ${emitted} deliveries (seed ${SEED}), 1 reconnect with ${CHATS} caught up`);
// The fake pipeline replies as soon as a message is stored, so this is inbound through to the reply sent.
console.log(`through the bridge, stored and replied: ${Math.round((unique / ms) * 1000)} messages/s, ${Math.round((emitted / ms) * 1000)} deliveries/s (${ms.toFixed(0)} ms)`);
console.log(`stored ${pipeline.stored.length}, duplicates dropped by the pipeline ${pipeline.duplicatesDropped}, replies ${world.sent.length}`);
console.log(`duplicate replies: ${duplicateReplies}${errors ? `, errors logged: ${errors}` : ''}`);
await bridge.stop();
if (duplicateReplies || pipeline.stored.length !== unique || world.sent.length !== unique || errors) process.exit(1);
