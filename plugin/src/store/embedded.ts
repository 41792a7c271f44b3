/**
 * The embedded database: PGlite (Postgres in WASM, file-backed) served on a
 * loopback port by pglite-socket, so the app reaches it through @prisma/adapter-pg
 * exactly like a Postgres server. PGlite is one Postgres session: keep one
 * connection (see DESIGN.md). A lock file stops a second process from opening
 * the same data directory.
 */
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import lockfile from 'proper-lockfile';

export interface EmbeddedDatabase {
  /** postgresql:// URL of the loopback socket. */
  url: string;
  close(): Promise<void>;
}

export class DatabaseLockedError extends Error {
  readonly name = 'DatabaseLockedError';
}

/** `dataDir` null = in memory (tests); otherwise a directory such as `.bookwell/db`. */
export async function startEmbeddedDatabase(opts: { dataDir: string | null }): Promise<EmbeddedDatabase> {
  let release: (() => Promise<void>) | undefined;
  if (opts.dataDir) {
    mkdirSync(opts.dataDir, { recursive: true });
    try {
      // stale after 10 s without a heartbeat: a crashed process does not lock the database forever
      release = await lockfile.lock(opts.dataDir, { stale: 10_000, update: 2_000, lockfilePath: `${opts.dataDir}.lock` });
    } catch (err) {
      if ((err as { code?: string }).code === 'ELOCKED') {
        throw new DatabaseLockedError(
          `the embedded database ${opts.dataDir} is in use by another bookwell process; stop it first, or set DATABASE_URL to use a Postgres server`,
        );
      }
      throw err;
    }
  }
  try {
    const db = await PGlite.create(opts.dataDir ?? 'memory://');
    const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 1 });
    await server.start();
    return {
      url: `postgresql://postgres@${server.getServerConn()}/postgres?sslmode=disable`,
      async close() {
        await server.stop();
        await db.close();
        await release?.();
      },
    };
  } catch (err) {
    await release?.();
    throw err;
  }
}
