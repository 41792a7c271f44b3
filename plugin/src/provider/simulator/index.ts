/**
 * The provider simulator: a Nail It-shaped HTTP server over a catalog fixture,
 * with a deterministic clock and seed, an order ledger and fault injection.
 * Used by `bookwell dev`, `bookwell simulator`, the harness and tests.
 */
import { type CatalogFixture, loadFixture } from '../../catalog/fixture';
import type { ProviderEndpoint } from '../port';
import { createSimCatalog, type SimCatalog } from './catalog';
import type { EngineContext } from './engine';
import { createFaults, type FaultController } from './faults';
import { createLedger, type Ledger } from './ledger';
import { buildServer, type Hold } from './server';

export type { FaultSpec, FaultController } from './faults';
export type { Ledger, SimOrder } from './ledger';
export type { SimCatalog } from './catalog';

export interface SimulatorOptions {
  /** A fixture, or the name/path of one (see catalog/fixture.ts). */
  fixture: CatalogFixture | string;
  port?: number;
  host?: string;
  /** Seeds the pre-existing bookings. */
  seed?: number;
  /** The simulator's clock; defaults to the wall clock. */
  now?: () => Date;
  /** Base of payment links; defaults to the server's own URL. */
  publicUrl?: string;
  /** When set, every provider call must carry `Authorization: Bearer <token>`. */
  token?: string;
  /** How latency and timeout faults hold a reply back; default: real time (see server.ts). */
  hold?: Hold;
}

export interface Simulator {
  url: string;
  close(): Promise<void>;
  now(): Date;
  setNow(now: Date | (() => Date)): void;
  faults: FaultController;
  ledger: Ledger;
  catalog: SimCatalog;
  /** Calls received per endpoint since start or reset. */
  calls(): Record<ProviderEndpoint, number>;
  /** Back to the state at start: catalog, ledger, faults, counters, clock. */
  reset(): void;
}

export async function startSimulator(opts: SimulatorOptions): Promise<Simulator> {
  const fixture = typeof opts.fixture === 'string' ? loadFixture(opts.fixture) : opts.fixture;
  const initialClock = opts.now ?? (() => new Date());
  let clock = initialClock;
  let url = '';
  const ledger = createLedger();
  const catalog = createSimCatalog(fixture);
  const faults = createFaults();
  const ctx: EngineContext = {
    catalog,
    ledger,
    seed: opts.seed ?? 1,
    now: () => clock(),
    publicUrl: () => opts.publicUrl ?? url,
  };
  const setNow = (now: Date | (() => Date)) => {
    clock = typeof now === 'function' ? now : () => now;
  };
  const reset = () => {
    catalog.reset();
    ledger.reset();
    faults.reset();
    clock = initialClock;
  };
  const { app, holds } = buildServer({ ctx, faults, token: opts.token, setNow, reset, hold: opts.hold });
  await app.listen({ port: opts.port ?? 0, host: opts.host ?? '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : opts.port;
  const host = opts.host ?? '127.0.0.1';
  url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

  return {
    url,
    async close() {
      holds.releaseAll();
      await app.close();
    },
    now: ctx.now,
    setNow,
    faults,
    ledger,
    catalog,
    calls: () => faults.calls(),
    reset,
  };
}
