/**
 * npm run test:crash — kills a real `bookwell dev` process at seeded random
 * crash points over many bookings, restarts it on the same embedded database
 * each time, and counts what a crash must never cost:
 *   duplicate orders, lost yeses, orders whose payment link was not sent
 *   exactly once, bookings still pending after the reconciler's next run.
 * Exits non-zero when any count is not 0.
 *
 * The provider simulator runs here, over HTTP (BOOKWELL_PROVIDER_URL), so its
 * ledger outlives every kill. `bookwell dev --chats` reads "<phone> <text>"
 * lines, one customer per booking, and ends each turn with "ok"; the next
 * line is written only then, so when the process dies the line in flight is
 * the one it was handling (every crash point comes after that message is
 * stored): it is not sent again, the restart handles it. Crash points
 * (plugin/src/runtime/crash.ts) are chosen by BOOKWELL_CRASH_AT=<point>#<n>:
 * right after the yes is stored, right after the provider took the order,
 * after the state was saved, after a reply was stored, before a turn is
 * marked handled.
 *
 *   npx tsx test/crash/crash.ts [--bookings 50] [--crashes 12] [--seed 7] [--quiet]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureBusiness } from '../../plugin/src/catalog/business';
import { loadFixture } from '../../plugin/src/catalog/fixture';
import { fullSync } from '../../plugin/src/catalog/sync';
import { createNailItClient } from '../../plugin/src/provider/nailit-client';
import { startSimulator } from '../../plugin/src/provider/simulator';
import { servicesOf } from '../../plugin/src/runtime/services';
import { bookableChoices } from '../support/bookable';
import { openDatabase, type Database } from '../../plugin/src/store/database';
import { forgetDatabase } from '../../plugin/src/store/registry';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const BOOKINGS = arg('bookings', 50);
const CRASHES = arg('crashes', 12);
const SEED = arg('seed', 7);
const TURN_TIMEOUT_MS = 60_000;
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

const log = (line: string) => process.stdout.write(`${line}\n`);
const progress = (line: string) => process.argv.includes('--quiet') || process.stderr.write(`${line}\n`);

/** mulberry32: a small seeded generator, so a failing run can be repeated. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Line {
  booking: number;
  phone: string;
  text: string;
  yes: boolean;
}

/** One process life: `bookwell dev --chats` with a crash point, or none. */
class Life {
  readonly child: ChildProcess;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  readonly ready: Promise<boolean>;
  private turnDone: (() => void) | null = null;
  private lastReply: { phone: string; text: string } | null = null;
  private out = '';
  private err = '';

