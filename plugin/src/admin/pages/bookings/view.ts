/**
 * Bookings: the filters, the day's (or week's) lines by branch and staff
 * member, search results, and one booking with its cancel and move forms.
 */
import { DateTime } from 'luxon';
import { localTime, money } from '../../format';
import { Html, html, raw, safeHref } from '../../html';
import { badge, postForm, table, when } from '../../layout';
import { type BookingDetail, type BookingFilter, type BookingLine, type BranchGroup, type FilterOptions, STATUSES } from './queries';

export interface BookingsViewContext {
  zone: string;
  now: Date;
  csrf: string;
}

const customer = (c: BookingLine['customer']) =>
  c ? html`${c.name ?? html`<span class="muted">no name</span>`} <span class="muted">${c.phone}</span>` : html`<span class="muted">unknown</span>`;

const selected = (on: boolean) => (on ? raw(' selected') : '');

function filters(f: BookingFilter, o: FilterOptions, v: BookingsViewContext, q: string): Html {
  const option = (value: string, label: string, current: string | null) => html`<option value="${value}"${selected(value === (current ?? ''))}>${label}</option>`;
  return html`<form method="get" action="bookings" class="filters" id="filters">
<label>When<select name="range">${option('today', 'today', f.range)}${option('week', 'next 7 days', f.range)}</select></label>
<label>Branch<select name="location">${option('', 'all branches', f.location)}${o.locations.map((l) => option(l.externalId, l.name, f.location))}</select></label>
<label>Staff<select name="staff">${option('', 'everyone', f.staff)}${o.staff
    .filter((s) => !f.location || s.location === f.location)
    .map((s) => option(s.externalId, s.name, f.staff))}</select></label>
<label>Status<select name="status">${option('', 'any status', f.status)}${STATUSES.map((s) => option(s, s, f.status))}</select></label>
<button type="submit">Show</button>
</form>
${postForm(
  'bookings/search',
  v.csrf,
  html`<label>Customer name or phone<input type="search" name="q" value="${q}" required minlength="2" maxlength="100"></label> <button type="submit">Search</button>`,
  ' class="filters" id="search"',
)}`;
}

export function bookingsBody(groups: BranchGroup[], f: BookingFilter, o: FilterOptions, v: BookingsViewContext): Html {
  const day = DateTime.fromJSDate(v.now, { zone: v.zone });
  const span = f.range === 'today' ? day.toFormat('cccc d LLLL') : `${day.toFormat('d LLL')} – ${day.plus({ days: 6 }).toFormat('d LLL')}`;
  const total = groups.reduce((n, g) => n + g.count, 0);
  const branches = groups.map(
    (g) => html`<section class="branch"><h2>${g.location.name} <span class="muted">· ${g.count} ${g.count === 1 ? 'line' : 'lines'}</span></h2>
${g.staff.map(
  (s) => html`<h3>${s.staff.name}</h3>
${table(
  ['when', 'service', 'customer', 'status', ''],
  s.lines.map((l) => [f.range === 'today' ? l.time : `${DateTime.fromISO(l.date).toFormat('ccc d LLL')} ${l.time}`, l.service, customer(l.customer), badge(l.status), html`<a href="bookings/${l.bookingId}">Open</a>`]),
  '',
)}`,
)}</section>`,
  );
  return html`${filters(f, o, v, '')}
<p>${span}: <b>${total}</b> ${total === 1 ? 'line' : 'lines'} (a booking of several services has a line per service).</p>
${groups.length ? branches : html`<p class="empty">No bookings match.</p>`}`;
}

export function searchBody(q: string, lines: BookingLine[], f: BookingFilter, o: FilterOptions, v: BookingsViewContext): Html {
  return html`${filters(f, o, v, q)}
<h2>Bookings of customers matching “${q}”</h2>
${table(
  ['when', 'branch', 'service', 'staff', 'customer', 'status', ''],
  lines.map((l) => [html`${DateTime.fromISO(l.date).toFormat('ccc d LLL yyyy')} ${l.time}`, l.location.name, l.service, l.staff.name, customer(l.customer), badge(l.status), html`<a href="bookings/${l.bookingId}">Open</a>`]),
  'No booking of a customer with that name or number.',
  ' id="results"',
)}`;
}

