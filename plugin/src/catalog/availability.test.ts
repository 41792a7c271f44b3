import { describe, expect, it } from 'vitest';
import { assignStaff, eligibleStaff, isFree, nearestFree, type AvailabilityQuery } from './availability';
import type { CatalogSnapshot, FreeWindow } from './types';

/** A small catalog in Kolkata (+05:30): nails by Asha and Bina, a massage by Bina only. */
const snapshot: CatalogSnapshot = {
  business: { id: 'b', name: 'Spa', country: 'IN', currency: 'INR', timezone: 'Asia/Kolkata', languages: ['en'] },
  locations: [
    { id: 'L1', name: 'One', address: '', timezone: 'Asia/Kolkata', hours: Array(7).fill(['09:00', '18:00']) },
    { id: 'L2', name: 'Two', address: '', timezone: 'Asia/Kolkata', hours: Array(7).fill(['09:00', '18:00']) },
  ],
  services: [
    { id: 'NAILS', name: 'Nails', category: 'n', durationMin: 45, price: 1, currency: 'INR', locationIds: ['L1', 'L2'] },
    { id: 'MASSAGE', name: 'Massage', category: 'm', durationMin: 60, price: 1, currency: 'INR', locationIds: ['L1'] },
  ],
  staff: [
    { id: 'ASHA', name: 'Asha', locationId: 'L1', serviceIds: ['NAILS'] },
    { id: 'BINA', name: 'Bina', locationId: 'L1', serviceIds: ['NAILS', 'MASSAGE'] },
    { id: 'CHIA', name: 'Chia', locationId: 'L2', serviceIds: ['NAILS', 'MASSAGE'] },
  ],
};

const at = (local: string) => new Date(`${local}:00+05:30`);
const windows = (list: Array<[string, string, string]>) => ({
  async freeWindows(q: { locationId: string; from: Date; to: Date }): Promise<FreeWindow[]> {
    return list
      .map(([staffId, start, end]) => ({ locationId: 'L1', staffId, start: at(start), end: at(end) }))
      .filter((w) => w.start < q.to && w.end > q.from);
  },
});
const query = (list: Array<[string, string, string]>, items: AvailabilityQuery['items']): AvailabilityQuery => ({ catalog: windows(list), snapshot, locationId: 'L1', items });

describe('slot maths', () => {
  it('staff eligibility: works at the location and performs the service there', () => {
    expect(eligibleStaff(snapshot, 'L1', 'NAILS').map((p) => p.id)).toEqual(['ASHA', 'BINA']);
    expect(eligibleStaff(snapshot, 'L1', 'MASSAGE').map((p) => p.id)).toEqual(['BINA']);
    expect(eligibleStaff(snapshot, 'L2', 'NAILS').map((p) => p.id)).toEqual(['CHIA']);
  });

  it('back to back: each service with someone who may take it, the next starting when the last ends', async () => {
    // Asha is free for the nails, only Bina does the massage after them
    const q = query([['ASHA', '2026-03-02T10:00', '2026-03-02T11:00'], ['BINA', '2026-03-02T10:45', '2026-03-02T12:00']], [
      { serviceId: 'NAILS', staffId: 'any' },
      { serviceId: 'MASSAGE', staffId: null },
    ]);
    expect(await assignStaff(q, '2026-03-02', '10:00')).toEqual([
      { serviceId: 'NAILS', staffId: 'ASHA', start: at('2026-03-02T10:00'), anyStaff: true },
      { serviceId: 'MASSAGE', staffId: 'BINA', start: at('2026-03-02T10:45'), anyStaff: true },
    ]);
    // half an hour later nobody free may do the nails
    expect(await isFree(q, '2026-03-02', '10:30')).toBe(false);
    // a chosen person is the only one who may take her service
    expect(await isFree({ ...q, items: [{ serviceId: 'NAILS', staffId: 'BINA' }] }, '2026-03-02', '10:00')).toBe(false);
  });

  it('nearest free starts: on the location clock grid, never in the past, nearest first, returned in time order', async () => {
    // a window starting at 10:07 local: the first start on the 15-minute grid of Kolkata's clock is 10:15
    const q = query([['ASHA', '2026-03-02T10:07', '2026-03-02T12:00']], [{ serviceId: 'NAILS', staffId: 'ASHA' }]);
    expect(await nearestFree(q, { date: '2026-03-02', time: '11:00' }, at('2026-03-01T09:00'), 3)).toEqual(['2026-03-02T10:45', '2026-03-02T11:00', '2026-03-02T11:15']);
    expect(await nearestFree(q, { date: '2026-03-02', time: '10:00' }, at('2026-03-02T10:40'), 2)).toEqual(['2026-03-02T10:45', '2026-03-02T11:00']);
    expect(await nearestFree(q, { date: '2026-03-02', time: null }, at('2026-03-01T09:00'), 2, { spacingMin: 60 })).toEqual(['2026-03-02T10:15', '2026-03-02T11:15']);
  });

  it('a time the provider just refused is not offered with that person, whatever our copy says; with anyone, someone else may take it', async () => {
    const list: Array<[string, string, string]> = [['ASHA', '2026-03-02T10:00', '2026-03-02T11:00'], ['BINA', '2026-03-02T10:00', '2026-03-02T10:45']];
    const taken = { start: at('2026-03-02T10:00'), staffId: 'ASHA' };
    const hers = query(list, [{ serviceId: 'NAILS', staffId: 'ASHA' }]);
    expect(await nearestFree(hers, { date: '2026-03-02', time: '10:00' }, at('2026-03-01T09:00'), 2, { taken })).toEqual(['2026-03-02T10:15']);
    const anyone = query(list, [{ serviceId: 'NAILS', staffId: 'any' }]);
    expect(await nearestFree(anyone, { date: '2026-03-02', time: '10:00' }, at('2026-03-01T09:00'), 2, { taken })).toEqual(['2026-03-02T10:00', '2026-03-02T10:15']);
  });
});
