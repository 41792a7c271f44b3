/**
 * A scenario's clock: virtual time that moves only when the chat moves it
 * (`advanceClock`) or when the world is waiting for nothing but time. Then it
 * jumps to the next timer instead of sleeping, so a provider timeout or a
 * retry's backoff costs no wall time.
 *
 * "Waiting for nothing but time" is judged from what passes through the clock:
 * - a `sleep` with `guard` is a guard: its caller races some work against it
 *   (the provider client's and the model client's per-call timeouts). While a
 *   guard's work may still be under way, time must not pass, or the guard
 *   would fire on a call that was about to be answered;
 * - `hold` is the provider simulator (or the fake model endpoint) keeping a
 *   reply back (a latency or timeout fault): the work behind one guard is then
 *   known to be stalled;
 * - any other `sleep` is a plain wait (a backoff), a signal or not.
 * So time advances when some timer is pending and every guard is matched by a
 * held reply. The same single-threaded process runs the plugin, the simulator
 * and the database client, so nothing else can be "in flight" unseen for
 * long; as a last resort (something guarded that the simulator does not
 * serve) time advances after FALLBACK_MS of real time without any change,
 * and the count of such jumps is kept.
 *
 * `now()` and `sleep()` are the plugin's clock port (runtime/clock.ts):
 * milliseconds, and a sleep that ends at once when its signal aborts. The
 * session runs the plugin inside `runOnClock(clock)`, so the plugin's system
 * clock is this one for everything the scenario starts.
 */
import type { Clock, SleepOptions } from '../../plugin/src/runtime/clock';
const FALLBACK_MS = 2_000;

interface Timer {
  at: number;
  seq: number;
  fire(): void;
}

export class ScenarioClock implements Clock {
  private t: number;
  private timers: Timer[] = [];
  private seq = 0;
  private guards = 0;
  private held = 0;
  private checking = false;
  private fallback: ReturnType<typeof setTimeout> | undefined;
  /** Virtual time that passed by itself (waits not slept), in ms. */
  skippedMs = 0;
  /** Times it advanced without every guard matched by a held reply (see FALLBACK_MS). */
  forcedAdvances = 0;

  constructor(start: Date | number) {
    this.t = typeof start === 'number' ? start : start.getTime();
  }

  now = (): number => this.t;

  date = (): Date => new Date(this.t);

  /** Resolves when virtual time reaches now + ms, or at once when `signal` aborts. */
  sleep = (ms: number, opts: SleepOptions = {}): Promise<void> => {
    const { signal } = opts;
    if (signal?.aborted) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const guard = !!opts.guard;
      if (guard) this.guards++;
      const done = () => {
        signal?.removeEventListener('abort', done);
        if (!this.remove(timer)) return;
        if (guard) this.guards--;
        resolve();
        this.poke();
      };
      const timer = this.add(ms, done);
      signal?.addEventListener('abort', done, { once: true });
    });
  };

  /** The simulator holds a reply: for `ms` (latency), or until `released` aborts (null: a timeout, only the caller giving up ends it). */
  hold = (ms: number | null, released: AbortSignal): Promise<void> => {
    if (released.aborted) return Promise.resolve();
    return new Promise<void>((resolve) => {
      this.held++;
      let settled = false;
      const done = () => {
        if (settled) return;
        settled = true;
        released.removeEventListener('abort', done);
        if (timer) this.remove(timer);
        this.held--;
        resolve();
        this.poke();
      };
      const timer = ms === null ? undefined : this.add(ms, done);
      released.addEventListener('abort', done, { once: true });
      this.poke();
    });
  };

  /** Moves time forward by `ms` (an `advanceClock` step), firing every timer that falls due, in order. */
  advance(ms: number): void {
    const until = this.t + ms;
    for (let next = this.earliest(); next && next.at <= until; next = this.earliest()) {
      this.t = Math.max(this.t, next.at);
      next.fire();
    }
    this.t = until;
  }

  /** Stops the fallback timer (the scenario is over). */
  dispose(): void {
    clearTimeout(this.fallback);
    this.fallback = undefined;
  }

  private add(ms: number, fire: () => void): Timer {
    const timer = { at: this.t + Math.max(0, ms), seq: this.seq++, fire };
    this.timers.push(timer);
    this.poke();
    return timer;
  }

  private remove(timer: Timer): boolean {
    const i = this.timers.indexOf(timer);
    if (i < 0) return false;
    this.timers.splice(i, 1);
    return true;
  }

  private earliest(): Timer | undefined {
    return this.timers.reduce<Timer | undefined>((a, b) => (!a || b.at < a.at || (b.at === a.at && b.seq < a.seq) ? b : a), undefined);
  }

  /** Something changed: look again once the current work has yielded. */
  private poke(): void {
    clearTimeout(this.fallback);
    this.fallback = undefined;
    if (this.checking || !this.timers.length) return;
    this.checking = true;
    setImmediate(() => {
      this.checking = false;
      const next = this.earliest();
      if (!next) return;
      if (this.guards <= this.held) this.jump(next);
      else this.fallback = setTimeout(() => (this.forcedAdvances++, this.jump(this.earliest())), FALLBACK_MS).unref();
    });
  }

  private jump(next: Timer | undefined): void {
    if (!next) return;
    if (next.at > this.t) {
      this.skippedMs += next.at - this.t;
      this.t = next.at;
    }
    next.fire();
  }
}
