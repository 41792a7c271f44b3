/**
 * The frame every console page shares: head (no scripts, no external
 * assets), navigation, the notice left by the last action, and the small
 * pieces pages build with (badges, tables, times, forms carrying the CSRF
 * token). Pages render their own body; everything goes through `html`.
 */
import { localTime, relative } from './format';
import { Html, html, raw } from './html';

export type NavKey = 'overview' | 'chats' | 'bookings' | 'sync' | 'messages' | 'trends';

const NAV: Array<[NavKey, string, string]> = [
  ['overview', './', 'Overview'],
  ['chats', 'chats', 'Waiting chats'],
  ['bookings', 'bookings', 'Bookings'],
  ['sync', 'sync', 'Catalog & sync'],
  ['messages', 'messages', 'Messages'],
  ['trends', 'trends', 'Trends'],
];

export type Tone = 'good' | 'warn' | 'bad' | 'plain';

/** A line shown above a page after an action (post → redirect → get). */
export interface Notice {
  tone: Tone;
  text: string;
}

export interface Frame {
  business: { name: string; timezone: string };
  now: Date;
  /** The CSRF token for this page's forms. */
  csrf: string;
  active: NavKey;
  title: string;
  notice?: Notice | null;
  /** Chats waiting for a person, shown in the navigation. */
  waiting: number;
  /** Reload every n seconds (a QR code to follow, a sync in progress). */
  refreshSeconds?: number;
}

