/**
 * Catalog fixture files (fixtures/*.json): the data the provider simulator
 * serves and the `understand` CLI reads. Validated with zod so a broken file
 * names the field that is wrong.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import * as domain from '../config/domains';
import type { CatalogSnapshot, WeeklyHours } from './types';

/** A string that passes a domain check (time zone, country, currency); the issue says what is wrong with it. */
const checked = (check: domain.Check) =>
  z.string().superRefine((v, ctx) => {
    const problem = check(v);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected "HH:MM" (00:00 to 23:59)');
const DAY_KEY = /^(mon|tue|wed|thu|fri|sat|sun)(-(mon|tue|wed|thu|fri|sat|sun))?$/i;
const range = z.tuple([hhmm, hhmm]).nullable();
const dayIndex = z.number().int().min(0).max(6);

export const fixtureSchema = z.object({
  business: z.object({
    id: z.string().min(1),
    name: z.string().min(1),
    nameAr: z.string().optional(),
    country: checked(domain.country),
    currency: checked(domain.currency),
    timezone: checked(domain.timeZone),
    languages: z.array(z.enum(['en', 'ar', 'es'])).min(1),
  }),
  locations: z
    .array(
      z.object({
        id: z.string().min(1),
        name: z.string().min(1),
        nameAr: z.string().optional(),
        area: z.string().optional(),
        address: z.string(),
        phone: z.string().optional(),
        timezone: checked(domain.timeZone),
        /** Keys are day names or ranges: "sat-thu", "fri", "mon-sat", "sun". */
        hours: z.record(z.string(), range).superRefine((hours, ctx) => {
          for (const key of Object.keys(hours)) {
            if (!DAY_KEY.test(key)) ctx.addIssue({ code: 'custom', path: [key], message: `"${key}" is not a day (mon..sun) or a range like "sat-thu"` });
          }
        }),
      }),
    )
    .min(1),
  services: z.array(
    z.object({
      id: z.string().min(1),
      name: z.string().min(1),
      nameAr: z.string().optional(),
      category: z.string().min(1),
      durationMin: z.number().int().positive(),
      price: z.number().nonnegative(),
      currency: checked(domain.currency),
      locations: z.array(z.string()).min(1),
    }),
  ),
  staff: z.array(
    z.object({
      id: z.string().min(1),
      name: z.string().min(1),
      nameAr: z.string().optional(),
      locationId: z.string().min(1),
      categories: z.array(z.string()).min(1),
      /** 0 = Monday … 6 = Sunday. */
      daysOff: z.array(dayIndex),
      shift: z.tuple([hhmm, hhmm]),
    }),
  ),
  synonyms: z.record(z.string(), z.array(z.string())).optional(),
}).superRefine((f, ctx) => {
  // every id a fixture refers to must exist in it
  const locations = new Set(f.locations.map((l) => l.id));
  const categories = new Set(f.services.map((s) => s.category));
  const ids = new Set([...locations, ...f.services.map((s) => s.id), ...f.staff.map((p) => p.id)]);
  const missing = (path: Array<string | number>, what: string, id: string, known: Iterable<string>) =>
    ctx.addIssue({ code: 'custom', path, message: `no ${what} "${id}" in this fixture (known: ${[...known].join(', ')})` });
  f.services.forEach((s, i) => s.locations.forEach((l, j) => locations.has(l) || missing(['services', i, 'locations', j], 'location', l, locations)));
  f.staff.forEach((p, i) => {
    if (!locations.has(p.locationId)) missing(['staff', i, 'locationId'], 'location', p.locationId, locations);
    p.categories.forEach((c, j) => categories.has(c) || missing(['staff', i, 'categories', j], 'service category', c, categories));
  });
  for (const id of Object.keys(f.synonyms ?? {})) if (!ids.has(id)) missing(['synonyms', id], 'location, service or staff id', id, ids);
});

export type CatalogFixture = z.infer<typeof fixtureSchema>;

const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/** Expand {"sat-thu": [...], "fri": [...]} into seven entries, Monday first. */
export function expandHours(hours: Record<string, readonly [string, string] | null>): WeeklyHours {
  const week: Array<readonly [string, string] | null> = Array(7).fill(null);
  for (const [key, value] of Object.entries(hours)) {
    const [from, to = from] = key.toLowerCase().split('-');
    const a = DAYS.indexOf(from as (typeof DAYS)[number]);
    const b = DAYS.indexOf(to as (typeof DAYS)[number]);
    if (a < 0 || b < 0) throw new Error(`opening hours: unknown day "${key}" (use mon..sun or a range like "sat-thu")`);
    for (let i = a; ; i = (i + 1) % 7) {
      week[i] = value;
      if (i === b) break;
    }
  }
  return week;
}

export function parseFixture(json: unknown, source = 'fixture'): CatalogFixture {
  const parsed = fixtureSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new Error(`${source}: ${problems.join('; ')}`);
  }
  return parsed.data;
}

/** Fixture → the catalog shape the plugin uses (staff get the services of their categories at their location). */
export function fixtureToSnapshot(f: CatalogFixture): CatalogSnapshot {
  const locations = f.locations.map((l) => ({ ...l, hours: expandHours(l.hours) }));
  return {
    business: { ...f.business, nameAr: f.business.nameAr ?? null },
    locations,
    services: f.services.map(({ locations, ...s }) => ({ ...s, locationIds: locations })),
    staff: f.staff.map((p) => ({
      id: p.id,
      name: p.name,
      nameAr: p.nameAr ?? null,
      locationId: p.locationId,
      hours: staffHours(p, locations.find((l) => l.id === p.locationId)?.hours),
      serviceIds: f.services
        .filter((s) => p.categories.includes(s.category) && s.locations.includes(p.locationId))
        .map((s) => s.id),
    })),
    synonyms: f.synonyms,
  };
}

/** When she works each weekday: her shift within the location's opening hours; null on her days off and when it is closed. */
function staffHours(p: CatalogFixture['staff'][number], open: WeeklyHours | undefined): WeeklyHours {
  return Array.from({ length: 7 }, (_, day) => {
    const h = open?.[day];
    if (!h || p.daysOff.includes(day)) return null;
    const from = h[0] > p.shift[0] ? h[0] : p.shift[0];
    const to = h[1] < p.shift[1] ? h[1] : p.shift[1];
    return to > from ? ([from, to] as const) : null;
  });
}

/** Built-in fixtures shipped in fixtures/. */
export const FIXTURES = ['kuwait-spa', 'mexico-barber'] as const;
export type FixtureName = (typeof FIXTURES)[number];

export function fixturePath(name: string): string {
  if (name.endsWith('.json')) return name;
  return fileURLToPath(new URL(`../../../fixtures/${name}.json`, import.meta.url));
}

export function loadFixture(nameOrPath: string): CatalogFixture {
  const path = fixturePath(nameOrPath);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new Error(`catalog fixture not found: ${path} (built in: ${FIXTURES.join(', ')})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new Error(`${path}: not valid JSON: ${(e as Error).message}`);
  }
  return parseFixture(json, path);
}
