import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, test } from 'vitest';
import { expandHours, loadFixture } from '../../catalog/fixture';
import { ceilToGrid, fits, freeWindows, GRID_MS, seededBookings, subtract, workingInterval } from './availability';
import { createSimCatalog } from './catalog';
import { addOrder, type EngineContext, slotsOn } from './engine';
import { createLedger } from './ledger';

const fixture = loadFixture('kuwait-spa');
const hamra = fixture.locations.find((l) => l.id === 'LOC-HT')!;
const hessa = fixture.staff.find((s) => s.id === 'STF-12')!; // LOC-HT, 09:00–17:00, off Friday
const claire = fixture.staff.find((s) => s.id === 'STF-13')!; // LOC-HT, 12:00–21:00
const zone = 'Asia/Kuwait';
const local = (ms: number) => DateTime.fromMillis(ms, { zone }).toFormat('yyyy-MM-dd HH:mm');

describe('workingInterval', () => {
  test('is opening hours ∩ shift in the location time zone', () => {
    const w = workingInterval(expandHours(hamra.hours), claire, '2026-03-02', zone)!;
    expect([local(w.start), local(w.end)]).toEqual(['2026-03-02 12:00', '2026-03-02 21:00']);
    expect(new Date(w.start).toISOString()).toBe('2026-03-02T09:00:00.000Z');
  });

  test('is null on a closed day (Al Hamra Tower on Friday) and on a day off', () => {
    expect(workingInterval(expandHours(hamra.hours), claire, '2026-03-06', zone)).toBeNull();
    const dalal = fixture.staff.find((s) => s.id === 'STF-14')!; // off Saturday (5)
    expect(workingInterval(expandHours(hamra.hours), dalal, '2026-03-07', zone)).toBeNull();
    expect(workingInterval(expandHours(hamra.hours), hessa, '2026-03-07', zone)).not.toBeNull();
  });
});

describe('interval arithmetic', () => {
  test('subtract removes busy time and keeps the rest', () => {
    expect(subtract({ start: 0, end: 100 }, [{ start: 10, end: 20 }, { start: 50, end: 120 }])).toEqual([
      { start: 0, end: 10 },
      { start: 20, end: 50 },
    ]);
  });

  test('freeWindows drops time before notBefore and windows too short for one grid step', () => {
    const work = { start: 0, end: 8 * GRID_MS };
    // [0, 30 min) starts at 16 min: no grid start leaves 15 minutes, so it goes.
    const windows = freeWindows(work, [{ start: 2 * GRID_MS, end: 2 * GRID_MS + 10 * 60_000 }], GRID_MS + 60_000);
    expect(windows).toEqual([{ start: 2 * GRID_MS + 10 * 60_000, end: 8 * GRID_MS }]);
    expect(ceilToGrid(1)).toBe(GRID_MS);
  });

  test('fits needs a grid start inside one window', () => {
    const windows = [{ start: 0, end: 4 * GRID_MS }];
    expect(fits(windows, GRID_MS, 3 * GRID_MS)).toBe(true);
    expect(fits(windows, GRID_MS + 60_000, 3 * GRID_MS)).toBe(false);
    expect(fits(windows, 2 * GRID_MS, 5 * GRID_MS)).toBe(false);
    // back to back after a 20-minute service: off the grid is fine
    expect(fits(windows, GRID_MS + 5 * 60_000, 3 * GRID_MS, false)).toBe(true);
  });

  test('seeded bookings are deterministic, on the grid, inside the working interval', () => {
    const work = workingInterval(expandHours(hamra.hours), hessa, '2026-03-02', zone)!;
    const a = seededBookings(1, hessa.id, '2026-03-02', work);
    expect(seededBookings(1, hessa.id, '2026-03-02', work)).toEqual(a);
    expect(a.length).toBeGreaterThanOrEqual(1);
    for (const b of a) {
      expect((b.start - work.start) % GRID_MS).toBe(0);
      expect(b.start).toBeGreaterThanOrEqual(work.start);
      expect(b.end).toBeLessThanOrEqual(work.end);
      expect(b.end - b.start).toBeGreaterThanOrEqual(30 * 60_000);
    }
  });
});

