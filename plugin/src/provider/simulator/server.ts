/**
 * HTTP face of the simulator: the seven provider endpoints (with faults
 * applied), the admin routes used by the harness and `bookwell simulator`, and
 * a stand-in payment page for the links in orders.
 */
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import { z } from 'zod';
import { type WireEndpoint, type WireEnvelope, wireRequests } from '../nailit-wire';
import type { ProviderEndpoint } from '../port';
import * as engine from './engine';
import { type FaultController, type FaultSpec, faultSpecSchema } from './faults';

export interface ServerDeps {
  ctx: engine.EngineContext;
  faults: FaultController;
  token?: string;
  setNow(now: Date): void;
  reset(): void;
  hold?: Hold;
}

type Handler = (ctx: engine.EngineContext, req: never) => unknown;
const handlers: Record<WireEndpoint, Handler> = {
  GetLocations: engine.getLocations,
  GetLocationServices: engine.getLocationServices,
  GetLocationStaff: engine.getLocationStaff,
  GetItemsByDate: engine.getItemsByDate,
  AddOrder: engine.addOrder,
  GetOrder: engine.getOrder,
  CancelOrder: engine.cancelOrder,
};

const envelope = <T>(status: number, code: string, message: string, data: T | null): WireEnvelope<T> => ({
  Status: status,
  Code: code,
  Message: message,
  Data: data,
});

/** Held replies (latency and timeout faults), released when the server closes so that close never hangs. */
export interface Holds {
  wait(reply: FastifyReply, ms?: number): Promise<void>;
  releaseAll(): void;
}

/**
 * How a reply is held back: for `ms`, or (null) until `released` aborts (the
 * caller hung up, the server closes). Real time by default; the harness holds
 * on a scenario's virtual clock, so a fault costs no wall time.
 */
export type Hold = (ms: number | null, released: AbortSignal) => Promise<void>;

/** Holds a reply for real time (or until released); the fake model endpoint holds its own the same way. */
export const realHold: Hold = (ms, released) =>
  new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      resolve();
    };
    const timer = ms === null ? undefined : setTimeout(done, ms);
    released.addEventListener('abort', done, { once: true });
  });

function createHolds(hold: Hold = realHold): Holds {
  const pending = new Set<AbortController>();
  return {
    async wait(reply, ms) {
      const released = new AbortController();
      const release = () => released.abort();
      pending.add(released);
      reply.raw.once('close', release);
      try {
        await hold(ms ?? null, released.signal);
      } finally {
        pending.delete(released);
        reply.raw.off('close', release);
      }
    },
    releaseAll: () => [...pending].forEach((released) => released.abort()),
  };
}

export function buildServer(deps: ServerDeps): { app: FastifyInstance; holds: Holds } {
  const { ctx, faults } = deps;
  const app = Fastify({ logger: false, forceCloseConnections: true });
  const holds = createHolds(deps.hold);

  for (const endpoint of Object.keys(handlers) as WireEndpoint[]) {
    app.post(`/${endpoint}`, async (request, reply) => {
      if (deps.token && request.headers.authorization !== `Bearer ${deps.token}`)
        return reply.code(401).send(envelope(401, 'UNAUTHORIZED', 'missing or wrong bearer token', null));
      const parsed = wireRequests[endpoint].safeParse(request.body ?? {});
      if (!parsed.success)
        return reply.code(400).send(envelope(400, 'INVALID_REQUEST', z.prettifyError(parsed.error), null));
      const fault = faults.next(endpoint);
      if (fault?.kind === 'error') {
        const status = fault.status ?? 500;
        return reply.code(status).send(envelope(status, 'SERVER_ERROR', 'injected error', null));
      }
      if (fault?.kind === 'latency') await holds.wait(reply, fault.ms ?? 1000);
      if (fault?.kind === 'slot_taken') applySlotTaken(ctx, endpoint, fault, parsed.data);
      if (fault?.kind === 'slot_taken' && endpoint === 'AddOrder')
        return reply.code(409).send(envelope(409, 'SLOT_TAKEN', 'slot just taken by another customer', null));

      let status = 200;
      let body: WireEnvelope<unknown>;
      try {
        body = envelope(200, 'OK', 'OK', handlers[endpoint](ctx, parsed.data as never));
      } catch (e) {
        if (!(e instanceof engine.SimError)) throw e;
        status = e.status;
        body = envelope(e.status, e.code, e.message, null);
      }
      // The work is done above: a timeout loses the answer, not the effect (an order still exists).
      if (fault?.kind === 'timeout') {
        reply.hijack();
        await holds.wait(reply);
        reply.raw.destroy();
        return;
      }
      if (fault?.kind === 'malformed') {
        const text = JSON.stringify(body);
        return reply.code(status).type('application/json').send(text.slice(0, Math.floor(text.length / 2)));
      }
      return reply.code(status).send(body);
    });
  }

  app.get('/__admin/faults', async () => faults.active());
  app.post('/__admin/faults', async (request, reply) => {
    const specs = z.union([faultSpecSchema, z.array(faultSpecSchema)]).safeParse(request.body);
    if (!specs.success) return reply.code(400).send({ error: z.prettifyError(specs.error) });
    try {
      faults.set(specs.data);
    } catch (e) {
      return reply.code(400).send({ error: (e as Error).message });
    }
    return faults.active();
  });
  app.delete('/__admin/faults', async () => {
    faults.clear();
    return faults.active();
  });
  app.get('/__admin/orders', async () => ctx.ledger.orders());
  app.get('/__admin/calls', async () => faults.calls());
  app.post('/__admin/clock', async (request, reply) => {
    const body = z.object({ now: z.iso.datetime({ offset: true }) }).safeParse(request.body);
    if (!body.success) return reply.code(400).send({ error: z.prettifyError(body.error) });
    deps.setNow(new Date(body.data.now));
    return { now: ctx.now().toISOString() };
  });
  app.post('/__admin/reset', async () => {
    deps.reset();
    return { ok: true };
  });

  app.get<{ Params: { orderId: string } }>('/pay/:orderId', async (request, reply) => {
    const order = ctx.ledger.get({ orderId: request.params.orderId });
    if (!order) return reply.code(404).type('text/plain').send('No such order');
    return reply
      .type('text/plain; charset=utf-8')
      .send(`Simulated payment page\nOrder ${order.orderId} (${order.status}): ${order.total} ${order.currency}\n`);
  });

  return { app, holds };
}

function applySlotTaken(ctx: engine.EngineContext, endpoint: ProviderEndpoint, fault: FaultSpec, req: unknown): void {
  if (endpoint === 'AddOrder') engine.takeRequestedSlots(ctx, req as Parameters<typeof engine.takeRequestedSlots>[1]);
  else if (fault.slot) {
    const start = Date.parse(fault.slot.start);
    ctx.ledger.block(fault.slot.staffId, { start, end: start + (fault.slot.durationMin ?? 60) * 60_000 });
  }
}
