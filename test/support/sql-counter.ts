/**
 * Counts the SQL statements this process sends, at the one place every one of
 * them passes: `pg.Client.prototype.query` (Prisma's adapter, raw queries and
 * pools all end there; BEGIN and COMMIT are statements too). `measure(fn)`
 * also attributes the statements and the provider time of whatever `fn` starts
 * (through AsyncLocalStorage), so concurrent turns are counted apart. For
 * benchmarks and statement-budget tests only: it patches `pg` for the whole
 * process.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import pg from 'pg';

export interface Tally {
  /** SQL statements sent. */
  sql: number;
  /** Wall time spent waiting for HTTP calls made through the global fetch (the provider). */
  fetchMs: number;
  /** The statements themselves, when asked for (`measure(fn, { keep: true })`). */
  statements?: string[];
}

const als = new AsyncLocalStorage<Tally>();
let total = 0;
let installed = false;
/** Every statement of the process since the last `take()`, when a test asked for them (`logSql`). */
let log: string[] | null = null;
const textOf = (q: unknown) => (typeof q === 'string' ? q : ((q as { text?: string })?.text ?? String(q)));

function install(): void {
  if (installed) return;
  installed = true;
  const query = pg.Client.prototype.query as (...args: unknown[]) => unknown;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    total++;
    log?.push(textOf(args[0]));
    const tally = als.getStore();
    if (tally) {
      tally.sql++;
      tally.statements?.push(textOf(args[0]));
    }
    return query.apply(this, args);
  } as typeof pg.Client.prototype.query;
  const fetch = globalThis.fetch;
  globalThis.fetch = async (...args: Parameters<typeof fetch>) => {
    const tally = als.getStore();
    const t0 = performance.now();
    try {
      return await fetch(...args);
    } finally {
      if (tally) tally.fetchMs += performance.now() - t0;
    }
  };
}

/** Call before anything captures `fetch` (the provider client does when it is built). */
export function countSql(): { total(): number } {
  install();
  return { total: () => total };
}

/**
 * Every statement the whole process sends, whatever async context it runs in (a request the host's HTTP
 * server handles is not in the context of the turn that caused it, so `measure` does not see it): `take()`
 * returns those sent since the last `take()`. For a test that runs one thing at a time.
 */
export function logSql(): { take(): string[] } {
  install();
  log = [];
  return {
    take() {
      const out = log ?? [];
      log = [];
      return out;
    },
  };
}

/** Runs `fn` with its own tally: every statement and fetch it causes, however deep, counts there. */
export async function measure<T>(fn: () => Promise<T>, opts: { keep?: boolean } = {}): Promise<{ value: T; tally: Tally; ms: number }> {
  install();
  const tally: Tally = { sql: 0, fetchMs: 0, ...(opts.keep ? { statements: [] } : {}) };
  const t0 = performance.now();
  const value = await als.run(tally, fn);
  return { value, tally, ms: performance.now() - t0 };
}

/** The tally of the `measure` call this code runs under, if any. */
export const currentTally = (): Tally | undefined => als.getStore();