export function renderPage(f: Frame, body: Html): string {
  const nav = NAV.map(([key, href, label]) => {
    const count = key === 'chats' && f.waiting > 0 ? html` <span class="count">${f.waiting}</span>` : '';
    return html`<a href="${href}"${key === f.active ? raw(' aria-current="page"') : ''}>${label}${count}</a>`;
  });
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
${f.refreshSeconds ? html`<meta http-equiv="refresh" content="${f.refreshSeconds}">` : ''}
<base href="/">
<title>${f.title} · ${f.business.name} · Bookwell</title>
<style>${raw(STYLE)}</style>
</head>
<body>
<header>
<p class="brand"><b>${f.business.name}</b> <span class="muted">· Bookwell console · ${localTime(f.now, f.business.timezone, f.now)} (${f.business.timezone})</span></p>
<nav>${nav}</nav>
</header>
<main>
<h1>${f.title}</h1>
${f.notice ? html`<p class="notice ${f.notice.tone}" role="status">${f.notice.text}</p>` : ''}
${body}
</main>
</body>
</html>
`.value;
}

const TONES: Record<string, Tone> = {
  ok: 'good', confirmed: 'good', fresh: 'good', ready: 'good', sent: 'good',
  partial: 'warn', running: 'warn', pending: 'warn', stale: 'warn', empty: 'warn', qr: 'warn', starting: 'warn', authenticated: 'warn', reconnecting: 'warn', warn: 'warn', waiting: 'warn',
  failed: 'bad', error: 'bad', auth_failure: 'bad', stopped: 'bad', cancelled: 'plain',
};

export const badge = (text: string) => html`<span class="badge ${TONES[text] ?? 'plain'}">${text}</span>`;

export type Cell = Html | string | number | null;

/** `attrs`: our own markup (e.g. ' id="runs"'), never data. */
export function table(headers: string[], rows: Cell[][], empty: string, attrs = ''): Html {
  if (rows.length === 0) return html`<p class="empty">${empty}</p>`;
  return html`<table${raw(attrs)}><thead><tr>${headers.map((h) => html`<th>${h}</th>`)}</tr></thead><tbody>${rows.map(
    (r) => html`<tr>${r.map((c) => html`<td>${c}</td>`)}</tr>`,
  )}</tbody></table>`;
}

/** A time in `zone` with its age, e.g. "Sun 1 Mar 09:00 (5 min ago)". */
export function when(at: Date | null, zone: string, now: Date): Html {
  if (!at) return html`<span class="muted">never</span>`;
  return html`<time datetime="${at.toISOString()}">${localTime(at, zone, now)}</time> <span class="muted">(${relative(at, now)})</span>`;
}

/** A POST form with the CSRF token; the fields and buttons are the caller's, `attrs` our own markup (never data). */
export function postForm(action: string, csrf: string, inner: Html, attrs = ''): Html {
  return html`<form method="post" action="${action}"${raw(attrs)}><input type="hidden" name="_csrf" value="${csrf}">${inner}</form>`;
}

const STYLE = `
*{box-sizing:border-box}
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:#1d2330;background:#fafbfc}
header{background:#1d2330;color:#fff;padding:.5rem 1rem}header .muted{color:#aab2c0}
.brand{margin:.2rem 0}header nav{display:flex;gap:.2rem;flex-wrap:wrap}
header nav a{color:#dfe4ec;text-decoration:none;padding:.35rem .7rem;border-radius:.4rem}header nav a:hover{background:#2f3747}
header nav a[aria-current=page]{background:#fff;color:#1d2330;font-weight:600}
.count{display:inline-block;min-width:1.3rem;padding:0 .35rem;border-radius:.7rem;background:#f59e0b;color:#1d2330;font-size:.8rem;text-align:center;font-weight:700}
main{max-width:1200px;margin:0 auto;padding:1rem}
h1{margin:.2rem 0 1rem;font-size:1.4rem}h2{margin-top:1.8rem;border-bottom:1px solid #dde1e7;padding-bottom:.3rem;font-size:1.15rem}h3{margin-top:1.2rem;font-size:1rem}
table{border-collapse:collapse;width:100%;background:#fff}th,td{border:1px solid #e3e6eb;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#f1f3f6;font-weight:600}td ul{margin:0;padding-left:1rem}
.muted{color:#6b7280}.empty{color:#6b7280;font-style:italic}code{font-size:.9em}
.badge{display:inline-block;padding:0 .45rem;border-radius:.6rem;font-size:.8rem;font-weight:600;background:#e5e7eb}
.badge.good{background:#d1fae5;color:#065f46}.badge.warn{background:#fef3c7;color:#92400e}.badge.bad{background:#fee2e2;color:#991b1b}
.notice{padding:.6rem .8rem;border-radius:.4rem;border:1px solid #e3e6eb;background:#fff}
.notice.good{border-color:#6ee7b7;background:#ecfdf5}.notice.warn{border-color:#fcd34d;background:#fffbeb}.notice.bad{border-color:#fca5a5;background:#fef2f2}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}dt{color:#6b7280}dd{margin:0}
.tiles{display:flex;gap:1rem;flex-wrap:wrap}.tile{background:#fff;border:1px solid #e3e6eb;border-radius:.5rem;padding:.7rem 1rem;min-width:11rem}
.tile b{display:block;font-size:1.6rem}
form.inline{display:inline}form.stack{display:grid;gap:.5rem;max-width:40rem}
input,select,textarea,button{font:inherit}textarea{width:100%;min-height:4.5rem}
button{padding:.35rem .8rem;border-radius:.4rem;border:1px solid #9ca3af;background:#fff;cursor:pointer}
button.primary{background:#1d4ed8;border-color:#1d4ed8;color:#fff}button.danger{background:#b91c1c;border-color:#b91c1c;color:#fff}
.filters{display:flex;gap:.6rem;align-items:end;flex-wrap:wrap;margin-bottom:1rem}.filters label{display:grid;font-size:.85rem;color:#4b5563}
.transcript{list-style:none;padding:0;display:grid;gap:.4rem;max-width:48rem}
.transcript li{padding:.4rem .7rem;border-radius:.6rem;max-width:80%;white-space:pre-wrap;background:#fff;border:1px solid #e3e6eb}
.transcript li.customer{justify-self:start}.transcript li.bot{justify-self:end;background:#eef2ff}.transcript li.owner{justify-self:end;background:#ecfdf5}
.transcript .who{display:block;font-size:.75rem;color:#6b7280}
.progress{width:100%;max-width:30rem;height:1rem}
.chart{background:#fff;border:1px solid #e3e6eb;border-radius:.5rem;padding:.5rem;margin:.5rem 0 1rem}
.chart svg{width:100%;max-width:960px;height:auto;display:block}.chart text{font-size:11px;fill:#4b5563}
.s0{fill:#2563eb}.s1{fill:#10b981}.s2{fill:#f59e0b}.s3{fill:#ef4444}
.legend span{display:inline-flex;align-items:center;gap:.3rem;margin-right:1rem}.legend i{display:inline-block;width:.8rem;height:.8rem;border-radius:.15rem}
.legend i.s0{background:#2563eb}.legend i.s1{background:#10b981}.legend i.s2{background:#f59e0b}.legend i.s3{background:#ef4444}
.qr{display:flex;gap:1.5rem;align-items:center;flex-wrap:wrap}.qr-code{width:264px;height:264px;background:#fff;padding:8px;border:1px solid #e3e6eb}
.qr-code svg{width:100%;height:100%}
pre.preview{white-space:pre-wrap;margin:0;font:inherit}
`;
