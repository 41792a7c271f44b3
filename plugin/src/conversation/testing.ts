/**
 * Test doubles for the engine: an in-memory CatalogQueries built from a
 * fixture (free windows = staff shift ∩ opening hours, minus busy periods),
 * and a scripted extractor for tests that must not depend on the rule extractor.
 */
import { DateTime } from 'luxon';
import type { CatalogQueries } from '../catalog/ports';
import { fixtureToSnapshot, loadFixture, type CatalogFixture } from '../catalog/fixture';
import type { CatalogSnapshot, FreeWindow } from '../catalog/types';
import { emptyExtraction, type Extraction } from '../understanding/types';
import { handleTurn, type BookingLookup, type EngineDeps, type TurnInput, type TurnResult } from './engine';
import type { ConversationState } from './state';

export interface Busy {
  staffId: string;
  start: Date;
  end: Date;
}

export interface MemoryCatalog extends CatalogQueries {
  snapshotValue: CatalogSnapshot;
  busy: Busy[];
  calls: number;
}

export function memoryCatalog(fixtureName: string, busy: Busy[] = []): MemoryCatalog {
  const fixture: CatalogFixture = loadFixture(fixtureName);
  const snapshot = fixtureToSnapshot(fixture);
  const catalog: MemoryCatalog = {
    snapshotValue: snapshot,
    busy,
    calls: 0,
    async snapshot() {
      return snapshot;
    },
    async freeWindows({ locationId, from, to, staffId }) {
      catalog.calls += 1;
      const location = snapshot.locations.find((l) => l.id === locationId);
      if (!location) return [];
      const out: FreeWindow[] = [];
      const zone = location.timezone;
      const last = DateTime.fromJSDate(to, { zone }).endOf('day');
      for (let day = DateTime.fromJSDate(from, { zone }).startOf('day'); day <= last; day = day.plus({ days: 1 })) {
        const weekday = day.weekday - 1; // Monday = 0
        const hours = location.hours[weekday];
        if (!hours) continue;
        for (const person of fixture.staff) {
          if (person.locationId !== locationId || person.daysOff.includes(weekday)) continue;
          if (staffId && person.id !== staffId) continue;
          const at = (hhmm: string) => DateTime.fromISO(`${day.toFormat('yyyy-MM-dd')}T${hhmm}`, { zone }).toJSDate();
          const start = new Date(Math.max(at(hours[0]).getTime(), at(person.shift[0]).getTime()));
          const end = new Date(Math.min(at(hours[1]).getTime(), at(person.shift[1]).getTime()));
          for (const w of subtract({ start, end }, catalog.busy.filter((b) => b.staffId === person.id))) {
            if (w.end > from && w.start < to && w.end > w.start) out.push({ locationId, staffId: person.id, ...w });
          }
        }
      }
      return out;
    },
  };
  return catalog;
}

function subtract(w: { start: Date; end: Date }, busy: Busy[]): Array<{ start: Date; end: Date }> {
  let parts = [w];
  for (const b of busy) {
    parts = parts.flatMap((p) => {
      if (b.end <= p.start || b.start >= p.end) return [p];
      return [
        { start: p.start, end: b.start },
        { start: b.end, end: p.end },
      ].filter((q) => q.end > q.start);
    });
  }
  return parts;
}

/** Extractor that knows only the messages it is given; anything else yields an empty extraction. */
export function scriptedExtractor(script: Record<string, Partial<Extraction>>) {
  return (text: string): Extraction => {
    const entry = script[text.trim()];
    const language = /[\u0600-\u06ff]/.test(text) ? 'ar' : null;
    return { ...emptyExtraction(), language, ...entry };
  };
}

/** The frozen clock of the scenarios: Sunday 1 March 2026, 09:00 in Kuwait. */
export const NOW = new Date('2026-03-01T09:00:00+03:00');

/** A UTC instant from a local time in a zone, for busy periods. */
export function at(local: string, zone = 'Asia/Kuwait'): Date {
  return DateTime.fromISO(local, { zone }).toJSDate();
}

/** Runs a chat turn by turn, carrying the state as the DB would. */
export function chat(deps: EngineDeps, input: Omit<TurnInput, 'text'> = {}) {
  let state: ConversationState | null = null;
  const turns: TurnResult[] = [];
  return {
    turns,
    get state(): ConversationState | null {
      return state;
    },
    async say(text: string): Promise<TurnResult> {
      const result = await handleTurn(state, { ...input, text }, deps);
      state = result.state;
      turns.push(result);
      return result;
    },
  };
}

/** A customer with no bookings: the engine tests that never reach "my bookings". */
export const noBookings: BookingLookup = { list: async () => [] };
