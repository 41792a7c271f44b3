/**
 * Crash points: the places where dying leaves the most to recover (a message
 * stored and not handled, an order the provider holds and we have not
 * written, a state saved and its replies not sent, a reply stored and not
 * sent, a turn done and not marked handled). The crash test (npm run
 * test:crash) sets BOOKWELL_CRASH_AT=<point>[#n]: the process kills itself
 * with SIGKILL the n-th time (default the first) it reaches <point>. A test
 * in one process may install a handler instead (`onCrashPoint`). Unset, as
 * in production, a crash point is one environment lookup.
 */
export const CRASH_POINTS = ['after-inbound-stored', 'after-order', 'after-state-saved', 'after-reply-stored', 'before-handled-mark'] as const;
export type CrashPoint = (typeof CRASH_POINTS)[number];

const reached = new Map<string, number>();
let handler: ((point: CrashPoint) => Promise<void>) | null = null;

/** In-process crash simulation: `h` runs at every crash point (e.g. a promise that never settles). Returns the uninstaller. */
export function onCrashPoint(h: (point: CrashPoint) => Promise<void>): () => void {
  handler = h;
  return () => {
    if (handler === h) handler = null;
  };
}

export async function crashPoint(point: CrashPoint): Promise<void> {
  if (handler) return handler(point);
  const spec = typeof process === 'undefined' ? undefined : process.env.BOOKWELL_CRASH_AT;
  if (!spec) return;
  const [name, nth] = spec.split('#');
  if (name !== point) return;
  const n = (reached.get(point) ?? 0) + 1;
  reached.set(point, n);
  if (n !== Number(nth ?? 1)) return;
  // said first (stderr is synchronous on a pipe or file), so whoever watches knows it was this and not a failure
  process.stderr.write(`[crash] ${point}#${n}: SIGKILL\n`);
  process.kill(process.pid, 'SIGKILL');
}
