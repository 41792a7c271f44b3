/**
 * Opens the database the product runs on: a Postgres server when a URL is
 * given (DATABASE_URL), else the embedded PGlite under `.bookwell/db`; applies
 * migrations; returns a Prisma client on @prisma/adapter-pg either way.
 * The plugin itself only connects by URL (connect.ts): the embedded database
 * belongs to the local host and stays out of the bundle.
 */
import { connectDatabase, type Database } from './connect';
import { startEmbeddedDatabase } from './embedded';

export type { Database } from './connect';
export type Db = Database['prisma'];

export interface OpenDatabaseOptions {
  /** Postgres server URL; unset → embedded. */
  url?: string | null;
  /** Embedded data directory; null → in memory. Default `.bookwell/db`. */
  dataDir?: string | null;
  /** Pool size on a Postgres server (the embedded one always uses 1). */
  poolSize?: number;
}

export async function openDatabase(opts: OpenDatabaseOptions = {}): Promise<Database> {
  if (opts.url) return connectDatabase(opts.url, { poolSize: opts.poolSize ?? 10 });
  const embedded = await startEmbeddedDatabase({ dataDir: opts.dataDir === undefined ? '.bookwell/db' : opts.dataDir });
  try {
    return await connectDatabase(embedded.url, { poolSize: 1, embedded: true, onClose: embedded.close, memoryBytes: embedded.memoryBytes });
  } catch (err) {
    await embedded.close();
    throw err;
  }
}
