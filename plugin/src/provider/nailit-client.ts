/**
 * BookingProvider over the Nail It-shaped HTTP API (wire format: nailit-wire.ts).
 *
 * Each attempt: circuit breaker → fetch with its own timeout → zod validation.
 * Whatever goes wrong surfaces as a ProviderError. Safe calls (reads, GetOrder,
 * CancelOrder) are retried on transient errors; AddOrder never is, because a
 * retry could book twice: the booking service looks the order up by its
 * idempotency key instead.
 */
import { BrokenCircuitError, ConsecutiveBreaker, circuitBreaker, handleWhen } from 'cockatiel';
import pRetry from 'p-retry';
import { toLocation, toOrder, toService, toSlot, toStaff } from './nailit-map';
import { SLOT_TAKEN_CODE, type WireData, type WireEndpoint, wireData, wireEnvelope } from './nailit-wire';
import {
  type BookingProvider,
  type ProviderCallRecorder,
  ProviderError,
  type ProviderOrder,
  type OrderRequest,
} from './port';

export interface NailItClientOptions {
  baseUrl: string;
  token?: string;
  /** Per attempt, including reading the body. */
  timeoutMs?: number;
  /** Extra attempts for safe calls on transient errors. */
  retries?: number;
  /** Delay before the first retry; doubles for each next one. */
  backoffMs?: number;
  /** Opens after `failureThreshold` consecutive transient failures; one probe call after `resetMs`. */
  breaker?: { failureThreshold: number; resetMs: number };
  recorder?: ProviderCallRecorder;
  fetch?: typeof globalThis.fetch;
  sleep?: (ms: number) => Promise<void>;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createNailItClient(opts: NailItClientOptions): BookingProvider {
  const {
    token,
    timeoutMs = 8000,
    retries = 2,
    backoffMs = 250,
    breaker = { failureThreshold: 5, resetMs: 30_000 },
    recorder,
    fetch: fetchImpl = globalThis.fetch,
    sleep = defaultSleep,
  } = opts;
  const baseUrl = opts.baseUrl.replace(/\/+$/, '');
  // cockatiel 3 (4.x needs Node 22). Only transient failures count towards opening it;
  // while the half-open probe is in flight, other calls wait for its outcome.
  const policy = circuitBreaker(
    handleWhen((e) => e instanceof ProviderError && e.transient),
    { halfOpenAfter: breaker.resetMs, breaker: new ConsecutiveBreaker(breaker.failureThreshold) },
  );

  async function send<E extends WireEndpoint>(endpoint: E, body: unknown): Promise<{ status: number; data: WireData<E> }> {
    const ctrl = new AbortController();
    const timer = setTimeout(() => ctrl.abort(), timeoutMs);
    const fail = (e: unknown): never => {
      if (ctrl.signal.aborted) throw new ProviderError('timeout', endpoint, `no answer within ${timeoutMs} ms`, undefined, e);
      throw new ProviderError('network', endpoint, e instanceof Error ? e.message : String(e), undefined, e);
    };
    try {
      const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
      if (token) headers.authorization = `Bearer ${token}`;
      const res = await fetchImpl(`${baseUrl}/${endpoint}`, {
        method: 'POST',
        headers,
        body: JSON.stringify(body),
        signal: ctrl.signal,
      }).catch(fail);
      const text = await res.text().catch(fail);
      if (!res.ok) throw errorFromStatus(endpoint, res.status, text);
      return { status: res.status, data: parseBody(endpoint, res.status, text) };
    } finally {
      clearTimeout(timer);
    }
  }

  async function attempt<E extends WireEndpoint>(endpoint: E, body: unknown, attemptNo: number): Promise<WireData<E>> {
    const startedAt = new Date();
    const t0 = performance.now();
    const durationMs = () => Math.round(performance.now() - t0);
    try {
      const { status, data } = await policy.execute(() => send(endpoint, body));
      recorder?.({ endpoint, startedAt, durationMs: durationMs(), outcome: 'ok', status, attempt: attemptNo });
      return data;
    } catch (e) {
      const err =
        e instanceof ProviderError
          ? e
          : e instanceof BrokenCircuitError
            ? new ProviderError('circuit_open', endpoint, 'circuit open: provider failing, not called', undefined, e)
            : new ProviderError('network', endpoint, String(e), undefined, e);
      recorder?.({
        endpoint,
        startedAt,
        durationMs: durationMs(),
        outcome: 'error',
        errorKind: err.kind,
        status: err.status,
        message: err.message,
        attempt: attemptNo,
      });
      throw err;
    }
  }

  function call<E extends WireEndpoint>(endpoint: E, body: unknown, retry: boolean): Promise<WireData<E>> {
    if (!retry) return attempt(endpoint, body, 1);
    return pRetry((n) => attempt(endpoint, body, n), {
      retries,
      // p-retry's own delay is off so that the backoff goes through the injectable sleep.
      minTimeout: 0,
      maxTimeout: 0,
      shouldRetry: async ({ error, retriesConsumed }) => {
        if (!(error instanceof ProviderError && error.transient)) return false;
        await sleep(backoffMs * 2 ** retriesConsumed);
        return true;
      },
    });
  }

  return {
    async getLocations() {
      return (await call('GetLocations', {}, true)).Locations.map(toLocation);
    },
    async getLocationServices(locationId) {
      return (await call('GetLocationServices', { LocationId: locationId }, true)).Services.map(toService);
    },
    async getLocationStaff(locationId) {
      return (await call('GetLocationStaff', { LocationId: locationId }, true)).Staff.map(toStaff);
    },
    async getItemsByDate({ locationId, date, staffId }) {
      const body = { LocationId: locationId, Date: date, ...(staffId ? { StaffId: staffId } : {}) };
      return (await call('GetItemsByDate', body, true)).Slots.map(toSlot);
    },
    async addOrder(req: OrderRequest): Promise<ProviderOrder> {
      const body = {
        IdempotencyKey: req.idempotencyKey,
        LocationId: req.locationId,
        Customer: { Name: req.customer.name, Mobile: req.customer.phone, Email: req.customer.email ?? null },
        Items: req.items.map((i) => ({ ItemId: i.serviceId, StaffId: i.staffId, StartTime: i.start })),
      };
      return toOrder((await call('AddOrder', body, false)).Order);
    },
    async getOrder(q) {
      const body = 'orderId' in q ? { OrderId: q.orderId } : { IdempotencyKey: q.idempotencyKey };
      try {
        return toOrder((await call('GetOrder', body, true)).Order);
      } catch (e) {
        if (e instanceof ProviderError && e.kind === 'not_found') return null;
        throw e;
      }
    },
    async cancelOrder(orderId) {
      return toOrder((await call('CancelOrder', { OrderId: orderId }, true)).Order);
    },
  };
}

/** JSON, envelope, then the endpoint's Data schema; any mismatch is 'malformed'. */
function parseBody<E extends WireEndpoint>(endpoint: E, status: number, text: string): WireData<E> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ProviderError('malformed', endpoint, `malformed response (not JSON): ${snippet(text)}`, status);
  }
  const envelope = wireEnvelope.safeParse(json);
  const data = envelope.success ? wireData[endpoint].safeParse(envelope.data.Data) : envelope;
  if (!data.success) {
    const issue = data.error.issues[0];
    const where = (envelope.success ? ['Data', ...issue.path] : issue.path).join('.') || '(root)';
    throw new ProviderError('malformed', endpoint, `malformed response at ${where}: ${issue.message}`, status, data.error);
  }
  return data.data as WireData<E>;
}

function errorFromStatus(endpoint: WireEndpoint, status: number, text: string): ProviderError {
  let code: string | undefined;
  let message = `HTTP ${status}`;
  try {
    const envelope = wireEnvelope.safeParse(JSON.parse(text));
    if (envelope.success) {
      code = envelope.data.Code;
      message = `HTTP ${status} ${code}: ${envelope.data.Message}`;
    }
  } catch {
    // Error bodies from proxies are often HTML; the status says enough.
    if (text) message = `HTTP ${status}: ${snippet(text)}`;
  }
  if (status === 404) return new ProviderError('not_found', endpoint, message, status);
  if (status === 409 && code === SLOT_TAKEN_CODE) return new ProviderError('slot_taken', endpoint, message, status);
  return new ProviderError('http', endpoint, message, status);
}

const snippet = (text: string) => (text.length > 80 ? `${text.slice(0, 80)}…` : text);
