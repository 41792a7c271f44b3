/**
 * What the CLI commands run on: the database (Postgres when DATABASE_URL is
 * set, else embedded PGlite under .bookwell/db), the provider (Nail It at
 * BOOKWELL_PROVIDER_URL, else the built-in simulator on a loopback port), the
 * business row, and the plugin configuration of the local bot. The provider
 * client is the plugin runtime's own (`servicesOf`): the commands' syncs and
 * the bot's turns share one client, one breaker, one call log. Settings come
 * from the environment, validated with zod so a bad value names the variable.
 */
import { z } from 'zod';
import { ensureBusiness } from '../plugin/src/catalog/business';
import { fixtureSchema, fixtureToSnapshot, loadFixture } from '../plugin/src/catalog/fixture';
import * as domain from '../plugin/src/config/domains';
import type { CatalogBusiness } from '../plugin/src/catalog/types';
import type { ConfigurationInput } from '../plugin/src/config/schema';
import type { BookingProvider } from '../plugin/src/provider/port';
import { startSimulator, type Simulator } from '../plugin/src/provider/simulator';
import type { Services } from '../plugin/src/runtime/services';
import { openDatabase, type Database } from '../plugin/src/store/database';
import { forgetDatabase } from '../plugin/src/store/registry';
import { localConfiguration } from './config-file';

/** A string that passes a domain check (see plugin/src/config/domains.ts); the issue says what is wrong with it. */
const checked = (check: domain.Check) =>
  z.string().superRefine((v, ctx) => {
    const problem = check(v);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

const envSchema = z.object({
  DATABASE_URL: checked(domain.postgresUrl).optional(),
  BOOKWELL_DATA_DIR: z.string().default('.bookwell'),
  BOOKWELL_PROVIDER_URL: checked(domain.httpUrl).optional(),
  BOOKWELL_PROVIDER_TOKEN: z.string().optional(),
  /** An OpenAI-compatible model for what the rules miss (docs/llm.md); over the --config file's `llm`. */
  BOOKWELL_LLM_BASE_URL: checked(domain.httpUrl).optional(),
  BOOKWELL_LLM_MODEL: z.string().optional(),
  BOOKWELL_LLM_API_KEY: z.string().optional(),
  BOOKWELL_LLM_MODE: z.enum(['off', 'fallback', 'always']).optional(),
  /** With a real provider: the business settings as JSON. */
  BOOKWELL_BUSINESS: z.string().optional(),
  BOOKWELL_FIXTURE: z
    .string()
    .default('kuwait-spa')
    .superRefine((v, ctx) => {
      try {
        loadFixture(v);
      } catch (err) {
        ctx.addIssue({ code: 'custom', message: (err as Error).message });
      }
    }),
});

/** The business of the fixture schema: the same checks on its country, currency and time zone. */
const businessSchema = fixtureSchema.shape.business;

export type RuntimeEnv = z.infer<typeof envSchema>;

export function readEnv(env: NodeJS.ProcessEnv = process.env): RuntimeEnv {
  const parsed = envSchema.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `environment variable ${i.path.join('.')}: ${i.message}`);
    throw new Error(problems.join('; '));
  }
  return parsed.data;
}

export interface Runtime {
  db: Database;
  business: CatalogBusiness;
  simulator: Simulator | null;
  /** The local bot's plugin configuration: this business, this provider, this database, and the `--config` file's settings. */
  configuration: ConfigurationInput;
  /** The plugin runtime's services for it: the provider client, sync, the schedule's settings. */
  services: Services;
  /** `services.provider`: the one client of this process. */
  provider: BookingProvider;
  close(): Promise<void>;
}

