/**
 * Cold-load time of the bundle: a fresh Node process requires it from a
 * temporary folder with no node_modules anywhere above it (so a dependency left
 * outside the bundle fails here), and reports how long `require` took.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PROBE = `
const t0 = performance.now();
const c0 = process.cpuUsage();
const plugin = require(process.argv[1]).default;
const ms = performance.now() - t0;
const cpu = process.cpuUsage(c0);
if (typeof plugin?.initialize !== 'function') throw new Error('the bundle does not export a Botpress plugin as default');
process.stdout.write(JSON.stringify({ ms, cpuMs: (cpu.user + cpu.system) / 1000 }));
`;

/** One cold load: wall-clock time of the require, and the CPU time it took (less sensitive to a busy machine). */
export interface ColdLoad {
  ms: number;
  cpuMs: number;
}

/** Copies the bundle into an empty folder; returns its path there and a cleanup. */
export function isolatedCopy(bundle: string): { file: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'bookwell-bundle-'));
  const file = join(dir, 'plugin.cjs');
  copyFileSync(bundle, file);
  return { file, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** `runs` cold loads, each in a new process, sorted by wall-clock time. */
export function coldLoads(bundle: string, runs: number): ColdLoad[] {
  const copy = isolatedCopy(bundle);
  try {
    const times: ColdLoad[] = [];
    for (let i = 0; i < runs; i++) {
      // NODE_PATH unset and cwd the empty folder: only the bundle itself can satisfy a require
      const env = { ...process.env, NODE_PATH: '', NODE_OPTIONS: '' };
      times.push(JSON.parse(execFileSync(process.execPath, ['-e', PROBE, copy.file], { cwd: join(copy.file, '..'), env, encoding: 'utf8' })));
    }
    return times.sort((a, b) => a.ms - b.ms);
  } finally {
    copy.remove();
  }
}
