/**
 * The console's read-only pages over loopback, on a real database filled by
 * the real code: a full sync and a failing slot refresh against the
 * simulator, a booking through the booking service, a failed inbound message
 * and a failed reply through the pipeline store. The clock is frozen. Access:
 * loopback only, the token, DNS rebinding.
 */
import { request as httpRequest } from 'node:http';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BridgeStatus } from '../../../channels/whatsapp/bridge';
import { refreshSlots } from '../../../catalog/sync';
import { confirmBooking } from '../../../booking/confirm';
import { freeSlot, type Harness, NOW, request, startHarness, tenant, type Tenant } from '../../../booking/testing';
import { createPrismaPipelineStore } from '../../../host/pipeline/prisma-store';
import { inbound } from '../../../host/testing';
import { createProviderCallLog } from '../../../store/provider-calls';
import { part } from '../../../../../test/support/console-client';
import { startAdminServer, type AdminServer } from '../../server';
import type { AdminStatus } from './queries';

const EVIL = `<script>alert("pwned")</script><img src=x onerror=alert(1)> & Noura`;
/** The slot refresh fails ten minutes after the full sync; the page is looked at then. */
const LATER = new Date(NOW.getTime() + 10 * 60_000);
const QR = '2@Xy9kZx1QbWx0aGVyZSxub3QtYS1yZWFsLXNlc3Npb24=,abc,def';

let h: Harness;
let t: Tenant;
let admin: AdminServer;
let slot: { staffId: string; start: Date };
let bookingId: string;
let bridge: BridgeStatus | null;

beforeAll(async () => {
  h = await startHarness();
  t = await tenant(h); // runs a full sync against the simulator
  const { prisma } = h.db;
  const { businessId } = t;

  slot = await freeSlot(t, { locationId: 'LOC-AV', serviceId: 'SVC-102', date: '2026-03-02', staffId: 'STF-01', after: '17:00' });
  const conversationId = await t.conversation('+96599887766');
  const booked = await confirmBooking(
    request({ conversationId, customer: { phone: '+96599887766', name: EVIL, email: 'noura@example.com' }, items: [{ serviceId: 'SVC-102', ...slot }] }),
    t.deps,
  );
  if (booked.kind !== 'booked') throw new Error(`setup: booking failed: ${booked.kind}`);
  bookingId = booked.booking.id;

  // the provider answers 503 to every slot read: the refresh fails, each call and the errors are logged
  const calls = createProviderCallLog(prisma, businessId);
  h.sim.faults.set({ endpoint: 'GetItemsByDate', kind: 'error', status: 503 });
  await refreshSlots({ prisma, provider: t.client({ recorder: calls.record }), businessId, now: () => LATER, slotDays: 1 });
  await calls.flush();
  h.sim.faults.clear();

  const store = createPrismaPipelineStore({ prisma, businessId });
  const { stored } = await store.saveInbound(inbound({ integration: 'whatsapp', externalId: 'wamid.FAIL1', text: 'hi <b>there</b>' }), NOW);
  await store.markFailed([stored.id], 'bot handler crashed: boom', LATER);
  const reply = await store.saveOutbound({ integration: 'whatsapp', chatId: '+96599887766', text: 'Your booking is confirmed' }, NOW);
  await store.updateOutbound(reply.id, { status: 'failed', attempts: 3, lastError: 'WhatsApp not connected' });

  admin = await startAdminServer({ port: 0, prisma, businessId, now: () => LATER, whatsapp: () => bridge });
});

afterAll(async () => {
  await admin?.close();
  await h?.close();
});

const qrBridge = (): BridgeStatus => ({ state: 'qr', qr: QR, waState: null, botPhone: null, reconnects: 2, lastError: 'disconnected: LOGOUT', since: LATER });

async function get(path: string, init?: RequestInit) {
  const res = await fetch(new URL(path, admin.url), init);
  return { status: res.status, type: res.headers.get('content-type') ?? '', headers: res.headers, body: await res.text() };
}

