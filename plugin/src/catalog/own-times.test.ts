import { describe, expect, test } from 'vitest';
import { memoryCatalog, at } from '../conversation/testing';
import { assignStaff, isFree } from './availability';

describe('services with times of their own', () => {
  const catalog = memoryCatalog('kuwait-spa');
  const q = (items: Array<{ serviceId: string; staffId: string | null; time?: string | null }>) => ({ catalog, snapshot: catalog.snapshotValue, locationId: 'LOC-AV', items });

  test('each starts at its own time; one without follows the one before', async () => {
    const got = await assignStaff(q([{ serviceId: 'SVC-102', staffId: 'STF-01' }, { serviceId: 'SVC-104', staffId: 'any', time: '17:00' }, { serviceId: 'SVC-107', staffId: 'any' }]), '2026-03-02', '15:00');
    expect(got?.map((a) => a.start)).toEqual([at('2026-03-02T15:00'), at('2026-03-02T17:00'), at('2026-03-02T17:45')]);
  });

  test('one person is never given two services at once', async () => {
    // both at 15:00 with Sara: she cannot; with anyone, Maria takes the second
    expect(await isFree(q([{ serviceId: 'SVC-102', staffId: 'STF-01' }, { serviceId: 'SVC-104', staffId: 'STF-01', time: '15:00' }]), '2026-03-02', '15:00')).toBe(false);
    const got = await assignStaff(q([{ serviceId: 'SVC-102', staffId: 'STF-01' }, { serviceId: 'SVC-104', staffId: 'any', time: '15:00' }]), '2026-03-02', '15:00');
    expect(got?.map((a) => a.staffId)).toEqual(['STF-01', 'STF-02']);
  });
});
