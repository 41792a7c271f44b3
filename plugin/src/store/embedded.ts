/**
 * The embedded database: PGlite (Postgres in WASM, file-backed) served on a
 * loopback port by pglite-socket, so the app reaches it through @prisma/adapter-pg
 * exactly like a Postgres server. PGlite is one Postgres session: keep one
 * connection (see DESIGN.md). Both run on a worker thread of their own
 * (embedded-worker.mjs): Postgres starting runs beside the app loading its
 * modules (`npm start`), and a statement's Postgres work beside the app's. A lock file stops a second process from opening
 * the same data directory; beside it the holder's pid, so a lock left by a
 * process that died (a crash, SIGKILL) is taken over at once instead of after
 * it goes stale.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
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

/** How long a clean shutdown of the embedded database may take before its thread is ended anyway. */
const CLOSE_WAIT_MS = 10_000;

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
    const memory = new SharedArrayBuffer(8);
    const heapBytes = new Float64Array(memory);
    const worker = new Worker(new URL('./embedded-worker.mjs', import.meta.url), { workerData: { dataDir: opts.dataDir, startParams: MEMORY_SETTINGS, memory } });
    const conn = await new Promise<string>((resolve, reject) => {
      worker.once('message', (m: { ready?: string; error?: string; stack?: string }) => {
        if (m.ready) return resolve(m.ready);
        const err = new Error(m.error ?? 'the embedded database did not start');
        if (m.stack) err.stack = m.stack;
        reject(err);
      });
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`the embedded database's thread ended (exit code ${code}) before it was ready`)));
    }).catch(async (err) => {
      await worker.terminate();
      throw err;
    });
    let closing: Promise<void> | undefined;
    return {
      url: `postgresql://postgres@${conn}/postgres?sslmode=disable`,
      memoryBytes: () => heapBytes[0],
      close: () =>
        (closing ??= (async () => {
          try {
            // Postgres shuts down cleanly (a checkpoint), then the thread ends; a shutdown that hangs
            // does not keep the process: after CLOSE_WAIT_MS the thread is ended as a crash would
            await new Promise<void>((resolve) => {
              const timer = setTimeout(resolve, CLOSE_WAIT_MS);
              const done = () => (clearTimeout(timer), resolve());
              worker.once('message', done);
              worker.once('exit', done);
              worker.postMessage('close');
            });
            await worker.terminate();
          } finally {
            await release?.();
          }
        })()),
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
