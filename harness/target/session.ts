/**
 * One scenario's world: the template's tenant (tenants.ts) with its
 * `existingBookings`, a provider simulator serving the fixture with the
 * scenario's faults, and the plugin on the local host — all on the scenario's
 * clock — plus what the runner observes after each delivered message.
 * Everything the session runs is inside `runOnClock(clock)`: the plugin's
 * provider timeouts, model timeouts, backoffs and deadlines wait on the
 * scenario's virtual time, so a fault costs no wall time.
 */
import { DateTime } from 'luxon';
import type { ChannelSender, InboundChannelMessage } from '../../plugin/src/channels/types';
import { loadFixture, type CatalogFixture } from '../../plugin/src/catalog/fixture';
import type { ConversationState } from '../../plugin/src/conversation/state';
import { ENGINE_STATE } from '../../plugin/src/host/inspect';
import { startLocal, type Local } from '../../plugin/src/host/local';
import { createNailItClient } from '../../plugin/src/provider/nailit-client';
import { startSimulator } from '../../plugin/src/provider/simulator';
import type { Database } from '../../plugin/src/store/database';
import { DEFAULT_SYNONYMS } from '../../plugin/src/understanding/synonyms';
import type { CrashKind } from '../runner/schema';
import type { ScenarioSession, TargetGiven, TurnObservation, WorldObservation } from '../runner/target';
import { runOnClock } from '../../plugin/src/runtime/clock';
import { onCrashPoint, type CrashPoint } from '../../plugin/src/runtime/crash';
import { seedExistingBookings } from './existing';
import { recordTargetFromEnv, startLlmReplay, type LlmReplay } from './llm-replay';
import { observedBookings, slotChanges } from './observe';
import { ScenarioClock } from './scenario-clock';
import type { Tenants } from './tenants';

const CATALOG_ENDPOINTS = ['GetLocations', 'GetLocationServices', 'GetLocationStaff', 'GetItemsByDate'] as const;
const INTEGRATION = 'harness';
/** A scenario's `crash:` and the crash point it dies at. */
const CRASH_POINT: Record<CrashKind, CrashPoint> = {
  'after-yes': 'after-inbound-stored',
  'after-order': 'after-order',
  'after-state-saved': 'after-state-saved',
  'after-reply-stored': 'after-reply-stored',
};

/** Scenario defaults: short provider timeouts so failure scenarios finish in seconds, not the production 20 s. */
const HARNESS_CONFIG = { provider: { timeoutMs: 600 }, booking: { deadlineMs: 2500 }, owners: { integration: INTEGRATION } };

export interface SessionDeps {
  db: Database;
  tenants: Tenants;
  /** Days of free times in the template, as far ahead as the plugin copies. */
  slotDays: number;
}

