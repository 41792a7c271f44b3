/** Plain-text summaries the CLI prints. */
import type { SyncReport } from '../plugin/src/catalog/sync';
import type { CatalogSnapshot } from '../plugin/src/catalog/types';

export function formatSyncReport(r: SyncReport): string {
  const lines = [
    `${r.kind} sync ${r.status}: ${r.locations} locations, ${r.services} services, ${r.staff} staff, ${r.slots} free windows`,
    `${r.rowsWritten} rows written, ${r.providerCalls} provider calls, ${r.durationMs} ms`,
  ];
  for (const e of r.errors) lines.push(`  error in ${e.scope}: ${e.message}`);
  return lines.join('\n');
}

export function formatCatalog(s: CatalogSnapshot): string {
  const out = [`${s.business.name} (${s.business.id}), ${s.business.timezone}, ${s.business.currency}`];
  for (const l of s.locations) {
    const services = s.services.filter((x) => x.locationIds.includes(l.id)).length;
    const staff = s.staff.filter((p) => p.locationId === l.id).map((p) => p.name);
    out.push(`  ${l.name} — ${l.address}: ${services} services; staff ${staff.join(', ')}`);
  }
  return out.join('\n');
}
