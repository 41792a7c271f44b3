import { DateTime } from 'luxon';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { loadFixture } from '../../catalog/fixture';
import { createNailItClient } from '../nailit-client';
import type { BookingProvider, OrderRequest, ProviderError, ProviderSlot } from '../port';
import { type Simulator, startSimulator } from '.';

// Sunday 1 March 2026, 09:00 in Kuwait. Monday is 2026-03-02, Friday 2026-03-06.
const NOW = new Date('2026-03-01T09:00:00+03:00');
const zone = 'Asia/Kuwait';
const fixture = loadFixture('kuwait-spa');
const hm = (iso: string) => DateTime.fromISO(iso, { zone }).toFormat('HH:mm');
const minutes = (s: ProviderSlot) => (Date.parse(s.end) - Date.parse(s.start)) / 60_000;

let sim: Simulator;
let client: BookingProvider;

beforeAll(async () => {
  sim = await startSimulator({ fixture: 'kuwait-spa', seed: 1, now: () => NOW });
  client = createNailItClient({ baseUrl: sim.url });
});
afterAll(() => sim.close());
beforeEach(() => sim.reset());

const order = (key: string, items: OrderRequest['items'], locationId = 'LOC-AV'): OrderRequest => ({
  idempotencyKey: key,
  locationId,
  customer: { name: 'Hanan', phone: '+96599887766', email: 'h@example.com' },
  items,
});

/** A window of `staffId` on `date` at least `min` long. */
async function windowOf(staffId: string, date: string, min: number, locationId = 'LOC-AV'): Promise<ProviderSlot> {
  const slots = await client.getItemsByDate({ locationId, date, staffId });
  const slot = slots.find((s) => minutes(s) >= min);
  if (!slot) throw new Error(`no ${min}-minute window for ${staffId} on ${date}`);
  return slot;
}

describe('catalog endpoints', () => {
  test('GetLocations maps hours Monday-first, Al Hamra Tower closed on Friday', async () => {
    const locations = await client.getLocations();
    expect(locations.map((l) => l.id)).toEqual(['LOC-AV', 'LOC-MM', 'LOC-KT', 'LOC-HT']);
    const hamra = locations.find((l) => l.id === 'LOC-HT')!;
    expect(hamra.hours[4]).toBeNull();
    expect(hamra.hours[0]).toEqual(['09:00', '21:00']);
    expect(hamra).toMatchObject({ nameAr: 'برج الحمراء', timezone: zone, area: 'Sharq' });
  });

  test('GetLocationServices lists the services offered at the location', async () => {
    const services = await client.getLocationServices('LOC-KT');
    const expected = fixture.services.filter((s) => s.locations.includes('LOC-KT')).map((s) => s.id);
    expect(services.map((s) => s.id)).toEqual(expected);
    expect(services[0]).toMatchObject({ id: 'SVC-101', name: 'Classic Manicure', durationMin: 30, price: 6, currency: 'KWD' });
  });

  test('GetLocationStaff gives each person the services of her categories there', async () => {
    const staff = await client.getLocationStaff('LOC-AV');
    expect(staff.map((s) => s.name)).toEqual(['Sara', 'Maria', 'Joy', 'Fatima', 'Noura']);
    const joy = staff.find((s) => s.id === 'STF-03')!;
    const hair = fixture.services.filter((s) => s.category === 'hair' && s.locations.includes('LOC-AV')).map((s) => s.id);
    expect(joy.serviceIds).toEqual(hair);
  });

  test('an unknown location is not_found', async () => {
    await expect(client.getLocationStaff('LOC-XX')).rejects.toMatchObject({ kind: 'not_found', status: 404 });
  });

  test('catalog mutators show up in the next call', async () => {
    sim.catalog.removeService('SVC-101');
    sim.catalog.setServicePrice('SVC-102', 12.5);
    sim.catalog.addService({ id: 'SVC-999', name: 'Paraffin', category: 'nails', durationMin: 30, price: 4, currency: 'KWD', locations: ['LOC-AV'] });
    const services = await client.getLocationServices('LOC-AV');
    expect(services.find((s) => s.id === 'SVC-101')).toBeUndefined();
    expect(services.find((s) => s.id === 'SVC-102')!.price).toBe(12.5);
    expect((await client.getLocationStaff('LOC-AV')).find((s) => s.id === 'STF-01')!.serviceIds).toContain('SVC-999');
    sim.reset();
    expect((await client.getLocationServices('LOC-AV')).find((s) => s.id === 'SVC-101')).toBeDefined();
  });
});

