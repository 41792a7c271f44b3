/** Rendering without a database: escaping of every outside value, links, times, money and the QR code. */
import { describe, expect, it } from 'vitest';
import type { AdminStatus, TableFreshness } from './data';
import { localTime, money, relative, wallClock } from './format';
import { escapeHtml, html, raw, safeHref } from './html';
import { createQrRenderer } from './qr';
import { renderAdminPage } from './render';

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

describe('renderAdminPage', () => {
  it('escapes every value that comes from outside and never links a non-http payment link', () => {
    const page = renderAdminPage(hostileStatus(), { qrSvg: null, refreshSeconds: 5, jsonHref: 'api/status' });
    expect(page).not.toContain('<img');
    expect(page).not.toMatch(/href="(?!api\/status|#)/); // the only links: the JSON and the section anchors
    expect(page).not.toContain(`"'&`);
    // every hostile value shown is on the page, escaped: business name ×2, run 4, event 3, provider call 3,
    // inbound 4, reply 4, booking 7 + its status count 1, WhatsApp 3
    expect(page.split('&lt;img src=x onerror=alert(1)&gt;&quot;&#39;&amp;').length - 1).toBe(31);
  });

  it('shows the QR code only while the bridge waits for a scan, and sets the refresh', () => {
    const s = hostileStatus();
    const svg = '<svg xmlns="http://www.w3.org/2000/svg"><path d="M0 0"/></svg>';
    expect(renderAdminPage(s, { qrSvg: svg, refreshSeconds: 5, jsonHref: 'api/status' })).not.toContain('<svg');
    s.whatsapp = { ...s.whatsapp!, state: 'qr', qr: '2@x' };
    const page = renderAdminPage(s, { qrSvg: svg, refreshSeconds: 7, jsonHref: 'api/status' });
    expect(page).toContain(`<div class="qr-code">${svg}</div>`);
    expect(page).toContain('<meta http-equiv="refresh" content="7">');
  });
});
