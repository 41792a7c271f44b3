/**
 * Catalog fixture files (fixtures/*.json): the data the provider simulator
 * serves and the `understand` CLI reads. Validated with zod so a broken file
 * names the field that is wrong.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { CatalogSnapshot, WeeklyHours } from './types';

const hhmm = z.string().regex(/^\d{2}:\d{2}$/, 'expected "HH:MM"');
const range = z.tuple([hhmm, hhmm]).nullable();
const dayIndex = z.number().int().min(0).max(6);

export const fixtureSchema = z.object({
  business: z.object({
    id: z.string().min(1),
    name: z.string().min(1),
    nameAr: z.string().optional(),
    country: z.string().length(2),
    currency: z.string().length(3),
    timezone: z.string().min(1),
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
        timezone: z.string().min(1),
        /** Keys are day names or ranges: "sat-thu", "fri", "mon-sat", "sun". */
        hours: z.record(z.string(), range),
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
      currency: z.string().length(3),
      locations: z.array(z.string()).min(1),
    }),
  ),
  staff: z.array(
    z.object({
      id: z.string().min(1),
      name: z.string().min(1),
      locationId: z.string().min(1),
      categories: z.array(z.string()).min(1),
      /** 0 = Monday … 6 = Sunday. */
      daysOff: z.array(dayIndex),
      shift: z.tuple([hhmm, hhmm]),
    }),
  ),
  synonyms: z.record(z.string(), z.array(z.string())).optional(),
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
    const issue = parsed.error.issues[0];
    throw new Error(`${source}: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  return parsed.data;
}

/** Fixture → the catalog shape the plugin uses (staff get the services of their categories at their location). */
export function fixtureToSnapshot(f: CatalogFixture): CatalogSnapshot {
  return {
    business: { ...f.business, nameAr: f.business.nameAr ?? null },
    locations: f.locations.map((l) => ({ ...l, hours: expandHours(l.hours) })),
    services: f.services.map(({ locations, ...s }) => ({ ...s, locationIds: locations })),
    staff: f.staff.map((p) => ({
      id: p.id,
      name: p.name,
      locationId: p.locationId,
      serviceIds: f.services
        .filter((s) => p.categories.includes(s.category) && s.locations.includes(p.locationId))
        .map((s) => s.id),
    })),
    synonyms: f.synonyms,
  };
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