describe('GetItemsByDate', () => {
  test('windows respect shift ∩ hours and days off (Noura is off on Monday)', async () => {
    const slots = await client.getItemsByDate({ locationId: 'LOC-AV', date: '2026-03-02' });
    expect(new Set(slots.map((s) => s.staffId))).toEqual(new Set(['STF-01', 'STF-02', 'STF-03', 'STF-04']));
    for (const s of slots.filter((x) => x.staffId === 'STF-02')) {
      expect(hm(s.start) >= '14:00').toBe(true);
      expect(hm(s.end) <= '22:00').toBe(true);
    }
  });

  test('Friday: Al Hamra Tower is closed, other locations open late and Friday-off staff are absent', async () => {
    expect(await client.getItemsByDate({ locationId: 'LOC-HT', date: '2026-03-06' })).toEqual([]);
    const avenues = await client.getItemsByDate({ locationId: 'LOC-AV', date: '2026-03-06' });
    expect(avenues.length).toBeGreaterThan(0);
    expect(avenues.every((s) => hm(s.start) >= '14:00')).toBe(true);
    expect(avenues.some((s) => s.staffId === 'STF-01' || s.staffId === 'STF-03')).toBe(false);
  });

  test('pre-existing bookings leave gaps in the working day', async () => {
    const slots = await client.getItemsByDate({ locationId: 'LOC-HT', date: '2026-03-02', staffId: 'STF-12' });
    const free = slots.reduce((sum, s) => sum + minutes(s), 0);
    expect(free).toBeLessThanOrEqual(8 * 60 - 30); // 09:00–17:00 minus at least one 30-minute booking
    expect(slots.every((s) => s.staffId === 'STF-12')).toBe(true);
  });

  test('only from now on: past dates are empty and today starts after the clock', async () => {
    expect(await client.getItemsByDate({ locationId: 'LOC-AV', date: '2026-02-28' })).toEqual([]);
    sim.setNow(new Date('2026-03-02T15:05:00+03:00'));
    const today = await client.getItemsByDate({ locationId: 'LOC-AV', date: '2026-03-02' });
    expect(today.length).toBeGreaterThan(0);
    expect(today.every((s) => hm(s.start) >= '15:15')).toBe(true);
  });

  test('same seed and clock give identical windows; another seed differs', async () => {
    const other = await startSimulator({ fixture: loadFixture('kuwait-spa'), seed: 1, now: () => NOW });
    const seed2 = await startSimulator({ fixture: 'kuwait-spa', seed: 2, now: () => NOW });
    try {
      const q = { locationId: 'LOC-MM', date: '2026-03-03' };
      const a = await client.getItemsByDate(q);
      expect(await createNailItClient({ baseUrl: other.url }).getItemsByDate(q)).toEqual(a);
      expect(await createNailItClient({ baseUrl: seed2.url }).getItemsByDate(q)).not.toEqual(a);
    } finally {
      await Promise.all([other.close(), seed2.close()]);
    }
  });

  test('works for another time zone (Mexico City)', async () => {
    const mx = await startSimulator({ fixture: 'mexico-barber', now: () => new Date('2026-03-02T09:00:00-06:00') });
    try {
      const slots = await createNailItClient({ baseUrl: mx.url }).getItemsByDate({ locationId: 'LOC-CO', date: '2026-03-02' });
      expect(slots.length).toBeGreaterThan(0);
      for (const s of slots) expect(DateTime.fromISO(s.start, { zone: 'America/Mexico_City' }).toFormat('HH:mm') >= '10:00').toBe(true);
      expect(slots[0].start.endsWith('Z')).toBe(true);
    } finally {
      await mx.close();
    }
  });
});

