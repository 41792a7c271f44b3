/**
 * The simulator's live catalog: a private copy of the fixture that tests and
 * scenarios mutate (a service removed, a price changed) to exercise sync.
 */
import { type CatalogFixture, fixtureToSnapshot } from '../../catalog/fixture';
import type { CatalogSnapshot } from '../../catalog/types';

export type FixtureService = CatalogFixture['services'][number];
export type FixtureStaff = CatalogFixture['staff'][number];

export interface SimCatalog {
  /** Current data in fixture shape (staff shifts and days off live here). */
  fixture(): CatalogFixture;
  /** The same as the plugin sees it: expanded hours, staff → service ids. */
  snapshot(): CatalogSnapshot;
  addService(service: FixtureService): void;
  updateService(id: string, patch: Partial<Omit<FixtureService, 'id'>>): void;
  setServicePrice(id: string, price: number): void;
  removeService(id: string): void;
  addStaff(staff: FixtureStaff): void;
  updateStaff(id: string, patch: Partial<Omit<FixtureStaff, 'id'>>): void;
  removeStaff(id: string): void;
  reset(): void;
}

export function createSimCatalog(original: CatalogFixture): SimCatalog {
  let data = structuredClone(original);
  let snapshot: CatalogSnapshot | null = null;
  const change = (fn: (d: CatalogFixture) => void) => {
    fn(data);
    snapshot = null;
  };
  const find = <T extends { id: string }>(list: T[], id: string, what: string): T => {
    const item = list.find((x) => x.id === id);
    if (!item) throw new Error(`simulator catalog: no ${what} "${id}"`);
    return item;
  };
  const catalog: SimCatalog = {
    fixture: () => data,
    snapshot: () => (snapshot ??= fixtureToSnapshot(data)),
    addService: (service) => change((d) => d.services.push(structuredClone(service))),
    updateService: (id, patch) => change((d) => Object.assign(find(d.services, id, 'service'), patch)),
    setServicePrice: (id, price) => catalog.updateService(id, { price }),
    removeService: (id) => change((d) => (d.services = d.services.filter((s) => s !== find(d.services, id, 'service')))),
    addStaff: (staff) => change((d) => d.staff.push(structuredClone(staff))),
    updateStaff: (id, patch) => change((d) => Object.assign(find(d.staff, id, 'staff member'), patch)),
    removeStaff: (id) => change((d) => (d.staff = d.staff.filter((s) => s !== find(d.staff, id, 'staff member')))),
    reset: () => change(() => (data = structuredClone(original))),
  };
  return catalog;
}