describe('admin page', () => {
  it('binds loopback and answers /healthz', async () => {
    expect(admin.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const r = await get('/healthz');
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toEqual({ ok: true });
  });

  it('the overview: headers, today at a glance, no script', async () => {
    bridge = null;
    const { status, type, body, headers } = await get('/');
    expect(status).toBe(200);
    expect(type).toContain('text/html');
    expect(headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(headers.get('content-security-policy')).toContain("form-action 'self'");
    expect(headers.get('referrer-policy')).toBe('no-referrer');
    expect(body).toContain('<meta http-equiv="refresh" content="5">');
    expect(body).toContain('<b>Pearl Nail &amp; Spa</b>');
    const today = part(body, 'today');
    expect(today).toContain('<b>0</b>chats waiting for a person');
    expect(today).toContain('<b><span class="badge good">fresh</span></b>catalog');
    expect(body).not.toContain('<script');
  });

  it('catalog & sync: the runs with their errors, each branch and table fresh, the failed provider calls', async () => {
    const { body } = await get('/sync');
    expect(body).not.toContain('http-equiv="refresh"'); // nothing running: nothing to follow
    const branches = part(body, 'branches');
    expect(branches).toContain('catalog <span class="badge good">fresh</span>');
    expect(branches).toMatch(/<td>The Avenues <span class="muted">LOC-AV<\/span><\/td><td>5<\/td><td>40<\/td><td>\d+<\/td><td><span class="badge good">fresh<\/span>/);
    expect(branches).toMatch(/Last good full sync: <time [^>]*>Sun 1 Mar 09:00<\/time>[^;]*; slot refresh: <span class="muted">never<\/span>/);
    const sync = part(body, 'sync');
    expect(sync).toMatch(/<b>4<\/b> locations, <b>40<\/b> services, <b>14<\/b> staff/);
    expect(sync).toMatch(/<td>full<\/td><td><span class="badge good">ok<\/span><\/td><td><time datetime="2026-03-01T06:00:00.000Z">Sun 1 Mar 09:00<\/time> <span class="muted">\(10 min ago\)<\/span>/);
    expect(sync).toMatch(/<td>slots<\/td><td><span class="badge warn">partial<\/span><\/td><td><time datetime="2026-03-01T06:10:00.000Z">Sun 1 Mar 09:10<\/time>/);
    expect(sync).toContain('<b>slots LOC-AV 2026-03-01</b>: ');
    expect(part(body, 'provider-failures', 'table')).toMatch(/<td>GetItemsByDate<\/td><td>http<\/td><td>503<\/td>/);
    expect(part(body, 'run')).toContain('cannot start a sync'); // this server was given no sync port
  });

  it('shows the errors: event log, failed provider calls, failed inbound messages and replies', async () => {
    const errors = part((await get('/')).body, 'errors');
    expect(errors).toContain('<code>sync_error</code>');
    expect(errors).toMatch(/slots sync, slots LOC-AV 2026-03-01: [^<]*503/);
    expect(errors).toMatch(/<td>GetItemsByDate<\/td><td>http<\/td><td>503<\/td>/);
    expect(errors).toContain('<code>inbound.failed</code>');
    expect(errors).toContain('<code>wamid.FAIL1</code></td><td>hi &lt;b&gt;there&lt;/b&gt;</td><td>bot handler crashed: boom</td>');
    expect(errors).toContain('<td>Your booking is confirmed</td><td>3</td><td>WhatsApp not connected</td>');
    expect(errors).toMatch(/Inbound messages failed: <b>1<\/b>\. Replies failed: <b>1<\/b>/);
  });

  it('one booking: status, escaped customer, items at Kuwait local time, total, payment link; read-only without the booking service', async () => {
    const booking = part((await get(`/bookings/${bookingId}`)).body, 'booking');
    const order = h.sim.ledger.orders()[0]!;
    const local = DateTime.fromJSDate(slot.start, { zone: 'Asia/Kuwait' }).toFormat('ccc d LLL HH:mm');
    expect(local).toMatch(/^Mon 2 Mar (1[7-9]|2\d):\d\d$/);
    expect(booking).toContain('<span class="badge good">confirmed</span>');
    expect(booking).toContain('&lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt; &amp; Noura');
    expect(booking).toContain('+96599887766');
    expect(booking).toContain(`<li>${local} · Gel Manicure · Sara</li>`);
    expect(booking).toContain('The Avenues <span class="muted">(Asia/Kuwait)</span>');
    expect(booking).toContain('<dd>KWD 10.000</dd>');
    expect(booking).toContain(`<a href="${order.paymentLink}" rel="noreferrer noopener" target="_blank">${order.orderId}</a>`);
    expect(booking).toContain('Changes need the booking service');
    expect(booking).not.toContain('<form');
  });

  it('bookings of the next 7 days by branch and staff member', async () => {
    const { body } = await get('/bookings?range=week');
    expect(body).toMatch(/<h2>The Avenues <span class="muted">· 1 line<\/span><\/h2>\s*<h3>Sara<\/h3>/);
    expect(body).toContain(`href="bookings/${bookingId}"`);
    expect((await get('/bookings')).body).toContain('No bookings match.'); // today: nothing
    expect((await get('/bookings?range=week&staff=STF-02')).body).toContain('No bookings match.');
  });

  it('serves the same data as JSON', async () => {
    const r = await get('/api/status');
    expect(r.type).toContain('application/json');
    const s = JSON.parse(r.body) as AdminStatus & { generatedAt: string };
    expect(s.generatedAt).toBe(LATER.toISOString());
    expect(s.sync.runs.map((x) => [x.kind, x.status])).toEqual([
      ['slots', 'partial'],
      ['full', 'ok'],
    ]);
    expect(s.sync.catalog).toMatchObject({ state: 'fresh', locations: { active: 4, stale: 0 }, services: { active: 40 }, staff: { active: 14 } });
    expect(s.errors.totals).toMatchObject({ inboundFailed: 1, outboundFailed: 1, outboundPending: 0 });
    expect(s.errors.providerFailures.length).toBeGreaterThan(0);
    expect(s.errors.providerFailures[0]).toMatchObject({ endpoint: 'GetItemsByDate', errorKind: 'http', status: 503 });
    expect(s.bookings.byStatus).toEqual({ confirmed: 1 });
    const [b] = s.bookings.latest;
    expect(b).toMatchObject({ status: 'confirmed', customer: { name: EVIL, phone: '+96599887766' }, total: 10, currency: 'KWD', location: { name: 'The Avenues', timezone: 'Asia/Kuwait' } });
    expect(b!.items[0]!.localStart).toMatch(/^2026-03-02T\d\d:\d\d:00\+03:00$/);
  });

  it('says when there is no WhatsApp bridge, and shows its state when there is one', async () => {
    bridge = null;
    expect(part((await get('/')).body, 'whatsapp')).toContain('No WhatsApp bridge in this process');
    bridge = { state: 'ready', qr: null, waState: 'CONNECTED', botPhone: '+96511112222', reconnects: 1, lastError: 'disconnected: NAVIGATION', since: NOW };
    const ready = part((await get('/')).body, 'whatsapp');
    expect(ready).toContain('<span class="badge good">ready</span>');
    expect(ready).toContain('<dd>+96511112222</dd>');
    expect(ready).toContain('<dd>1</dd>');
    expect(ready).toContain('disconnected: NAVIGATION');
    expect(ready).not.toContain('<svg');
  });

  it('renders the QR code as inline SVG while a phone is to be linked', async () => {
    bridge = qrBridge();
    const { body } = await get('/');
    const wa = part(body, 'whatsapp');
    expect(wa).toContain('<span class="badge warn">qr</span>');
    expect(wa).toMatch(/<div class="qr-code"><svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"[^>]*>.*<path/s);
    expect(wa).toContain('Linked devices');
    expect(body).not.toContain(QR); // the page shows the code, not the secret string
    const json = JSON.parse((await get('/api/status')).body) as AdminStatus;
    expect(json.whatsapp).toMatchObject({ state: 'qr', qr: QR, reconnects: 2 });
  });

  it('refuses a request that names another host (DNS rebinding)', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const u = new URL(admin.url);
      const req = httpRequest({ host: u.hostname, port: u.port, path: '/api/status', headers: { host: 'attacker.example:80' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(403);
    expect((await get('/healthz', { headers: { host: `localhost:${new URL(admin.url).port}` } })).status).toBe(200);
  });
});

describe('admin page with a token', () => {
  let secured: AdminServer;
  beforeAll(async () => {
    secured = await startAdminServer({ port: 0, token: 's3cret', prisma: h.db.prisma, businessId: t.businessId, now: () => NOW });
  });
  afterAll(() => secured?.close());
  const at = (path: string, init?: RequestInit) => fetch(new URL(path, secured.url), init);

  it('answers 401 without the token or with a wrong one', async () => {
    for (const res of [await at('/'), await at('/api/status'), await at('/?token=wrong'), await at('/api/status', { headers: { authorization: 'Bearer nope' } })]) {
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toContain('Bearer');
      expect(await res.text()).not.toContain('Noura');
    }
  });

  it('?token= once: an HttpOnly SameSite=Strict cookie and a redirect to the same page without it; Bearer for tools; /healthz stays open', async () => {
    const opened = await at('/sync?token=s3cret', { redirect: 'manual' });
    expect(opened.status).toBe(303);
    expect(opened.headers.get('location')).toBe('/sync');
    const cookie = opened.headers.getSetCookie().find((c) => c.startsWith('bookwell_console='))!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).not.toContain('s3cret');
    const page = await at('/sync', { headers: { cookie: cookie.split(';')[0]! } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Catalog &amp; sync');
    expect((await at('/sync', { headers: { cookie: 'bookwell_console=forged' } })).status).toBe(401);
    const json = await at('/api/status', { headers: { authorization: 'Bearer s3cret' } });
    expect(json.status).toBe(200);
    expect((await json.json()) as AdminStatus).toMatchObject({ business: { name: 'Pearl Nail & Spa' } });
    expect((await at('/healthz')).status).toBe(200);
  });
});

describe('startAdminServer', () => {
  it('refuses to listen beyond loopback without a token', async () => {
    await expect(startAdminServer({ port: 0, host: '0.0.0.0', prisma: h.db.prisma, businessId: t.businessId, now: () => NOW })).rejects.toThrow(/needs a token/);
  });

  it('fails with EADDRINUSE when the port is taken, leaving the running page alone', async () => {
    const port = Number(new URL(admin.url).port);
    await expect(startAdminServer({ port, prisma: h.db.prisma, businessId: t.businessId, now: () => NOW })).rejects.toMatchObject({ code: 'EADDRINUSE' });
    expect((await get('/healthz')).status).toBe(200);
  });
});
