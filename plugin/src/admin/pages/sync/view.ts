/**
 * Catalog and sync: "sync now" and the progress of a run this process
 * started, each branch's freshness, the synced tables, the last runs with
 * their errors, and the failed provider calls that caused them.
 */
import { duration } from '../../format';
import { Html, html } from '../../html';
import { badge, postForm, table, when } from '../../layout';
import type { BranchFreshness, ProviderFailureView, SyncView, TableFreshness } from './queries';
import type { SyncProgress } from './runner';

export interface SyncViewContext {
  zone: string;
  now: Date;
  csrf: string;
  canRun: boolean;
}

export interface SyncPageData {
  sync: SyncView;
  branches: BranchFreshness[];
  failures: ProviderFailureView[];
  progress: SyncProgress | null;
}

export function syncBody(d: SyncPageData, v: SyncViewContext): Html {
  const at = (x: Date | null) => when(x, v.zone, v.now);
  const c = d.sync.catalog;
  const ttl = (ms: number) => (ms >= 3_600_000 ? `${Math.round(ms / 3_600_000)} h` : `${Math.round(ms / 60_000)} min`);
  const freshnessRow = (name: string, t: TableFreshness) => [name, t.active, badge(t.state), t.stale, t.dueForRefresh, at(t.newestSync), at(t.oldestSync), at(t.freshUntil)];
  const runs = d.sync.runs.map((r) => [
    r.kind,
    badge(r.status),
    at(r.startedAt),
    r.finishedAt ? duration(r.durationMs) : html`<span class="muted">not finished</span>`,
    `${r.counts.locations} / ${r.counts.services} / ${r.counts.staff} / ${r.counts.slots}`,
    r.rowsWritten,
    r.providerCalls,
    r.errors.length ? html`<ul>${r.errors.map((e) => html`<li><b>${e.scope}</b>: ${e.message}</li>`)}</ul>` : '',
  ]);
  return html`${runSection(d.progress, v)}
<section id="branches"><h2>Branches · catalog ${badge(c.state)}</h2>
${table(
  ['branch', 'staff', 'services', 'upcoming free windows', 'freshness', 'stale windows', 'windows last synced', 'fresh until'],
  d.branches.map((b) => [html`${b.name} <span class="muted">${b.externalId}</span>`, b.staff, b.services, b.windows, badge(b.state), b.staleWindows, at(b.lastSlotSync), at(b.freshUntil)]),
  'No branches yet: run a full sync.',
)}
<p>Last good full sync: ${at(d.sync.lastOk.full)}; slot refresh: ${at(d.sync.lastOk.slots)}.</p>
</section>
<section id="sync"><h2>Synced tables</h2>
<p>Active: <b>${c.locations.active}</b> locations, <b>${c.services.active}</b> services, <b>${c.staff.active}</b> staff, <b>${c.slots.active}</b> upcoming free windows.</p>
${table(
  ['table', 'active', 'freshness', 'stale', 'due for refresh', 'last synced', 'oldest sync', 'fresh until'],
  [freshnessRow('locations', c.locations), freshnessRow('services', c.services), freshnessRow('staff', c.staff), freshnessRow('free windows (upcoming)', c.slots)],
  'no catalog',
)}
<p class="muted">Catalog rows stay valid ${ttl(c.policy.catalogTtlMs)}, free windows ${ttl(c.policy.slotTtlMs)}. A chat that needs a stale row refreshes it first; the scheduled syncs re-confirm rows past half their life.</p>
<h3>Last runs</h3>
${table(['kind', 'status', 'started', 'took', 'locations / services / staff / windows', 'rows written', 'provider calls', 'errors'], runs, 'No sync has run yet.', ' id="runs"')}
<h3>Failed provider calls</h3>
${table(
  ['when', 'endpoint', 'error', 'HTTP', 'attempt', 'took', 'message'],
  d.failures.map((f) => [at(f.startedAt), f.endpoint, f.errorKind ?? '', f.status ?? '', f.attempt, duration(f.durationMs), f.message ?? '']),
  'No failed provider calls.',
  ' id="provider-failures"',
)}
</section>`;
}

function runSection(p: SyncProgress | null, v: SyncViewContext): Html {
  const buttons = v.canRun
    ? postForm(
        'sync/run',
        v.csrf,
        html`<button class="primary" type="submit" name="kind" value="full">Full sync now</button> <button type="submit" name="kind" value="slots">Refresh free times now</button>
<span class="muted">Full: branches, services, staff and free times. Free times: only the free windows, faster.</span>`,
        ' id="sync-now"',
      )
    : html`<p class="muted">This process cannot reach the provider, so it cannot start a sync (<code>npx bookwell sync</code> can).</p>`;
  if (!p) return html`<section id="run"><h2>Sync now</h2>${buttons}</section>`;
  const going = !p.report && !p.error;
  const pct = p.expected ? Math.min(going ? 99 : 100, Math.round((100 * p.calls) / p.expected)) : going ? 0 : 100;
  const state = going
    ? html`${badge('running')} ${p.kind} sync: <b>${pct} %</b> (${p.calls} of about ${p.expected} provider calls)`
    : p.error
      ? html`${badge('failed')} ${p.kind} sync: ${p.error}`
      : html`${badge(p.report!.status)} ${p.kind} sync finished in ${duration(p.report!.durationMs)}: ${p.report!.rowsWritten} rows written, ${p.report!.providerCalls} provider calls${p.report!.errors.length ? html`, <b>${p.report!.errors.length}</b> errors (below)` : ''}.`;
  return html`<section id="run"><h2>Sync now</h2>
<p id="progress" role="status">${state}</p>
<progress class="progress" max="100" value="${pct}">${pct} %</progress>
${going ? html`<p class="muted">This page follows the run every 2 seconds.</p>` : buttons}
</section>`;
}
