/**
 * The real scenario target: every scenario runs through the Bookwell plugin
 * inside a real Botpress bot handler on the local host, behind the inbound
 * pipeline, on a real database, against the provider simulator over HTTP.
 * One database per worker (embedded PGlite, or DATABASE_URL); each scenario is
 * its own tenant with its own simulator, so scenarios run in parallel.
 */
import { DateTime } from 'luxon';
import type { ChannelSender, InboundChannelMessage } from '../../plugin/src/channels/types';
import { loadFixture } from '../../plugin/src/catalog/fixture';
import type { ConversationState } from '../../plugin/src/conversation/state';
import { createMemoryHostStore } from '../../plugin/src/host/api/memory-store';
import { ENGINE_STATE } from '../../plugin/src/host/inspect';
import { DEFAULT_SLOT_DAYS } from '../../plugin/src/catalog/sync';
import { startLocal, type Local } from '../../plugin/src/host/local';
import { createMemoryPipelineStore } from '../../plugin/src/host/pipeline/memory-store';
import { createNailItClient } from '../../plugin/src/provider/nailit-client';
import { DEFAULT_SYNONYMS } from '../../plugin/src/understanding/synonyms';
import { startSimulator } from '../../plugin/src/provider/simulator';
import { openDatabase, type Database } from '../../plugin/src/store/database';
import { forgetDatabase } from '../../plugin/src/store/registry';
import type { ScenarioSession, ScenarioTarget, TargetGiven, TurnObservation, WorldObservation } from '../runner/target';
import { seedCatalog, templateFor } from './catalog-template';
import { seedExistingBookings } from './existing';
import { observedBookings, slotChanges } from './observe';

const CATALOG_ENDPOINTS = ['GetLocations', 'GetLocationServices', 'GetLocationStaff', 'GetItemsByDate'] as const;
const INTEGRATION = 'harness';
/** As far ahead as the plugin copies by default, so a scenario may book any day a customer could. */
const SLOT_DAYS = DEFAULT_SLOT_DAYS;

/** Scenario defaults: short provider timeouts so failure scenarios finish in seconds, not the production 20 s. */
const HARNESS_CONFIG = { provider: { timeoutMs: 600 }, booking: { deadlineMs: 2500 } };

export async function createTarget(): Promise<ScenarioTarget> {
  const db = await openDatabase({ url: process.env.DATABASE_URL ?? null, dataDir: null });
  return {
    open: (given, ctx) => openSession(db, given, ctx.scenarioId),
    async prepare(givens) {
      // a scenario with a bad catalog fails on its own when it opens
      await Promise.all(givens.map((g) => Promise.resolve().then(() => templateFor(db, loadFixture(g.catalog), new Date(g.now), SLOT_DAYS)).catch(() => undefined)));
    },
    async close() {
      // sessions registered it for the plugin's handlers; a later target must not be handed a closed one
      forgetDatabase(db);
      await db.close();
    },
  };
}

/** A fault's `slot` in scenario terms (staff name, local time) → the simulator's (staff id, UTC instant). */
function simulatorSlot(fixture: ReturnType<typeof loadFixture>, slot: { staff: string; start: string; minutes?: number }) {
  const key = slot.staff.toLowerCase();
  const staff = fixture.staff.find((p) => p.id.toLowerCase() === key || p.name.toLowerCase() === key);
  if (!staff) throw new Error(`faults: no staff member "${slot.staff}" in ${fixture.business.id}`);
  const zone = fixture.locations.find((l) => l.id === staff.locationId)?.timezone ?? fixture.business.timezone;
  return { staffId: staff.id, start: DateTime.fromISO(slot.start, { zone }).toUTC().toISO()!, durationMin: slot.minutes ?? 60 };
}

