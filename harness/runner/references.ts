/**
 * What a scenario refers to must exist, and a wrong reference is reported
 * where it is written (the `catalog:` value, the staff name in a fault, the
 * configuration field), before anything runs: the catalog fixture; the
 * locations, services and staff named in existing bookings, faults and
 * expected bookings; the customers named in expected bookings; and the plugin
 * configuration overrides, checked by the plugin's own parser.
 */
import { fixtureToSnapshot, FIXTURES, loadFixture, type CatalogFixture } from '../../plugin/src/catalog/fixture';
import type { CatalogSnapshot } from '../../plugin/src/catalog/types';
import { checkConfiguration } from '../../plugin/src/config/parse';
import type { YamlPath } from './positions';
import type { CustomerSpec, Scenario } from './schema';

export interface ReferenceError {
  path: YamlPath;
  message: string;
  /** Point at the key (an unknown field), not its value. */
  atKey?: boolean;
}

const fixtures = new Map<string, CatalogFixture | Error>();
function fixture(name: string): CatalogFixture | Error {
  if (!fixtures.has(name)) {
    try {
      fixtures.set(name, loadFixture(name));
    } catch (err) {
      fixtures.set(name, err as Error);
    }
  }
  return fixtures.get(name)!;
}

/** How the harness finds a catalog item by what a scenario says: its id, its name, or part of its name (harness/target/existing.ts). */
export function findByNameOrId<T extends { id: string; name: string }>(items: readonly T[], key: string): T | undefined {
  const k = key.toLowerCase();
  return items.find((x) => x.id.toLowerCase() === k) ?? items.find((x) => x.name.toLowerCase() === k) ?? items.find((x) => x.name.toLowerCase().includes(k));
}

const known = (items: ReadonlyArray<{ name: string }>) => items.map((x) => x.name).join(', ');

export function checkReferences(s: Scenario, customers: Record<string, CustomerSpec>): ReferenceError[] {
  const errors: ReferenceError[] = [];
  const f = fixture(s.given.catalog);
  if (f instanceof Error) {
    const unknown = /not found/.test(f.message) ? `no catalog "${s.given.catalog}": expected one of ${FIXTURES.join(', ')} or a path to a fixture .json` : f.message;
    return [{ path: ['given', 'catalog'], message: `given.catalog: ${unknown}` }];
  }
  const snap: CatalogSnapshot = fixtureToSnapshot(f);
  const names = { location: snap.locations, service: snap.services, staff: snap.staff };
  const ref = (path: YamlPath, kind: keyof typeof names, value: string | undefined) => {
    if (value !== undefined && !findByNameOrId<{ id: string; name: string }>(names[kind], value)) {
      errors.push({ path, message: `${path.join('.')}: no ${kind} "${value}" in ${s.given.catalog} (known: ${known(names[kind])})` });
    }
  };

  s.given.existingBookings.forEach((b, i) => {
    const at = ['given', 'existingBookings', i];
    ref([...at, 'location'], 'location', b.location);
    ref([...at, 'service'], 'service', b.service);
    ref([...at, 'staff'], 'staff', b.staff);
  });
  s.given.faults.forEach((fault, i) => {
    // the simulator takes the slot of exactly this person: an id or a full name, not a part of one
    const staff = fault.slot?.staff.toLowerCase();
    if (staff && !snap.staff.some((p) => p.id.toLowerCase() === staff || p.name.toLowerCase() === staff)) {
      errors.push({ path: ['given', 'faults', i, 'slot', 'staff'], message: `given.faults.${i}.slot.staff: no staff member "${fault.slot!.staff}" in ${s.given.catalog} (known: ${known(snap.staff)})` });
    }
  });
  (s.expect?.bookings ?? []).forEach((b, i) => {
    const at = ['expect', 'bookings', i];
    ref([...at, 'location'], 'location', b.location);
    ref([...at, 'service'], 'service', b.service);
    ref([...at, 'staff'], 'staff', b.staff);
    if (b.customer && !customers[b.customer] && !/^\+\d{6,15}$/.test(b.customer)) {
      errors.push({ path: [...at, 'customer'], message: `expect.bookings.${i}.customer: expected a customer (${Object.keys(customers).join(', ')}) or a phone "+…", got "${b.customer}"` });
    }
  });
  const phones = Object.entries(customers).map(([key, c]) => [key, c.phone] as const);
  phones.forEach(([key, phone], i) => {
    const first = phones.findIndex(([, p]) => p === phone);
    if (first < i) errors.push({ path: key === 'main' ? ['given', 'customer', 'phone'] : ['customers', key, 'phone'], message: `${key}: the same phone ${phone} as ${phones[first][0]}; each customer needs their own chat` });
  });
  errors.push(...configErrors(s, f));
  return errors;
}

/** The overrides on top of what the harness sets, parsed as the plugin parses its configuration. */
function configErrors(s: Scenario, f: CatalogFixture): ReferenceError[] {
  const config = s.given.config as Record<string, unknown>;
  if (!Object.keys(config).length) return [];
  const base = { business: f.business, provider: { baseUrl: 'http://127.0.0.1:1' } };
  const merged = { ...base, ...config, business: { ...base.business, ...(config.business as object) }, provider: { ...base.provider, ...(config.provider as object) } };
  return checkConfiguration(merged).problems.map((p) => ({
    path: ['given', 'config', ...p.path.split('.')],
    message: `given.config.${p.path}: ${p.message}`,
    atKey: p.message === 'unknown field',
  }));
}
