/**
 * The embedded database: PGlite (Postgres in WASM, file-backed) served on a
 * loopback port by pglite-socket, so the app reaches it through @prisma/adapter-pg
 * exactly like a Postgres server. PGlite is one Postgres session: keep one
 * connection (see DESIGN.md). A lock file stops a second process from opening
 * the same data directory; beside it the holder's pid, so a lock left by a
 * process that died (a crash, SIGKILL) is taken over at once instead of after
 * it goes stale.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import lockfile from 'proper-lockfile';

export interface EmbeddedDatabase {
  /** postgresql:// URL of the loopback socket. */
  url: string;
  /** What PGlite's Postgres holds: its WebAssembly memory, which only ever grows. */
  memoryBytes(): number;
  close(): Promise<void>;
}

/**
 * Postgres's memory settings for one local session and a catalog of a few MB:
 * Postgres's defaults (PGlite keeps shared_buffers at 160 MB, 64 MB for
 * maintenance) are sized for a server, and WebAssembly memory never shrinks.
 * 128 MiB is the floor PGlite's module asks for anyway.
 */
const MEMORY_SETTINGS = ['shared_buffers=32MB', 'maintenance_work_mem=16MB', 'temp_buffers=4MB', 'wal_buffers=1MB'].flatMap((s) => ['-c', s]);

export class DatabaseLockedError extends Error {
  readonly name = 'DatabaseLockedError';
}

/** `dataDir` null = in memory (tests); otherwise a directory such as `.bookwell/db`. */
export async function startEmbeddedDatabase(opts: { dataDir: string | null }): Promise<EmbeddedDatabase> {
  let release: (() => Promise<void>) | undefined;
  if (opts.dataDir) {
    mkdirSync(opts.dataDir, { recursive: true });
    const lockPath = `${opts.dataDir}.lock`;
    const pidPath = `${opts.dataDir}.lock.pid`;
    // stale after 10 s without a heartbeat: a crashed process does not lock the database forever
    const lock = () => lockfile.lock(opts.dataDir!, { stale: 10_000, update: 2_000, lockfilePath: lockPath });
    try {
      try {
        release = await lock();
      } catch (err) {
        if ((err as { code?: string }).code !== 'ELOCKED' || !holderIsGone(pidPath)) throw err;
        // its holder died without letting go (e.g. killed): no need to wait for the lock to go stale
        rmSync(lockPath, { recursive: true, force: true });
        release = await lock();
      }
    } catch (err) {
      if ((err as { code?: string }).code === 'ELOCKED') {
        throw new DatabaseLockedError(
          `the embedded database ${opts.dataDir} is in use by another bookwell process; stop it first, or set DATABASE_URL to use a Postgres server`,
        );
      }
      throw err;
    }
    writeFileSync(pidPath, String(process.pid));
    const unlock = release;
    release = async () => {
      rmSync(pidPath, { force: true });
      await unlock();
    };
  }
  try {
    const db = await PGlite.create(opts.dataDir ?? 'memory://', { startParams: [...PGlite.defaultStartParams, ...MEMORY_SETTINGS] });
    const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 1 });
    await server.start();
    return {
      url: `postgresql://postgres@${server.getServerConn()}/postgres?sslmode=disable`,
      // not in PGlite's typings: its Emscripten module, whose heap is the WebAssembly memory
      memoryBytes: () => (db as unknown as { mod?: { HEAPU8?: Uint8Array } }).mod?.HEAPU8?.byteLength ?? 0,
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

/** Whether the process named in the pid file beside a lock no longer runs (no file, or an unreadable one: unknown, so no). */
function holderIsGone(pidPath: string): boolean {
  let pid: number;
  try {
    pid = Number(readFileSync(pidPath, 'utf8').trim());
  } catch {
    return false;
  }
  if (!Number.isInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (err) {
    return (err as { code?: string }).code === 'ESRCH';
  }
}
