/**
 * npm run bench:llm — what the model costs, on the scenario suite's chats.
 *
 * Bookwell's design (rules first, one structured call at most per message):
 * every scenario runs through the real plugin on the local host with `llm.mode`
 * fallback, then always (the scenarios that replay recorded answers left out), against the fake OpenAI-compatible endpoint on
 * loopback (which reads nothing, so the rules' reading and every outcome stay
 * those of the suite). Baseline, the seeds' architecture: a langchain
 * tool-calling agent (plugin/src/llm/agent.ts) with Bookwell's actions as its
 * tools, replaying the same customers' messages against the same fake
 * endpoint; the fake plays the agent's part by calling the tool the engine's
 * turn needed (find free times when the message named a choice, book at the
 * yes) and answering with the engine's reply, so both sides say the same.
 * Tokens are counted the same way for both: the fake's usage, about one token
 * per four characters of the request it received (messages and tool schemas)
 * and of its answer. Figures are printed, never asserted.
 *
 *   npx tsx bench/llm.ts [scenario paths...]
 */
import { DateTime } from 'luxon';
import { ensureBusiness } from '../plugin/src/catalog/business';
import { loadFixture } from '../plugin/src/catalog/fixture';
import { fullSync } from '../plugin/src/catalog/sync';
import { parseConfiguration } from '../plugin/src/config/parse';
import type { ConversationState } from '../plugin/src/conversation/state';
import { createBookingAgent } from '../plugin/src/llm/agent';
import { createChatModel } from '../plugin/src/llm/client';
import { estimateTokens, startFakeLlm, type FakeReply, type FakeRequest } from '../plugin/src/llm/fake-server';
import { createNailItClient } from '../plugin/src/provider/nailit-client';
import { startSimulator } from '../plugin/src/provider/simulator';
import { servicesFor } from '../plugin/src/runtime/services';
import { openDatabase } from '../plugin/src/store/database';
import { registerDatabase } from '../plugin/src/store/registry';
import { executeScenario } from '../harness/runner/execute';
import { findScenarioFiles, loadScenarioFile, type LoadedScenario } from '../harness/runner/load';
import type { ScenarioResult } from '../harness/runner/result';
import { DEFAULT_SCENARIO_DIR } from '../harness/runner/vitest-config';
import { createTarget } from '../harness/target';

const paths = process.argv.length > 2 ? process.argv.slice(2) : [DEFAULT_SCENARIO_DIR];
const NOTHING = { intent: null, location: null, services: [], staff: null, date: null, time: null, partOfDay: null, name: null, yesNo: null, choice: null, answer: null };

const usage = { calls: 0, prompt: 0, completion: 0 };
let agentScript: ((req: FakeRequest) => FakeReply) | null = null;
const fake = await startFakeLlm((req) => {
  const reply = agentScript ? agentScript(req) : ({ tool: { arguments: NOTHING } } as FakeReply);
  const prompt = estimateTokens(req.messages) + estimateTokens(req.tools);
  const completion = estimateTokens('tool' in reply ? reply.tool.arguments : 'content' in reply ? reply.content : '');
  usage.calls += 1;
  usage.prompt += prompt;
  usage.completion += completion;
  return { ...reply, usage: { prompt_tokens: prompt, completion_tokens: completion } } as FakeReply;
});

// scenarios with `given.llm` test the model's recorded answers, not what a model costs: their expectations need those answers
const scenarios: LoadedScenario[] = findScenarioFiles(paths).flatMap((f) => loadScenarioFile(f).scenarios).filter((s) => !s.given.llm);
const target = await createTarget();

interface Tally { messages: number; bookings: number; calls: number; prompt: number; completion: number; passed: number; runs: number }
const tally = (): Tally => ({ messages: 0, bookings: 0, calls: 0, prompt: 0, completion: 0, passed: 0, runs: 0 });
const deliveries = (r: ScenarioResult) => r.transcript.filter((t) => t.observation && t.observation.outcome !== null);
const bookingsOf = (r: ScenarioResult) => new Set(r.transcript.map((t) => t.observation?.paymentLink).filter(Boolean)).size;

/** The rules-only run of each scenario, kept for the agent's replay. */
const baseline = new Map<string, ScenarioResult>();

async function runMode(mode: 'fallback' | 'always'): Promise<Tally> {
  const t = tally();
  for (const s of scenarios) {
    const llm = { llm: { baseUrl: fake.url, model: 'bench', apiKey: 'bench', mode, timeoutMs: 5000 } };
    const run = { ...s, given: { ...s.given, config: { ...s.given.config, ...llm } } };
    const u0 = { ...usage };
    const r = await executeScenario(run, target);
    // the fake reads nothing, so a fallback run is the rules' own conversation: the agent replays it
    if (mode === 'fallback') baseline.set(s.id, r);
    t.runs += 1;
    if (r.status === 'passed') t.passed += 1;
    t.messages += deliveries(r).length;
    t.bookings += bookingsOf(r);
    t.calls += usage.calls - u0.calls;
    t.prompt += usage.prompt - u0.prompt;
    t.completion += usage.completion - u0.completion;
  }
  return t;
}

