/**
 * Throughput of the rule extractor on the Kuwait catalog: a few thousand mixed
 * utterances (the test tables in three languages plus noise), one warm-up pass,
 * then messages/s and p50/p99 per message.
 * Run: npx tsx bench/understand.ts [messages]
 */
import { fixtureToSnapshot, loadFixture } from '../plugin/src/catalog/fixture';
import { AR_CASES } from '../plugin/src/understanding/cases/ar';
import { EN_CASES } from '../plugin/src/understanding/cases/en';
import { ES_CASES } from '../plugin/src/understanding/cases/es';
import { NOW } from '../plugin/src/understanding/cases/types';
import { createRuleExtractor, type UnderstandContext } from '../plugin/src/understanding';

const total = Number(process.argv[2] ?? 5000);
const extract = createRuleExtractor(fixtureToSnapshot(loadFixture('kuwait-spa')));
const now = new Date(NOW);

const pool: Array<[string, UnderstandContext]> = [...EN_CASES, ...AR_CASES, ...ES_CASES].map((c) => [
  c.text,
  { now, expecting: c.expecting ?? null, offeredChoices: c.offeredChoices },
]);
// Some variety the tables lack: long messages, typos, noise.
pool.push(
  ['Hello! I would like to book a gel manicure and a classic pedicure at the Avenues tomorrow around 5 in the evening with Maria if she is free, thanks', { now }],
  ['manicur and pedicur at marnia mal nxt friday 4pm', { now }],
  ['💅💅 ok', { now, expecting: 'confirm' }],
  ['lorem ipsum dolor sit amet '.repeat(20), { now }],
);
const messages = Array.from({ length: total }, (_, i) => pool[i % pool.length]);

for (const [text, ctx] of messages.slice(0, 500)) extract(text, ctx); // warm-up (JIT)

const times = new Float64Array(messages.length);
const t0 = performance.now();
for (let i = 0; i < messages.length; i++) {
  const s = performance.now();
  extract(messages[i][0], messages[i][1]);
  times[i] = performance.now() - s;
}
report('repeated utterances', messages.length, (performance.now() - t0) / 1000, times);

// Cold words: every message carries an unseen word, so the typo cache never helps.
let seed = 42;
const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const word = () => Array.from({ length: 5 + Math.floor(rand() * 5) }, () => 'abcdefghijklmnopqrstuvwxyz'[Math.floor(rand() * 26)]).join('');
const cold = messages.map(([text, ctx]) => [`${text} ${word()} ${word()}`, ctx] as const);
const coldTimes = new Float64Array(cold.length);
const t1 = performance.now();
for (let i = 0; i < cold.length; i++) {
  const s = performance.now();
  extract(cold[i][0], cold[i][1]);
  coldTimes[i] = performance.now() - s;
}
report('with two unseen words each', cold.length, (performance.now() - t1) / 1000, coldTimes);

function report(label: string, n: number, seconds: number, t: Float64Array) {
  t.sort();
  const pct = (p: number) => t[Math.min(t.length - 1, Math.floor(p * t.length))] * 1000;
  console.log(`understand bench (kuwait-spa), ${label}: ${n} messages, ${pool.length} distinct bases`);
  console.log(`  ${Math.round(n / seconds).toLocaleString('en')} messages/s   p50 ${pct(0.5).toFixed(0)} µs   p99 ${pct(0.99).toFixed(0)} µs   max ${(t[t.length - 1] * 1000).toFixed(0)} µs`);
}