export async function openSession({ db, tenants, slotDays }: SessionDeps, given: TargetGiven, scenario: string): Promise<ScenarioSession> {
  const timings: Record<string, number> = {};
  const clock = new ScenarioClock(new Date(given.now));
  const fixture = loadFixture(given.catalog);
  const template = await tenants.template(fixture, clock.date(), slotDays);
  const t0 = performance.now();
  const lease = await tenants.lease(template, scenario);
  timings.tenantMs = performance.now() - t0;
  const business = { ...fixture.business, id: lease.businessId };
  const sim = await startSimulator({ fixture, seed: 1, now: clock.date, hold: clock.hold }).catch(async (err) => {
    await lease.release();
    throw err;
  });
  let replay: LlmReplay | null = null;
  const closeWorld = async () => {
    clock.dispose();
    await replay?.close();
    await sim.close();
    const t1 = performance.now();
    await lease.release();
    timings.tenantMs += performance.now() - t1;
    timings.skippedMs = clock.skippedMs;
    if (clock.forcedAdvances) timings.forcedClockAdvances = clock.forcedAdvances;
  };
  try {
    const setup = { prisma: db.prisma, provider: createNailItClient({ baseUrl: sim.url, clock }), businessId: business.id, now: clock.date, slotDays, clock };
    await seedExistingBookings(given.existingBookings, { ...setup, fixtureName: given.catalog });
    // a bad fault (e.g. an unknown staff name) fails this scenario only
    sim.faults.set(given.faults.map((f) => ({ ...f, status: f.kind === 'error' ? (f.status ?? 500) : f.status, slot: f.slot && simulatorSlot(fixture, f.slot) })));
  } catch (err) {
    await closeWorld();
    throw err;
  }

  if (given.llm) {
    try {
      replay = await startLlmReplay({ path: given.llm.recordings, scenario: given.llm.scenario, record: recordTargetFromEnv(), hold: clock.hold });
    } catch (err) {
      await closeWorld();
      throw err;
    }
  }
  // the bot's model is the replay server: the real @langchain/openai client, recorded answers
  const llmConfig = replay && given.llm ? { llm: { baseUrl: replay.url, model: 'recorded', apiKey: 'none', mode: given.llm.mode, timeoutMs: given.llm.timeoutMs } } : {};

  const baseCalls = sim.calls();
  const baseOrders = sim.ledger.orders().length;
  const replies = new Map<string, string[]>();
  const sender: ChannelSender = {
    async send(chatId, text) {
      replies.set(chatId, [...(replies.get(chatId) ?? []), text]);
    },
  };
  const configuration = deepMerge(
    // the tenant is the template's, so the fixture's built-in synonyms are passed as the owner would configure them
    deepMerge(HARNESS_CONFIG, { business, provider: { baseUrl: sim.url }, synonyms: DEFAULT_SYNONYMS[fixture.business.id] ?? {}, ...llmConfig }),
    given.config as Record<string, unknown>,
  ) as Parameters<typeof startLocal>[0]['configuration'];
  // kept across restart(): Botpress's records, the pipeline's and the outbox's are in the database
  const start = async () => {
    const started = await startLocal({ db, configuration, senders: { [INTEGRATION]: sender }, now: clock.date, burstWindowMs: 0 });
    await started.resume();
    return started;
  };
  let local: Local;
  const tStart = performance.now();
  try {
    local = await runOnClock(clock, start);
    timings.hostStartMs = performance.now() - tStart;
  } catch (err) {
    await closeWorld();
    throw err;
  }
  const sent = new Map<string, InboundChannelMessage>();
  /** Whether each chat is with a person, as of its last turn (nothing else hands a chat over in a scenario). */
  const handedOff = new Map<string, boolean>();
  /** Provider calls the plugin's just-in-time refreshes made so far (the world starts with none). */
  let jitCalls = await jitCallsSoFar();

  /** Each chat's conversation, once it has one (it keeps it: restarts keep the database). */
  const conversationIds = new Map<string, string>();
  const conversationOf = async (phone: string): Promise<string | null> => {
    const known = conversationIds.get(phone);
    if (known) return known;
    const c = (await local.host.store.listConversations({ integration: INTEGRATION, tags: { [`${INTEGRATION}:chatId`]: phone } }))[0];
    if (c) conversationIds.set(phone, c.id);
    return c?.id ?? null;
  };
  const stored = async (phone: string) => {
    const id = await conversationOf(phone);
    const s = id ? await local.host.store.getState({ type: 'conversation', id, name: ENGINE_STATE }) : undefined;
    const payload = (s?.payload ?? {}) as { engine?: ConversationState | null; lastOutcome?: string | null; lastAsked?: string | null };
    // the engine counts turns, so a handled turn always changes the payload (timestamps do not: the clock is frozen)
    return { conversationId: id, engine: payload.engine ?? null, lastOutcome: payload.lastOutcome ?? null, lastAsked: payload.lastAsked ?? null, stamp: JSON.stringify(payload) };
  };
  type Stored = Awaited<ReturnType<typeof stored>>;
  /**
   * What each chat's state was after its last turn: the next turn's "before". Only its own turns change
   * a chat's state, and the jobs of a clock step or a restart's recovery: those forget it.
   */
  const lastSeen = new Map<string, Stored>();

  async function jitCallsSoFar(): Promise<number> {
    const runs = await db.prisma.syncRun.aggregate({ where: { businessId: business.id, kind: 'jit' }, _sum: { providerCalls: true } });
    return runs._sum.providerCalls ?? 0;
  }

  /**
   * The message goes in and the host dies at `crash`'s point: that turn is left where it is (a
   * promise that never settles, as nothing runs in a killed process), the host stops without
   * finishing anything, and a new one on the same database recovers (resume) what was left.
   */
  async function crashing(msg: InboundChannelMessage, crash: CrashKind): Promise<void> {
    const point = CRASH_POINT[crash];
    let died!: () => void;
    const dead = new Promise<void>((resolve) => (died = resolve));
    let fired = false;
    const uninstall = onCrashPoint(async (p) => {
      if (p !== point || fired) return;
      fired = true;
      died();
      await new Promise<never>(() => undefined);
    });
    try {
      const handled = (async () => {
        await local.pipeline.sink(msg);
        await local.pipeline.idle();
      })();
      await Promise.race([dead, handled]);
    } finally {
      uninstall();
    }
    if (!fired) throw new Error(`crash: ${crash}: the host never reached that point while handling "${msg.text}"`);
    lastSeen.clear();
    await local.crash();
    local = await start();
    await local.pipeline.idle();
  }

  async function turn(msg: InboundChannelMessage, crash?: CrashKind): Promise<TurnObservation> {
    const phone = msg.chatId;
    const tObs0 = performance.now();
    const before = lastSeen.get(phone) ?? (await stored(phone));
    timings.observeMs = (timings.observeMs ?? 0) + performance.now() - tObs0;
    const calls0 = sim.calls();
    const orders0 = sim.ledger.orders().length;
    replies.set(phone, []);
    if (crash) await crashing(msg, crash);
    else {
      await local.pipeline.sink(msg);
      await local.pipeline.idle();
    }
    const tObs1 = performance.now();
    const after = await stored(phone);
    lastSeen.set(phone, after);
    const ran = after.stamp !== before.stamp;
    const out = replies.get(phone) ?? [];
    const misses = replay?.takeMisses() ?? [];
    if (misses.length) throw new Error(misses.join('\n\n'));
    // from here on, what reaches this chat is the bot's own (a `bot:` step reads it)
    replies.set(phone, []);
    const calls1 = sim.calls();
    const catalogCalls = CATALOG_ENDPOINTS.reduce((n, e) => n + calls1[e] - calls0[e], 0);
    const booking = ran && after.lastOutcome === 'confirmed';
    // the JIT refresh and the booking's live re-check are the only catalog calls a chat may cause
    const jit = catalogCalls ? (await jitCallsSoFar()) - jitCalls : 0;
    jitCalls += jit;
    const explained = jit + (booking ? calls1.GetItemsByDate - calls0.GetItemsByDate : 0);
    const wasHandedOff = handedOff.get(phone) ?? false;
    const isHandedOff =
      !!after.conversationId &&
      (await db.prisma.conversation.count({ where: { businessId: business.id, id: after.conversationId, handoff: true } })) > 0;
    handedOff.set(phone, isHandedOff);
    timings.observeMs += performance.now() - tObs1;
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
      handoff: !wasHandedOff && isHandedOff,
      paymentLink: out.map((r) => /https?:\/\/\S+\/pay\/\S+/.exec(r)?.[0]).find(Boolean) ?? null,
      liveCatalogCalls: Math.max(0, catalogCalls - explained),
      ordersCreated: sim.ledger.orders().length - orders0,
      confirmedByYes: booking && before.engine?.phase === 'ready_to_confirm',
    };
  }

  const customer = (phone: string) => given.customers.find((c) => c.phone === phone);
  return onScenarioClock(clock, {
    timings,
    send(phone, text, opts) {
      const msg: InboundChannelMessage = {
        integration: INTEGRATION, externalId: opts.externalId, chatId: phone, userPhone: customer(phone)?.channelPhone === false ? null : phone, userName: customer(phone)?.name ?? null,
        botPhoneNumberId: business.id, kind: 'text', text, sentAt: new Date(clock.now() - opts.writtenMsAgo),
      };
      sent.set(opts.externalId, msg);
      return turn(msg, opts.crash);
    },
    deliverAgain(_phone, externalId) {
      const msg = sent.get(externalId);
      if (!msg) throw new Error(`nothing was sent with id ${externalId}`);
      return turn(msg);
    },
    async restart() {
      lastSeen.clear();
      await local.close();
      local = await start();
    },
    async advanceClock(ms) {
      lastSeen.clear();
      clock.advance(ms);
      // what Botpress Cloud's recurring events would have run by now (reminders)
      await local.tick();
    },
    async unsolicited(phone) {
      const out = replies.get(phone) ?? [];
      replies.set(phone, []);
      const { engine } = await stored(phone);
      return {
        replies: out, asked: null, ...slotChanges(null, engine), changed: [], invalidated: [], answerFailedValidation: false, outcome: null,
        state: (engine ?? {}) as unknown as Record<string, unknown>, language: engine?.language ?? 'en', handoff: false, paymentLink: null,
        liveCatalogCalls: 0, ordersCreated: 0, confirmedByYes: false,
      };
    },
    async observe(): Promise<WorldObservation> {
      const calls = sim.calls();
      return {
        bookings: await observedBookings(db.prisma, business.id),
        providerOrders: sim.ledger.orders().length - baseOrders,
        providerCalls: (Object.keys(calls) as Array<keyof typeof calls>).flatMap((e) => Array.from({ length: calls[e] - baseCalls[e] }, () => ({ endpoint: e }))),
        events: (await local.host.store.listEvents()).map((e) => ({ name: e.type.replace(/^bookwell#/, ''), payload: e.payload })),
      };
    },
    async close() {
      try {
        await local.close();
      } finally {
        await closeWorld();
      }
    },
  });
}

/** The session with each of its methods run on the scenario's clock (and what they start: the plugin's work). */
function onScenarioClock(clock: ScenarioClock, session: ScenarioSession): ScenarioSession {
  const wrapped: Record<string, unknown> = { ...session };
  for (const [k, v] of Object.entries(session)) if (typeof v === 'function') wrapped[k] = (...args: unknown[]) => runOnClock(clock, () => (v as (...a: unknown[]) => unknown).apply(session, args));
  return wrapped as unknown as ScenarioSession;
}

/** A fault's `slot` in scenario terms (staff name, local time) → the simulator's (staff id, UTC instant). */
function simulatorSlot(fixture: CatalogFixture, slot: { staff: string; start: string; minutes?: number }) {
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