/**
 * Property: whatever the seed, date, location and orders already taken, every
 * window lies within opening hours ∩ shift (computed here independently from
 * the fixture) and overlaps no order and no pre-existing booking.
 */
describe('availability property', () => {
  const now = new Date('2026-03-01T09:00:00+03:00');
  const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

  test('windows stay within hours ∩ shift and never overlap an order', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1000 }),
        fc.integer({ min: 0, max: 13 }),
        fc.constantFrom(...fixture.locations.map((l) => l.id)),
        fc.array(fc.tuple(fc.nat(), fc.constantFrom(15, 30, 45, 60, 90)), { maxLength: 4 }),
        (seed, dayOffset, locationId, picks) => {
          const ledger = createLedger();
          const ctx: EngineContext = { catalog: createSimCatalog(fixture), ledger, seed, now: () => now, publicUrl: () => 'http://sim' };
          const date = DateTime.fromJSDate(now, { zone }).plus({ days: dayOffset }).toISODate()!;
          // Book a few services inside windows the simulator offered.
          const services = fixture.services.filter((s) => s.locations.includes(locationId));
          for (const [n, minutes] of picks) {
            const slots = slotsOn(ctx, { locationId, date });
            if (slots.length === 0) break;
            const slot = slots[n % slots.length];
            const staffServices = ctx.catalog.snapshot().staff.find((s) => s.id === slot.staffId)!.serviceIds;
            const service = services.find((s) => staffServices.includes(s.id) && s.durationMin === minutes);
            const start = ceilToGrid(Date.parse(slot.start));
            if (!service || start + minutes * 60_000 > Date.parse(slot.end)) continue;
            addOrder(ctx, {
              IdempotencyKey: `k${ledger.orders().length}`,
              LocationId: locationId,
              Customer: { Name: 'P', Mobile: '+96500000000' },
              Items: [{ ItemId: service.id, StaffId: slot.staffId, StartTime: new Date(start).toISOString() }],
            });
          }

          const loc = fixture.locations.find((l) => l.id === locationId)!;
          const weekday = DateTime.fromISO(date, { zone: loc.timezone }).weekday - 1;
          const open = expandHours(loc.hours)[weekday];
          for (const w of slotsOn(ctx, { locationId, date })) {
            const staff = fixture.staff.find((s) => s.id === w.staffId)!;
            expect(staff.locationId).toBe(locationId);
            expect(open).not.toBeNull();
            expect(staff.daysOff).not.toContain(weekday);
            const from = DateTime.fromISO(w.start, { zone: loc.timezone });
            const to = DateTime.fromISO(w.end, { zone: loc.timezone });
            expect(from.toISODate()).toBe(date);
            expect(to.toISODate()).toBe(date);
            expect(from.toFormat('HH:mm') >= open![0] && from.toFormat('HH:mm') >= staff.shift[0]).toBe(true);
            expect(to.toFormat('HH:mm') <= open![1] && to.toFormat('HH:mm') <= staff.shift[1]).toBe(true);
            expect(Date.parse(w.start)).toBeGreaterThanOrEqual(now.getTime());
            const win = { start: Date.parse(w.start), end: Date.parse(w.end) };
            for (const item of ledger.orders().flatMap((o) => o.items).filter((i) => i.staffId === w.staffId))
              expect(overlaps(win, { start: Date.parse(item.start), end: Date.parse(item.end) })).toBe(false);
            const work = workingInterval(expandHours(loc.hours), staff, date, loc.timezone)!;
            for (const b of seededBookings(seed, staff.id, date, work)) expect(overlaps(win, b)).toBe(false);
          }
        },
      ),
      { numRuns: 100, seed: 42 },
    );
  });
});