export function bookingBody(b: BookingDetail, v: BookingsViewContext & { canChange: boolean; alternatives?: Date[] }): Html {
  const href = safeHref(b.paymentLink);
  const first = b.lines[0]!;
  const local = DateTime.fromJSDate(first.start, { zone: b.location.timezone });
  const alternatives = v.alternatives?.length
    ? html`<p class="notice warn">That time is not free. The nearest free times: ${v.alternatives.map((a, i) => html`${i ? ', ' : ''}<b>${localTime(a, b.location.timezone, v.now)}</b>`)}.</p>`
    : '';
  const actions = !v.canChange
    ? html`<p class="muted">Changes need the booking service, which this process does not run.</p>`
    : !b.changeable
      ? html`<p class="muted">Only a confirmed booking that has not started can be cancelled or moved.</p>`
      : html`<h2>Move</h2>
${alternatives}
${postForm(
  `bookings/${b.id}/move`,
  v.csrf,
  html`<div class="filters"><label>New date<input type="date" name="date" value="${local.toISODate()}" required></label>
<label>New time (${b.location.timezone})<input type="time" name="time" value="${local.toFormat('HH:mm')}" step="900" required></label></div>
${b.lines.map(
  (l, k) => html`<label>${l.service} with <select name="staff_${k}">${l.staffOptions.map((s) => html`<option value="${s.externalId}"${selected(s.externalId === l.staff.externalId)}>${s.name}</option>`)}</select></label>`,
)}
<div><button class="primary" type="submit">Move booking</button> <span class="muted">A new order is made first, then this one is cancelled; the customer is told on their chat.</span></div>`,
  ' class="stack" id="move"',
)}
<h2>Cancel</h2>
${postForm(
  `bookings/${b.id}/cancel`,
  v.csrf,
  html`<button class="danger" type="submit">Cancel booking</button> <span class="muted">Cancelled with the provider; the customer is told on their chat.</span>`,
  ' id="cancel"',
)}`;
  return html`<p><a href="bookings">← bookings</a></p>
<section id="booking">
<dl>
<dt>Status</dt><dd>${badge(b.status)}${b.failureReason ? html` <span class="muted">${b.failureReason}</span>` : ''}${b.replacedById ? html` · moved to <a href="bookings/${b.replacedById}">the new booking</a>` : ''}${b.rescheduledFromId ? html` · replaces <a href="bookings/${b.rescheduledFromId}">an earlier booking</a>` : ''}</dd>
<dt>Customer</dt><dd>${b.customer ? html`${b.customer.name ?? html`<span class="muted">no name</span>`} · ${b.customer.phone}${b.customer.email ? html` · ${b.customer.email}` : ''}` : html`<span class="muted">unknown</span>`}</dd>
<dt>Branch</dt><dd>${b.location.name} <span class="muted">(${b.location.timezone})</span></dd>
<dt>Services</dt><dd><ul>${b.lines.map((l) => html`<li>${DateTime.fromJSDate(l.start, { zone: b.location.timezone }).toFormat('ccc d LLL HH:mm')} · ${l.service} · ${l.staff.name}</li>`)}</ul></dd>
<dt>Total</dt><dd>${money(b.total, b.currency)}</dd>
<dt>Payment link</dt><dd>${href ? html`<a href="${href}" rel="noreferrer noopener" target="_blank">${b.providerOrderId ?? 'pay'}</a>` : (b.paymentLink ?? html`<span class="muted">none</span>`)}</dd>
<dt>Made</dt><dd>${when(b.createdAt, v.zone, v.now)}</dd>
<dt>Chat</dt><dd>${b.conversationId ? html`<a href="chats/${b.conversationId}">the customer's chat</a>` : html`<span class="muted">not made in a chat</span>`}</dd>
</dl>
${actions}
</section>`;
}
