/**
 * npm run bench:startup — `npm start` as a developer runs it, in a terminal
 * (util-linux `script` gives it one): the time from the command to the chat's
 * prompt, on a fresh data directory and then on the existing one; the memory
 * of the whole process tree (npm, tsx, node) at the prompt and at its peak
 * over a booking chat of six messages; and the embedded database's own
 * memory (PGlite's WebAssembly heap, which the start-up log names, when it does).
 * With the time to the prompt, the CPU the process tree used until then (user
 * + system, on all its threads): on a loaded machine the first stretches, the
 * second much less.
 *   npx tsx bench/startup.ts [runs=2]
 * Each run uses its own data directory under the system's temp directory.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const runs = Number(process.argv[2] ?? 2);
const CHAT = ['Hi, I would like a gel manicure at the Avenues tomorrow', 'anyone is fine', 'the first one', 'Layla Hassan', 'layla@example.com', 'yes'];
let starts = 0;

/** The pids of a process and all its descendants, from /proc (Linux). */
function tree(root: number): number[] {
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      parents.set(Number(entry), Number(/PPid:\s+(\d+)/.exec(readFileSync(`/proc/${entry}/status`, 'utf8'))?.[1]));
    } catch {
      // gone meanwhile
    }
  }
  return [...parents.keys()].filter((pid) => {
    let p: number | undefined = pid;
    while (p && p !== root) p = parents.get(p);
    return p === root;
  });
}

/**
 * CPU seconds (user + system) the process tree has used, with its children that ended (npm's
 * launchers): on a shared machine the time to the prompt stretches with the load, this much less.
 */
function treeCpu(root: number): number {
  let ticks = 0;
  for (const pid of tree(root)) {
    try {
      // after the command's parenthesised name: state ppid … utime(14) stime(15) cutime(16) cstime(17)
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      ticks += [11, 12, 13, 14].reduce((n, i) => n + Number(fields[i]), 0);
    } catch {
      // gone meanwhile
    }
  }
  return ticks / 100;
}

/** Resident memory of a process and all its descendants, from /proc (Linux). */
function treeRss(root: number): number {
  let total = 0;
  for (const pid of tree(root)) {
    try {
      total += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) * 1024;
    } catch {
      // gone meanwhile
    }
  }
  return total;
}

const mib = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MiB`;

async function start(dataDir: string): Promise<{ readyMs: number; readyCpu: number; readyRss: number; peakRss: number; dbMemory: string; synced: boolean; booked: boolean; transcript?: string }> {
  const t0 = performance.now();
  const command = `npm start --silent -- --admin-port 0 --phone +9655000${String(++starts).padStart(4, '0')}`;
  const child = spawn('script', ['-qfec', command, '/dev/null'], { env: { ...process.env, BOOKWELL_DATA_DIR: dataDir }, stdio: ['pipe', 'pipe', 'pipe'] });
  // a terminal merges both streams
  let stderr = '';
  let readyMs = 0;
  let readyRss = 0;
  let readyCpu = 0;
  let peakRss = 0;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, treeRss(child.pid!))), 50);
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      stderr += d;
      if (!readyMs && /say hi \(Ctrl-D to quit\)/.test(stderr)) {
        readyMs = performance.now() - t0;
        readyRss = treeRss(child.pid!);
        readyCpu = treeCpu(child.pid!);
        resolve();
      }
    });
    child.on('exit', () => reject(new Error(`npm start exited before it was ready:\n${stderr}`)));
  });
  await ready;
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  // one line at a time, each after the bot's answer to the last (a person typing), then Ctrl-D
  for (const line of CHAT) {
    const before = (stderr.match(/bot: /g) ?? []).length;
    child.stdin.write(`${line}\r`);
    for (let waited = 0; (stderr.match(/bot: /g) ?? []).length === before && waited < 60_000; waited += 20) await new Promise((r) => setTimeout(r, 20));
  }
  child.stdin.end('\x04');
  await exited;
  clearInterval(sampler);
  return {
    readyMs,
    readyCpu,
    readyRss,
    peakRss: Math.max(peakRss, readyRss),
    dbMemory: /PGlite, [^,]+, (\d+ MiB)/.exec(stderr)?.[1] ?? '?',
    synced: /full sync/.test(stderr),
    booked: /\/pay\//.test(stderr),
    ...(process.env.BENCH_TRANSCRIPT ? { transcript: stderr } : {}),
  };
}

for (let i = 1; i <= runs; i++) {
  const dir = mkdtempSync(join(tmpdir(), 'bookwell-bench-startup-'));
  try {
    for (const label of ['fresh data directory', 'existing database']) {
      const r = await start(dir);
      if (r.transcript) console.log(r.transcript);
      console.log(
        `run ${i}, ${label.padEnd(20)}: ready in ${(r.readyMs / 1000).toFixed(2)} s, ${r.readyCpu.toFixed(2)} s of CPU (${r.synced ? 'with' : 'without'} a full sync); ` +
          `process tree ${mib(r.readyRss)} when ready, ${mib(r.peakRss)} at peak; PGlite ${r.dbMemory} when ready; the chat ${r.booked ? 'booked' : 'did NOT book'}`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
