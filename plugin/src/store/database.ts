/**
 * Opens the database the product runs on: a Postgres server when a URL is
 * given (DATABASE_URL), else the embedded PGlite under `.bookwell/db`; applies
 * migrations; returns a Prisma client on @prisma/adapter-pg either way.
 */
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../../../generated/prisma/client';
import { startEmbeddedDatabase } from './embedded';
import { migrate } from './migrate';

export type Db = PrismaClient;

export interface Database {
  prisma: PrismaClient;
  url: string;
  embedded: boolean;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** Postgres server URL; unset → embedded. */
  url?: string | null;
  /** Embedded data directory; null → in memory. Default `.bookwell/db`. */
  dataDir?: string | null;
  /** Pool size on a Postgres server (the embedded one always uses 1). */
  poolSize?: number;
}

export async function openDatabase(opts: OpenDatabaseOptions = {}): Promise<Database> {
  const embedded = opts.url ? null : await startEmbeddedDatabase({ dataDir: opts.dataDir === undefined ? '.bookwell/db' : opts.dataDir });
  const url = opts.url ?? embedded!.url;
  try {
    await migrate(url);
    const adapter = new PrismaPg({ connectionString: url, max: embedded ? 1 : (opts.poolSize ?? 10) });
    const prisma = new PrismaClient({ adapter });
    await prisma.$connect();
    return {
      prisma,
      url,
      embedded: !!embedded,
      async close() {
        await prisma.$disconnect();
        await embedded?.close();
      },
    };
  } catch (err) {
    await embedded?.close();
    throw err;
  }
}
