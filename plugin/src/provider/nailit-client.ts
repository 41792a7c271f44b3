/**
 * BookingProvider over the Nail It-shaped HTTP API (wire format: nailit-wire.ts).
 *
 * Each call is one attempt: circuit breaker → fetch with its own timeout → zod
 * validation. Whatever goes wrong surfaces as a ProviderError, and every
 * attempt is recorded. Retrying is the caller's, through runtime/retry.ts
 * (sync retries reads; the booking service retries safe calls within its
 * deadline and never repeats AddOrder blindly), so no call is retried twice over.
 */
import { BrokenCircuitError, ConsecutiveBreaker, circuitBreaker, handleWhen } from 'cockatiel';
import { systemClock, type Clock } from '../runtime/clock';
import { crashPoint } from '../runtime/crash';
import { currentAttempt } from '../runtime/retry';
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
  /** Per call, including reading the body. */
  timeoutMs?: number;
  /** Opens after `failureThreshold` consecutive transient failures; one probe call after `resetMs`. */
  breaker?: { failureThreshold: number; resetMs: number };
  recorder?: ProviderCallRecorder;
  fetch?: typeof globalThis.fetch;
  /** Runs the timeout; default: the system clock (a scenario's virtual one inside runOnClock). */
  clock?: Clock;
}

export function createNailItClient(opts: NailItClientOptions): BookingProvider {
  const { token, timeoutMs = 8000, breaker = { failureThreshold: 5, resetMs: 30_000 }, recorder, fetch: fetchImpl = globalThis.fetch, clock = systemClock } = opts;
  const baseUrl = opts.baseUrl.replace(/\/+$/, '');
  // cockatiel 3 (4.x needs Node 22). Only transient failures count towards opening it;
  // while the half-open probe is in flight, other calls wait for its outcome.
  const policy = circuitBreaker(
    handleWhen((e) => e instanceof ProviderError && e.transient),
    { halfOpenAfter: breaker.resetMs, breaker: new ConsecutiveBreaker(breaker.failureThreshold) },
  );

  // the last transient failure: what an open circuit reports, so "circuit open" never hides the 500 behind it
  let lastFailure: ProviderError | undefined;

  async function send<E extends WireEndpoint>(endpoint: E, body: unknown): Promise<{ status: number; data: WireData<E> }> {
    const url = `${baseUrl}/${endpoint}`;
    const ctrl = new AbortController();
    const answered = new AbortController();
    void clock.sleep(timeoutMs, { signal: answered.signal, guard: true }).then(() => answered.signal.aborted || ctrl.abort());
    const fail = (e: unknown): never => {
      if (ctrl.signal.aborted) throw new ProviderError('timeout', endpoint, `POST ${url}: no answer within ${timeoutMs} ms`, undefined, e);
      throw new ProviderError('network', endpoint, `POST ${url}: ${networkCause(e)}`, undefined, e);
    };
    try {
      const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
      if (token) headers.authorization = `Bearer ${token}`;
      const res = await fetchImpl(url, {
        method: 'POST',
        headers,
        body: JSON.stringify(body),
        signal: ctrl.signal,
      }).catch(fail);
      const text = await res.text().catch(fail);
      if (!res.ok) throw errorFromStatus(endpoint, res.status, text, url);
      return { status: res.status, data: parseBody(endpoint, res.status, text) };
    } catch (e) {
      if (e instanceof ProviderError && e.transient) lastFailure = e;
      throw e;
    } finally {
      answered.abort();
    }
  }

  async function call<E extends WireEndpoint>(endpoint: E, body: unknown): Promise<WireData<E>> {
    const attemptNo = currentAttempt();
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
            ? new ProviderError(
                'circuit_open',
                endpoint,
                `not called: the circuit is open after ${breaker.failureThreshold} failed calls in a row${lastFailure ? `, the last ${lastFailure.message}` : ''}`,
                lastFailure?.status,
                e,
              )
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

  return {
    async getLocations() {
      return (await call('GetLocations', {})).Locations.map(toLocation);
    },
    async getLocationServices(locationId) {
      return (await call('GetLocationServices', { LocationId: locationId })).Services.map(toService);
    },
    async getLocationStaff(locationId) {
      return (await call('GetLocationStaff', { LocationId: locationId })).Staff.map(toStaff);
    },
    async getItemsByDate({ locationId, date, staffId }) {
      const body = { LocationId: locationId, Date: date, ...(staffId ? { StaffId: staffId } : {}) };
      return (await call('GetItemsByDate', body)).Slots.map(toSlot);
    },
    async addOrder(req: OrderRequest): Promise<ProviderOrder> {
      const body = {
        IdempotencyKey: req.idempotencyKey,
        LocationId: req.locationId,
        Customer: { Name: req.customer.name, Mobile: req.customer.phone, Email: req.customer.email ?? null },
        Items: req.items.map((i) => ({ ItemId: i.serviceId, StaffId: i.staffId, StartTime: i.start })),
      };
      const order = toOrder((await call('AddOrder', body)).Order);
      // the provider holds the order and nothing of ours says so yet
      await crashPoint('after-order');
      return order;
    },
    async getOrder(q) {
      const body = 'orderId' in q ? { OrderId: q.orderId } : { IdempotencyKey: q.idempotencyKey };
      try {
        return toOrder((await call('GetOrder', body)).Order);
      } catch (e) {
        if (e instanceof ProviderError && e.kind === 'not_found') return null;
        throw e;
      }
    },
    async cancelOrder(orderId) {
      return toOrder((await call('CancelOrder', { OrderId: orderId })).Order);
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

/**
 * Why fetch failed: it says only "fetch failed", the reason (ECONNREFUSED, ENOTFOUND, a TLS error) is in its
 * cause, an AggregateError when several addresses were tried.
 */
export function networkCause(e: unknown): string {
  const cause = (e as { cause?: { code?: unknown; message?: unknown; errors?: Array<{ message?: unknown }> } } | null)?.cause;
  const code = typeof cause?.code === 'string' ? cause.code : null;
  const detail = [cause?.message, cause?.errors?.[0]?.message].find((m): m is string => typeof m === 'string' && m.length > 0) ?? null;
  const base = e instanceof Error ? e.message : String(e);
  // undici refuses the fetch standard's "bad ports" (1, 6000, 10080…) before connecting
  if (detail === 'bad port') return `${base} (bad port: fetch never connects to this port, one the fetch standard blocks; the provider must listen on another)`;
  if (!code && !detail) return base;
  return `${base} (${[code, detail && !(code && detail === code) ? detail : null].filter(Boolean).join(': ')})`;
}

function errorFromStatus(endpoint: WireEndpoint, status: number, text: string, url: string): ProviderError {
  let code: string | undefined;
  let message = `POST ${url}: HTTP ${status}`;
  try {
    const envelope = wireEnvelope.safeParse(JSON.parse(text));
    if (envelope.success) {
      code = envelope.data.Code;
      message = `POST ${url}: HTTP ${status} ${code}: ${envelope.data.Message}`;
    }
  } catch {
    // Error bodies from proxies are often HTML; the status says enough.
    if (text) message = `POST ${url}: HTTP ${status}: ${snippet(text)}`;
  }
  if (status === 404) return new ProviderError('not_found', endpoint, message, status);
  if (status === 409 && code === SLOT_TAKEN_CODE) return new ProviderError('slot_taken', endpoint, message, status);
  return new ProviderError('http', endpoint, message, status);
}

const snippet = (text: string) => (text.length > 80 ? `${text.slice(0, 80)}…` : text);
