/**
 * "Sync now" from the console: one run at a time in this process, in the
 * background, with its progress. Progress is counted in provider calls
 * against the calls such a run makes (full: the locations, their services
 * and staff, then each location-day of free windows; slots: each
 * location-day), read from our copy before it starts — an estimate that
 * ends at 100 % when the run does. The run itself is the sync the schedule
 * runs; its SyncRun row and errors are recorded as for any other.
 */
import { countingProvider, DEFAULT_SLOT_DAYS, fullSync, refreshSlots, type SyncDeps, type SyncReport } from '../../../catalog/sync';

export type ManualKind = 'full' | 'slots';

export interface SyncProgress {
  kind: ManualKind;
  startedAt: Date;
  /** Provider calls made so far, and how many the run is expected to make. */
  calls: number;
  expected: number;
  /** Set when the run ended. */
  report: SyncReport | null;
  /** Set when the run threw instead of reporting (it records its own provider errors). */
  error: string | null;
}

export interface SyncRunner {
  /** Starts a run unless one is going; false when one is. */
  start(kind: ManualKind, deps: SyncDeps): Promise<boolean>;
  /** The run going, or the last one this process started. */
  current(): SyncProgress | null;
  /** Resolves when no run is going (tests, shutdown). */
  idle(): Promise<void>;
}

export function createSyncRunner(): SyncRunner {
  let last: SyncProgress | null = null;
  let running: Promise<void> | null = null;
  let calls: () => number = () => 0;

  return {
    async start(kind, deps) {
      if (running) return false;
      const progress: SyncProgress = { kind, startedAt: deps.now(), calls: 0, expected: 0, report: null, error: null };
      last = progress;
      // claimed before the first await, so a second click in the meantime finds it going
      let done!: () => void;
      running = new Promise<void>((resolve) => (done = resolve));
      try {
        progress.expected = await expectedCalls(kind, deps);
        const counted = countingProvider(deps.provider);
        calls = counted.calls;
        const run = kind === 'full' ? fullSync({ ...deps, provider: counted.provider }) : refreshSlots({ ...deps, provider: counted.provider });
        void run
          .then((report) => void (progress.report = report))
          .catch((err: unknown) => void (progress.error = err instanceof Error ? err.message : String(err)))
          .finally(() => {
            progress.calls = counted.calls();
            calls = () => 0;
            running = null;
            done();
          });
      } catch (err) {
        progress.error = err instanceof Error ? err.message : String(err);
        running = null;
        done();
      }
      return true;
    },
    current() {
      if (last && !last.report && !last.error) last.calls = calls();
      return last ? { ...last } : null;
    },
    idle: () => running ?? Promise.resolve(),
  };
}

async function expectedCalls(kind: ManualKind, deps: SyncDeps): Promise<number> {
  const locations = await deps.prisma.location.count({ where: { businessId: deps.businessId, active: true } });
  const days = deps.slotDays ?? DEFAULT_SLOT_DAYS;
  return kind === 'full' ? 1 + 2 * locations + locations * days : locations * days;
}
