/**
 * The owner console (fastify), on the same port as ever (127.0.0.1:4400 in
 * `bookwell dev` and `bookwell whatsapp`). Wiring only: access rules in
 * access.ts, each page's routes, queries and view in pages/<page>/.
 *
 *   /            overview: WhatsApp, today at a glance, errors (/api/status: JSON)
 *   /chats       chats handed to a person: transcript, reply, give back to the bot
 *   /bookings    today / next 7 days by branch and staff, search, cancel, move
 *   /sync        catalog freshness per branch, runs, errors, "sync now"
 *   /messages    every customer-facing template, preview, edit (local config file)
 *   /trends      bookings, chats, handoffs, provider failures, LLM usage per day
 */
import Fastify from 'fastify';
import { checkAccessOptions, registerAccess } from './access';
import { createContext } from './context';
import { bookingsRoutes } from './pages/bookings/routes';
import { chatsRoutes } from './pages/chats/routes';
import { messagesRoutes } from './pages/messages/routes';
import { overviewRoutes } from './pages/overview/routes';
import { createSyncRunner } from './pages/sync/runner';
import { syncRoutes } from './pages/sync/routes';
import { trendsRoutes } from './pages/trends/routes';
import type { AdminPorts } from './ports';
import { createQrRenderer } from './qr';

export interface AdminServerOptions extends AdminPorts {
  /** 0 picks a free port. */
  port: number;
  /** Default 127.0.0.1. */
  host?: string;
  token?: string;
  /** Seconds between reloads of the overview (default 5: a WhatsApp QR code lives about 20 s). */
  refreshSeconds?: number;
}

export interface AdminServer {
  /** Base URL, e.g. `http://127.0.0.1:4400/` (without the token). */
  url: string;
  /** Resolves when no sync started from the console is running. */
  idle(): Promise<void>;
  /** Waits for a sync started from the console, then stops listening. */
  close(): Promise<void>;
}

export async function startAdminServer(opts: AdminServerOptions): Promise<AdminServer> {
  const { port, host = '127.0.0.1', token, refreshSeconds = 5, ...ports } = opts;
  checkAccessOptions({ host, token });
  // no request log: URLs and bodies carry names, numbers and message text
  const app = Fastify({ logger: false });
  const runner = createSyncRunner();
  const ctx = createContext(ports, runner, createQrRenderer());

  await registerAccess(app, { host, token });
  app.get('/healthz', async () => ({ ok: true }));
  overviewRoutes(app, ctx, refreshSeconds);
  chatsRoutes(app, ctx);
  bookingsRoutes(app, ctx);
  syncRoutes(app, ctx);
  messagesRoutes(app, ctx);
  trendsRoutes(app, ctx);

  app.setErrorHandler(async (err, _req, reply) => {
    const status = (err as { statusCode?: number }).statusCode ?? 500;
    if (status === 403) {
      return reply.code(403).type('text/plain; charset=utf-8').send('403: this form has expired or did not come from the console: reload the page and try again\n');
    }
    if (status >= 400 && status < 500) return reply.code(status).type('text/plain; charset=utf-8').send(`${status}: ${err instanceof Error ? err.message : 'bad request'}\n`);
    const message = err instanceof Error ? err.message : String(err);
    return reply.code(500).type('text/plain; charset=utf-8').send(`500: the admin page could not do that: ${message}\n`);
  });

  try {
    const address = await app.listen({ host, port });
    return {
      url: `${address}/`,
      idle: () => runner.idle(),
      async close() {
        await runner.idle();
        await app.close();
      },
    };
  } catch (err) {
    await app.close();
    throw err;
  }
}
