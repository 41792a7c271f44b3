/**
 * A Prisma client on a Postgres server by URL, migrations applied first: what
 * the plugin opens on Botpress Cloud. One pool per database; a second copy of
 * the plugin in the same process (the bundle loaded by the local host) attaches
 * its own client to that pool rather than opening another — the embedded
 * database serves one connection.
 */
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from '../../../generated/prisma/client';
import { postgresUrl } from '../config/domains';
import { migrate } from './migrate';

export interface Database {
  prisma: PrismaClient;
  url: string;
  embedded: boolean;
  /** The pool and driver adapter the client runs on, for another copy of the plugin to attach to. */
  connection: { pool: pg.Pool; adapter: PrismaPg };
  /** The embedded database's memory (PGlite's WebAssembly heap); absent on a server. */
  memoryBytes?(): number;
  close(): Promise<void>;
}

export interface ConnectOptions {
  poolSize: number;
  embedded?: boolean;
  /** Runs after the pool is closed (stops the embedded server). */
  onClose?: () => Promise<void>;
  memoryBytes?: () => number;
}

export async function connectDatabase(url: string, opts: ConnectOptions): Promise<Database> {
  // every way in (DATABASE_URL, the plugin's databaseUrl, tests, benches) fails here rather than deep in pg
  const bad = postgresUrl(url);
  if (bad) throw new Error(`database URL: ${bad}`);
  const pool = new pg.Pool({ connectionString: url, max: opts.poolSize });
  // An idle connection the server ends (restart, DROP DATABASE … FORCE) is an 'error'
  // event on the pool; unheard it would crash the process. pg has already dropped
  // that client, and the next query opens a fresh one.
  pool.on('error', () => undefined);
  try {
    await migrate(pool);
    const adapter = new PrismaPg(pool);
    const prisma = new PrismaClient({ adapter });
    await prisma.$connect();
    return {
      prisma,
      url,
      embedded: !!opts.embedded,
      connection: { pool, adapter },
      ...(opts.memoryBytes ? { memoryBytes: opts.memoryBytes } : {}),
      async close() {
        await prisma.$disconnect();
        await pool.end();
        await opts.onClose?.();
      },
    };
  } catch (err) {
    await pool.end();
    throw err;
  }
}

/**
 * This copy's client on a database another copy opened: its migrations checked
 * against the database (applied if missing), its own Prisma client on the shared
 * pool. Closing it leaves the pool to its owner.
 */
export async function attachDatabase(owner: Database): Promise<Database> {
  await migrate(owner.connection.pool);
  const prisma = new PrismaClient({ adapter: owner.connection.adapter });
  await prisma.$connect();
  return { ...owner, prisma, close: () => prisma.$disconnect() };
}