const deepMerge = (a: Record<string, unknown>, b: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(
    [...new Set([...Object.keys(a), ...Object.keys(b)])].map((k) => {
      const x = a[k];
      const y = b[k];
      const both = x && y && typeof x === 'object' && typeof y === 'object' && !Array.isArray(x) && !Array.isArray(y);
      return [k, both ? deepMerge(x as Record<string, unknown>, y as Record<string, unknown>) : y === undefined ? x : y];
    }),
  );

async function openSession(db: Database, given: TargetGiven, scenarioId: string): Promise<ScenarioSession> {
  let now = new Date(given.now);
  const clock = () => now;
  const fixture = loadFixture(given.catalog);
  const business = { ...fixture.business, id: `t-${scenarioId}`.slice(0, 60) };
  const sim = await startSimulator({ fixture, seed: 1, now: clock });
  try {
    await seedCatalog(db, fixture, business, now, SLOT_DAYS);
    const setup = { prisma: db.prisma, provider: createNailItClient({ baseUrl: sim.url }), businessId: business.id, now: clock, slotDays: SLOT_DAYS };
    await seedExistingBookings(given.existingBookings, { ...setup, fixtureName: given.catalog });
    // a bad fault (e.g. an unknown staff name) fails this scenario only, and closes its simulator
    sim.faults.set(given.faults.map((f) => ({ ...f, status: f.kind === 'error' ? (f.status ?? 500) : f.status, slot: f.slot && simulatorSlot(fixture, f.slot) })));
  } catch (err) {
    await sim.close();
    throw err;
  }

  const baseCalls = sim.calls();
  const baseOrders = sim.ledger.orders().length;

  const replies = new Map<string, string[]>();
  const sender: ChannelSender = {
    async send(chatId, text) {
      replies.set(chatId, [...(replies.get(chatId) ?? []), text]);
    },
  };
  const configuration = deepMerge(
    // the tenant id is the scenario's, so the fixture's built-in synonyms are passed as the owner would configure them
    deepMerge(HARNESS_CONFIG, { business, provider: { kind: 'simulator', baseUrl: sim.url }, synonyms: DEFAULT_SYNONYMS[fixture.business.id] ?? {} }),
    given.config as Record<string, unknown>,
  ) as Parameters<typeof startLocal>[0]['configuration'];
  // kept across restart(): Botpress Cloud keeps states and messages; our DB keeps the rest
  const hostStore = createMemoryHostStore(clock);
  const pipelineStore = createMemoryPipelineStore();
  const start = async () => {
    const started = await startLocal({ db, configuration, senders: { [INTEGRATION]: sender }, now: clock, burstWindowMs: 0, hostStore, pipelineStore });
    await started.resume();
    return started;
  };
  let local: Local = await start();
  const sent = new Map<string, InboundChannelMessage>();

  const conversationOf = async (phone: string) => (await hostStore.listConversations({ integration: INTEGRATION, tags: { [`${INTEGRATION}:chatId`]: phone } }))[0];
  const stored = async (phone: string) => {
    const c = await conversationOf(phone);
    const s = c ? await hostStore.getState({ type: 'conversation', id: c.id, name: ENGINE_STATE }) : undefined;
    const payload = (s?.payload ?? {}) as { engine?: ConversationState | null; lastOutcome?: string | null; lastAsked?: string | null };
    // the engine counts turns, so a handled turn always changes the payload (timestamps do not: the clock is frozen)
    return { conversationId: c?.id ?? null, engine: payload.engine ?? null, lastOutcome: payload.lastOutcome ?? null, lastAsked: payload.lastAsked ?? null, stamp: JSON.stringify(payload) };
  };
  const handedOff = async (botpressConversationId: string | null) =>
    !!botpressConversationId &&
    (await db.prisma.conversation.count({ where: { businessId: business.id, channel: 'botpress', externalId: botpressConversationId, handoff: true } })) > 0;

  async function turn(msg: InboundChannelMessage): Promise<TurnObservation> {
    const phone = msg.chatId;
    const before = await stored(phone);
    const wasHandedOff = await handedOff(before.conversationId);
    const calls0 = sim.calls();
    const orders0 = sim.ledger.orders().length;
    const jit0 = await jitCalls();
    replies.set(phone, []);
    await local.pipeline.sink(msg);
    await local.pipeline.idle();
    const after = await stored(phone);
    const ran = after.stamp !== before.stamp;
    const out = replies.get(phone) ?? [];
    const calls1 = sim.calls();
    const catalogCalls = CATALOG_ENDPOINTS.reduce((n, e) => n + calls1[e] - calls0[e], 0);
    const booking = ran && after.lastOutcome === 'confirmed';
    // the JIT refresh and the booking's live re-check are the only catalog calls a chat may cause
    const explained = (await jitCalls()) - jit0 + (booking ? calls1.GetItemsByDate - calls0.GetItemsByDate : 0);
    const engine = after.engine;
    const prevAsked = before.engine?.asked ?? null;
    return {
      replies: out,
      // what the turn's last reply asked (the engine's own `asked` may keep a question open that this reply did not repeat)
      asked: out.length && ran ? (after.lastAsked as TurnObservation['asked']) : null,
      ...(ran ? slotChanges(before.engine, engine) : { filled: slotChanges(null, engine).filled, changed: [], invalidated: [] }),
      answerFailedValidation: !!(ran && prevAsked && (engine?.failures[prevAsked] ?? 0) > (before.engine?.failures[prevAsked] ?? 0)),
      outcome: ran ? after.lastOutcome : null,
      state: (engine ?? {}) as unknown as Record<string, unknown>,
      language: engine?.language ?? 'en',
      handoff: !wasHandedOff && (await handedOff(after.conversationId)),
      paymentLink: out.map((r) => /https?:\/\/\S+\/pay\/\S+/.exec(r)?.[0]).find(Boolean) ?? null,
      liveCatalogCalls: Math.max(0, catalogCalls - explained),
      ordersCreated: sim.ledger.orders().length - orders0,
      confirmedByYes: booking && before.engine?.phase === 'ready_to_confirm',
    };
  }

  async function jitCalls(): Promise<number> {
    const runs = await db.prisma.syncRun.aggregate({ where: { businessId: business.id, kind: 'jit' }, _sum: { providerCalls: true } });
    return runs._sum.providerCalls ?? 0;
  }

  const customer = (phone: string) => given.customers.find((c) => c.phone === phone);
  return {
    send(phone, text, opts) {
      const msg: InboundChannelMessage = {
        integration: INTEGRATION, externalId: opts.externalId, chatId: phone, userPhone: customer(phone)?.channelPhone === false ? null : phone, userName: customer(phone)?.name ?? null,
        botPhoneNumberId: business.id, kind: 'text', text, sentAt: new Date(now.getTime() - opts.writtenMsAgo),
      };
      sent.set(opts.externalId, msg);
      return turn(msg);
    },
    deliverAgain(_phone, externalId) {
      const msg = sent.get(externalId);
      if (!msg) throw new Error(`nothing was sent with id ${externalId}`);
      return turn(msg);
    },
    async restart() {
      await local.close();
      local = await start();
    },
    async advanceClock(ms) {
      now = new Date(now.getTime() + ms);
    },
    async observe(): Promise<WorldObservation> {
      const calls = sim.calls();
      return {
        bookings: await observedBookings(db.prisma, business.id),
        providerOrders: sim.ledger.orders().length - baseOrders,
        providerCalls: (Object.keys(calls) as Array<keyof typeof calls>).flatMap((e) => Array.from({ length: calls[e] - baseCalls[e] }, () => ({ endpoint: e }))),
        events: (await hostStore.listEvents()).map((e) => ({ name: e.type.replace(/^bookwell#/, ''), payload: e.payload })),
      };
    },
    async close() {
      await local.close();
      await sim.close();
    },
  };
}
