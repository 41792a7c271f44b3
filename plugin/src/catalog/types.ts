/**
 * The business catalog as the rest of the plugin sees it: one shape whether it
 * comes from a fixture file (understand CLI, tests) or from our database (the
 * conversation). Ids are the provider's external ids.
 */

/** "HH:MM" in the location's time zone. */
export type ClockTime = string;

/** Opening hours per weekday, index 0 = Monday … 6 = Sunday; null = closed. */
export type WeeklyHours = ReadonlyArray<readonly [ClockTime, ClockTime] | null>;

export type Language = 'en' | 'ar' | 'es';

export interface CatalogBusiness {
  id: string;
  name: string;
  nameAr?: string | null;
  /** ISO 3166 region, used for phone parsing ("KW", "MX"). */
  country: string;
  currency: string;
  /** IANA zone of the business; each location also carries its own. */
  timezone: string;
  languages: Language[];
}

export interface CatalogLocation {
  id: string;
  name: string;
  nameAr?: string | null;
  area?: string | null;
  address: string;
  phone?: string | null;
  timezone: string;
  hours: WeeklyHours;
}

export interface CatalogService {
  id: string;
  name: string;
  nameAr?: string | null;
  category: string;
  durationMin: number;
  price: number;
  currency: string;
  /** Locations that offer this service. */
  locationIds: string[];
}

export interface CatalogStaff {
  id: string;
  name: string;
  /** Her name in Arabic, where the provider has one: Arabic replies use it. */
  nameAr?: string | null;
  locationId: string;
  /**
   * When she works, per weekday (Monday first; null = her day off), where the provider says so.
   * Absent or null: not known, and a day without a free window of hers is all there is to go by.
   */
  hours?: WeeklyHours | null;
  /** Services this person performs (at her location). */
  serviceIds: string[];
}

export interface CatalogSnapshot {
  business: CatalogBusiness;
  locations: CatalogLocation[];
  services: CatalogService[];
  staff: CatalogStaff[];
  /** Extra words per service/location/staff id, e.g. { "SVC-101": ["mani", "عادي"] }. */
  synonyms?: Record<string, string[]>;
}

/**
 * A free time window of one staff member at one location (UTC instants).
 * A service of duration d can start at any 15-minute grid point t with
 * start <= t and t + d <= end.
 */
export interface FreeWindow {
  locationId: string;
  staffId: string;
  start: Date;
  end: Date;
}

/** Grid on which bookable start times fall. */
export const SLOT_GRID_MINUTES = 15;