/** The agent's world: one synced tenant per catalog, on the suite's usual clock. */
async function agentWorlds() {
  const db = await openDatabase({ url: null, dataDir: null } as never);
  registerDatabase(db);
  const worlds = new Map<string, Awaited<ReturnType<typeof world>>>();
  async function world(catalog: string, now: Date) {
    const fixture = loadFixture(catalog);
    const sim = await startSimulator({ fixture, seed: 1, now: () => now });
    const business = { ...fixture.business, id: `bench-llm-${catalog}` };
    await ensureBusiness(db.prisma, business);
    await fullSync({ prisma: db.prisma, provider: createNailItClient({ baseUrl: sim.url }), businessId: business.id, now: () => now, slotDays: 14 });
    const config = parseConfiguration({ business, provider: { baseUrl: sim.url }, databaseUrl: db.url });
    return { sim, ctx: { config, services: await servicesFor(config, { now: () => now }) }, now };
  }
  return {
    async get(catalog: string, now: Date) {
      if (!worlds.has(catalog)) worlds.set(catalog, await world(catalog, now));
      return worlds.get(catalog)!;
    },
    async close() {
      for (const w of worlds.values()) await w.sim.close();
      await db.close();
    },
  };
}

function startUtc(state: ConversationState, zone: string): string | null {
  const { date, time } = state.slots;
  return date && time ? DateTime.fromISO(`${date}T${time}`, { zone }).toUTC().toISO() : null;
}

async function runAgent(): Promise<Tally> {
  const t = tally();
  const worlds = await agentWorlds();
  let n = 0;
  for (const s of scenarios) {
    const r = baseline.get(s.id);
    if (!r) continue;
    const turns = deliveries(r).filter((x) => x.customer === s.mainCustomer && x.kind === 'user');
    if (!turns.length) continue;
    const w = await worlds.get(s.given.catalog, new Date(s.given.now));
    const agent = createBookingAgent({ model: createChatModel({ baseUrl: fake.url, model: 'bench', apiKey: 'bench', timeoutMs: 5000 }), ctx: w.ctx, now: () => w.now });
    t.runs += 1;
    t.bookings += bookingsOf(r);
    for (const turn of turns) {
      const o = turn.observation!;
      const state = o.state as unknown as ConversationState;
      const zone = w.ctx.services && (await w.ctx.services.catalog.snapshot()).locations.find((l) => l.id === state.slots?.location)?.timezone;
      const item = state.slots?.services?.[0];
      // the model's part: the tool the engine's turn needed, then the engine's own words
      agentScript = (req) => {
        const last = req.messages.at(-1);
        if (last?.role === 'tool') return { content: o.replies.join('\n') || 'OK.' };
        if (o.paymentLink && item && zone) {
          const start = startUtc(state, zone);
          return {
            tool: {
              name: 'create_booking',
              arguments: {
                idempotencyKey: `bench-agent-${++n}`,
                locationId: state.slots.location,
                items: state.slots.services.map((i) => ({ serviceId: i.serviceId, staffId: i.staffId === 'any' || !i.staffId ? 'any' : i.staffId, start })),
                customer: { name: state.slots.name ?? 'Customer', phone: state.slots.phone ?? '+96599887766' },
              },
            },
          };
        }
        // an agent looks up free times when the choice changed (not for a name or an e-mail), services when only the branch is known
        const choice = o.changed.some((c) => ['location', 'services', 'staff', 'time'].includes(c));
        if (choice && state.slots?.location && item) return { tool: { name: 'find_availability', arguments: { locationId: state.slots.location, serviceId: item.serviceId, limit: 5 } } };
        if (choice && state.slots?.location) return { tool: { name: 'list_services', arguments: { locationId: state.slots.location } } };
        return { content: o.replies.join('\n') || 'OK.' };
      };
      const u0 = { ...usage };
      await agent.say(turn.text).catch(() => undefined);
      t.messages += 1;
      t.calls += usage.calls - u0.calls;
      t.prompt += usage.prompt - u0.prompt;
      t.completion += usage.completion - u0.completion;
    }
  }
  agentScript = null;
  await worlds.close();
  return t;
}

const f1 = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : 'n/a');
const row = (name: string, t: Tally) =>
  `${name.padEnd(9)} ${String(t.messages).padStart(5)} msgs  ${String(t.bookings).padStart(3)} bookings  ${f1(t.calls / t.messages).padStart(5)} calls/msg  ` +
  `${Math.round(t.prompt / Math.max(1, t.bookings)).toString().padStart(7)} prompt + ${Math.round(t.completion / Math.max(1, t.bookings)).toString().padStart(5)} completion tokens/booking  ` +
  `${Math.round((t.prompt + t.completion) / Math.max(1, t.messages)).toString().padStart(5)} tokens/msg  ${t.passed ? `(${t.passed}/${t.runs} scenarios passed)` : `(${t.runs} chats)`}`;
console.log(`bench:llm — ${scenarios.length} scenarios from ${paths.join(' ')}; fake endpoint, tokens ≈ characters/4 of each request and answer`);
// each row as soon as it is measured: a slow machine still shows what it got
const fallback = await runMode('fallback');
console.log(row('fallback', fallback));
const always = await runMode('always');
console.log(row('always', always));
const agent = await runAgent();
console.log(row('agent', agent));
await target.close?.();
await fake.close();

const perBooking = (t: Tally) => (t.prompt + t.completion) / Math.max(1, t.bookings);
console.log(`agent / always: ${f1(perBooking(agent) / perBooking(always))}× the tokens per booking, ${f1(agent.calls / agent.messages / (always.calls / always.messages))}× the calls per message`);
console.log(
  fallback.calls
    ? `agent / fallback: ${f1(perBooking(agent) / perBooking(fallback))}× the tokens per booking, ${f1(agent.calls / agent.messages / (fallback.calls / fallback.messages))}× the calls per message`
    : 'agent / fallback: fallback made no call (the rules read every message)',
);
process.exit(0);
