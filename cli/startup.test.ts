/**
 * A broken provider does not start a broken bot: the start-up sync of
 * `bookwell dev` / `bookwell whatsapp` stops the command when it fails or is
 * partial, naming the endpoint, the URL and the cause; `bookwell sync` exits
 * non-zero on a partial sync; and a bot with no catalog apologises and hands
 * the chat to a person instead of asking an empty question.
 */
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openTestDatabase } from '../test/support/database';
import { assistantChat } from '../plugin/src/assistant/testing';
import { respond } from '../plugin/src/assistant/respond';
import { createBookingService } from '../plugin/src/booking';
import { NOW, useHarness } from '../plugin/src/booking/testing';
import { ensureBusiness } from '../plugin/src/catalog/business';
import { loadFixture } from '../plugin/src/catalog/fixture';
import { createDbCatalog } from '../plugin/src/catalog/queries';
import { resetServices, servicesOf } from '../plugin/src/runtime/services';
import type { Database } from '../plugin/src/store/database';
import { createRuleExtractor } from '../plugin/src/understanding';
import { StartupSyncError, startUpSync, syncExitCode } from './startup';

const fixture = loadFixture('kuwait-spa');
// the simulator (and a database for the chats) of this file
const harness = useHarness();
let db: Database;
let n = 0;

beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(async () => {
  resetServices();
  await db?.close();
});

/** A loopback port nothing listens on (taken, then freed). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function runtimeAt(baseUrl: string) {
  const business = { ...fixture.business, id: `startup-${process.pid}-${++n}` };
  await ensureBusiness(db.prisma, business);
  return { db, business, services: await servicesOf(db, { business, provider: { baseUrl, timeoutMs: 2000 } }) };
}

describe('the start-up sync', () => {
  test('a provider that refuses connections: the error names the endpoint, the URL and ECONNREFUSED, and start-up stops', async () => {
    const port = await closedPort();
    const rt = await runtimeAt(`http://127.0.0.1:${port}`);
    const err = await startUpSync(rt).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StartupSyncError);
    expect((err as StartupSyncError).report.status).toBe('failed');
    expect((err as Error).message).toMatch(/^the catalog sync at start-up failed, so the bot does not start:/);
    expect((err as Error).message).toContain(`error in locations: GetLocations: POST http://127.0.0.1:${port}/GetLocations: fetch failed (ECONNREFUSED`);
  });

  test('a 500 on GetLocationStaff: partial, start-up stops, and each error shows the 500 (an open circuit says what it follows)', async () => {
    const h = harness;
    h.sim.faults.set({ endpoint: 'GetLocationStaff', kind: 'error', status: 500 });
    const rt = await runtimeAt(h.sim.url);
    const err = (await startUpSync(rt).catch((e: unknown) => e)) as StartupSyncError;
    expect(err).toBeInstanceOf(StartupSyncError);
    expect(err.report.status).toBe('partial');
    expect(syncExitCode(err.report)).toBe(1);
    expect(err.message).toMatch(/start-up was partial/);
    const staffErrors = err.report.errors.filter((e) => e.message.includes('GetLocationStaff'));
    expect(staffErrors.length).toBeGreaterThan(0);
    for (const e of staffErrors) expect(e.message).toMatch(new RegExp(`POST ${h.sim.url.replace(/[.]/g, '\\.')}/GetLocationStaff: HTTP 500`));
    h.sim.faults.clear();
  });

  test('a complete sync starts the bot; bookwell sync exits 0 only then', async () => {
    const h = harness;
    const rt = await runtimeAt(h.sim.url);
    expect(await startUpSync(rt)).toMatch(/^full sync ok: 4 locations/);
    expect(syncExitCode({ status: 'ok' })).toBe(0);
    expect(syncExitCode({ status: 'failed' })).toBe(1);
  });
});

describe('no catalog', () => {
  async function emptyChat(lang: 'en' | 'es') {
    const businessId = `no-catalog-${process.pid}-${++n}`;
    await ensureBusiness(harness.db.prisma, { ...fixture.business, id: businessId });
    const catalog = createDbCatalog({ prisma: harness.db.prisma, businessId, now: () => NOW });
    const booking = createBookingService({ prisma: harness.db.prisma, provider: null as never, businessId, now: () => NOW });
    const c = await harness.db.prisma.conversation.create({ data: { businessId, channel: 'test', externalId: `chat-${n}` } });
    const engine = { catalog, bookings: booking, extract: createRuleExtractor(await catalog.snapshot()), now: () => NOW, requiredFields: { email: false } };
    return (text: string) => respond(null, { text, channelPhone: '+96599887766', profileName: null, conversationId: c.id, handedOff: false }, { ...engine, booking, handoffEnabled: true }).then((r) => ({ ...r, lang }));
  }

  test('en and es: an apology and a person, never "Which branch would you like: ?"', async () => {
    const en = await (await emptyChat('en'))('Hi, I would like a manicure');
    expect(en.replies.join('\n')).toContain("Sorry, I can't see our branches and services right now");
    expect(en.replies.join('\n')).not.toMatch(/: \?|would you like: /);
    expect(en.handoff).toBe(true);
    const es = await (await emptyChat('es'))('Hola, quiero agendar una cita para mañana');
    expect(es.replies.join('\n')).toContain('Lo siento, ahora no puedo ver nuestras sucursales ni servicios');
    expect(es.handoff).toBe(true);
  });

  test('with a catalog the same first message asks for the branch as usual', async () => {
    const c = await assistantChat(harness, '+96599887766');
    expect((await c.say('Hi, I would like a manicure')).asked).toBe('location');
  });
});
