/**
 * The booking service's vocabulary: what a caller asks for, what it gets back,
 * and the ports it runs on. Ids in requests are the provider's (external) ids;
 * the caller has already resolved "any staff" to a concrete person.
 */
import type { Booking, BookingItem } from '../../../generated/prisma/client';
import type { CatalogQueries } from '../catalog/ports';
import type { BookingProvider } from '../provider/port';
import type { Db } from '../store/database';
import type { Sql } from '../store/sql';

export interface BookingItemRequest {
  serviceId: string;
  /** Concrete staff member; see `anyStaff`. */
  staffId: string;
  start: Date;
  /** The customer accepted anyone: alternatives may then come from any staff member who performs the service. */
  anyStaff?: boolean;
}

export interface BookingRequest {
  conversationId?: string;
  customer: { phone: string; name: string; email?: string | null };
  locationId: string;
  /** Back to back or in parallel; ordered as one provider order (all or nothing). */
  items: BookingItemRequest[];
  /** Identifies the "yes" to one summary: a double yes, a redelivery and a retry share it. */
  confirmationId: string;
  /** Set by reschedule: the booking this one replaces. */
  rescheduledFromId?: string;
  /** The customer's language, kept for a message about this booking outside the chat's turns (the reconciler's). */
  language?: string;
}

export type BookingWithItems = Booking & { items: BookingItem[] };

export type ConfirmResult =
  | { kind: 'booked'; booking: BookingWithItems; paymentLink: string }
  /** Nothing was ordered before: this confirmation was already booked (double yes, redelivery). */
  | { kind: 'already_booked'; booking: BookingWithItems }
  /**
   * The slot is gone. `alternatives` are the nearest starts where every item
   * still fits, in our copy of those days just re-read from the provider;
   * `staffSpecific` says they are for the same staff member (keep the staff,
   * ask for a time) rather than for anyone who performs the service (the
   * caller re-resolves the staff too).
   */
  | { kind: 'slot_taken'; alternatives: Date[]; staffSpecific: boolean }
  /**
   * No usable answer within the deadline, the breaker is open, or the re-check got an answer it cannot use
   * ('error'). Nothing was ordered: the booking, if stored, is failed.
   */
  | { kind: 'provider_down'; reason: 'deadline' | 'circuit_open' | 'error' }
  /**
   * The order may have reached the provider and it could not be asked within the deadline: the booking
   * stays pending, and the reconciler (reconcile.ts) tells the customer the link or the failure once known.
   */
  | { kind: 'outcome_unknown'; reason: 'deadline' | 'circuit_open'; booking: BookingWithItems }
  /** The provider refused the request (invalid) or created only part of it (the part was cancelled). */
  | { kind: 'failed'; reason: 'rejected' | 'partial_order'; booking: BookingWithItems };

export interface BookingEventMap {
  bookingConfirmed: {
    businessId: string;
    bookingId: string;
    conversationId: string | null;
    providerOrderId: string;
    paymentLink: string;
    rescheduledFromId: string | null;
  };
  bookingCancelled: { businessId: string; bookingId: string; conversationId: string | null; providerOrderId: string | null };
  handoffRequested: { businessId: string; conversationId: string; reason: string; summary: string; customerPhone: string | null };
}

/** Where the owner's notifications go (Botpress events in the plugin, a list in tests). */
export interface BookingEvents {
  emit<K extends keyof BookingEventMap>(name: K, payload: BookingEventMap[K]): void | Promise<void>;
}

export interface BookingConfig {
  /** Total time a confirmation may spend retrying the provider. */
  deadlineMs: number;
  /** Delay before the first retry; multiplied by `backoffFactor` each time, capped at `backoffMaxMs`. */
  backoffMs: number;
  backoffFactor: number;
  backoffMaxMs: number;
  /** How many alternatives to offer when a slot is taken. */
  alternatives: number;
}

export const DEFAULT_BOOKING_CONFIG: BookingConfig = {
  deadlineMs: 20_000,
  backoffMs: 500,
  backoffFactor: 2,
  backoffMaxMs: 4_000,
  alternatives: 3,
};

export interface BookingDeps {
  prisma: Db;
  /** The hot statements of a yes on the database's pool (booking/sql.ts); default: through `prisma`. */
  sql?: Sql;
  provider: BookingProvider;
  businessId: string;
  now: () => Date;
  events?: BookingEvents;
  config?: Partial<BookingConfig>;
  /** Injected so that deadline tests do not wait. */
  sleep?: (ms: number) => Promise<void>;
  /** Joins concurrent calls for the same key inside this process (see single-flight.ts). */
  flights?: SingleFlight;
  /** Our copy, for the alternatives after a slot was taken; default: the database's, refreshed from `provider`. */
  catalog?: CatalogQueries;
}

export interface SingleFlight {
  run<T>(key: string, fn: () => Promise<T>): { promise: Promise<T>; joined: boolean };
}

export const configOf = (deps: BookingDeps): BookingConfig => ({ ...DEFAULT_BOOKING_CONFIG, ...deps.config });

/** One confirmation, one key: a double yes, a duplicate delivery and a retry all map to it. */
export function idempotencyKey(businessId: string, req: Pick<BookingRequest, 'conversationId' | 'customer' | 'confirmationId'>): string {
  return `${businessId}:${req.conversationId ?? `tel${req.customer.phone}`}:${req.confirmationId}`;
}
