/**
 * Everything a handler needs for one business, built once per configuration
 * per process: database, the provider client (the one setup: single attempts,
 * per-call timeout, circuit breaker, calls logged), catalog queries with the
 * just-in-time refresh, booking service, and the rule extractor (rebuilt only
 * when the catalog changes). The CLI and the harness run on these same
 * services (`servicesOf`), so a process has one provider client per business.
 */
import { ensureBusiness } from '../catalog/business';
import { createCatalogMemo, createDbCatalog, type CatalogMemo, type DbCatalog } from '../catalog/queries';
import { refreshDays } from '../catalog/refresh-days';
import { fullSync, type SyncDeps } from '../catalog/sync';
import type { CatalogSnapshot } from '../catalog/types';
import { createBookingService, createSingleFlight, type BookingEvents, type SingleFlight } from '../booking';
import { ConfigurationError } from '../config/parse';
import type { Configuration } from '../config/schema';
import { createNailItClient } from '../provider/nailit-client';
import type { BookingProvider } from '../provider/port';
import type { ConfigurationInput } from '../config/schema';
import { parseConfiguration } from '../config/parse';
import type { Database } from '../store/database';
import { createProviderCallLog } from '../store/provider-calls';
import { sqlOf, type Sql } from '../store/sql';
import { databaseFor, registerDatabase } from '../store/registry';
import { clockOf } from './clock';
import { createRuleExtractor, type RuleExtractor } from '../understanding';

import { createLlmCallLog } from '../llm/calls';
import { createChatModel } from '../llm/client';
import { llmSettings, type LlmSettings } from '../llm/settings';
import type { LlmPort } from '../llm/types';
import { createLlmUnderstanding } from '../llm/understand';

export interface Services {
  db: Database;
  /** The hot-path statements on the database's own pool (store/sql.ts). */
  sql: Sql;
  businessId: string;
  provider: BookingProvider;
  catalog: DbCatalog;
  booking: ReturnType<typeof createBookingService>;
  /** Sync deps at a given clock (scheduled jobs pass the wall clock, turns the message's). */
  sync(now: () => Date): SyncDeps;
  extractor(snapshot: CatalogSnapshot): RuleExtractor;
  memo: CatalogMemo;
  /** One per process and business: two "yes" to one summary at once are one confirmation. */
  flights: SingleFlight;
  /** The model for one conversation's turn (its calls logged against it), or null: no LLM configured, or mode off. */
  llm(conversationId: string | null): LlmPort | null;
  /** Resolves when the provider calls made so far are written to the call log. */
  flushProviderCalls(): Promise<void>;
}

export interface ServicesOptions {
  /** The clock of the current call (a turn's message time in the harness). */
  now: () => Date;
  events?: BookingEvents;
}

type Base = Omit<Services, 'catalog' | 'booking' | 'llm'> & { llmSettings: LlmSettings | null };

const cache = new Map<string, Promise<Base>>();
/** The same parsed configuration object (config/parse.ts keeps one per text): no key to compute. */
let byConfig = new WeakMap<Configuration, Promise<Base>>();

/** Drops what was built for every configuration (a host restart). Open databases stay registered. */
export function resetServices(): void {
  cache.clear();
  byConfig = new WeakMap();
}

function base(config: Configuration): Promise<Base> {
  const known = byConfig.get(config);
  if (known) return known;
  // everything build() keeps: a change to any of it in the studio builds afresh
  const key = JSON.stringify([config.databaseUrl ?? '', config.provider, config.business, config.synonyms, config.sync, config.llm, config.systemPrompt, config.businessFacts]);
  let s = cache.get(key);
  if (!s) {
    s = build(config);
    s.catch(() => {
      cache.delete(key);
      byConfig.delete(config);
    });
    cache.set(key, s);
  }
  byConfig.set(config, s);
  return s;
}

async function build(config: Configuration): Promise<Base> {
  // the simulator is an HTTP server too: whatever the kind, its address must be known
  const { baseUrl } = config.provider;
  if (!baseUrl) throw new ConfigurationError('bookwell configuration: provider.baseUrl is required (the Nail It API, or the simulator\'s address)');
  const db = await databaseFor(config.databaseUrl);
  await ensureBusiness(db.prisma, config.business);
  const businessId = config.business.id;
  const sql = sqlOf(db);
  const calls = createProviderCallLog(db.prisma, businessId, undefined, sql);
  const provider = createNailItClient({ baseUrl, token: config.provider.token, timeoutMs: config.provider.timeoutMs, recorder: calls.record });
  const extractors = new WeakMap<CatalogSnapshot, RuleExtractor>();
  return {
    db,
    sql,
    businessId,
    provider,
    memo: createCatalogMemo(),
    llmSettings: llmSettings(config),
    flights: createSingleFlight(),
    flushProviderCalls: calls.flush,
    sync: (now) => ({ prisma: db.prisma, provider, businessId, now, slotDays: config.sync.slotDays }),
    extractor(snapshot) {
      let e = extractors.get(snapshot);
      if (!e) extractors.set(snapshot, (e = createRuleExtractor({ ...snapshot, synonyms: { ...snapshot.synonyms, ...config.synonyms } })));
      return e;
    },
  };
}

/** Services bound to the clock and event sink of this call. */
export async function servicesFor(config: Configuration, opts: ServicesOptions): Promise<Services> {
  const b = await base(config);
  const sync = b.sync(opts.now);
  const catalog = createDbCatalog({
    prisma: b.db.prisma,
    sql: b.sql,
    businessId: b.businessId,
    now: opts.now,
    memo: b.memo,
    refresh: { catalog: () => fullSync(sync), slots: (loc, dates) => refreshDays({ ...sync, sql: b.sql }, { locationExternalId: loc, dates }) },
  });
  const booking = createBookingService({
    flights: b.flights,
    prisma: b.db.prisma,
    sql: b.sql,
    provider: b.provider,
    businessId: b.businessId,
    now: opts.now,
    events: opts.events,
    config: { deadlineMs: config.booking.deadlineMs },
    catalog,
  });
  const settings = b.llmSettings;
  const calls = createLlmCallLog(b.db.prisma, b.businessId, opts.now);
  const llm = (conversationId: string | null): LlmPort | null =>
    settings && createLlmUnderstanding({ settings, model: chatModelFor(settings), record: (c) => calls.record({ ...c, conversationId }) });
  return { ...b, catalog, booking, llm };
}

const models = new Map<string, ReturnType<typeof createChatModel>>();

/** One client per endpoint, model, key and timeout in a process (it holds its HTTP agent). */
function chatModelFor(s: LlmSettings) {
  const key = JSON.stringify([s.baseUrl, s.model, s.apiKey, s.timeoutMs]);
  let m = models.get(key);
  if (!m) models.set(key, (m = createChatModel(s)));
  return m;
}

/**
 * The services of a configuration on an open database, for code outside the plugin's handlers (the
 * CLI, the harness): `db` becomes the configuration's database, and the provider client, call log and
 * sync are the very ones the plugin's handlers use.
 */
export async function servicesOf(db: Database, configuration: ConfigurationInput): Promise<Services> {
  registerDatabase(db);
  const config = parseConfiguration({ ...configuration, databaseUrl: db.url });
  return servicesFor(config, { now: clockOf(config.business.id) });
}
