/** Rendering without a database: escaping of every outside value on every page, links, times, money and the QR code. */
import { describe, expect, it } from 'vitest';
import { localTime, money, relative, wallClock } from './format';
import { escapeHtml, html, raw, safeHref } from './html';
import { type Frame, renderPage } from './layout';
import { bookingBody, bookingsBody, searchBody } from './pages/bookings/view';
import { chatBody, chatsBody } from './pages/chats/view';
import { messagesBody } from './pages/messages/view';
import type { AdminStatus } from './pages/overview/queries';
import { overviewBody } from './pages/overview/view';
import type { TableFreshness } from './pages/sync/queries';
import { syncBody } from './pages/sync/view';
import { createQrRenderer } from './qr';

const NOW = new Date('2026-03-01T06:00:00Z');
const X = `<img src=x onerror=alert(1)>"'&`;

describe('html', () => {
  it('escapes interpolated values, keeps Html and raw markup, flattens arrays, drops null and false', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    const inner = html`<b>${X}</b>`;
    expect(html`<p title="${X}">${inner}${raw('<br>')}${[1, '<', null, false, undefined]}</p>`.value).toBe(
      '<p title="&lt;img src=x onerror=alert(1)&gt;&quot;&#39;&amp;"><b>&lt;img src=x onerror=alert(1)&gt;&quot;&#39;&amp;</b><br>1&lt;</p>',
    );
  });

  it('lets only http(s) URLs become links', () => {
    expect(safeHref('https://pay.example/NI-1?a=1&b=2')).toBe('https://pay.example/NI-1?a=1&b=2');
    expect(safeHref('javascript:alert(1)')).toBeNull();
    expect(safeHref('data:text/html,<script>')).toBeNull();
    expect(safeHref('not a url')).toBeNull();
    expect(safeHref(null)).toBeNull();
  });
});

describe('format', () => {
  it('writes times in the given zone and ages from the page clock', () => {
    expect(localTime(NOW, 'Asia/Kuwait', NOW)).toBe('Sun 1 Mar 09:00');
    expect(localTime(new Date('2025-12-31T22:00:00Z'), 'America/Mexico_City', NOW)).toBe('Wed 31 Dec 2025 16:00');
    expect(wallClock('2026-03-02T17:00:00+03:00', NOW)).toBe('Mon 2 Mar 17:00');
    expect(relative(new Date(NOW.getTime() - 20_000), NOW)).toBe('just now');
    expect(relative(new Date(NOW.getTime() - 5 * 60_000), NOW)).toBe('5 min ago');
    expect(relative(new Date(NOW.getTime() + 36 * 3_600_000), NOW)).toBe('in 36 h');
    expect(relative(new Date(NOW.getTime() - 3 * 86_400_000), NOW)).toBe('3 d ago');
  });

  it("writes money with the currency's decimals", () => {
    expect(money(10, 'KWD')).toBe('KWD 10.000');
    expect(money(250.5, 'MXN')).toBe('MXN 250.50');
    expect(money(null, 'KWD')).toBe('');
  });
});

describe('QR code', () => {
  it('renders a QR string as SVG and reuses it while the string stays the same', async () => {
    const qr = createQrRenderer();
    const svg = await qr('2@abc,def,ghi');
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"[^>]*viewBox="0 0 \d+ \d+"/);
    expect(svg).toContain('<path');
    expect(qr('2@abc,def,ghi')).toBe(qr('2@abc,def,ghi'));
    expect(await qr('2@other')).not.toBe(svg);
  });
});

const table = (): TableFreshness => ({ active: 1, stale: 0, dueForRefresh: 0, oldestSync: NOW, newestSync: NOW, freshUntil: NOW, state: 'fresh' });

