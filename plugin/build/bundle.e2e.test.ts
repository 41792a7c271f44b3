/**
 * The code a Botpress Cloud bot runs: the plugin built into one CommonJS file
 * by `npm run build:plugin`, copied into a folder with no node_modules, loaded
 * by the local host instead of the sources, then a customer books end to end
 * through it (host → bundle → database → provider simulator over HTTP). The
 * bundle syncs the catalog itself, checks its compiled-in migrations and runs
 * its own Prisma client (attached to the host's pool: the embedded database is
 * one session).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openTestDatabase } from '../../test/support/database';
import type { ChannelSender, InboundChannelMessage } from '../src/channels/types';
import { loadFixture } from '../src/catalog/fixture';
import { loadPluginBundle } from '../src/host/bundle';
import type { BookwellPlugin } from '../src/host/local-bot';
import { startLocal, type Local } from '../src/host/local';
import { createPlugin } from '../src/plugin';
import { startSimulator, type Simulator } from '../src/provider/simulator';
import type { Database } from '../src/store/database';
import { buildPluginBundle } from './bundle';
import { bundleProblems } from './check';
import { ROOT } from './paths';

const NOW = new Date('2026-03-01T06:00:00Z');
const fixture = loadFixture('kuwait-spa');
const business = { ...fixture.business, id: 'bundle-e2e' };
const CHAT = '+96599887766';

// outside the repository: no node_modules above it, so the bundle must carry every dependency
const dir = mkdtempSync(join(tmpdir(), 'bookwell-bundle-e2e-'));
let problems: string[];
let code: string;
let plugin: BookwellPlugin;
let db: Database;
let sim: Simulator;
let local: Local;
const sent: Array<{ chatId: string; text: string }> = [];
const sender: ChannelSender = { send: async (chatId, text) => void sent.push({ chatId, text }) };

beforeAll(async () => {
  const result = await buildPluginBundle(join(dir, 'plugin.cjs'));
  problems = bundleProblems(result.metafile);
  code = readFileSync(result.outfile, 'utf8');
  plugin = loadPluginBundle(result.outfile);
  [db, sim] = await Promise.all([openTestDatabase(), startSimulator({ fixture, seed: 1, now: () => NOW })]);
  local = await startLocal({
    db,
    plugin,
    configuration: { business, provider: { baseUrl: sim.url }, booking: { requireEmail: false } },
    senders: { test: sender },
    now: () => NOW,
    burstWindowMs: 0,
  });
}, 120_000);

afterAll(async () => {
  await local?.close();
  await sim?.close();
  await db?.close();
  rmSync(dir, { recursive: true, force: true });
});

let n = 0;
const message = (text: string): InboundChannelMessage => ({
  integration: 'test', externalId: `b${++n}`, chatId: CHAT, userPhone: CHAT, userName: null, botPhoneNumberId: null, kind: 'text', text, sentAt: NOW,
});

describe('the bundled plugin on the local host', () => {
  test('is self-contained, carries nothing of the machine that built it, and is what the host runs', () => {
    expect(problems).toEqual([]);
    expect(code).not.toContain(ROOT);
    expect(plugin).not.toBeInstanceOf(createPlugin().constructor);
  });

  test('syncs the catalog, then books a chat end to end with one provider order and its payment link', async () => {
    const { output: sync } = (await local.host.invoke('action_triggered', 'bookwell#syncCatalog', { type: 'bookwell#syncCatalog', input: {} })) as { output: { status: string; services: number } };
    expect(sync).toMatchObject({ status: 'ok' });
    expect(sync.services).toBeGreaterThan(0);

    for (const text of ['Hi, gel manicure at Avenues tomorrow at 5pm please', 'anyone is fine', 'Fatima Ali', 'yes']) {
      await local.pipeline.sink(message(text));
      await local.pipeline.idle();
    }
    const replies = sent.filter((r) => r.chatId === CHAT).map((r) => r.text);
    expect(replies.at(-1)).toMatch(/\/pay\/NI-/);
    expect(sim.ledger.orders()).toHaveLength(1);
    const bookings = await db.prisma.booking.findMany({ where: { businessId: business.id }, include: { items: true } });
    expect(bookings).toHaveLength(1);
    expect(bookings[0]).toMatchObject({ status: 'confirmed', locationExternalId: 'LOC-AV', providerOrderId: sim.ledger.orders()[0].orderId });
  });
});