describe('orders', () => {
  test('AddOrder books a free window, computes the total and a payment link; the window is gone', async () => {
    const w = await windowOf('STF-01', '2026-03-02', 45);
    const o = await client.addOrder(order('k-1', [{ serviceId: 'SVC-102', staffId: 'STF-01', start: w.start }]));
    expect(o).toMatchObject({ orderId: 'NI-000001', status: 'confirmed', total: 10, currency: 'KWD', createdAt: NOW.toISOString() });
    expect(o.paymentLink).toBe(`${sim.url}/pay/NI-000001`);
    expect(o.items[0].end).toBe(new Date(Date.parse(w.start) + 45 * 60_000).toISOString());
    const after = await client.getItemsByDate({ locationId: 'LOC-AV', date: '2026-03-02', staffId: 'STF-01' });
    expect(after.some((s) => s.start <= w.start && w.start < s.end)).toBe(false);
    expect((await fetch(o.paymentLink)).status).toBe(200);
  });

  test('AddOrder is idempotent by key', async () => {
    const w = await windowOf('STF-01', '2026-03-02', 45);
    const req = order('same-key', [{ serviceId: 'SVC-102', staffId: 'STF-01', start: w.start }]);
    const first = await client.addOrder(req);
    const again = await client.addOrder(req);
    expect(again).toEqual(first);
    expect(sim.ledger.orders()).toHaveLength(1);
  });

  test('multi-item orders back to back are booked together', async () => {
    const w = await windowOf('STF-01', '2026-03-02', 75);
    const second = new Date(Date.parse(w.start) + 45 * 60_000).toISOString();
    const o = await client.addOrder(
      order('multi', [
        { serviceId: 'SVC-102', staffId: 'STF-01', start: w.start },
        { serviceId: 'SVC-101', staffId: 'STF-01', start: second },
      ]),
    );
    expect(o.items).toHaveLength(2);
    expect(o.total).toBe(16);
  });

  test('multi-item orders are all-or-nothing', async () => {
    const w = await windowOf('STF-01', '2026-03-02', 45);
    // The second item overlaps the first: nothing may be booked.
    const err = await client
      .addOrder(
        order('overlap', [
          { serviceId: 'SVC-102', staffId: 'STF-01', start: w.start },
          { serviceId: 'SVC-101', staffId: 'STF-01', start: w.start },
        ]),
      )
      .catch((e: ProviderError) => e);
    expect(err).toMatchObject({ kind: 'slot_taken', status: 409 });
    expect(sim.ledger.orders()).toHaveLength(0);
    expect(await windowOf('STF-01', '2026-03-02', 45)).toEqual(w);
  });

  test('AddOrder refuses a time outside the windows, off the grid, or a service the person does not do', async () => {
    const closed = '2026-03-06T09:00:00.000Z'; // Friday noon at Al Hamra Tower
    await expect(client.addOrder(order('a', [{ serviceId: 'SVC-101', staffId: 'STF-14', start: closed }], 'LOC-HT'))).rejects.toMatchObject({
      kind: 'slot_taken',
    });
    const w = await windowOf('STF-01', '2026-03-02', 60);
    const offGrid = new Date(Date.parse(w.start) + 5 * 60_000).toISOString();
    await expect(client.addOrder(order('b', [{ serviceId: 'SVC-101', staffId: 'STF-01', start: offGrid }]))).rejects.toMatchObject({
      kind: 'slot_taken',
    });
    await expect(client.addOrder(order('c', [{ serviceId: 'SVC-101', staffId: 'STF-03', start: w.start }]))).rejects.toMatchObject({
      kind: 'http',
      status: 400,
    });
  });

  test('GetOrder by id and by key; null when unknown', async () => {
    const w = await windowOf('STF-02', '2026-03-02', 30);
    const o = await client.addOrder(order('k-get', [{ serviceId: 'SVC-101', staffId: 'STF-02', start: w.start }]));
    expect(await client.getOrder({ orderId: o.orderId })).toEqual(o);
    expect(await client.getOrder({ idempotencyKey: 'k-get' })).toEqual(o);
    expect(await client.getOrder({ idempotencyKey: 'nope' })).toBeNull();
  });

  test('CancelOrder frees the window and is idempotent; unknown order is not_found', async () => {
    const before = await client.getItemsByDate({ locationId: 'LOC-AV', date: '2026-03-02', staffId: 'STF-02' });
    const w = before.find((s) => minutes(s) >= 30)!;
    const o = await client.addOrder(order('k-cancel', [{ serviceId: 'SVC-101', staffId: 'STF-02', start: w.start }]));
    const cancelled = await client.cancelOrder(o.orderId);
    expect(cancelled.status).toBe('cancelled');
    expect((await client.cancelOrder(o.orderId)).status).toBe('cancelled');
    expect(await client.getItemsByDate({ locationId: 'LOC-AV', date: '2026-03-02', staffId: 'STF-02' })).toEqual(before);
    await expect(client.cancelOrder('NI-999999')).rejects.toMatchObject({ kind: 'not_found' });
  });
});

