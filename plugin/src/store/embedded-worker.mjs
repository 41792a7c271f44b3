// The embedded database's thread (see embedded.ts): PGlite and its loopback socket server, off the
// main thread, so Postgres starting (about 1 s of CPU on an existing data directory) runs beside the
// app loading its modules, and every statement's Postgres work beside the app's own.
// Plain JavaScript: a worker thread starts without the TypeScript loader of tsx or vitest.
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

const { dataDir, startParams, memory } = workerData;
/** PGlite's WebAssembly heap, for memoryBytes() on the main thread (it only ever grows). */
const heapBytes = new Float64Array(memory);

try {
  const db = await PGlite.create(dataDir ?? 'memory://', { startParams: [...PGlite.defaultStartParams, ...startParams] });
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 1 });
  await server.start();
  // not in PGlite's typings: its Emscripten module, whose heap is the WebAssembly memory
  const measure = () => (heapBytes[0] = db.mod?.HEAPU8?.byteLength ?? 0);
  measure();
  const timer = setInterval(measure, 500);
  parentPort.on('message', async (msg) => {
    if (msg !== 'close') return;
    clearInterval(timer);
    try {
      await server.stop();
      await db.close();
      parentPort.postMessage({ closed: true });
    } catch (err) {
      parentPort.postMessage({ closed: true, error: String(err?.stack ?? err) });
    }
  });
  parentPort.postMessage({ ready: server.getServerConn() });
} catch (err) {
  parentPort.postMessage({ error: String(err?.message ?? err), stack: String(err?.stack ?? '') });
}