  constructor(env: NodeJS.ProcessEnv, onReply: (phone: string, text: string, more: boolean) => void) {
    // the bookwell CLI (bin/bookwell.mjs runs the same entry through tsx's launcher, one process more)
    this.child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'cli/bookwell.ts'), 'dev', '--chats', '--no-admin'], { cwd: ROOT, env, stdio: ['pipe', 'pipe', 'pipe'] });
    this.exited = new Promise((resolve) => this.child.on('exit', (code, signal) => resolve({ code, signal })));
    let readyNow!: (ok: boolean) => void;
    this.ready = new Promise((resolve) => (readyNow = resolve));
    void this.exited.then(() => readyNow(false));
    this.child.stderr!.on('data', (d: Buffer) => {
      this.err += d.toString();
      if (/ready, one message per line/.test(this.err)) readyNow(true);
    });
    this.child.stdout!.on('data', (d: Buffer) => {
      this.out += d.toString();
      let nl: number;
      while ((nl = this.out.indexOf('\n')) >= 0) {
        const line = this.out.slice(0, nl);
        this.out = this.out.slice(nl + 1);
        const reply = /^bot (\+\d+): (.*)$/.exec(line);
        if (reply) {
          this.lastReply = { phone: reply[1]!, text: reply[2]! };
          onReply(this.lastReply.phone, this.lastReply.text, false);
        } else if (line === 'ok') {
          this.lastReply = null;
          this.turnDone?.();
        } else if (this.lastReply) onReply(this.lastReply.phone, line, true); // a reply of several lines
      }
    });
  }

  stderr() {
    return this.err;
  }

  /** Sends one line; true when its turn ended, false when the process died first. */
  async say(line: string): Promise<boolean> {
    const done = new Promise<boolean>((resolve) => (this.turnDone = () => resolve(true)));
    this.child.stdin!.write(`${line}\n`);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer to "${line}" within ${TURN_TIMEOUT_MS / 1000} s`)), TURN_TIMEOUT_MS)));
    try {
      return await Promise.race([done, this.exited.then(() => false), timeout]);
    } finally {
      clearTimeout(timer);
      this.turnDone = null;
    }
  }

  async end(): Promise<void> {
    this.child.stdin!.end();
    await this.exited;
  }
}

async function main() {
  const started = performance.now();
  const random = rng(SEED);
  const dir = mkdtempSync(join(tmpdir(), 'bookwell-crash-'));
  const fixture = loadFixture('kuwait-spa');
  const business = { ...fixture.business, id: 'crash-test' };
  const sim = await startSimulator({ fixture, seed: 1 });
  const env = {
    ...process.env,
    BOOKWELL_DATA_DIR: dir,
    BOOKWELL_PROVIDER_URL: sim.url,
    BOOKWELL_BUSINESS: JSON.stringify(business),
    DATABASE_URL: '',
  };
  try {
    // the catalog synced once beforehand (what the first start would do), and the free times to book from it
    const now = new Date();
    let db = await openDatabase({ dataDir: join(dir, 'db') });
    await ensureBusiness(db.prisma, business);
    await fullSync({ prisma: db.prisma, provider: createNailItClient({ baseUrl: sim.url }), businessId: business.id, now: () => now, slotDays: 14 });
    const choices = await bookableChoices(db, { businessId: business.id, n: BOOKINGS, now, days: 12 });
    await db.close();
    if (choices.length < BOOKINGS) throw new Error(`only ${choices.length} distinct free times for ${BOOKINGS} bookings`);

    const lines: Line[] = choices.flatMap((c, i) => {
      const phone = `+9655${String(i).padStart(7, '0')}`;
      const texts = [`Hi, I would like a ${c.service} at ${c.location}`, c.staff, c.when, 'Layla Hassan', `layla${i}@example.com`, 'yes'];
      return texts.map((text, t) => ({ booking: i, phone, text, yes: t === texts.length - 1 }));
    });
    const replies = new Map<string, string[]>();
    const onReply = (phone: string, text: string, more: boolean) => {
      const list = replies.get(phone) ?? [];
      if (more && list.length) list[list.length - 1] += `\n${text}`;
      else list.push(text);
      replies.set(phone, list);
    };

    // the crash plan: kinds in turn (so each is hit several times), each at a seeded random place ahead
    const kinds = ['after-yes-stored', 'after-order', 'after-state-saved', 'after-yes-stored', 'after-order', 'after-reply-stored', 'before-handled-mark', 'after-inbound-stored'] as const;
    const plan = (): { kind: string; spec: string } => {
      const kind = kinds[crashes % kinds.length]!;
      // spread the kills over the run: about one every lines/CRASHES lines, at a random distance
      const ahead = Math.max(1, Math.round(((lines.length - next) / Math.max(1, CRASHES - crashes)) * (0.5 + random())));
      if (kind !== 'after-yes-stored' && kind !== 'after-order') return { kind, spec: `${kind}#${ahead}` };
      // the k-th yes ahead: that stored message of this life, or the k-th order it places
      const yeses = lines.slice(next).map((l, i) => (l.yes ? i : -1)).filter((i) => i >= 0);
      const k = Math.min(yeses.length, Math.max(1, Math.round(ahead / 6)));
      return { kind, spec: kind === 'after-yes-stored' ? `after-inbound-stored#${yeses[k - 1]! + 1}` : `after-order#${k}` };
    };
    const hits: Record<string, number> = {};
    const startups: number[] = [];
    const turns: number[] = [];
    let next = 0;
    let crashes = 0;
    let lives = 0;
    for (;;) {
      if (++lives > CRASHES * 3 + 10) throw new Error(`gave up after ${lives - 1} process lives`);
      const { kind, spec } = crashes < CRASHES && next < lines.length ? plan() : { kind: 'none', spec: '' };
      const t0 = performance.now();
      const life = new Life({ ...env, BOOKWELL_CRASH_AT: spec }, onReply);
      let died = !(await life.ready);
      startups.push(performance.now() - t0);
      while (!died && next < lines.length) {
        const line = lines[next]!;
        const t1 = performance.now();
        const answered = await life.say(`${line.phone} ${line.text}`);
        if (answered) turns.push(performance.now() - t1);
        // answered or not, the line was stored: a process killed while handling it handles it after the restart
        next += 1;
        died = !answered;
      }
      progress(`life ${lives}: ${spec || 'no crash'}, ready in ${((startups.at(-1) ?? 0) / 1000).toFixed(1)} s, ${died ? 'killed' : 'ended'} at message ${next}/${lines.length}`);
      if (died) {
        await life.exited;
        // killed at its crash point (while handling a line, or while finishing an earlier one at start-up)
        if (!life.stderr().includes('[crash]')) throw new Error(`bookwell dev died without reaching a crash point:\n${life.stderr().slice(-3000)}`);
        crashes += 1;
        hits[kind] = (hits[kind] ?? 0) + 1;
        continue;
      }
      await life.end();
      const exit = await life.exited;
      if (exit.code !== 0) throw new Error(`bookwell dev exited ${exit.code ?? exit.signal}:\n${life.stderr().slice(-3000)}`);
      // every line was said; a life whose kill never came (its place lay past the end) ends the run too
      if (next >= lines.length) break;
    }
    // a last clean life: whatever the last kill left is handled and sent at its start
    const last = new Life({ ...env, BOOKWELL_CRASH_AT: '' }, onReply);
    if (!(await last.ready)) throw new Error(`bookwell dev did not start:\n${last.stderr().slice(-3000)}`);
    await last.end();

    // the reconciler's next run, then the counts
    db = await openDatabase({ dataDir: join(dir, 'db') });
    const services = await servicesOf(db, { business, provider: { baseUrl: sim.url }, databaseUrl: db.url });
    const reconciled = await services.booking.reconcile();
    const pendingAfter = await db.prisma.booking.count({ where: { businessId: business.id, status: 'pending' } });
    const confirmed = await db.prisma.booking.findMany({ where: { businessId: business.id, status: 'confirmed' }, select: { customer: { select: { phone: true } } } });
    forgetDatabase(db);
    await db.close();

    const orders = sim.ledger.orders();
    const byPhone = new Map<string, typeof orders>();
    for (const o of orders) byPhone.set(o.customer.phone, [...(byPhone.get(o.customer.phone) ?? []), o]);
    const phones = [...new Set(lines.map((l) => l.phone))];
    const duplicateOrders = phones.reduce((n, p) => n + Math.max(0, (byPhone.get(p)?.length ?? 0) - 1), 0);
    const confirmedPhones = new Set(confirmed.map((b) => b.customer?.phone));
    const lostYes = phones.filter((p) => !byPhone.get(p)?.length || !confirmedPhones.has(p));
    const linkNotOnce = orders.filter((o) => (replies.get(o.customer.phone) ?? []).filter((r) => r.includes(o.paymentLink)).length !== 1);
    const welcomedYes = phones.filter((p) => (replies.get(p) ?? []).some((r, i, all) => i > 0 && /which branch/i.test(r) && /Welcome/i.test(r) && all.slice(0, i).some((x) => /Shall I book it/i.test(x))));

    log(`crash test: seed ${SEED}, ${BOOKINGS} bookings, ${lines.length} messages, ${crashes} kills (${Object.entries(hits).map(([k, v]) => `${k} ${v}`).join(', ')}), ${lives + 1} process lives, ${((performance.now() - started) / 1000).toFixed(1)} s`);
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
    log(`start to ready: median ${(median(startups) / 1000).toFixed(1)} s; a turn: median ${median(turns).toFixed(0)} ms`);
    log(`provider orders: ${orders.length}; reconciler's run: ${reconciled.confirmed} confirmed, ${reconciled.failed} failed, ${reconciled.unresolved} unresolved`);
    const counts = {
      duplicateOrders,
      lostYes: lostYes.length,
      linkNotSentExactlyOnce: linkNotOnce.length,
      pendingAfterReconciler: pendingAfter,
      yesAnsweredWithWelcome: welcomedYes.length,
    };
    for (const [k, v] of Object.entries(counts)) log(`${k}: ${v}`);
    for (const p of lostYes.slice(0, 5)) log(`  lost yes ${p}: ${(replies.get(p) ?? []).slice(-3).join(' | ')}`);
    for (const o of linkNotOnce.slice(0, 5)) log(`  link of ${o.orderId} (${o.customer.phone}) sent ${(replies.get(o.customer.phone) ?? []).filter((r) => r.includes(o.paymentLink)).length} times`);
    if (Object.values(counts).some((v) => v !== 0)) process.exitCode = 1;
    if (CRASHES > 0 && crashes === 0) {
      log('no kill happened');
      process.exitCode = 1;
    }
  } finally {
    await sim.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
