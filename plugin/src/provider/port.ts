/**
 * The booking provider port: everything Bookwell asks of the business's booking
 * system. Adapters: the Nail It HTTP client (`nailit-client.ts`) and, through the
 * same client, the provider simulator (`simulator/`).
 *
 * Instants are ISO 8601 strings in UTC ("2026-03-02T14:00:00.000Z"); dates are
 * "YYYY-MM-DD" in the location's time zone.
 */
import type { CatalogLocation, CatalogService, WeeklyHours } from '../catalog/types';

export type ProviderLocation = CatalogLocation;
/** A service as offered at one location (no `locationIds`: the call is per location). */
export type ProviderService = Omit<CatalogService, 'locationIds'>;

export interface ProviderStaff {
  id: string;
  name: string;
  /** Optional on the wire: null when the provider gives none. */
  nameAr?: string | null;
  /** Her working hours per weekday (Monday first, null = off); null when the provider gives none. */
  hours?: WeeklyHours | null;
  /** Service ids this person performs at the location asked about. */
  serviceIds: string[];
}

/** A free window of one staff member (see FreeWindow in catalog/types). */
export interface ProviderSlot {
  staffId: string;
  start: string;
  end: string;
}

export interface OrderItemRequest {
  serviceId: string;
  staffId: string;
  start: string;
}

export interface OrderRequest {
  /** Ours, stored before the call: the provider returns the same order for the same key. */
  idempotencyKey: string;
  locationId: string;
  customer: { name: string; phone: string; email?: string | null };
  items: OrderItemRequest[];
}

export interface ProviderOrderItem extends OrderItemRequest {
  end: string;
  price: number;
}

export interface ProviderOrder {
  orderId: string;
  idempotencyKey: string;
  status: 'confirmed' | 'cancelled';
  locationId: string;
  items: ProviderOrderItem[];
  total: number;
  currency: string;
  paymentLink: string;
  createdAt: string;
}

export type ProviderEndpoint =
  | 'GetLocations'
  | 'GetLocationServices'
  | 'GetLocationStaff'
  | 'GetItemsByDate'
  | 'AddOrder'
  | 'GetOrder'
  | 'CancelOrder';

export interface BookingProvider {
  getLocations(): Promise<ProviderLocation[]>;
  getLocationServices(locationId: string): Promise<ProviderService[]>;
  getLocationStaff(locationId: string): Promise<ProviderStaff[]>;
  /** Free windows at a location on a date, optionally for one staff member. */
  getItemsByDate(q: { locationId: string; date: string; staffId?: string }): Promise<ProviderSlot[]>;
  addOrder(req: OrderRequest): Promise<ProviderOrder>;
  /** By provider order id or by our idempotency key; null when there is none. */
  getOrder(q: { orderId: string } | { idempotencyKey: string }): Promise<ProviderOrder | null>;
  cancelOrder(orderId: string): Promise<ProviderOrder>;
}

/** One provider call as recorded for the admin view (ProviderCall table). */
export interface ProviderCallRecord {
  endpoint: ProviderEndpoint;
  startedAt: Date;
  durationMs: number;
  outcome: 'ok' | 'error';
  /** ProviderError kind when outcome is "error". */
  errorKind?: ProviderErrorKind;
  status?: number;
  message?: string;
  attempt: number;
}

/** Where the client reports each call; the store writes it to ProviderCall. */
export type ProviderCallRecorder = (call: ProviderCallRecord) => void;

export type ProviderErrorKind =
  | 'timeout'
  | 'http' // non-2xx status
  | 'malformed' // body failed validation
  | 'network' // connection refused/reset
  | 'circuit_open' // breaker is open: not attempted
  | 'slot_taken' // the provider refused the order: slot no longer free
  | 'not_found';

export class ProviderError extends Error {
  readonly name = 'ProviderError';
  constructor(
    readonly kind: ProviderErrorKind,
    readonly endpoint: ProviderEndpoint,
    message: string,
    readonly status?: number,
    readonly cause?: unknown,
  ) {
    super(`${endpoint}: ${message}`);
  }
  /** Whether the operation may be retried without risk of doing it twice. */
  get transient(): boolean {
    return this.kind === 'timeout' || this.kind === 'network' || (this.kind === 'http' && (this.status ?? 0) >= 500);
  }
}
