/** Trends: how the last days went, as charts with their figures. */
import { Html, html } from '../../html';
import { barChart } from './chart';
import { RANGES, type RangeDays, type Trends } from './queries';

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

export function trendsBody(t: Trends, n: RangeDays): Html {
  const ranges = html`<nav class="filters" id="ranges">Last ${RANGES.map((r) => (r === n ? html`<b>${r} days</b>` : html`<a href="trends?days=${r}">${r} days</a>`))}</nav>`;
  const chats = sum(t.chats);
  const booked = sum(t.chatsBooked);
  const calls = sum(t.providerCalls);
  const failures = sum(t.providerFailures);
  const llm = t.llm
    ? html`${barChart('llm-calls', 'LLM calls per day', t.days, [{ label: 'calls', values: t.llm.calls }])}
${barChart('llm-tokens', 'LLM tokens per day', t.days, [{ label: 'tokens', values: t.llm.tokens }])}`
    : html`<section id="llm"><h2>LLM calls and tokens</h2><p class="empty">No LLM usage is recorded here: the bot works on rules only, or its LLM layer does not report usage to this console yet.</p></section>`;
  return html`${ranges}
<p class="tiles"><span class="tile"><b>${sum(t.bookings)}</b>bookings made</span><span class="tile"><b>${chats ? Math.round((100 * booked) / chats) : 0} %</b>of chats booked (${booked} of ${chats})</span><span class="tile"><b>${sum(t.handoffs)}</b>handed to a person</span><span class="tile"><b>${calls ? ((100 * failures) / calls).toFixed(1) : '0.0'} %</b>provider calls failed (${failures} of ${calls})</span></p>
${barChart('bookings', 'Bookings per day', t.days, [{ label: 'made', values: t.bookings }, { label: 'cancelled', values: t.cancelled }])}
${barChart('chats', 'Chats started vs booked', t.days, [{ label: 'chats', values: t.chats }, { label: 'booked', values: t.chatsBooked }])}
${barChart('handoffs', 'Handoffs to a person per day', t.days, [{ label: 'handoffs', values: t.handoffs }])}
${barChart('provider', 'Provider failures per day', t.days, [{ label: 'failed calls', values: t.providerFailures }])}
${llm}`;
}