/** A status where every value that comes from outside is hostile. */
function hostileStatus(): AdminStatus {
  return {
    generatedAt: NOW,
    business: { id: 'b', name: `Spa ${X}`, timezone: 'Asia/Kuwait' },
    sync: {
      runs: [{ id: 'r', kind: X, status: X, startedAt: NOW, finishedAt: NOW, durationMs: 5, counts: { locations: 1, services: 1, staff: 1, slots: 1 }, rowsWritten: 0, providerCalls: 1, errors: [{ scope: X, message: X }] }],
      lastOk: { full: null, slots: null, jit: null },
      catalog: { state: 'fresh', policy: { catalogTtlMs: 3_600_000, slotTtlMs: 1_800_000 }, locations: table(), services: table(), staff: table(), slots: table() },
    },
    errors: {
      events: [{ id: 'e', at: NOW, level: X, kind: X, message: X }],
      providerFailures: [{ id: 'p', startedAt: NOW, endpoint: X, durationMs: 1, errorKind: X, status: 500, message: X, attempt: 1 }],
      inboundFailures: [{ id: 'i', channel: X, externalId: X, text: X, receivedAt: NOW, failedAt: NOW, error: X }],
      outboundFailures: [{ id: 'o', channel: X, chatId: X, text: X, attempts: 1, lastError: X, createdAt: NOW }],
      totals: { errorEvents24h: 1, providerCalls24h: 1, providerFailures24h: 1, inboundFailed: 1, outboundFailed: 1, outboundPending: 0 },
    },
    bookings: {
      latest: [
        {
          id: 'k', status: X, createdAt: NOW, customer: { name: X, phone: X },
          location: { externalId: X, name: X, timezone: 'Asia/Kuwait' },
          items: [{ service: X, staff: X, start: NOW, end: NOW, localStart: '2026-03-01T09:00:00+03:00', price: 1 }],
          total: 1, currency: 'KWD', paymentLink: 'javascript:alert(1)', providerOrderId: X, failureReason: X,
        },
      ],
      byStatus: { [X]: 1 },
    },
    whatsapp: { state: 'ready', qr: null, waState: X, botPhone: X, reconnects: 0, lastError: X, since: NOW },
  };
}

const EVIL = '&lt;img src=x onerror=alert(1)&gt;&quot;&#39;&amp;';
const occurrences = (page: string) => page.split(EVIL).length - 1;
const frame = (over: Partial<Frame> = {}): Frame => ({ business: { name: `Spa ${X}`, timezone: 'Asia/Kuwait' }, now: NOW, csrf: X, active: 'overview', title: X, waiting: 2, ...over });