describe('admin and lifecycle', () => {
  test('admin routes set faults, clock, list orders, count calls and reset', async () => {
    const post = (path: string, body: unknown) =>
      fetch(`${sim.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect((await post('/__admin/faults', { endpoint: 'GetLocations', kind: 'error', status: 503, call: 1 })).status).toBe(200);
    expect(sim.faults.active()).toHaveLength(1);
    expect((await post('/__admin/faults', { endpoint: 'Nope', kind: 'error' })).status).toBe(400);
    expect((await fetch(`${sim.url}/__admin/faults`, { method: 'DELETE' })).status).toBe(200);
    expect(sim.faults.active()).toHaveLength(0);

    await post('/__admin/clock', { now: '2026-03-02T12:00:00+03:00' });
    expect(sim.now().toISOString()).toBe('2026-03-02T09:00:00.000Z');

    const w = await windowOf('STF-01', '2026-03-02', 30);
    await client.addOrder(order('admin', [{ serviceId: 'SVC-101', staffId: 'STF-01', start: w.start }]));
    expect(await (await fetch(`${sim.url}/__admin/orders`)).json()).toHaveLength(1);
    expect(await (await fetch(`${sim.url}/__admin/calls`)).json()).toMatchObject({ GetItemsByDate: 1, AddOrder: 1, GetLocations: 0 });

    await post('/__admin/reset', {});
    expect(sim.ledger.orders()).toHaveLength(0);
    expect(sim.calls().AddOrder).toBe(0);
    expect(sim.now()).toEqual(NOW);
  });

  test('a bearer token is required when configured', async () => {
    const secured = await startSimulator({ fixture: 'kuwait-spa', token: 's3cret', now: () => NOW });
    try {
      await expect(createNailItClient({ baseUrl: secured.url }).getLocations()).rejects.toMatchObject({ kind: 'http', status: 401 });
      expect(await createNailItClient({ baseUrl: secured.url, token: 's3cret' }).getLocations()).toHaveLength(4);
    } finally {
      await secured.close();
    }
  });

  test('close does not hang on a held (timeout) request', async () => {
    const held = await startSimulator({ fixture: 'kuwait-spa', now: () => NOW });
    held.faults.set({ endpoint: 'GetLocations', kind: 'timeout' });
    const pending = createNailItClient({ baseUrl: held.url, timeoutMs: 60_000 }).getLocations().catch((e: ProviderError) => e);
    await expect.poll(() => held.calls().GetLocations).toBe(1);
    await held.close();
    expect(await pending).toMatchObject({ kind: 'network' });
  });
});
