/**
 * Turns per second through the local host: pipeline → bot.handler → emulated
 * API → outbox → channel, with an echo bot and in-memory stores. Each of N
 * chats sends M messages, each after the previous reply (like a customer).
 *   npx tsx bench/turns-host.ts [chats=50] [turns=20] [concurrency=chats]
 */
import type { ChannelSender } from '../plugin/src/channels/types';
import { startHost } from '../plugin/src/host/host';
import { createPipeline } from '../plugin/src/host/pipeline';
import { createMemoryPipelineStore } from '../plugin/src/host/pipeline/memory-store';
import { createOutbox } from '../plugin/src/host/pipeline/outbox';
import { echoBot } from '../plugin/src/host/testing';

const [chats = 50, turns = 20, concurrency = chats] = process.argv.slice(2).map(Number);

const waiting = new Map<string, () => void>();
const sender: ChannelSender = {
  async send(chatId) {
    waiting.get(chatId)?.();
  },
};
const store = createMemoryPipelineStore();
const outbox = createOutbox({ store, senders: { bench: sender } });
const host = await startHost({ bot: echoBot(), botId: 'bench', deliver: outbox.deliver });
const pipeline = createPipeline({ store, handle: host.handleIncoming, burstWindowMs: 0, concurrency });

const latencies: number[] = [];
/** Each chat's first turn also opens its client's connection to the emulated API. */
const firstTurns: number[] = [];
async function chat(c: number) {
  const chatId = `chat-${c}`;
  for (let t = 0; t < turns; t++) {
    const replied = new Promise<void>((resolve) => waiting.set(chatId, resolve));
    const start = performance.now();
    await pipeline.sink({ integration: 'bench', externalId: `${c}-${t}`, chatId, userPhone: null, userName: null, botPhoneNumberId: null, kind: 'text', text: `hello ${t}`, sentAt: new Date() });
    await replied;
    (t === 0 ? firstTurns : latencies).push(performance.now() - start);
  }
}

const started = performance.now();
await Promise.all(Array.from({ length: chats }, (_, c) => chat(c)));
const seconds = (performance.now() - started) / 1000;
await pipeline.idle();
await host.close();

const pct = (list: number[], p: number) => {
  const sorted = [...list].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!.toFixed(1) : '-';
};
const total = latencies.length + firstTurns.length;
console.log(
  `${chats} chats × ${turns} turns: ${(total / seconds).toFixed(0)} turns/s; ` +
    `p50 ${pct(latencies, 0.5)} ms, p99 ${pct(latencies, 0.99)} ms (first turn per chat: p50 ${pct(firstTurns, 0.5)} ms, p99 ${pct(firstTurns, 0.99)} ms)`,
);
