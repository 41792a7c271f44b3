/**
 * Bar charts as inline SVG, rendered on the server: no script, no asset, no
 * CDN. d3-scale does the maths (band positions, "nice" axis ticks); the
 * markup is ours. Every bar has a <title> (hover), and the figures are also
 * in a table for reading and for screen readers.
 */
import { scaleBand, scaleLinear } from 'd3-scale';
import { DateTime } from 'luxon';
import { Html, html, raw } from '../../html';

export interface Series {
  label: string;
  values: number[];
}

const W = 720;
const H = 220;
const M = { top: 10, right: 10, bottom: 28, left: 44 };

/** Grouped bars: one group per day, one bar per series (at most four). */
export function barChart(id: string, title: string, days: string[], series: Series[]): Html {
  const max = Math.max(1, ...series.flatMap((s) => s.values));
  const x = scaleBand<string>().domain(days).range([M.left, W - M.right]).paddingInner(0.2).paddingOuter(0.1);
  const inner = scaleBand<number>().domain(series.map((_, i) => i)).range([0, x.bandwidth()]).padding(0.05);
  const y = scaleLinear().domain([0, max]).nice().range([H - M.bottom, M.top]);
  const ticks = y.ticks(4).filter(Number.isInteger);
  // every day labelled up to two weeks, then about a dozen labels
  const every = Math.max(1, Math.ceil(days.length / 14));
  const label = (d: string) => DateTime.fromISO(d).toFormat(days.length > 14 ? 'd/L' : 'd LLL');
  const bars = series.flatMap((s, k) =>
    s.values.map((v, i) => {
      const day = days[i]!;
      const top = y(v);
      return html`<rect class="s${k}" x="${fix(x(day)! + inner(k)!)}" y="${fix(top)}" width="${fix(inner.bandwidth())}" height="${fix(y(0) - top)}"><title>${label(day)} · ${s.label}: ${v}</title></rect>`;
    }),
  );
  return html`<figure id="${id}" class="chart"><figcaption><b>${title}</b> <span class="legend">${series.map((s, k) => html`<span><i class="s${k}"></i>${s.label}</span>`)}</span></figcaption>
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" role="img" aria-label="${title}">
${ticks.map((t) => html`<line x1="${M.left}" x2="${W - M.right}" y1="${fix(y(t))}" y2="${fix(y(t))}" stroke="#e5e7eb"/><text x="${M.left - 6}" y="${fix(y(t) + 4)}" text-anchor="end">${t}</text>`)}
${bars}
${days.map((d, i) => (i % every === 0 ? html`<text x="${fix(x(d)! + x.bandwidth() / 2)}" y="${H - 10}" text-anchor="middle">${label(d)}</text>` : ''))}
<line x1="${M.left}" x2="${W - M.right}" y1="${fix(y(0))}" y2="${fix(y(0))}" stroke="#9ca3af"/>
</svg>
<details><summary>figures</summary><table><thead><tr><th>day</th>${series.map((s) => html`<th>${s.label}</th>`)}</tr></thead><tbody>${days.map(
    (d, i) => html`<tr><td>${d}</td>${series.map((s) => html`<td>${s.values[i] ?? 0}</td>`)}</tr>`,
  )}</tbody></table></details></figure>`;
}

const fix = (n: number) => raw(String(Math.round(n * 10) / 10));