/** The `llm` settings the environment gives (only those set); an endpoint given here with no mode anywhere means fallback. */
export function llmFromEnv(env: RuntimeEnv): { baseUrl?: string; model?: string; apiKey?: string; mode?: 'off' | 'fallback' | 'always' } | undefined {
  const llm = Object.fromEntries(
    Object.entries({ baseUrl: env.BOOKWELL_LLM_BASE_URL, model: env.BOOKWELL_LLM_MODEL, apiKey: env.BOOKWELL_LLM_API_KEY, mode: env.BOOKWELL_LLM_MODE }).filter(([, v]) => v !== undefined),
  );
  return Object.keys(llm).length ? llm : undefined;
}

/** The business: BOOKWELL_BUSINESS when set, else the one of the simulator fixture. */
export function businessFromEnv(env: RuntimeEnv): CatalogBusiness {
  if (!env.BOOKWELL_BUSINESS) return fixtureToSnapshot(loadFixture(env.BOOKWELL_FIXTURE)).business;
  let json: unknown;
  try {
    json = JSON.parse(env.BOOKWELL_BUSINESS);
  } catch {
    throw new Error('environment variable BOOKWELL_BUSINESS: not valid JSON');
  }
  const b = businessSchema.strict().safeParse(json);
  if (!b.success) throw new Error(b.error.issues.map((i) => `environment variable BOOKWELL_BUSINESS: ${i.path.join('.') || '(root)'}: ${i.message}`).join('; '));
  return b.data;
}

/** Just the database and the business row, for commands that need no provider (`whatsapp --botpress-webhook-id`). */
export async function openStore(env: RuntimeEnv): Promise<{ db: Database; business: CatalogBusiness; close(): Promise<void> }> {
  const business = businessFromEnv(env);
  const db = await openDatabase({ url: env.DATABASE_URL ?? null, dataDir: `${env.BOOKWELL_DATA_DIR}/db` });
  try {
    await ensureBusiness(db.prisma, business);
  } catch (err) {
    await db.close();
    throw err;
  }
  return { db, business, close: () => db.close() };
}

export async function openRuntime(env: RuntimeEnv, opts: { now?: () => Date; configPath?: string } = {}): Promise<Runtime> {
  // the plugin's modules load while the database starts (on its own thread when embedded) and the simulator
  const runtime = import('../plugin/src/runtime/services');
  const opening = openDatabase({ url: env.DATABASE_URL ?? null, dataDir: `${env.BOOKWELL_DATA_DIR}/db` });
  let business: CatalogBusiness;
  let simulator: Simulator | null = null;
  let baseUrl: string;
  try {
    if (env.BOOKWELL_PROVIDER_URL) {
      if (!env.BOOKWELL_BUSINESS) throw new Error('BOOKWELL_PROVIDER_URL is set, so BOOKWELL_BUSINESS must be too: {"id","name","country","currency","timezone","languages"}');
      business = businessFromEnv(env);
      baseUrl = env.BOOKWELL_PROVIDER_URL;
    } else {
      const fixture = loadFixture(env.BOOKWELL_FIXTURE);
      business = fixtureToSnapshot(fixture).business;
      simulator = await startSimulator({ fixture, now: opts.now });
      baseUrl = simulator.url;
    }
  } catch (err) {
    await opening.then((db) => db.close()).catch(() => undefined);
    throw err;
  }
  let db: Database;
  try {
    db = await opening;
  } catch (err) {
    await simulator?.close();
    throw err;
  }
  let configuration: ConfigurationInput;
  let services: Services;
  try {
    configuration = { ...localConfiguration(opts.configPath, { business, provider: { baseUrl, token: env.BOOKWELL_PROVIDER_TOKEN }, llm: llmFromEnv(env) }), databaseUrl: db.url };
    services = await (await runtime).servicesOf(db, configuration);
  } catch (err) {
    forgetDatabase(db);
    await db.close();
    await simulator?.close();
    throw err;
  }
  return {
    db,
    business,
    simulator,
    configuration,
    services,
    provider: services.provider,
    async close() {
      await services.flushProviderCalls();
      forgetDatabase(db);
      await db.close();
      await simulator?.close();
    },
  };
}