describe('pages', () => {
  it('overview: escapes every value that comes from outside', () => {
    const page = renderPage(frame(), overviewBody(hostileStatus(), { qrSvg: null, waiting: 2, bookingsToday: 1 }));
    expect(page).not.toContain('<img');
    expect(page).not.toContain(`"'&`);
    // business name 2, title 2, event 3, provider call 3, inbound 4, reply 4, WhatsApp 3
    expect(occurrences(page)).toBe(21);
    expect(page).not.toContain('<script');
  });

  it('overview: the QR code only while the bridge waits for a scan; the refresh is the caller\'s', () => {
    const s = hostileStatus();
    const svg = '<svg xmlns="http://www.w3.org/2000/svg"><path d="M0 0"/></svg>';
    expect(overviewBody(s, { qrSvg: svg, waiting: 0, bookingsToday: 0 }).value).not.toContain('<svg');
    s.whatsapp = { ...s.whatsapp!, state: 'qr', qr: '2@x' };
    expect(overviewBody(s, { qrSvg: svg, waiting: 0, bookingsToday: 0 }).value).toContain(`<div class="qr-code">${svg}</div>`);
    expect(renderPage(frame({ refreshSeconds: 7 }), html``)).toContain('<meta http-equiv="refresh" content="7">');
    expect(renderPage(frame(), html``)).not.toContain('http-equiv');
  });

  it('sync: runs, branches and provider failures escaped', () => {
    const s = hostileStatus();
    const body = syncBody(
      {
        sync: s.sync,
        branches: [{ externalId: X, name: X, timezone: 'Asia/Kuwait', staff: 1, services: 1, windows: 1, staleWindows: 0, lastSlotSync: NOW, freshUntil: NOW, state: 'fresh' }],
        failures: [{ id: 'p', startedAt: NOW, endpoint: X, durationMs: 1, errorKind: X, status: 503, message: X, attempt: 1 }],
        progress: { kind: 'slots', startedAt: NOW, calls: 10, expected: 56, report: null, error: null },
      },
      { zone: 'Asia/Kuwait', now: NOW, csrf: X, canRun: true },
    ).value;
    expect(body).not.toContain('<img');
    expect(occurrences(body)).toBe(4 + 2 + 3);
    expect(body).toContain('<b>18 %</b> (10 of about 56 provider calls)');
  });

  it('chats: the transcript, the summary and the customer escaped; the reply form carries the CSRF token', () => {
    const chat = {
      id: '00000000-0000-0000-0000-000000000001', since: NOW, reason: X, summary: X, customer: { name: X, phone: X }, handoff: true,
      address: { integration: X, chatId: X }, transcript: [{ at: NOW, from: 'customer' as const, text: X, status: null }, { at: NOW, from: 'owner' as const, text: X, status: 'failed' }],
    };
    const list = chatsBody([chat], { zone: 'Asia/Kuwait', now: NOW, csrf: X }).value;
    expect(list).not.toContain('<img');
    expect(occurrences(list)).toBe(4);
    const one = chatBody(chat, { zone: 'Asia/Kuwait', now: NOW, csrf: X, canSend: true }).value;
    expect(one).not.toContain('<img');
    // customer 2, reason, summary, integration, 2 lines, the token in two forms
    expect(occurrences(one)).toBe(9);
    expect(one).toContain(`<input type="hidden" name="_csrf" value="${EVIL}">`);
  });

  it('bookings: lines, search and one booking escaped; a javascript: payment link is never a link', () => {
    const line = { bookingId: 'b', status: X, start: NOW, time: '09:00', date: '2026-03-01', service: X, staff: { externalId: X, name: X }, location: { externalId: X, name: X }, customer: { name: X, phone: X } };
    const options = { locations: [{ externalId: X, name: X }], staff: [{ externalId: X, name: X, location: X }] };
    const filter = { range: 'today' as const, location: null, staff: null, status: null };
    const list = bookingsBody([{ location: line.location, count: 1, staff: [{ staff: line.staff, lines: [line] }] }], filter, options, { zone: 'Asia/Kuwait', now: NOW, csrf: X }).value;
    expect(list).not.toContain('<img');
    expect(occurrences(searchBody(X, [line], filter, options, { zone: 'Asia/Kuwait', now: NOW, csrf: X }).value)).toBeGreaterThan(5);
    const one = bookingBody(
      {
        id: 'b', status: 'confirmed', failureReason: X, createdAt: NOW, conversationId: null, providerOrderId: X, paymentLink: 'javascript:alert(1)', total: 1, currency: 'KWD',
        rescheduledFromId: null, replacedById: null, customer: { name: X, phone: X, email: X }, location: { externalId: X, name: X, timezone: 'Asia/Kuwait' },
        lines: [{ ...line, staffOptions: [{ externalId: X, name: X }] }], changeable: true,
      },
      { zone: 'Asia/Kuwait', now: NOW, csrf: X, canChange: true },
    ).value;
    expect(one).not.toContain('<img');
    expect(one).not.toContain('href="javascript');
    expect(one).toContain('id="cancel"');
    expect(one).toContain('id="move"');
  });

  it('messages: an override is escaped in the box and the preview', () => {
    const rows = [{ key: 'greeting' as const, default: 'Hi', override: X, text: X, preview: X, missing: ['business'] }];
    const body = messagesBody(rows, { lang: 'ar', csrf: X, file: `/tmp/${X}.json`, studio: false }).value;
    expect(body).not.toContain('<img');
    expect(body).toContain('Leaves out {business}');
    expect(body).toContain('dir="rtl"');
  });
});
